// An independent oracle for the SMTP server, written from /work/shared/reference/smtp-fidelity.md
// (§1 server behaviour, §4 ETRN, §5 extensions) and RFC 2034 for enhanced status codes. It keeps
// its own view of the session and, for each letter of the alphabet (by its `meaning`, never by
// the parser's output), says which reply codes the reference allows. Where the reference allows
// several answers (`503 or 554`), it lists them all and follows the one the server chose.
import type { ServerPolicy } from '../../src/core/machines/smtpServer/policy';
import type { StateValue } from 'xstate';
import type { Meaning, ServerFixture } from './serverModelFixtures';

/**
 * RFC 2034 §3 (and Postfix's reading of it): with ENHANCEDSTATUSCODES in use, every 2xx, 4xx
 * and 5xx reply other than the greeting and the answer to HELO/EHLO carries an RFC 3463 code;
 * without it, none does. 3xx replies (334, 354) carry none. ETRN replies may go either way
 * (RFC 1985 predates RFC 2034 and Postfix sends none).
 */
export type EnhancedRule = 'required' | 'forbidden' | 'any';

export interface ExpectedReply {
  codes: readonly number[];
  enhanced: EnhancedRule;
  /** Why, for failure messages. */
  why: string;
  /** For EHLO: the keywords the server must advertise, in any order. */
  ehloKeywords?: string[];
}

export interface Prediction {
  /** The reply this input must get, or none (message text, the peer closing). */
  reply?: ExpectedReply;
  /** Updates the oracle with the code the server actually chose among those allowed. */
  commit(code: number | undefined): void;
}

type Phase =
  'refused' | 'command' | 'data' | 'authPlain' | 'authLoginUser' | 'authLoginPassword' | 'closed';

interface OracleState {
  phase: Phase;
  hello: 'none' | 'HELO' | 'EHLO';
  tls: boolean;
  authUser?: string;
  pendingUser?: string;
  mail?: { sender: string; accepted: number; refused: number };
  /** 4xx/5xx replies sent so far (Postfix counts the 554 greeting too, smtpd.c smtpd_proto). */
  errors: number;
}

function ipv4(text: string): number {
  return text.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function inCidr(ip: string, cidr: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ipv4(ip) / size) === Math.floor(ipv4(base) / size);
}

/** Canonical base64 (RFC 4648) or undefined. */
function fromBase64(text: string): string | undefined {
  if (text === '' || text.length % 4 !== 0) return undefined;
  const decoded = Buffer.from(text, 'base64');
  return decoded.toString('base64') === text ? decoded.toString('latin1') : undefined;
}

export class ServerOracle {
  readonly #policy: ServerPolicy;
  readonly #fixture: ServerFixture;
  #s: OracleState;

  constructor(fixture: ServerFixture) {
    this.#fixture = fixture;
    this.#policy = fixture.policy;
    this.#s = { phase: 'command', hello: 'none', tls: false, errors: 0 };
  }

  get closed(): boolean {
    return this.#s.phase === 'closed';
  }

  /**
   * The connection greeting (RFC 5321 §3.1): 220, or 554 to refuse. A fault forced at CONNECT
   * replaces it: 421 closes at once, another 4xx/5xx refuses like 554.
   */
  greeting(): Prediction {
    const forced = this.#fault('CONNECT');
    if (forced) {
      return {
        reply: { codes: [forced.code], enhanced: 'forbidden', why: 'greeting fault' },
        commit: (code) => {
          this.#count(code);
          if (forced.code === 421) this.#close();
          else if (forced.code >= 400) this.#s.phase = 'refused';
        },
      };
    }
    const refuse = this.#policy.refuseConnections;
    return {
      reply: { codes: [refuse ? 554 : 220], enhanced: 'forbidden', why: 'greeting' },
      commit: (code) => {
        this.#count(code);
        if (refuse) this.#s.phase = 'refused';
      },
    };
  }

