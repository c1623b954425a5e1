// `smtp-sim send`: one message to a real SMTP server, sent by the simulator's own client machine
// over TCP, with the dialogue printed as it happens and each recipient's outcome at the end.
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { composeMessage } from '../../core/mail/message';
import { formatRfc5322Date } from '../../core/mail/traceHeaders';
import type { ClientOptions, RecipientOutcome } from '../../core/machines/smtpClient/types';
import { isAddress, isDomain } from '../../core/scenario/messages';
import { printable } from '../../core/trace/transcript';
import { ArgumentError, durationFlag, integerFlag, parseFlags } from '../args';
import { USAGE_ERROR, type Command, type Io } from '../io';
import { sendOverTcp } from '../tcpClient';

const DEFAULT_TIMEOUT_MS = 30_000;

const USAGE = `usage: smtp-sim send --server HOST[:PORT] --from ADDRESS --to ADDRESS [options]

Sends one message to a real SMTP server with the simulator's client machine (EHLO, PIPELINING,
SIZE, 8BITMIME, STARTTLS and AUTH PLAIN when offered) and prints the dialogue.

options:
  --server HOST[:PORT]    the server (port 25 unless given; [::1]:2525 for IPv6)
  --from ADDRESS          the envelope sender and From: ("" for the null sender <>)
  --to ADDRESS            a recipient (To: and RCPT TO); repeat for more
  --subject TEXT          the Subject: line
  --body TEXT             the body text
  --body-file FILE        the body from a file, byte for byte ("-" reads standard input)
  --helo NAME             the name given in EHLO (default: this machine's host name)
  --timeout DURATION      connect and reply timeout (default 30s)
  --auth USER:PASSWORD    AUTH PLAIN when the server offers AUTH
  --starttls MODE         never, opportunistic (default: when offered) or required
  --quiet                 no dialogue, only the outcomes

Line ends in the body become CRLF and lines starting with "." are dot-stuffed on the wire.
exit status: 0 every recipient accepted, 1 any refused or deferred, 2 bad arguments.`;

const FLAGS = {
  server: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string', multiple: true },
  subject: { type: 'string' },
  body: { type: 'string' },
  'body-file': { type: 'string' },
  helo: { type: 'string' },
  timeout: { type: 'string' },
  auth: { type: 'string' },
  starttls: { type: 'string' },
  quiet: { type: 'boolean' },
} as const;

const STARTTLS_MODES = ['never', 'opportunistic', 'required'] as const;

/** `host`, `host:port`, `[v6]` or `[v6]:port`. */
export function parseServer(text: string): { host: string; port: number } {
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:[\]\s]+))(?::(\d+))?$/.exec(text);
  const host = m?.[1] ?? m?.[2];
  if (!m || host === undefined || host === '') {
    throw new ArgumentError(
      `--server: expected HOST or HOST:PORT such as 127.0.0.1:2525, got ${JSON.stringify(text)}`,
    );
  }
  const port = m[3] === undefined ? 25 : integerFlag('server', m[3], 1, 65_535);
  return { host, port };
}

/** A JS string as its UTF-8 octets, one char each (how the socket writes latin1). */
const octets = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

function required(flag: string, value: string | undefined): string {
  if (value === undefined) throw new ArgumentError(`--${flag} is required`);
  return value;
}

function addressFlag(flag: string, value: string, allowNull = false): string {
  if ((allowNull && value === '') || isAddress(value)) return value;
  throw new ArgumentError(
    `--${flag}: expected an email address like alice@example.com, got ${JSON.stringify(value)}`,
  );
}

interface SendPlan {
  host: string;
  port: number;
  from: string;
  to: string[];
  text: string;
  options: ClientOptions;
  timeoutMs: number;
  quiet: boolean;
}

