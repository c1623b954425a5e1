// Independent bookkeeping for the property tests: frames the client's bytes into lines on its own
// (CRLF or bare LF ends a line, RFC 5321 §2.3.8 leniency as documented for the server) and says
// which lines must get exactly one reply: every command line, every AUTH response after a 334,
// and the final dot after 354 (exactly <CRLF>.<CRLF>, §4.1.1.4). Message text gets none. It
// follows the replies as they come to know the mode, and checks that no reply is lost, none is
// extra, that the server closes only after 221 or 421 (§3.8) and that a 421 for too many errors
// comes exactly when the error count reaches the hard limit.
import { readReplies, type WireReply } from './serverModelDriver';

export interface AccountingOptions {
  hardErrorLimit: number;
  /** The greeting was refused (554): the server counts it as an error (Postfix). */
  greetingCode: number;
}

type Mode = 'command' | 'auth' | 'data' | 'closed';

export class ReplyAccounting {
  readonly problems: string[] = [];
  /** Lines that got (or were owed) a reply. */
  repliedLines = 0;
  /** The client's greeting state as far as the replies show (for enhanced codes). */
  hello: 'none' | 'HELO' | 'EHLO' = 'none';
  #mode: Mode = 'command';
  #buffer = '';
  #previousEnding: 'CRLF' | 'LF' = 'CRLF';
  #errors: number;
  readonly #limit: number;

  constructor(options: AccountingOptions) {
    this.#limit = options.hardErrorLimit;
    this.#errors = options.greetingCode >= 400 ? 1 : 0;
    if (options.greetingCode === 421) this.#mode = 'closed';
  }

  get closed(): boolean {
    return this.#mode === 'closed';
  }

  /**
   * Accounts for one chunk and the reply lines the server wrote while reading it. `closed` is
   * whether the server had closed the connection after it.
   */
  chunk(text: string, replyLines: string[], closed: boolean): void {
    const { replies, problems } = readReplies(replyLines);
    this.problems.push(...problems);
    const queue = [...replies];
    const take = (line: string): WireReply | undefined => {
      const reply = queue.shift();
      if (!reply) this.problems.push(`no reply to ${JSON.stringify(line.slice(0, 60))}`);
      return reply;
    };

    this.#buffer += text;
    let discardRest = false;
    for (;;) {
      if (this.closed || discardRest) break;
      const lf = this.#buffer.indexOf('\n');
      if (lf < 0) break;
      const crlf = lf > 0 && this.#buffer[lf - 1] === '\r';
      const line = this.#buffer.slice(0, crlf ? lf - 1 : lf);
      const ending = crlf ? 'CRLF' : 'LF';
      this.#buffer = this.#buffer.slice(lf + 1);

      if (this.#mode === 'data') {
        const final = line === '.' && ending === 'CRLF' && this.#previousEnding === 'CRLF';
        this.#previousEnding = ending;
        if (!final) continue;
        this.#mode = 'command';
        this.#answered(line, take(line), queue);
        continue;
      }
      const reply = take(line);
      if (!reply) continue;
      const inAuth = this.#mode === 'auth';
      this.#mode = 'command';
      if (reply.code === 334) this.#mode = 'auth';
      else if (reply.code === 354 && !inAuth) {
        this.#mode = 'data';
        this.#previousEnding = ending;
      } else if (!inAuth && reply.code === 250 && /^ehlo /i.test(line)) this.hello = 'EHLO';
      else if (!inAuth && reply.code === 250 && /^helo /i.test(line)) this.hello = 'HELO';
      else if (!inAuth && reply.code === 220 && /^starttls$/i.test(line)) {
        // RFC 3207 §4.2 / CVE-2011-0411: what the client pipelined after STARTTLS is discarded.
        this.hello = 'none';
        discardRest = true;
      }
      this.#answered(line, reply, queue);
    }
    if (discardRest) this.#buffer = '';
    if (queue.length > 0) {
      this.problems.push(`extra replies: ${queue.map((r) => r.lines.join(' / ')).join(' | ')}`);
    }
    if (closed !== this.closed) {
      this.problems.push(
        `server ${closed ? 'closed' : 'stayed open'}; expected ${this.closed ? 'closed' : 'open'}`,
      );
    }
  }

  /** After a line's reply: count errors, handle 221/421 and the hard error limit. */
  #answered(line: string, reply: WireReply | undefined, queue: WireReply[]): void {
    this.repliedLines += 1;
    if (!reply) return;
    if (reply.code === 221 || reply.code === 421) {
      this.#mode = 'closed';
      return;
    }
    if (reply.code >= 400) this.#errors += 1;
    if (this.#errors === this.#limit) {
      const limit = queue.shift();
      if (limit?.code !== 421) {
        this.problems.push(
          `no 421 after error number ${this.#limit} (reply to ${JSON.stringify(line.slice(0, 60))})`,
        );
      }
      this.#mode = 'closed';
    }
  }
}
