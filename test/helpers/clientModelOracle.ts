// An independent oracle for the SMTP client, written from RFC 5321, RFC 2920, RFC 3207, RFC 4954
// and /work/shared/reference/smtp-fidelity.md — not from src/core/machines/smtpClient.
//
// It follows the dialogue as the server sees it: every line the client writes is a command (or
// message text after 354), every reply answers the oldest command still waiting (RFC 2920 §3.1:
// replies come strictly in order). After each server act it lists what the client may write
// next (one or more alternatives, each with whether the client must then have closed) and checks
// the client's actual writes against them. At the end it derives every recipient's outcome from
// the replies alone:
// - a 2xx after the final dot, for a recipient whose RCPT got a 2xx: delivered (§4.2.5);
// - a 4xx to MAIL, its RCPT, DATA or the dot: deferred; a 5xx: failed; the stage is where;
// - anything else (421, loss, timeout, a malformed reply, a give-up before MAIL): deferred,
//   with `afterDot` only when the connection was lost or timed out after the dot was written and
//   before its reply came (the RFC 1047 window, fidelity §6.1).
import { Buffer } from 'node:buffer';
import type {
  OutgoingTransaction,
  RecipientOutcome,
  Stage,
} from '../../src/core/machines/smtpClient/types';
import { RFC5321_TIMEOUTS, type ClientFixture, type Letter } from './clientModelFixtures';

type Cmd =
  | { verb: 'GREETING' | 'EHLO' | 'HELO' | 'STARTTLS' | 'AUTH' | 'QUIT' }
  | { verb: 'MAIL' | 'DATA'; t: number }
  | { verb: 'RCPT'; t: number; r: number }
  | { verb: 'DOT'; t: number; empty: boolean }
  | { verb: 'RSET'; next: number };

/** An expected line: exact text, or a MAIL command for transaction `mail` (parameters vary). */
type LineSpec = string | { mail: number };

interface Alternative {
  lines: LineSpec[];
  /** The client has closed the connection afterwards. */
  closed: boolean;
  why: string;
  then?: () => void;
}

/** What came back for one transaction (codes of the replies, in the oracle's own bookkeeping). */
interface TxnReplies {
  mail?: number;
  rcpt: Array<number | undefined>;
  data?: number;
  dot?: number;
}

interface Ending {
  cause: 'lost' | 'timeout' | 'bad' | '421' | 'refused';
  /** Pre-transaction stage of a give-up, when it happened before any MAIL. */
  stage?: Stage;
  /** The transaction whose (non-empty) final dot was waiting for its reply. */
  dotOf?: number;
}

const cls = (code: number | undefined) => (code === undefined ? 0 : Math.floor(code / 100));
const is2 = (c: number | undefined) => cls(c) === 2;
const is3 = (c: number | undefined) => cls(c) === 3;

/** RFC 5321 §4.5.2 dot-stuffing of a text with CRLF line ends, then the final dot. */
export function wireLinesOf(text: string): string[] {
  if (text === '') return ['.'];
  const body = text.endsWith('\r\n') ? text.slice(0, -2) : text;
  return [...body.split('\r\n').map((l) => (l.startsWith('.') ? `.${l}` : l)), '.'];
}

/** RFC 4616 PLAIN: base64 of UTF-8 `authzid NUL authcid NUL passwd`, authzid empty. */
export function authPlainLine(user: string, password: string): string {
  return `AUTH PLAIN ${Buffer.from(`\0${user}\0${password}`, 'utf8').toString('base64')}`;
}

const has8bit = (text: string) => /[\x80-\xff]/.test(text);

function describeCmd(c: Cmd | undefined): string {
  if (!c) return 'nothing';
  if (c.verb === 'RCPT') return `RCPT #${c.r + 1}`;
  if (c.verb === 'DOT') return c.empty ? 'the lone final dot' : 'the final dot';
  if (c.verb === 'GREETING') return 'the greeting';
  return c.verb;
}

function describeAlternative(a: Alternative): string {
  const lines = a.lines.map((l) => (typeof l === 'string' ? l : 'MAIL FROM:<…>'));
  const shown = lines.length > 4 ? [...lines.slice(0, 3), `… (${lines.length} lines)`] : lines;
  return `${lines.length === 0 ? 'nothing' : `[${shown.join(' | ')}]`}${a.closed ? ' and close' : ''} (${a.why})`;
}

