// Reply lines on the wire (RFC 5321 §4.2): `code-text` for every line but the last, `code SP text`
// for the last, all with the same code; with ENHANCEDSTATUSCODES each line's text starts with the
// enhanced code (RFC 2034, RFC 3463).
//
// Formatting policy (formatReply):
// - No text lines → one line with the code and a space (`250 `): RFC 5321 allows the bare code,
//   but `code SP` is what RFC 821-era clients expect and is equally valid.
// - CR, LF and the other control characters (except HT) become spaces: a hostile text (an echoed
//   address, a HELO name) can never inject a line of its own.
// - Lines are cut to 510 characters, 512 with CRLF (§4.5.3.1.5).
// - An invalid code or enhanced code is a bug in the caller and throws a RangeError.

import type { Reply } from './types';

/** Longest reply line without its CRLF (RFC 5321 §4.5.3.1.5). */
export const MAX_REPLY_LINE_LENGTH = 510;

export type ReplyClass =
  'positive-completion' | 'positive-intermediate' | 'transient-negative' | 'permanent-negative';

/** `Reply-code = %x32-35 %x30-35 %x30-39` (RFC 5321 §4.2). */
export function isReplyCode(n: number): boolean {
  return Number.isInteger(n) && n >= 200 && n <= 599 && Math.floor(n / 10) % 10 <= 5;
}

/** The class given by the first digit (RFC 5321 §4.2.1). */
export function replyClass(code: number): ReplyClass {
  if (!Number.isInteger(code) || code < 200 || code > 599) {
    throw new RangeError(`not an SMTP reply code: ${code}`);
  }
  switch (Math.floor(code / 100)) {
    case 2:
      return 'positive-completion';
    case 3:
      return 'positive-intermediate';
    case 4:
      return 'transient-negative';
    default:
      return 'permanent-negative';
  }
}

const ENHANCED = /^([245])\.\d{1,3}\.\d{1,3}$/;
// Enhanced code at the start of a reply text, followed by a space or the end of the line.
const LEADING_ENHANCED = /^([245])\.\d{1,3}\.\d{1,3}(?= |$)/;
// C0 controls except HT, and DEL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/g;
// RFC 5321 §4.2: reply text is printable US-ASCII; an echoed 8-bit octet becomes `?`.
const NON_ASCII = /[\u0080-\uffff]/g;

export function formatReply(reply: Reply, opts: { enhanced: boolean }): string[] {
  const { code } = reply;
  if (!isReplyCode(code)) throw new RangeError(`not an SMTP reply code: ${code}`);
  let prefix = '';
  if (opts.enhanced && reply.enhanced !== undefined) {
    const m = ENHANCED.exec(reply.enhanced);
    if (m === null || m[1] !== String(code)[0]) {
      throw new RangeError(`enhanced code ${JSON.stringify(reply.enhanced)} does not fit ${code}`);
    }
    prefix = reply.enhanced + ' ';
  }
  const texts = reply.lines.length > 0 ? reply.lines : [''];
  const last = texts.length - 1;
  return texts.map((text, i) => {
    const head = `${code}${i === last ? ' ' : '-'}${prefix}`;
    // Cut before cleaning: cleaning keeps the length, and a huge text is then never scanned whole.
    return (
      head +
      text
        .slice(0, MAX_REPLY_LINE_LENGTH - head.length)
        .replace(CONTROL, ' ')
        .replace(NON_ASCII, '?')
    );
  });
}

export interface ParsedReplyLine {
  code: number;
  /** The separator was a space or nothing: this line ends the reply. */
  last: boolean;
  text: string;
}

const REPLY_LINE = /^([2-5]\d\d)(?:([ -])([\s\S]*))?$/;

/** Parses `ddd`, `ddd text` or `ddd-text` (first digit 2–5); null for anything else. */
export function parseReplyLine(line: string): ParsedReplyLine | null {
  const m = REPLY_LINE.exec(line);
  if (m === null) return null;
  return { code: Number(m[1]), last: m[2] !== '-', text: m[3] ?? '' };
}

export type ReplyReaderResult = Reply | { error: string } | null;

export interface ReplyReaderOptions {
  /** Most lines accepted in one reply before it is called an error. Default 1000. */
  maxLines?: number;
}

/**
 * Assembles reply lines (without CRLF) into replies: null while a multi-line reply is incomplete,
 * `{ error }` for a malformed line or a continuation with another code (the partial reply is then
 * dropped). The enhanced code of the first line, when its class matches the reply code, is moved
 * into `enhanced` and removed from every line that starts with it.
 */
export class ReplyReader {
  readonly #maxLines: number;
  #code: number | undefined;
  #lines: string[] = [];

  constructor(opts: ReplyReaderOptions = {}) {
    this.#maxLines = opts.maxLines ?? 1000;
  }

  push(line: string): ReplyReaderResult {
    const parsed = parseReplyLine(line);
    if (parsed === null) {
      this.#reset();
      return { error: `malformed reply line: ${JSON.stringify(line.slice(0, 80))}` };
    }
    if (this.#code !== undefined && parsed.code !== this.#code) {
      const expected = this.#code;
      this.#reset();
      return { error: `reply line has code ${parsed.code}, expected ${expected}` };
    }
    this.#code = parsed.code;
    this.#lines.push(parsed.text);
    if (!parsed.last) {
      if (this.#lines.length < this.#maxLines) return null;
      this.#reset();
      return { error: `reply longer than ${this.#maxLines} lines` };
    }
    const reply = toReply(parsed.code, this.#lines);
    this.#reset();
    return reply;
  }

  /** A multi-line reply has started and is not complete. */
  inProgress(): boolean {
    return this.#code !== undefined;
  }

  #reset(): void {
    this.#code = undefined;
    this.#lines = [];
  }
}

function toReply(code: number, texts: string[]): Reply {
  const m = LEADING_ENHANCED.exec(texts[0] ?? '');
  if (m === null || m[1] !== String(code)[0]) return { code, lines: texts };
  const enhanced = m[0];
  const lines = texts.map((t) =>
    t === enhanced ? '' : t.startsWith(enhanced + ' ') ? t.slice(enhanced.length + 1) : t,
  );
  return { code, enhanced, lines };
}
