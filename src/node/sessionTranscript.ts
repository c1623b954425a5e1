// The live transcript of one session. The session is fed so that each client line is logged just
// before the replies it caused; message text is summed up (`C: <message text: N lines, M octets>`),
// not echoed, and fed in one piece up to the next line that may end it.
import type { ServerSession } from '../core/machines/smtpServer/session';
import { printable, type Log } from './transcript';

/** Longest unfinished line kept for the log; the session has its own, larger limit. */
const MAX_PARTIAL = 65_536;

export class SessionTranscript {
  readonly #session: ServerSession;
  readonly #log: Log;
  /** The client's unfinished line so far. */
  #partial = '';
  #textLines = 0;
  #textOctets = 0;
  /** Lines logged while text is fed wait until we know whether the text has ended. */
  #held: string[] | undefined;

  constructor(session: ServerSession, log: Log) {
    this.#session = session;
    this.#log = log;
  }

  replied(lines: string[]): void {
    for (const line of lines) this.note(`S: ${printable(line)}`);
  }

  note(line: string): void {
    if (this.#held) this.#held.push(line);
    else this.#log(line);
  }

  /** Feeds `chunk` to the session, logging as it goes. */
  receive(chunk: string): void {
    let start = 0;
    while (start < chunk.length && !this.#session.closed) {
      const inText = this.#inText();
      const end = inText ? this.#textEnd(chunk, start) : lineEnd(chunk, start);
      const piece = chunk.slice(start, end);
      start = end;
      if (inText) this.#text(piece);
      else this.#command(piece);
    }
  }

  #inText(): boolean {
    return this.#session.inData;
  }

  #command(piece: string): void {
    if (piece.endsWith('\n')) {
      this.#log(`C: ${printable((this.#partial + piece).replace(/\r?\n$/, ''))}`);
      this.#partial = '';
    } else {
      this.#partial = (this.#partial + piece).slice(-MAX_PARTIAL);
    }
    this.#session.receive(piece);
  }

  /** Where the text fed next should stop: after the first lone-dot line, else the chunk's end. */
  #textEnd(chunk: string, start: number): number {
    const lf = chunk.indexOf('\n', start);
    if (lf < 0) return chunk.length;
    const first = this.#partial + chunk.slice(start, lf);
    if (first === '.' || first === '.\r') return lf + 1;
    for (let at = chunk.indexOf('\n.', lf); at >= 0; at = chunk.indexOf('\n.', at + 1)) {
      if (chunk[at + 2] === '\n') return at + 3;
      if (chunk[at + 2] === '\r' && chunk[at + 3] === '\n') return at + 4;
    }
    return chunk.length;
  }

  #text(piece: string): void {
    const held: string[] = [];
    this.#held = held;
    this.#session.receive(piece);
    this.#held = undefined;
    const lines = (this.#partial + piece).split('\n');
    this.#partial = (lines.pop() ?? '').slice(-MAX_PARTIAL);
    const ended = !this.#inText();
    if (ended) lines.pop(); // the final dot
    for (const line of lines) {
      const text = line.endsWith('\r') ? line.slice(0, -1) : line;
      this.#textLines += 1;
      this.#textOctets += text.length + 2 - (text.startsWith('.') ? 1 : 0);
    }
    if (ended) {
      this.#log(`C: <message text: ${this.#textLines} lines, ${this.#textOctets} octets>`);
      this.#log('C: .');
      this.#textLines = 0;
      this.#textOctets = 0;
    }
    for (const line of held) this.#log(line);
  }
}

function lineEnd(chunk: string, start: number): number {
  const lf = chunk.indexOf('\n', start);
  return lf < 0 ? chunk.length : lf + 1;
}
