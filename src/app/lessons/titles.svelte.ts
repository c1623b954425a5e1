// The titles of the lessons opened so far, for the document title: the route table cannot read
// the lessons (they are a chunk of their own), so a lesson page tells it here once loaded.
const known = $state<Record<string, string>>({});

export function rememberLessonTitle(slug: string, title: string): void {
  if (known[slug] !== title) known[slug] = title;
}

/** The lesson's title once its page has loaded it (reactive), else undefined. */
export function lessonTitle(slug: string | undefined): string | undefined {
  return slug === undefined ? undefined : known[slug];
}
