// Where a JSON text goes wrong, and why, in words for someone who wrote it by hand. JSON.parse
// does the parsing; this scanner only runs after it failed, because engines word their errors
// differently and some (Safari) give no position at all.
import { coreText, english, type CoreText } from '../text/message';

export interface JsonSyntaxError {
  /** 1-based; columns count UTF-16 code units from the start of the line. */
  line: number;
  column: number;
  /** What is wrong, in English. */
  message: string;
  /** The same as a structured text, for the page to show in its language. */
  problem: CoreText;
}

type State = 'value' | 'firstValue' | 'key' | 'firstKey' | 'colon' | 'next';

function wanted(state: State, closer: string | undefined): CoreText {
  switch (state) {
    case 'value':
      return coreText('json.wanted.value');
    case 'firstValue':
      return coreText('json.wanted.valueOrClose');
    case 'key':
      return coreText('json.wanted.key');
    case 'firstKey':
      return coreText('json.wanted.keyOrClose');
    case 'colon':
      return coreText('json.wanted.colon');
    case 'next':
      return closer === undefined
        ? coreText('json.wanted.end')
        : coreText('json.wanted.next', { closer });
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][\w$]*/y;

function position(text: string, offset: number, problem: CoreText): JsonSyntaxError {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, message: english(problem), problem };
}

function tokenAt(text: string, i: number): string {
  WORD.lastIndex = i;
  const word = WORD.exec(text);
  return JSON.stringify(word !== null ? word[0] : text[i]);
}

/** Scans the string starting at `start` (a quote): the offset after it, or an error. */
function scanString(text: string, start: number): number | { offset: number; problem: CoreText } {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c === 0x0a || c === 0x0d) return { offset: i, problem: coreText('json.lineBreak') };
    if (c < 0x20) return { offset: i, problem: coreText('json.control') };
    if (c === 0x5c) {
      const e = text[i + 1] ?? '';
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 5;
      else if (e !== '' && '"\\/bfnrt'.includes(e)) i++;
      else {
        const escape = JSON.stringify(`\\${e}`);
        return { offset: i, problem: coreText('json.badEscape', { escape }) };
      }
    }
  }
  return { offset: start, problem: coreText('json.unterminated') };
}

function unexpected(text: string, i: number, expected: CoreText, afterComma: boolean): CoreText {
  const c = text[i];
  if (c === "'") return coreText('json.singleQuote');
  if (c === '/') return coreText('json.comment');
  if (afterComma && (c === '}' || c === ']')) return coreText('json.trailingComma', { char: c });
  return coreText('json.unexpected', { token: tokenAt(text, i), expected });
}

/** The first syntax error in `text`, or undefined if it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const closers: string[] = [];
  let state = 'value' as State;
  let afterComma = false;
  let i = 0;
  const fail = (offset: number, problem: CoreText) => position(text, offset, problem);
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
    const closer = closers[closers.length - 1];
    const expected = wanted(state, closer);
    if (i >= text.length) {
      if (state === 'next' && closer === undefined) return undefined;
      return fail(i, coreText('json.endOfText', { expected }));
    }
    const c = text[i] as string;
    const comma = afterComma;
    afterComma = false;
    if (state === 'next') {
      if (closer === undefined) {
        return fail(i, coreText('json.afterEnd', { token: tokenAt(text, i) }));
      }
      if (c === ',') {
        state = closer === '}' ? 'key' : 'value';
        afterComma = true;
      } else if (c === closer) {
        closers.pop();
      } else {
        return fail(i, unexpected(text, i, expected, false));
      }
      i++;
      continue;
    }
    if ((state === 'firstValue' && c === ']') || (state === 'firstKey' && c === '}')) {
      closers.pop();
      state = 'next';
      i++;
      continue;
    }
    if (state === 'colon') {
      if (c !== ':') return fail(i, unexpected(text, i, expected, comma));
      state = 'value';
      i++;
      continue;
    }
    if (c === '"') {
      const end = scanString(text, i);
      if (typeof end !== 'number') return fail(end.offset, end.problem);
      state = state === 'key' || state === 'firstKey' ? 'colon' : 'next';
      i = end;
      continue;
    }
    if (state === 'key' || state === 'firstKey')
      return fail(i, unexpected(text, i, expected, comma));
    if (c === '{' || c === '[') {
      closers.push(c === '{' ? '}' : ']');
      state = c === '{' ? 'firstKey' : 'firstValue';
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    const literal = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
    const length = number?.[0].length ?? literal?.length ?? 0;
    if (length === 0) return fail(i, unexpected(text, i, expected, comma));
    state = 'next';
    i += length;
  }
}
