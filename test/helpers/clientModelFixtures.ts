// Inputs and the server-behaviour alphabet for the model-based tests of the SMTP client machine.
//
// A fixture is what the client is asked to do (options and transactions). A letter is one thing a
// server can do to the client: send a reply (wire text), send a malformed line, drop the
// connection, or stay silent past the RFC 5321 §4.5.3.2 limit. Each letter carries the machine
// event the glue (ClientSession) must turn it into, and its `code`/`keywords` for the independent
// oracle (clientModelOracle.ts), which never looks at the parser's output.
import { ReplyReader } from '../../src/core/protocol/replyFormat';
import type {
  ClientEvent,
  ClientOptions,
  ClientTimeouts,
  OutgoingTransaction,
} from '../../src/core/machines/smtpClient/types';

const MINUTE = 60_000;

/** RFC 5321 §4.5.3.2 client timeouts (minimums), written from the RFC text. */
export const RFC5321_TIMEOUTS = {
  greeting: 5 * MINUTE, // §4.5.3.2.1 initial 220 message
  mail: 5 * MINUTE, // §4.5.3.2.2
  rcpt: 5 * MINUTE, // §4.5.3.2.3
  dataInit: 2 * MINUTE, // §4.5.3.2.4 DATA initiation
  dataDone: 10 * MINUTE, // §4.5.3.2.6 DATA termination
  /** EHLO, HELO, STARTTLS, AUTH, RSET, QUIT: §4.5.3.2 names none; the fixtures configure 5 min. */
  other: 5 * MINUTE,
} as const;

/** What the fixtures configure: exactly the RFC numbers. */
export const FIXTURE_TIMEOUTS: ClientTimeouts = {
  greeting: RFC5321_TIMEOUTS.greeting,
  command: RFC5321_TIMEOUTS.mail,
  dataInit: RFC5321_TIMEOUTS.dataInit,
  dataDone: RFC5321_TIMEOUTS.dataDone,
};

export type ServerAct =
  /** Reply lines, each sent with CRLF. */
  | { kind: 'reply'; lines: string[] }
  /** A line that is not a reply line. */
  | { kind: 'bad'; line: string }
  /** The connection drops. */
  | { kind: 'lost' }
  /** The server stays silent past the limit for what the client waits for. */
  | { kind: 'timeout' };

/** Machine events, plus the delayed events xstate raises for `after` transitions. */
export type ModelEvent = ClientEvent | { type: `xstate.after.${string}` };

export interface Letter {
  label: string;
  act: ServerAct;
  event: ModelEvent;
  /** The reply code, for the oracle. */
  code?: number;
  /** EHLO keywords offered (upper case), for the oracle. */
  keywords?: string[];
}

export function wireOf(act: ServerAct): string {
  if (act.kind === 'reply') return act.lines.map((l) => `${l}\r\n`).join('');
  if (act.kind === 'bad') return `${act.line}\r\n`;
  return '';
}

/** A reply letter: `code SP text` or, with several texts, `code-text` … `code SP text`. */
function reply(label: string, code: number, texts: string[], keywords?: string[]): Letter {
  const lines = texts.map((t, i) => `${code}${i === texts.length - 1 ? ' ' : '-'}${t}`);
  // The model event is what the session's reply reader makes of the same lines.
  const reader = new ReplyReader();
  let parsed: ReturnType<ReplyReader['push']> = null;
  for (const line of lines) parsed = reader.push(line);
  if (parsed === null || 'error' in parsed) throw new Error(`bad letter ${label}`);
  return {
    label,
    act: { kind: 'reply', lines },
    event: { type: 'REPLY', reply: parsed },
    code,
    ...(keywords ? { keywords } : {}),
  };
}

function ehlo(label: string, keywords: string[]): Letter {
  return reply(
    label,
    250,
    ['mx.b.example', ...keywords],
    keywords.map((k) => k.split(' ')[0]!),
  );
}

export const BAD: Letter = {
  label: 'BAD_REPLY',
  act: { kind: 'bad', line: 'this is not a reply' },
  event: { type: 'BAD_REPLY', error: 'malformed reply line' },
};
export const LOST: Letter = {
  label: 'LOST',
  act: { kind: 'lost' },
  event: { type: 'LOST', reason: 'connection lost' },
};
export function timeoutLetter(eventType: string): Letter {
  return {
    label: 'TIMEOUT',
    act: { kind: 'timeout' },
    event: { type: eventType as `xstate.after.${string}` },
  };
}

const R421 = (what: string) =>
  reply(`${what} 421`, 421, [`4.3.2 Service shutting down, closing channel (${what})`]);

