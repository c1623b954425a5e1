// lesson.md starts with YAML front matter between two `---` lines; the rest is the Markdown.

export interface FrontMatterSplit {
  yaml: string;
  /** lesson.md line of the first YAML line. */
  yamlLine: number;
  body: string;
  /** lesson.md line of the body's first line. */
  bodyLine: number;
}

export function splitFrontMatter(text: string): FrontMatterSplit | undefined {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---') return undefined;
  const end = lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---');
  if (end === -1) return undefined;
  return {
    yaml: lines.slice(1, end).join('\n'),
    yamlLine: 2,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
  };
}
