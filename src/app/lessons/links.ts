// The addresses of the lesson pages: the index, a lesson (its intro), a step, the print view; and
// the step number read back from an address. A step number is 1 to the number of steps.
export const LESSONS_PATH = '/lessons';
export const TEACHERS_PATH = '/teachers';

/** `#/lessons/<slug>` for the intro (step 0), `#/lessons/<slug>/<n>` for step n. */
export function lessonPath(slug: string, step = 0): string {
  const base = `${LESSONS_PATH}/${encodeURIComponent(slug)}`;
  return step > 0 ? `${base}/${step}` : base;
}

export function printPath(slug: string): string {
  return `${LESSONS_PATH}/${encodeURIComponent(slug)}/print`;
}

/** The step of a `:step` route parameter: a whole number from 1 to `count`, else undefined. */
export function stepFromParam(value: string | undefined, count: number): number | undefined {
  if (value === undefined || !/^\d{1,6}$/.test(value)) return undefined;
  const step = Number(value);
  return step >= 1 && step <= count ? step : undefined;
}

/**
 * The step an address shows for lesson `slug`: 0 for `#/lessons/<slug>`, n for
 * `#/lessons/<slug>/<n>`, undefined for anything else (another page, another lesson, a bad step).
 */
export function stepFromHash(hash: string, slug: string, count: number): number | undefined {
  const path = hash.replace(/^#/, '').replace(/\?.*$/, '').replace(/\/+$/, '');
  const base = lessonPath(slug);
  if (path === base) return 0;
  if (!path.startsWith(`${base}/`)) return undefined;
  return stepFromParam(path.slice(base.length + 1), count);
}