/** The replies a server can give, by what the client is waiting for. */
export const ALPHABET = {
  greeting: [
    reply('greeting 220', 220, ['mx.b.example ESMTP Postfix']),
    reply('greeting 421', 421, ['mx.b.example Service not available, closing channel']),
    reply('greeting 554', 554, ['mx.b.example ESMTP not accepting connections']),
  ],
  ehlo: [
    ehlo('EHLO 250 (no keywords)', []),
    ehlo('EHLO 250 PIPELINING SIZE', ['PIPELINING', 'SIZE 10240000']),
    ehlo('EHLO 250 STARTTLS AUTH', ['STARTTLS', 'AUTH PLAIN LOGIN']),
    ehlo('EHLO 250 PIPELINING STARTTLS AUTH 8BITMIME SIZE DSN', [
      'PIPELINING',
      'SIZE 0',
      '8BITMIME',
      'DSN',
      'AUTH PLAIN',
      'STARTTLS',
    ]),
    reply('EHLO 500', 500, ['5.5.2 Error: command not recognized']),
    reply('EHLO 502', 502, ['5.5.1 Command not implemented']),
    reply('EHLO 504', 504, ['5.5.2 Command parameter not implemented']),
    reply('EHLO 550', 550, ['5.7.1 Access denied']),
    reply('EHLO 554', 554, ['5.7.1 Go away']),
    reply('EHLO 451', 451, ['4.3.0 Try EHLO again later']),
    R421('EHLO'),
  ],
  helo: [
    reply('HELO 250', 250, ['mx.b.example Hello mail.a.example']),
    reply('HELO 451', 451, ['Try HELO again later']),
    reply('HELO 501', 501, ['Syntax: HELO hostname']),
    R421('HELO'),
  ],
  starttls: [
    reply('STARTTLS 220', 220, ['2.0.0 Ready to start TLS']),
    reply('STARTTLS 454', 454, ['4.7.0 TLS not available due to local problem']),
    reply('STARTTLS 501', 501, ['5.5.4 Syntax: STARTTLS']),
    R421('STARTTLS'),
  ],
  auth: [
    reply('AUTH 235', 235, ['2.7.0 Authentication successful']),
    reply('AUTH 535', 535, ['5.7.8 Error: authentication failed']),
    reply('AUTH 454', 454, ['4.7.0 Temporary authentication failure']),
    R421('AUTH'),
  ],
  mail: [
    reply('MAIL 250', 250, ['2.1.0 Ok']),
    reply('MAIL 451', 451, ['4.3.0 Temporary failure']),
    reply('MAIL 550', 550, ['5.7.1 Sender rejected']),
    R421('MAIL'),
  ],
  rcpt: [
    reply('RCPT 250', 250, ['2.1.5 Ok']),
    reply('RCPT 450', 450, ['4.7.1 Greylisted, try again later']),
    reply('RCPT 550', 550, ['5.1.1 User unknown']),
    reply('RCPT 503', 503, ['5.5.1 Error: need MAIL command']),
    R421('RCPT'),
  ],
  data: [
    reply('DATA 354', 354, ['End data with <CR><LF>.<CR><LF>']),
    reply('DATA 503', 503, ['5.5.1 Error: need RCPT command']),
    reply('DATA 554', 554, ['5.5.1 Error: no valid recipients']),
    reply('DATA 451', 451, ['4.3.0 Try DATA again later']),
    R421('DATA'),
  ],
  dot: [
    reply('dot 250', 250, ['2.0.0 Ok: queued as Q1']),
    reply('dot 451', 451, ['4.3.0 Error: queue file write error']),
    reply('dot 552', 552, ['5.3.4 Message size exceeds fixed limit']),
    reply('dot 554', 554, ['5.7.1 Message content rejected']),
    R421('dot'),
  ],
  rset: [
    reply('RSET 250', 250, ['2.0.0 Ok']),
    reply('RSET 451', 451, ['4.3.0 Try RSET again later']),
    reply('RSET 500', 500, ['5.5.2 Error: RSET not recognized']),
    R421('RSET'),
  ],
  quit: [reply('QUIT 221', 221, ['2.0.0 Bye'])],
} as const;

// --- fixtures ---------------------------------------------------------------------------------

export interface ClientFixture {
  name: string;
  options: ClientOptions;
  transactions: OutgoingTransaction[];
}

/** A text with a line that needs dot-stuffing (RFC 5321 §4.5.2). */
const TEXT_1 = 'Subject: one\r\n\r\n.a line starting with a dot\r\n..two dots\r\nend\r\n';
/** 8-bit text (latin1 octets), for BODY=8BITMIME when the server offers 8BITMIME. */
const TEXT_2 = 'Subject: zwei\r\n\r\nGr\xfc\xdfe aus K\xf6ln\r\n.\r\n';

const base = (over: Partial<ClientOptions> = {}): ClientOptions => ({
  hostname: 'mail.a.example',
  starttls: 'never',
  pipelining: true,
  timeouts: FIXTURE_TIMEOUTS,
  ...over,
});

const t1 = (recipients: string[]): OutgoingTransaction => ({
  from: 'alice@a.example',
  recipients,
  text: TEXT_1,
});
const t2 = (recipients: string[]): OutgoingTransaction => ({
  from: 'carol@a.example',
  recipients,
  text: TEXT_2,
});

export const AUTH = { user: 'alice', password: 'secret' };

export function allFixtures(): ClientFixture[] {
  return [
    {
      name: 'one transaction, one recipient',
      options: base(),
      transactions: [t1(['bob@b.example'])],
    },
    {
      name: 'one transaction, two recipients',
      options: base(),
      transactions: [t1(['bob@b.example', 'dan@b.example'])],
    },
    {
      name: 'one transaction, two recipients, pipelining off',
      options: base({ pipelining: false }),
      transactions: [t1(['bob@b.example', 'dan@b.example'])],
    },
    {
      name: 'two transactions',
      options: base(),
      transactions: [t1(['bob@b.example']), t2(['erin@b.example'])],
    },
    {
      name: 'two transactions, pipelining off',
      options: base({ pipelining: false }),
      transactions: [t1(['bob@b.example']), t2(['erin@b.example'])],
    },
    {
      name: 'starttls required',
      options: base({ starttls: 'required' }),
      transactions: [t2(['bob@b.example'])],
    },
    {
      name: 'starttls opportunistic, with auth',
      options: base({ starttls: 'opportunistic', auth: AUTH }),
      transactions: [t1(['bob@b.example'])],
    },
    {
      name: 'auth',
      options: base({ auth: AUTH, pipelining: false }),
      transactions: [t2(['bob@b.example'])],
    },
  ];
}