export class ClientOracle {
  readonly #f: ClientFixture;
  #out: Cmd[] = [{ verb: 'GREETING' }];
  #closed = false;
  /** After a malformed reply or a timeout the client cannot know what later replies answer. */
  #confused = false;
  #ext = new Set<string>();
  #esmtp = false;
  #tls = false;
  #tlsFailed = false;
  #authed = false;
  readonly #tx: TxnReplies[];
  #ending: Ending | undefined;

  constructor(fixture: ClientFixture) {
    this.#f = fixture;
    this.#tx = fixture.transactions.map((t) => ({ rcpt: t.recipients.map(() => undefined) }));
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Nothing may be written before the greeting (RFC 5321 §3.1). */
  start(writes: string[], closed: boolean): string[] {
    if (writes.length > 0 || closed)
      return [`before the greeting the client wrote ${JSON.stringify(writes)}`];
    return [];
  }

  /** The RFC 5321 §4.5.3.2 minimum the client must wait for the reply it is waiting for. */
  waitLimit(): number {
    const head = this.#out[0];
    switch (head?.verb) {
      case 'GREETING':
        return RFC5321_TIMEOUTS.greeting;
      case 'MAIL':
        return RFC5321_TIMEOUTS.mail;
      case 'RCPT':
        return RFC5321_TIMEOUTS.rcpt;
      case 'DATA':
        return RFC5321_TIMEOUTS.dataInit;
      case 'DOT':
        return RFC5321_TIMEOUTS.dataDone;
      default:
        return RFC5321_TIMEOUTS.other;
    }
  }

  /** What the client is waiting for, for messages. */
  waitingFor(): string {
    return describeCmd(this.#out[0]);
  }

  /** One server act; `writes` are the lines the client wrote in response. */
  step(letter: Letter, writes: string[], closed: boolean): string[] {
    if (this.#closed) return [`the client acted after it had closed: ${JSON.stringify(writes)}`];
    const head = this.#out[0];
    const alternatives = this.#react(letter);
    const context = `after ${letter.label} to ${describeCmd(head)}`;
    for (const a of alternatives) {
      if (a.closed !== closed || a.lines.length !== writes.length) continue;
      if (a.lines.some((spec, i) => this.#lineProblem(spec, writes[i] ?? '') !== undefined))
        continue;
      a.then?.();
      this.#closed = a.closed;
      return [];
    }
    // Explain against the closest alternative.
    const detail: string[] = [];
    const first = alternatives[0];
    if (first && first.lines.length === writes.length) {
      first.lines.forEach((spec, i) => {
        const p = this.#lineProblem(spec, writes[i] ?? '');
        if (p) detail.push(p);
      });
    }
    const wrote = writes.length === 0 ? 'nothing' : JSON.stringify(writes);
    return [
      `${context} the client wrote ${wrote} and ${closed ? 'closed' : 'stayed open'}; expected ${alternatives
        .map(describeAlternative)
        .join(' or ')}${detail.length > 0 ? ` — ${detail.join('; ')}` : ''}`,
    ];
  }

  /** Checks the outcomes handed to `done` against what the replies decided. */
  finish(outcomes: RecipientOutcome[][] | undefined): string[] {
    if (!outcomes) return ['the session finished without outcomes'];
    const problems: string[] = [];
    const txs = this.#f.transactions;
    if (outcomes.length !== txs.length)
      return [`${outcomes.length} outcome rows for ${txs.length} transactions`];
    txs.forEach((t, ti) => {
      const row = outcomes[ti] ?? [];
      if (row.length !== t.recipients.length) {
        problems.push(
          `transaction ${ti + 1}: ${row.length} outcomes, ${t.recipients.length} recipients`,
        );
        return;
      }
      t.recipients.forEach((_, ri) => {
        const got = row[ri];
        const where = `transaction ${ti + 1} recipient ${ri + 1}`;
        if (!got) {
          problems.push(`${where}: no outcome`);
          return;
        }
        problems.push(...this.#outcomeProblems(ti, ri, got).map((p) => `${where}: ${p}`));
      });
    });
    return problems;
  }

  // --- reactions ----------------------------------------------------------------------------

  #react(letter: Letter): Alternative[] {
    const act = letter.act;
    if (act.kind === 'lost') {
      this.#end({ cause: 'lost' });
      return [close('a lost connection ends the session: nothing more can be written (§3.8)')];
    }
    if (act.kind === 'timeout') {
      this.#end({ cause: 'timeout' });
      return [
        close('timed out (§4.5.3.2): give up'),
        this.#quit('timed out (§4.5.3.2): give up, QUIT', () => {
          this.#confused = true;
          this.#out = [{ verb: 'QUIT' }];
        }),
      ];
    }
    if (act.kind === 'bad') {
      if (this.#confused || this.#out[0]?.verb === 'QUIT')
        return [close('anything after QUIT ends the session')];
      this.#end({ cause: 'bad' });
      const giveUp = () => {
        this.#confused = true;
        this.#out = [{ verb: 'QUIT' }];
      };
      return [
        this.#quit('a malformed reply is a protocol error: give up, QUIT', giveUp),
        close('a malformed reply is a protocol error: give up and close'),
      ];
    }
    const code = letter.code ?? 0;
    const head = this.#out.shift();
    if (!head) return [close('a reply with nothing outstanding')];
    if (this.#confused || head.verb === 'QUIT')
      return [close('the reply to QUIT (or after giving up) ends the session')];
    if (code === 421) {
      // §3.8 / §4.2.2: 421 may answer anything; the server closes; the client writes nothing more.
      this.#out.unshift(head);
      this.#end({ cause: '421' });
      this.#out = [];
      this.#record(head, code);
      return [close('421: the server is closing the channel, nothing more may be written')];
    }
    this.#record(head, code);
    switch (head.verb) {
      case 'GREETING':
        if (is2(code))
          return [
            this.#cmd(`EHLO ${this.#f.options.hostname}`, 'EHLO first (§3.2)', { verb: 'EHLO' }),
          ];
        this.#end({ cause: 'refused', stage: 'greeting' });
        return [this.#quit('a refused greeting: QUIT (§3.1), let the next MX try')];
      case 'EHLO':
        if (is2(code)) {
          this.#ext = new Set(letter.keywords ?? []);
          this.#esmtp = true;
          return this.#afterHello();
        }
        return this.#ehloRefused(code);
      case 'HELO':
        if (is2(code)) {
          this.#ext = new Set();
          this.#esmtp = false;
          return this.#afterHello();
        }
        this.#end({ cause: 'refused', stage: 'hello' });
        return [this.#quit('HELO refused: give up')];
      case 'STARTTLS':
        if (is2(code)) {
          return [
            this.#cmd(
              `EHLO ${this.#f.options.hostname}`,
              'after the TLS handshake the client forgets the old EHLO and says EHLO again (RFC 3207 §4.2)',
              { verb: 'EHLO' },
              () => {
                this.#tls = true;
                this.#ext = new Set();
                this.#esmtp = false;
              },
            ),
          ];
        }
        if (this.#f.options.starttls === 'required') {
          this.#end({ cause: 'refused', stage: 'tls' });
          return [this.#quit('STARTTLS refused and TLS required: give up')];
        }
        this.#tlsFailed = true;
        return this.#afterHello();
      case 'AUTH':
        if (is2(code)) {
          this.#authed = true;
          return this.#afterHello();
        }
        this.#end({ cause: 'refused', stage: 'auth' });
        return [this.#quit('AUTH refused (RFC 4954): give up')];
      case 'RSET':
        if (is2(code)) return this.#opening(head.next);
        this.#end({ cause: 'refused' });
        return [this.#quit('RSET refused: the server is confused, give up')];
      case 'MAIL':
        return this.#afterMail(head.t, code);
      case 'RCPT':
        return this.#afterRcpt(head.t, head.r);
      case 'DATA':
        return this.#afterData(head.t, code);
      case 'DOT':
        return this.#endTransaction(head.t, 'dot');
    }
  }

  #ehloRefused(code: number): Alternative[] {
    const helo = this.#cmd(
      `HELO ${this.#f.options.hostname}`,
      'EHLO not understood: fall back to HELO (§3.2, §4.1.4)',
      { verb: 'HELO' },
    );
    const quit = this.#quit('EHLO refused: give up', () =>
      this.#end({ cause: 'refused', stage: 'hello' }),
    );
    // 500/502: EHLO is not known or not implemented: HELO must follow. 501/504/550: HELO may help.
    if (code === 500 || code === 502) return [helo];
    if ([501, 504, 550].includes(code)) return [helo, quit];
    return [quit];
  }

  #afterHello(): Alternative[] {
    const o = this.#f.options;
    if (o.starttls !== 'never' && !this.#tls && !this.#tlsFailed && this.#ext.has('STARTTLS'))
      return [
        this.#cmd('STARTTLS', 'STARTTLS offered and wanted (RFC 3207)', { verb: 'STARTTLS' }),
      ];
    if (o.starttls === 'required' && !this.#tls) {
      this.#end({ cause: 'refused', stage: 'tls' });
      return [this.#quit('TLS required but not offered: give up before MAIL')];
    }
    if (o.auth && !this.#authed && this.#ext.has('AUTH'))
      return [
        this.#cmd(
          authPlainLine(o.auth.user, o.auth.password),
          'AUTH offered and credentials configured (RFC 4954, RFC 4616)',
          { verb: 'AUTH' },
        ),
      ];
    return this.#opening(0);
  }

  /** The first write of transaction `t`. */
  #opening(t: number): Alternative[] {
    const tx = this.#f.transactions[t];
    if (!tx) return [this.#quit('no transaction to send')];
    const pipelining = this.#f.options.pipelining && this.#esmtp && this.#ext.has('PIPELINING');
    if (!pipelining)
      return [
        {
          lines: [{ mail: t }],
          closed: false,
          why: 'no PIPELINING (not offered or not enabled): MAIL alone',
          then: () => this.#out.push({ verb: 'MAIL', t }),
        },
      ];
    return [
      {
        lines: [{ mail: t }, ...tx.recipients.map((r) => `RCPT TO:<${r}>`), 'DATA'],
        closed: false,
        why: 'PIPELINING offered and enabled: MAIL, every RCPT and DATA in one group, DATA last (RFC 2920 §3.1)',
        then: () =>
          this.#out.push(
            { verb: 'MAIL', t },
            ...tx.recipients.map((_, r) => ({ verb: 'RCPT' as const, t, r })),
            { verb: 'DATA', t },
          ),
      },
    ];
  }

  #pipelined(): boolean {
    // The rest of a pipelined group is still waiting: nothing to write until DATA's reply.
    return this.#out.length > 0;
  }

  #afterMail(t: number, code: number): Alternative[] {
    if (this.#pipelined()) return [nothing('pipelined: wait for the rest of the group')];
    if (is2(code))
      return [
        this.#cmd(`RCPT TO:<${this.#txn(t).recipients[0]}>`, 'MAIL accepted: the first RCPT', {
          verb: 'RCPT',
          t,
          r: 0,
        }),
      ];
    return this.#endTransaction(t, 'mailRefused');
  }

  #afterRcpt(t: number, r: number): Alternative[] {
    if (this.#pipelined()) return [nothing('pipelined: wait for the rest of the group')];
    const tx = this.#txn(t);
    if (r + 1 < tx.recipients.length)
      return [
        this.#cmd(`RCPT TO:<${tx.recipients[r + 1]}>`, 'the next RCPT, one at a time', {
          verb: 'RCPT',
          t,
          r: r + 1,
        }),
      ];
    if (this.#tx[t]!.rcpt.some(is2))
      return [this.#cmd('DATA', 'a recipient was accepted: DATA', { verb: 'DATA', t })];
    return this.#endTransaction(t, 'open');
  }

  #afterData(t: number, code: number): Alternative[] {
    const replies = this.#tx[t]!;
    if (is3(code)) {
      if (is2(replies.mail) && replies.rcpt.some(is2)) {
        return [
          {
            lines: wireLinesOf(this.#txn(t).text),
            closed: false,
            why: 'after 354 the dot-stuffed text and the final dot (§4.1.1.4, §4.5.2)',
            then: () => this.#out.push({ verb: 'DOT', t, empty: false }),
          },
        ];
      }
      return [
        {
          lines: ['.'],
          closed: false,
          why: 'DATA accepted with no valid recipient: only the final dot (RFC 2920 §3.1, fidelity §6.6)',
          then: () => this.#out.push({ verb: 'DOT', t, empty: true }),
        },
      ];
    }
    return this.#endTransaction(t, is2(replies.mail) ? 'open' : 'mailRefused');
  }

  /**
   * A transaction is over. `open`: MAIL was accepted and no final dot ended it, so the server
   * still holds the transaction and RSET must come before the next MAIL (§3.3, §4.1.1.5);
   * `mailRefused`: no transaction was opened, RSET is allowed; `dot`: the reply to the final dot
   * ended it, no RSET.
   */
  #endTransaction(t: number, how: 'open' | 'mailRefused' | 'dot'): Alternative[] {
    const next = t + 1;
    if (next >= this.#f.transactions.length)
      return [this.#quit('no more transactions: QUIT (§4.1.1.10)')];
    const rset = this.#cmd(
      'RSET',
      how === 'open'
        ? 'the transaction ended before its final dot: RSET before the next MAIL'
        : 'RSET after a refused MAIL',
      { verb: 'RSET', next },
    );
    if (how === 'open') return [rset];
    const opening = this.#opening(next);
    return how === 'mailRefused' ? [rset, ...opening] : opening;
  }

  // --- bookkeeping --------------------------------------------------------------------------

  #txn(t: number): OutgoingTransaction {
    const tx = this.#f.transactions[t];
    if (!tx) throw new Error(`no transaction ${t}`);
    return tx;
  }

  #record(head: Cmd, code: number): void {
    if (head.verb === 'MAIL') this.#tx[head.t]!.mail = code;
    if (head.verb === 'RCPT') this.#tx[head.t]!.rcpt[head.r] = code;
    if (head.verb === 'DATA') this.#tx[head.t]!.data = code;
    if (head.verb === 'DOT' && !head.empty) this.#tx[head.t]!.dot = code;
  }

  #end(e: Ending): void {
    if (this.#ending) return;
    const head = this.#out[0];
    const dotOf = head?.verb === 'DOT' && !head.empty ? head.t : undefined;
    const stage: Stage | undefined = (() => {
      if (e.stage) return e.stage;
      switch (head?.verb) {
        case 'GREETING':
          return 'greeting';
        case 'EHLO':
        case 'HELO':
          return 'hello';
        case 'STARTTLS':
          return 'tls';
        case 'AUTH':
          return 'auth';
        default:
          return undefined;
      }
    })();
    this.#ending = { ...e, ...(stage ? { stage } : {}), ...(dotOf !== undefined ? { dotOf } : {}) };
  }

  #cmd(line: string, why: string, cmd: Cmd, also?: () => void): Alternative {
    return {
      lines: [line],
      closed: false,
      why,
      then: () => {
        also?.();
        this.#out.push(cmd);
      },
    };
  }