function plan(argv: string[], readBody: (file: string) => Buffer): SendPlan {
  const flags = parseFlags(argv, FLAGS);
  const { host, port } = parseServer(required('server', flags.server));
  const from = addressFlag('from', required('from', flags.from), true);
  const to = (flags.to ?? []).map((t) => addressFlag('to', t));
  if (to.length === 0) throw new ArgumentError('--to is required (repeat it for more recipients)');
  if (flags.body !== undefined && flags['body-file'] !== undefined) {
    throw new ArgumentError('--body and --body-file: give one or the other');
  }
  const helo = flags.helo ?? hostname();
  if (!isDomain(helo) && !/^\[[0-9.]+\]$/.test(helo)) {
    throw new ArgumentError(
      `--helo: expected a host name like client.example or [192.0.2.1], got ${JSON.stringify(helo)}`,
    );
  }
  const timeoutMs =
    flags.timeout === undefined ? DEFAULT_TIMEOUT_MS : durationFlag('timeout', flags.timeout);
  const starttls = flags.starttls ?? 'opportunistic';
  const mode = STARTTLS_MODES.find((m) => m === starttls);
  if (mode === undefined) {
    throw new ArgumentError(
      `--starttls: expected ${STARTTLS_MODES.join(', ')}, got ${JSON.stringify(starttls)}`,
    );
  }
  let auth: { user: string; password: string } | undefined;
  if (flags.auth !== undefined) {
    const colon = flags.auth.indexOf(':');
    if (colon <= 0) {
      throw new ArgumentError('--auth: expected USER:PASSWORD, like alice:wonderland');
    }
    auth = {
      user: octets(flags.auth.slice(0, colon)),
      password: octets(flags.auth.slice(colon + 1)),
    };
  }
  let body = '';
  if (flags['body-file'] !== undefined) {
    const file = flags['body-file'];
    try {
      body = readBody(file).toString('latin1');
    } catch (error) {
      throw new ArgumentError(`--body-file: cannot read ${file}: ${(error as Error).message}`);
    }
  } else if (flags.body !== undefined) {
    body = octets(flags.body);
  }
  const domain = from === '' ? helo : from.slice(from.lastIndexOf('@') + 1);
  const text = composeMessage({
    from: from === '' ? `MAILER-DAEMON@${helo}` : from,
    to,
    ...(flags.subject !== undefined ? { subject: octets(flags.subject) } : {}),
    body,
    date: formatRfc5322Date(Date.now()),
    messageId: `<${Date.now().toString(36)}.${randomBytes(6).toString('hex')}@${domain}>`,
  });
  const timeouts = {
    greeting: timeoutMs,
    command: timeoutMs,
    dataInit: timeoutMs,
    dataDone: timeoutMs,
  };
  return {
    host,
    port,
    from,
    to,
    text,
    options: {
      hostname: helo,
      starttls: mode,
      pipelining: true,
      timeouts,
      ...(auth ? { auth } : {}),
    },
    timeoutMs,
    quiet: flags.quiet === true,
  };
}

/**
 * Octets off the wire (one char each) for the terminal: UTF-8 decoded when they are UTF-8,
 * other 8-bit octets as `\xNN`, control characters escaped.
 */
export function shown(octetText: string): string {
  const bytes = Buffer.from(octetText, 'latin1');
  const utf8 = bytes.toString('utf8');
  if (!utf8.includes('\uFFFD')) return printable(utf8);
  return printable(octetText.replace(/[\x7f-\xff]/g, (c) => `\\x${c.charCodeAt(0).toString(16)}`));
}

const STAGES: Record<RecipientOutcome['stage'], string> = {
  greeting: 'the greeting',
  hello: 'EHLO',
  tls: 'STARTTLS',
  auth: 'AUTH',
  mail: 'MAIL FROM',
  rcpt: 'RCPT TO',
  data: 'DATA',
  text: 'the end of the message',
};

/** `bob@example.com: accepted (250 2.0.0 Ok: queued as 3F2A)`. */
export function describeOutcome(recipient: string, outcome: RecipientOutcome): string {
  const why = outcome.reply
    ? [String(outcome.reply.code), outcome.reply.enhanced, outcome.reply.lines.join(' / ')]
        .filter((p) => p !== undefined && p !== '')
        .join(' ')
    : (outcome.reason ?? 'no reply');
  const status =
    outcome.status === 'delivered'
      ? 'accepted'
      : `${outcome.status === 'failed' ? 'refused' : 'deferred'} at ${STAGES[outcome.stage]}`;
  return `${recipient}: ${status} (${shown(why)})`;
}

async function run(argv: string[], io: Io): Promise<number> {
  let p: SendPlan;
  try {
    p = plan(argv, (file) => readFileSync(file === '-' ? 0 : file));
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    io.err(`smtp-sim send: ${error.message}`);
    return USAGE_ERROR;
  }
  let authSent = false;
  const result = await sendOverTcp({
    host: p.host,
    port: p.port,
    options: p.options,
    transactions: [{ from: p.from, recipients: p.to, text: p.text }],
    connectTimeoutMs: p.timeoutMs,
    log: (dir, text) => {
      if (dir === 'C' && /^AUTH /i.test(text)) authSent = true;
      if (!p.quiet) io.out(`${dir === '-' ? '--' : `${dir}:`} ${shown(text)}`);
    },
  });
  if (p.options.auth && result.connected && !authSent) {
    io.out('-- --auth was given but the server did not offer AUTH: the message went without login');
  }
  if (!result.connected) {
    const server = p.host.includes(':') ? `[${p.host}]:${p.port}` : `${p.host}:${p.port}`;
    io.out(`-- cannot connect to ${server}: ${result.error}`);
    for (const rcpt of p.to) io.out(`${rcpt}: deferred at connect (${result.error})`);
    return 1;
  }
  const outcomes = result.outcomes[0] ?? [];
  let allAccepted = true;
  p.to.forEach((rcpt, i) => {
    const outcome = outcomes[i] ?? { status: 'deferred', stage: 'greeting', reason: 'no outcome' };
    if (outcome.status !== 'delivered') allAccepted = false;
    io.out(describeOutcome(rcpt, outcome));
  });
  return allAccepted ? 0 : 1;
}

export const send: Command = {
  name: 'send',
  summary: 'send one message to a real SMTP server with the client machine',
  usage: USAGE,
  run,
};
