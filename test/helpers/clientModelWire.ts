// Independent bookkeeping of an SMTP client's wire for property tests: which command each reply
// answers, and what the client wrote. Written from RFC 5321 §4.2 (reply lines), §4.1.1.4 and
// §4.5.2 (message text), RFC 2920 §3.1 (replies strictly in order), not from src/.

/** One event the reply grammar makes of a line: a complete reply, or a malformed line. */
export type ParsedReply = { code: number } | { bad: string };

/**
 * RFC 5321 §4.2: `code SP text` / `code` ends a reply, `code-text` continues it; every line of a
 * reply has the same code. A line that is not a reply line, or continues with another code, is a
 * protocol error and drops the partial reply. Lines come without their CRLF.
 */
export class IndependentReplyParser {
  #code: number | undefined;

  line(text: string): ParsedReply | null {
    const m = /^([2-5][0-9][0-9])(?:([ -])[\s\S]*)?$/.exec(text);
    if (!m) {
      this.#code = undefined;
      return { bad: text };
    }
    const code = Number(m[1]);
    if (this.#code !== undefined && this.#code !== code) {
      this.#code = undefined;
      return { bad: text };
    }
    if (m[2] === '-') {
      this.#code = code;
      return null;
    }
    this.#code = undefined;
    return { code };
  }
}

type Cmd =
  | { kind: 'mail'; t: number }
  | { kind: 'rcpt'; t: number; r: number }
  | { kind: 'data'; t: number }
  | { kind: 'dot'; t: number }
  | { kind: 'other'; verb: string };

const is2 = (code: number) => code >= 200 && code < 300;

/** Longest command line without CRLF (RFC 5321 §4.5.3.1.4: 512 with CRLF). */
export const MAX_COMMAND_LINE = 510;
/** Longest text line without CRLF and without a stuffed dot (§4.5.3.1.6: 1000 with CRLF). */
export const MAX_TEXT_LINE = 998;

/**
 * Follows the dialogue: every written line is a command, except a batch written right after a 3yz
 * to DATA that ends with `.` (the message text); every reply answers the oldest command waiting
 * (the greeting first). Records, per transaction (counted by MAIL commands), which MAIL, RCPT and
 * final dots got a 2xx, and every problem with the written lines.
 */
export class WireTracker {
  readonly #out: Array<Cmd | { kind: 'greeting' }> = [{ kind: 'greeting' }];
  #t = -1;
  #r = 0;
  #dataGoAhead = false;
  readonly mailOk = new Set<number>();
  readonly rcptOk = new Set<string>();
  readonly dotOk = new Set<number>();
  readonly problems: string[] = [];
  #silenced: string | undefined;

  /** The connection is gone (lost or closed): nothing may be written any more. */
  silence(why: string): void {
    this.#silenced ??= why;
  }

  written(lines: string[]): void {
    if (this.#silenced)
      this.problems.push(`wrote ${JSON.stringify(lines)} after ${this.#silenced}`);
    const text = this.#dataGoAhead && lines.at(-1) === '.';
    this.#dataGoAhead = false;
    for (const [i, line] of lines.entries()) {
      if (/[\r\n]/.test(line)) this.problems.push(`a line with CR or LF: ${JSON.stringify(line)}`);
      if (text) {
        if (i === lines.length - 1) {
          this.#out.push({ kind: 'dot', t: this.#t });
        } else {
          const unstuffed = line.startsWith('.') ? line.slice(1) : line;
          if (unstuffed.length > MAX_TEXT_LINE)
            this.problems.push(`a text line of ${unstuffed.length} octets`);
        }
        continue;
      }
      if (line.length > MAX_COMMAND_LINE)
        this.problems.push(`a command line of ${line.length + 2} octets: ${line.slice(0, 40)}…`);
      const verb = (line.split(' ')[0] ?? '').toUpperCase();
      if (verb === 'MAIL') {
        this.#t += 1;
        this.#r = 0;
        this.#out.push({ kind: 'mail', t: this.#t });
      } else if (verb === 'RCPT') {
        this.#out.push({ kind: 'rcpt', t: this.#t, r: this.#r });
        this.#r += 1;
      } else if (verb === 'DATA') {
        this.#out.push({ kind: 'data', t: this.#t });
      } else {
        this.#out.push({ kind: 'other', verb });
      }
    }
  }

  replied(code: number): void {
    const head = this.#out.shift();
    this.#dataGoAhead = false;
    if (!head) return;
    if (head.kind === 'mail' && is2(code)) this.mailOk.add(head.t);
    if (head.kind === 'rcpt' && is2(code)) this.rcptOk.add(`${head.t}:${head.r}`);
    if (head.kind === 'data' && code >= 300 && code < 400) this.#dataGoAhead = true;
    if (head.kind === 'dot' && is2(code)) this.dotOk.add(head.t);
  }

  /** What the client waits for now: `greeting`, `mail`, `rcpt`, `data`, `dot` or a verb. */
  head(): string | undefined {
    const h = this.#out[0];
    return h === undefined ? undefined : h.kind === 'other' ? h.verb : h.kind;
  }

  /** A recipient may be reported delivered only after 2xx to MAIL, its RCPT and the final dot. */
  mayBeDelivered(t: number, r: number): boolean {
    return this.mailOk.has(t) && this.rcptOk.has(`${t}:${r}`) && this.dotOk.has(t);
  }
}
