// Fenced code blocks as CommonMark opens and closes them: ``` or ~~~ (three or more, up to three
// spaces of indent); the closing fence uses the same character, at least as many, and no info.

export interface Fence {
  char: '`' | '~';
  length: number;
  /** The info string: `step`, `json`, `text`… (trimmed). */
  info: string;
}

const OPENING = /^ {0,3}(`{3,}|~{3,})(.*)$/;

export function fenceOpening(line: string): Fence | undefined {
  const m = OPENING.exec(line);
  if (m === null) return undefined;
  const [, marks = '', info = ''] = m;
  const char = marks[0] as '`' | '~';
  // A backtick fence's info string may not contain backticks (CommonMark 4.5).
  if (char === '`' && info.includes('`')) return undefined;
  return { char, length: marks.length, info: info.trim() };
}

export function closesFence(line: string, open: Fence): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
  return m !== null && m[1]?.[0] === open.char && (m[1]?.length ?? 0) >= open.length;
}

/** For each line: inside a fenced block (the fence lines themselves count as inside). */
export function fencedLines(lines: readonly string[]): boolean[] {
  const inside: boolean[] = [];
  let open: Fence | undefined;
  for (const line of lines) {
    if (open === undefined) {
      open = fenceOpening(line);
      inside.push(open !== undefined);
    } else {
      inside.push(true);
      if (closesFence(line, open)) open = undefined;
    }
  }
  return inside;
}