  #quit(why: string, also?: () => void): Alternative {
    return {
      lines: ['QUIT'],
      closed: false,
      why,
      then: () => {
        also?.();
        this.#out = [{ verb: 'QUIT' }];
      },
    };
  }

  #lineProblem(spec: LineSpec, line: string): string | undefined {
    if (/[\r\n]/.test(line)) return `line ${JSON.stringify(line)} contains CR or LF`;
    if (typeof spec === 'string')
      return line === spec ? undefined : `${JSON.stringify(line)} is not ${JSON.stringify(spec)}`;
    return this.#mailProblem(spec.mail, line);
  }

  /** `MAIL FROM:<from>` with only parameters of offered extensions (RFC 5321 §4.1.1.11). */
  #mailProblem(t: number, line: string): string | undefined {
    const tx = this.#txn(t);
    const prefix = `MAIL FROM:<${tx.from}>`;
    if (!line.startsWith(prefix)) return `${JSON.stringify(line)} is not ${prefix}…`;
    const rest = line.slice(prefix.length);
    if (rest !== '' && !rest.startsWith(' '))
      return `${JSON.stringify(line)}: no space before parameters`;
    const params = rest.split(' ').filter((p) => p !== '');
    const needs: Record<string, string> = {
      SIZE: 'SIZE',
      BODY: '8BITMIME',
      RET: 'DSN',
      ENVID: 'DSN',
      AUTH: 'AUTH',
    };
    for (const p of params) {
      const keyword = (p.split('=')[0] ?? '').toUpperCase();
      const ext = needs[keyword];
      if (!ext || !this.#ext.has(ext) || !this.#esmtp)
        return `MAIL parameter ${p} without the ${ext ?? keyword} extension offered`;
      if (keyword === 'SIZE') {
        const n = Number(p.slice(5));
        if (!/^SIZE=\d+$/.test(p) || n < tx.text.length)
          return `${p}: not the message size (${tx.text.length} octets, RFC 1870)`;
      }
    }
    if (
      this.#esmtp &&
      this.#ext.has('8BITMIME') &&
      has8bit(tx.text) &&
      !params.includes('BODY=8BITMIME')
    )
      return `8-bit text to an 8BITMIME server without BODY=8BITMIME (RFC 6152 §3)`;
    return undefined;
  }

  #outcomeProblems(t: number, r: number, got: RecipientOutcome): string[] {
    const x = this.#tx[t]!;
    const decided = (code: number, stage: Stage): string[] => {
      const c = cls(code);
      const status =
        stage === 'text' && c === 2
          ? ['delivered']
          : c === 4
            ? ['deferred']
            : c === 5
              ? ['failed']
              : ['deferred', 'failed'];
      const p: string[] = [];
      if (!status.includes(got.status))
        p.push(
          `${got.status} at ${got.stage}; expected ${status.join(' or ')} after ${code} at ${stage}`,
        );
      else if (got.stage !== stage)
        p.push(`stage ${got.stage}, expected ${stage} (decided by ${code})`);
      if (got.reply?.code !== code) p.push(`reply ${got.reply?.code ?? 'none'}, expected ${code}`);
      if (got.afterDot) p.push('afterDot on an outcome a reply decided');
      return p;
    };
    const closing = (c: number | undefined) => c === undefined || c === 421;
    if (!closing(x.mail) && !is2(x.mail)) return decided(x.mail!, 'mail');
    if (is2(x.mail)) {
      const rc = x.rcpt[r];
      if (!closing(rc) && !is2(rc)) return decided(rc!, 'rcpt');
      if (is2(rc)) {
        if (!closing(x.data) && !is3(x.data)) return decided(x.data!, 'data');
        if (is3(x.data) && !closing(x.dot)) return decided(x.dot!, 'text');
      }
    }
    // Nothing decided this recipient: the session ended first.
    const p: string[] = [];
    const e = this.#ending;
    if (got.status !== 'deferred')
      p.push(
        `${got.status} at ${got.stage}, but no reply decided it (${e?.cause ?? 'no give-up'}): deferred`,
      );
    const inWindow =
      e?.dotOf === t && is2(x.mail) && is2(x.rcpt[r]) && is3(x.data) && closing(x.dot);
    const afterDot =
      inWindow && (e?.cause === 'lost' || e?.cause === 'timeout')
        ? 'required'
        : inWindow && e?.cause === 'bad'
          ? 'either'
          : 'forbidden';
    if (afterDot === 'required' && got.afterDot !== true)
      p.push(
        `no afterDot, but the connection ended (${e?.cause}) after the final dot and before its reply`,
      );
    if (afterDot === 'forbidden' && got.afterDot)
      p.push(
        `afterDot, but ${inWindow ? `the session ended by a ${e?.cause} reply after the dot, not by a loss or timeout` : 'the final dot was not waiting for its reply'}`,
      );
    const stages: Stage[] = e?.stage ? [e.stage] : ['mail', 'rcpt', 'data', 'text'];
    if (!stages.includes(got.stage)) p.push(`stage ${got.stage}, expected ${stages.join(' or ')}`);
    return p;
  }
}

function close(why: string): Alternative {
  return { lines: [], closed: true, why };
}

function nothing(why: string): Alternative {
  return { lines: [], closed: false, why };
}