  /** A reply the host forces (ServerHooks.fault), if any. */
  #fault(what: Parameters<NonNullable<ServerFixture['hooks']['fault']>>[0]) {
    return this.#fixture.hooks.fault?.(what);
  }

  /**
   * The forced reply replaces the normal one and changes nothing, except that 421 closes the
   * connection and a forced reply to the final dot drops the message (ServerHooks.fault).
   */
  #forced(reply: { code: number; enhanced?: string }, why: string, then?: () => void): Prediction {
    const rule = this.#rule();
    return this.#reply(
      [reply.code],
      why,
      () => {
        if (reply.code === 421) this.#close();
        else then?.();
      },
      reply.enhanced === undefined && rule === 'required' ? 'any' : rule,
    );
  }

  /** After a reply: the hard error limit reached means `421` and the end (Postfix). */
  errorLimitReached(): boolean {
    return !this.closed && this.#s.errors >= this.#policy.hardErrorLimit;
  }

  tooManyErrors(): Prediction {
    return {
      reply: { codes: [421], enhanced: this.#rule(), why: 'hard error limit reached' },
      commit: () => this.#close(),
    };
  }

  /** The machine state this view of the session corresponds to. */
  expectedState(): StateValue {
    const s = this.#s;
    switch (s.phase) {
      case 'refused':
      case 'closed':
        return s.phase;
      case 'data':
        return { session: 'receivingText' };
      case 'authPlain':
      case 'authLoginUser':
      case 'authLoginPassword':
        return { session: s.phase };
      case 'command':
        if (s.hello === 'none') return { session: 'awaitingHello' };
        if (!s.mail) return { session: 'ready' };
        return {
          session: { transaction: s.mail.accepted > 0 ? 'hasRecipients' : 'awaitingRecipient' },
        };
    }
  }

  predict(m: Meaning): Prediction {
    const s = this.#s;
    if (s.phase === 'closed') throw new Error('oracle: the session is closed');
    if ('close' in m) return { commit: () => this.#close() };
    if ('idle' in m) {
      // RFC 5321 §4.5.3.2.7; Postfix `421 4.4.2 host Error: timeout exceeded`.
      return this.#reply([421], 'idle timeout', () => this.#close());
    }
    const forced = 'cmd' in m && m.cmd !== 'bad' ? this.#fault(m.cmd) : undefined;
    if (forced && (s.phase === 'refused' || s.phase === 'command')) {
      return this.#forced(forced, `fault forced on ${'cmd' in m ? m.cmd : ''}`);
    }
    if (s.phase === 'refused') {
      // §3.1: after 554 the server waits for QUIT and SHOULD answer everything else with 503.
      if ('cmd' in m && m.cmd === 'QUIT') return this.#reply([221], 'QUIT', () => this.#close());
      return this.#reply([503], 'refused connection: only QUIT');
    }
    if (s.phase === 'data') return this.#data(m);
    if (s.phase !== 'command') return this.#authResponse(m);
    if (!('cmd' in m)) throw new Error(`oracle: ${JSON.stringify(m)} is not a command`);
    return this.#command(m);
  }

  // --- message text ---------------------------------------------------------------------

  #data(m: Meaning): Prediction {
    if ('text' in m) return { commit: () => undefined };
    if (!('message' in m)) throw new Error(`oracle: ${JSON.stringify(m)} in message text`);
    const done = () => {
      this.#s.mail = undefined;
      this.#s.phase = 'command';
    };
    const forced = this.#fault('.');
    if (forced) return this.#forced(forced, 'fault forced on the final dot', done);
    switch (m.message) {
      case 'ok':
        return this.#reply([250], 'message accepted after the dot', done);
      case 'tooBig':
        // RFC 1870 / §5 SIZE: over the fixed limit 552.
        return this.#reply([552], 'message over the size limit', done);
      case 'overlong':
        // §4.5.3.1.6 text line limit; a server refusing it says 500 or 552/554.
        return this.#reply([500, 552, 554], 'text line too long', done);
      case 'rejectedByStore':
        return this.#reply([554], 'the host refused the message', done);
    }
  }

  // --- AUTH responses (RFC 4954 §4) ------------------------------------------------------

  #authResponse(m: Meaning): Prediction {
    if (!('auth' in m)) throw new Error(`oracle: ${JSON.stringify(m)} is not an AUTH response`);
    const s = this.#s;
    const toCommand = () => {
      s.phase = 'command';
      s.pendingUser = undefined;
    };
    if (m.auth.trim() === '*') return this.#reply([501], 'AUTH cancelled with *', toCommand);
    const decoded = fromBase64(m.auth.trim());
    if (decoded === undefined) return this.#reply([501], 'AUTH response is not base64', toCommand);
    if (s.phase === 'authPlain') return this.#plain(decoded, toCommand);
    if (s.phase === 'authLoginUser') {
      return this.#reply(
        [334],
        'LOGIN password challenge',
        () => {
          s.phase = 'authLoginPassword';
          s.pendingUser = decoded;
        },
        'forbidden',
      );
    }
    const user = s.pendingUser ?? '';
    const ok = this.#policy.users[user] !== undefined && this.#policy.users[user] === decoded;
    return this.#reply([ok ? 235 : 535], ok ? 'LOGIN accepted' : 'LOGIN refused', () => {
      toCommand();
      if (ok) s.authUser = user;
    });
  }

  #plain(decoded: string, then: () => void): Prediction {
    const parts = decoded.split('\0');
    const user = parts[1] ?? '';
    const ok =
      parts.length === 3 &&
      this.#policy.users[user] !== undefined &&
      this.#policy.users[user] === parts[2];
    return this.#reply([ok ? 235 : 535], ok ? 'PLAIN accepted' : 'PLAIN refused', () => {
      then();
      if (ok) this.#s.authUser = user;
    });
  }

  // --- commands -------------------------------------------------------------------------

  #command(m: Extract<Meaning, { cmd: string }>): Prediction {
    const s = this.#s;
    const p = this.#policy;
    const offered = (ext: string) => (p.extensions as string[]).includes(ext);
    switch (m.cmd) {
      case 'HELO':
      case 'EHLO': {
        // An RFC 821 server does not know EHLO: 500, and the client falls back to HELO (§4.1.1.1).
        if (m.cmd === 'EHLO' && !p.ehlo)
          return this.#reply([500, 502], 'EHLO at an RFC 821 server');
        // §4.1.4: any time; resets the transaction like RSET.
        const reply: ExpectedReply = { codes: [250], enhanced: 'forbidden', why: m.cmd };
        if (m.cmd === 'EHLO') reply.ehloKeywords = this.#ehloKeywords();
        return {
          reply,
          commit: (code) => {
            this.#count(code);
            s.hello = m.cmd;
            s.mail = undefined;
          },
        };
      }
      case 'MAIL': {
        if (s.hello === 'none') return this.#reply([503], 'MAIL before HELO/EHLO');
        if (s.mail) return this.#reply([503], 'nested MAIL');
        if (p.authRequired && s.authUser === undefined)
          return this.#reply([530], 'MAIL before AUTH (RFC 6409)');
        if (m.param === 'unknown') return this.#reply([555], 'unknown MAIL parameter');
        if (m.param === 'size') {
          if (s.hello !== 'EHLO' || !offered('SIZE'))
            return this.#reply([555], 'SIZE= without the extension');
          // Both fixtures' SIZE= letters declare more than the limit.
          return this.#reply([552], 'declared size over the limit');
        }
        return this.#reply([250], 'MAIL', () => {
          s.mail = { sender: m.sender, accepted: 0, refused: 0 };
        });
      }
      case 'RCPT': {
        if (!s.mail) return this.#reply([503], 'RCPT without MAIL');
        if (m.param === 'unknown') return this.#reply([555], 'unknown RCPT parameter');
        const mail = s.mail;
        const refusal = this.#recipientRefusal(m.recipient);
        // RFC 5321 §4.5.1: postmaster must be accepted, so it is never greylisted.
        const greylisted =
          refusal === undefined &&
          m.recipient.toLowerCase() !== 'postmaster' &&
          !this.#clientMayRelay() &&
          p.greylisting &&
          this.#fixture.hooks.greylist?.({
            ip: this.#fixture.clientIp,
            sender: mail.sender,
            recipient: m.recipient,
          }) === 'defer';
        const codes = refusal ?? (greylisted ? [450, 451] : [250, 251]);
        return this.#reply(codes, `RCPT ${m.recipient}`, (code) => {
          if (code !== undefined && code < 300) mail.accepted += 1;
          else mail.refused += 1;
        });
      }
      case 'DATA':
        if (!s.mail) return this.#reply([503], 'DATA without MAIL');
        if (s.mail.accepted === 0) return this.#reply([503, 554], 'DATA without an accepted RCPT');
        return this.#reply([354], 'DATA', () => (s.phase = 'data'), 'forbidden');
      case 'RSET':
        return this.#reply([250], 'RSET', () => (s.mail = undefined));
      case 'NOOP':
        return this.#reply([250], 'NOOP');
      case 'HELP':
        return this.#reply([211, 214], 'HELP');
      case 'QUIT':
        return this.#reply([221], 'QUIT', () => this.#close());
      case 'VRFY': {
        if (p.vrfy === 'disabled') return this.#reply([502], 'VRFY disabled');
        const exists = this.#mailboxExists(this.#localAddress(m.argument));
        return this.#reply(exists ? [250, 251, 252] : [550, 551, 553], `VRFY ${m.argument}`);
      }
      case 'EXPN': {
        if (p.expn === 'disabled') return this.#reply([500, 502], 'EXPN disabled');
        const exists = this.#mailboxExists(this.#localAddress(m.argument));
        return this.#reply(exists ? [250, 252] : [550], `EXPN ${m.argument}`);
      }
      case 'STARTTLS': {
        // RFC 3207 §4: after EHLO, TLS not active; 554 if active.
        if (!offered('STARTTLS')) return this.#reply([500, 502], 'STARTTLS not offered');
        if (s.tls) return this.#reply([554], 'TLS already active');
        if (s.hello === 'none') return this.#reply([503], 'STARTTLS before EHLO');
        if (s.mail) return this.#reply([503], 'STARTTLS inside a transaction');
        const start = (code: number | undefined) => {
          if (code !== 220) return;
          // §4.2: both sides forget everything from before.
          s.tls = true;
          s.hello = 'none';
          s.mail = undefined;
          s.authUser = undefined;
        };
        return this.#reply(s.hello === 'HELO' ? [220, 503] : [220], 'STARTTLS', start);
      }
      case 'AUTH':
        return this.#auth(m);
      case 'ETRN': {
        if (!offered('ETRN') || !p.etrn) return this.#reply([500, 502], 'ETRN not offered');
        if (s.hello === 'none') return this.#reply([503], 'ETRN before HELO/EHLO');
        if (s.mail) return this.#reply([503], 'ETRN inside a transaction');
        const hook = this.#fixture.hooks.etrn;
        const [kind, argument] = m.node.startsWith('@')
          ? (['domain', m.node.slice(1)] as const)
          : m.node.startsWith('#')
            ? (['queue', m.node.slice(1)] as const)
            : (['node', m.node] as const);
        const code = hook ? hook({ kind, argument }).code : 458;
        return this.#reply(
          [code],
          `ETRN ${m.node}`,
          undefined,
          this.#rule() === 'required' ? 'any' : 'forbidden',
        );
      }
      case 'bad':
        return this.#bad(m.verb);
    }
  }

  #auth(m: Extract<Meaning, { cmd: 'AUTH' }>): Prediction {
    const s = this.#s;
    const p = this.#policy;
    if (!(p.extensions as string[]).includes('AUTH'))
      return this.#reply([500, 502, 503], 'AUTH not offered');
    if (s.hello === 'none') return this.#reply([503], 'AUTH before EHLO');
    if (s.authUser !== undefined) return this.#reply([503], 'second AUTH');
    if (s.mail) return this.#reply([503], 'AUTH inside a transaction');
    // The reference says "after EHLO"; Postfix also takes AUTH after HELO. Either is allowed.
    const alsoRefused = s.hello === 'HELO' ? [503] : [];
    const may = (codes: number[], why: string, then?: () => void, enhanced?: EnhancedRule) =>
      this.#reply(
        [...codes, ...alsoRefused],
        why,
        (code) => {
          if (code !== 503) then?.();
        },
        enhanced,
      );
    if (p.authRequiresTls && !s.tls) return this.#reply([538], 'AUTH needs TLS');
    if (m.mechanism !== 'PLAIN' && m.mechanism !== 'LOGIN') return may([504], 'unknown mechanism');
    if (m.initial !== undefined && m.initial !== '=' && fromBase64(m.initial) === undefined) {
      return may([501], 'initial response is not base64');
    }
    if (m.mechanism === 'PLAIN') {
      if (m.initial === undefined) {
        return may(
          [334],
          'PLAIN challenge',
          () => (s.phase = 'authPlain'),
          alsoRefused.length ? 'any' : 'forbidden',
        );
      }
      const plain = this.#plain(fromBase64(m.initial) ?? '', () => undefined);
      const reply = plain.reply;
      return {
        reply: reply && { ...reply, codes: [...reply.codes, ...alsoRefused] },
        commit: (code) => (code === 503 ? this.#count(code) : plain.commit(code)),
      };
    }
    if (m.initial === undefined) {
      return may(
        [334],
        'LOGIN user challenge',
        () => (s.phase = 'authLoginUser'),
        alsoRefused.length ? 'any' : 'forbidden',
      );
    }
    const user = fromBase64(m.initial) ?? '';
    return may(
      [334],
      'LOGIN password challenge',
      () => {
        s.phase = 'authLoginPassword';
        s.pendingUser = user;
      },
      alsoRefused.length ? 'any' : 'forbidden',
    );
  }

  /** A line with a bad argument (`verb`) or an unknown verb (§4.1.4, §4.2.4, §4.3.2). */
  #bad(verb: 'MAIL' | 'RCPT' | 'DATA' | 'HELO' | 'QUIT' | 'ETRN' | undefined): Prediction {
    const s = this.#s;
    switch (verb) {
      case undefined:
        return this.#reply([500], 'unrecognized command');
      case 'MAIL':
        // Out of order and malformed at once: 503 or 501 (the sequence may be checked first).
        return this.#reply(s.hello === 'none' || s.mail ? [501, 503] : [501], 'malformed MAIL');
      case 'RCPT':
        return this.#reply(s.mail ? [501] : [501, 503], 'malformed RCPT');
      case 'DATA':
        return this.#reply(
          s.mail && s.mail.accepted > 0 ? [501] : [501, 503, 554],
          'DATA with an argument',
        );
      case 'ETRN': {
        // A command the server does not offer is 502 whatever its arguments (RFC 5321 §4.2.4);
        // where it is offered, RFC 1985 §5 answers a syntax error with 500 or 501.
        const offered = this.#policy.etrn && (this.#policy.extensions as string[]).includes('ETRN');
        // RFC 1985 replies carry no enhanced code (Postfix sends none either).
        return offered
          ? this.#reply([500, 501], 'ETRN without its argument', undefined, 'any')
          : this.#reply([502], 'ETRN not offered');
      }
      default:
        return this.#reply([501], `${verb} with a bad argument`);
    }
  }

  // --- policy questions, answered from the reference ------------------------------------

  /** The refusal codes for a recipient, or undefined when it is acceptable (§3.6, §4.5.1). */
  #recipientRefusal(recipient: string): number[] | undefined {
    const p = this.#policy;
    if (recipient.toLowerCase() === 'postmaster') return undefined;
    const domain = (recipient.split('@')[1] ?? '').toLowerCase();
    const local =
      p.localDomains.some((d) => d.toLowerCase() === domain) || domain === p.hostname.toLowerCase();
    if (local) return this.#mailboxExists(recipient) ? undefined : [550];
    if (p.backupFor.some((d) => d.toLowerCase() === domain)) return undefined;
    const mayRelay = this.#clientMayRelay();
    // §3.6: SHOULD be 550; Postfix says 554, or 454 with defer_unauth_destination.
    return mayRelay ? undefined : [550, 554, 454];
  }

  /** The server's own clients: its relay networks, or authenticated (never greylisted either). */
  #clientMayRelay(): boolean {
    return (
      this.#s.authUser !== undefined ||
      this.#policy.relayFrom.some((cidr) => inCidr(this.#fixture.clientIp, cidr))
    );
  }

  #mailboxExists(address: string): boolean {
    const a = address.toLowerCase();
    return a.startsWith('postmaster@') || this.#policy.mailboxes.some((m) => m.toLowerCase() === a);
  }

  #localAddress(argument: string): string {
    return argument.includes('@')
      ? argument
      : `${argument}@${this.#policy.localDomains[0] ?? this.#policy.hostname}`;
  }

  /** §5: what EHLO must advertise; STARTTLS not again after TLS, AUTH only where usable. */
  #ehloKeywords(): string[] {
    const p = this.#policy;
    return p.extensions.filter((ext) => {
      if (ext === 'STARTTLS') return !this.#s.tls;
      if (ext === 'AUTH') return !(p.authRequiresTls && !this.#s.tls);
      if (ext === 'ETRN') return p.etrn;
      return true;
    });
  }

  // --- bookkeeping ----------------------------------------------------------------------

  #rule(): EnhancedRule {
    const on =
      this.#s.hello === 'EHLO' &&
      (this.#policy.extensions as string[]).includes('ENHANCEDSTATUSCODES');
    return on ? 'required' : 'forbidden';
  }

  #reply(
    codes: readonly number[],
    why: string,
    then?: (code: number | undefined) => void,
    enhanced?: EnhancedRule,
  ): Prediction {
    // The rule is fixed now, before the reply changes the session (STARTTLS forgets EHLO).
    const rule = enhanced ?? this.#rule();
    return {
      reply: { codes, enhanced: rule, why },
      commit: (code) => {
        this.#count(code);
        then?.(code);
      },
    };
  }

  #count(code: number | undefined): void {
    if (code !== undefined && code >= 400) this.#s.errors += 1;
  }

  #close(): void {
    this.#s.phase = 'closed';
  }
}
