// Line framing and dot-stuffing for the SMTP wire (RFC 5321 §2.3.8, §4.5.2).
//
// Framing policy (LineReader):
// - CRLF ends a line (`ending: 'CRLF'`).
// - A bare LF also ends a line (`ending: 'LF'`). Most MTAs are this lenient; the ending is recorded
//   so that the end of DATA can be refused on a bare LF (the 2023 SMTP smuggling defence, see
//   DataReader below).
// - A bare CR is an ordinary character inside the line.
// - A CR at the very end of a chunk is held back until the next chunk shows whether an LF follows,
//   so a CRLF split across two chunks is still one CRLF.
// - A line longer than `maxLineLength` is cut: `text` keeps its first `maxLineLength` characters,
//   `overlong` is true, and the rest up to the line end is discarded as it arrives, so a hostile
//   peer cannot make us buffer an endless line.
// - Chunks may split anywhere: the lines produced never depend on where the splits fall.
//
// Dot-stuffing (RFC 5321 §4.5.2): the sender doubles a leading `.`; the receiver removes one and
// ends the data on a line that is exactly `.`.
//
// End-of-data policy (DataReader): the data ends on a `.` line only when that line ended with CRLF
// and so did the line before it (the DATA command counts as that line for the first one): the
// sequence must be exactly <CRLF>.<CRLF>. A `.` line next to a bare LF (`\n.\n`, `\r\n.\n`,
// `\n.\r\n`) is message text, unstuffed to an empty line. Otherwise a server that reads `\n.\n` as
// the end while the relay before it did not would see the rest of the "message" as new commands:
// that is how SMTP smuggling injects a second, forged message.

export type LineEnding = 'CRLF' | 'LF';

export interface FramedLine {
  /** The line without its ending; at most `maxLineLength` characters. */
  text: string;
  ending: LineEnding;
  /** The line was longer than `maxLineLength` and has been cut. */
  overlong: boolean;
}

export interface LineReaderOptions {
  /** Longest line kept whole, ending excluded. Default 4096. */
  maxLineLength?: number;
}

export const DEFAULT_MAX_LINE_LENGTH = 4096;

const CR = 13;

export class LineReader {
  readonly #max: number;
  #line = '';
  #overlong = false;
  #heldCR = false;

  constructor(opts: LineReaderOptions = {}) {
    const max = opts.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
    if (!Number.isInteger(max) || max < 1) {
      throw new RangeError(`maxLineLength must be a positive integer, got ${max}`);
    }
    this.#max = max;
  }

  /** Feeds one chunk; returns the lines it completed, in order. */
  push(chunk: string): FramedLine[] {
    const lines: FramedLine[] = [];
    let data = chunk;
    if (this.#heldCR) {
      this.#heldCR = false;
      data = '\r' + chunk;
    }
    let start = 0;
    for (;;) {
      const lf = data.indexOf('\n', start);
      if (lf === -1) break;
      // A CR that belongs to this line's CRLF is always in `data`: a CR ending the previous chunk
      // was held back and prepended above.
      const crlf = lf > start && data.charCodeAt(lf - 1) === CR;
      this.#append(data, start, crlf ? lf - 1 : lf);
      lines.push({ text: this.#line, ending: crlf ? 'CRLF' : 'LF', overlong: this.#overlong });
      this.#line = '';
      this.#overlong = false;
      start = lf + 1;
    }
    let end = data.length;
    if (end > start && data.charCodeAt(end - 1) === CR) {
      this.#heldCR = true;
      end -= 1;
    }
    this.#append(data, start, end);
    return lines;
  }

  /** Characters buffered for the unfinished line (at most maxLineLength + 1). */
  pending(): number {
    return this.#line.length + (this.#heldCR ? 1 : 0);
  }

  #append(data: string, from: number, to: number): void {
    if (to <= from || this.#overlong) return;
    const room = this.#max - this.#line.length;
    if (to - from > room) {
      this.#line += data.slice(from, from + room);
      this.#overlong = true;
    } else {
      this.#line += data.slice(from, to);
    }
  }
}

/** Prefixes a `.` to a line that starts with one (RFC 5321 §4.5.2, sender side). */
export function dotStuff(line: string): string {
  return line.startsWith('.') ? '.' + line : line;
}

/**
 * The wire lines (without CRLF) that send `text` after a 354: split on CRLF or LF, each line
 * dot-stuffed, then the final `.`. A text ending in a line break gets no extra empty line; a bare
 * CR stays inside its line.
 */
export function encodeMessageText(text: string): string[] {
  // A bare CR may not reach the wire (RFC 5321 §2.3.8): CR, LF and CRLF all end a line here.
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return [...lines.map(dotStuff), '.'];
}

export interface DataReaderOptions {
  /** How the DATA command line itself ended: a bare LF there means no `<CRLF>.<CRLF>` yet. */
  afterLine?: LineEnding;
  /** Stop storing the message once it is larger than this (octets, CRLF line ends). */
  maxOctets?: number;
}

export type DataPushResult = { done: false } | { done: true };

/** Receives the lines after a 354 until the end-of-data `.` (policy in the header comment). */
export class DataReader {
  readonly #maxOctets: number;
  #lines: string[] = [];
  #octets = 0;
  #exceeded = false;
  #done = false;
  // The DATA command line itself ended with CRLF, as far as this reader knows.
  #previousEnding: LineEnding = 'CRLF';

  constructor(opts: DataReaderOptions = {}) {
    this.#previousEnding = opts.afterLine ?? 'CRLF';
    const max = opts.maxOctets ?? Infinity;
    if (!(max >= 0)) throw new RangeError(`maxOctets must be >= 0, got ${max}`);
    this.#maxOctets = max;
  }

  push(line: FramedLine): DataPushResult {
    if (this.#done) throw new Error('DataReader: the data has already ended');
    const afterCrlf = this.#previousEnding === 'CRLF';
    this.#previousEnding = line.ending;
    if (line.text === '.' && line.ending === 'CRLF' && afterCrlf) {
      this.#done = true;
      return { done: true };
    }
    const text = line.text.startsWith('.') ? line.text.slice(1) : line.text;
    // RFC 1870 measures the content with CRLF line ends and without the stuffing dots.
    this.#octets += text.length + 2;
    if (!this.#exceeded && this.#octets > this.#maxOctets) {
      this.#exceeded = true;
      // Dropped rather than kept truncated: a cut message must never pass for the real one.
      this.#lines = [];
    }
    if (!this.#exceeded) this.#lines.push(text);
    return { done: false };
  }

  /** The unstuffed lines; empty once `exceeded()`. */
  lines(): string[] {
    return [...this.#lines];
  }

  /** The lines joined with CRLF, with a final CRLF when there is at least one line. */
  text(): string {
    return this.#lines.length === 0 ? '' : this.#lines.join('\r\n') + '\r\n';
  }

  /** Size of the message so far in octets, counted even after `exceeded()`. */
  octets(): number {
    return this.#octets;
  }

  exceeded(): boolean {
    return this.#exceeded;
  }

  done(): boolean {
    return this.#done;
  }
}
