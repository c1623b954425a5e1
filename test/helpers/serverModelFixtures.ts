// Policies, hooks and the wire alphabet for the model-based tests of the SMTP server machine.
//
// Every letter of the alphabet is something a client can do on the wire (a command line, an AUTH
// response, message text, closing, staying silent), paired with the machine event the glue
// (ServerSession) must turn it into, and with a `meaning` that the independent oracle
// (serverModelOracle.ts) reads instead of the parser's output.
import { parseCommand } from '../../src/core/protocol/commands';
import { defaultPolicy, type ServerPolicy } from '../../src/core/machines/smtpServer/policy';
import type { Reply, Verb } from '../../src/core/protocol/types';
import type {
  EtrnOutcome,
  EtrnRequest,
  ServerEvent,
  ServerHooks,
  StoreResult,
  AcceptedMessage,
} from '../../src/core/machines/smtpServer/types';

/** What a client does on the wire. */
export type WireStep =
  /** One line, CRLF appended (a command, or an AUTH response after 334). */
  | { kind: 'line'; text: string }
  /** Message text lines after 354, without the final dot. */
  | { kind: 'text'; lines: string[] }
  /** Message text lines after 354, dot-stuffed, then the final `.` (END_OF_DATA). */
  | { kind: 'message'; lines: string[] }
  /** The client closes the connection. */
  | { kind: 'close' }
  /** The client stays silent until the idle timeout. */
  | { kind: 'idle' };

/** What a letter means, in the oracle's own terms (never derived from the parser). */
export type Meaning =
  | { cmd: 'HELO' | 'EHLO' }
  | { cmd: 'MAIL'; sender: string; param?: 'unknown' | 'size' }
  | { cmd: 'RCPT'; recipient: string; param?: 'unknown' }
  | { cmd: 'DATA' | 'RSET' | 'NOOP' | 'HELP' | 'QUIT' | 'STARTTLS' }
  | { cmd: 'VRFY' | 'EXPN'; argument: string }
  | { cmd: 'AUTH'; mechanism: string; initial?: string }
  | { cmd: 'ETRN'; node: string }
  /** A line with a wrong argument for a known verb (`verb`), or an unknown verb. */
  | { cmd: 'bad'; verb?: 'MAIL' | 'RCPT' | 'DATA' | 'HELO' | 'QUIT' | 'ETRN' }
  | { auth: string }
  | { text: 'progress' }
  | { message: 'ok' | 'tooBig' | 'overlong' | 'rejectedByStore' }
  | { close: true }
  | { idle: true };

export interface Letter {
  label: string;
  wire: WireStep;
  event: ServerEvent;
  meaning: Meaning;
}

export interface ServerFixture {
  name: string;
  policy: ServerPolicy;
  hooks: ServerHooks;
  clientIp: string;
  /** Include the error count in the model's state key (only for small hard error limits). */
  countErrors: boolean;
  commands: Letter[];
  authResponses: Letter[];
  text: Letter[];
  /** Always available: close and idle. */
  always: Letter[];
}

// --- hooks ----------------------------------------------------------------------------------

export const STORE_REJECT_MARKER = 'X-Reject-Me: yes';

/** Stores every message except one carrying the marker header, which it refuses with 554. */
export function storeHook(message: AcceptedMessage): StoreResult {
  if (message.text.includes(STORE_REJECT_MARKER)) {
    return {
      ok: false,
      reply: { code: 554, enhanced: '5.7.1', lines: ['Message content rejected'] },
    };
  }
  // Pure (the graph traversal calls it too): the id depends on the message only.
  return { ok: true, queueId: `Q${message.octets}` };
}

/**
 * Greylisting (RFC 6647): a triplet is deferred the first time it is seen. The database below
 * is what the server learnt on earlier connections; it is read-only during one session so that
 * the hook is a function of the triplet and the model graph stays deterministic. A sender it has
 * never seen (`new@client.example`) is deferred, a known one passes. A test in model.test.ts
 * drives a learning hook (defer once, then pass) through a session.
 */
export const GREYLIST_KNOWN_SENDERS: readonly string[] = ['a@client.example'];

export function greylistHook(triplet: {
  ip: string;
  sender: string;
  recipient: string;
}): 'pass' | 'defer' {
  return GREYLIST_KNOWN_SENDERS.includes(triplet.sender) ? 'pass' : 'defer';
}

/** RFC 1985 outcomes by node. */
export const ETRN_OUTCOMES: Record<string, EtrnOutcome> = {
  'backup.example': { code: 250 },
  '@backup.example': { code: 253, count: 2 },
  'nobody.example': { code: 459, reason: 'not a domain this server queues for' },
};

export function etrnHook(request: EtrnRequest): EtrnOutcome {
  const node =
    (request.kind === 'domain' ? '@' : request.kind === 'queue' ? '#' : '') + request.argument;
  return ETRN_OUTCOMES[node] ?? { code: 458 };
}

/** Failure injection: forced replies by command verb, `CONNECT` or `.` (see ServerHooks.fault). */
export type FaultTable = Partial<Record<Verb | 'CONNECT' | '.', Reply>>;

export function faultHook(table: FaultTable): NonNullable<ServerHooks['fault']> {
  return (command) => table[command];
}

/**
 * The glue sends FAULT instead of a parsed command (or instead of END_OF_DATA) when the fault
 * hook forces a reply: rewrite the letters' events accordingly.
 */
function withFaults(letters: Letter[], hooks: ServerHooks): Letter[] {
  const fault = hooks.fault;
  if (!fault) return letters;
  return letters.map((l) => {
    const verb =
      'command' in l.event
        ? l.event.command.verb
        : l.event.type === 'END_OF_DATA'
          ? '.'
          : undefined;
    const forced = verb === undefined ? undefined : fault(verb);
    return forced ? { ...l, event: { type: 'FAULT', reply: forced } } : l;
  });
}

// --- letters --------------------------------------------------------------------------------

const b64 = (text: string) => btoa(text);
export const PLAIN_ALICE_SECRET = b64('\0alice\0secret');
export const PLAIN_ALICE_WRONG = b64('\0alice\0wrong');
export const B64_ALICE = b64('alice');
export const B64_SECRET = b64('secret');
export const B64_WRONG = b64('wrong');

/** A command line; `expect` is the event type the glue must produce (checked here once). */
function command(text: string, meaning: Meaning, expect: ServerEvent['type']): Letter {
  const parsed = parseCommand(text);
  const event: ServerEvent = parsed.ok
    ? ({ type: parsed.command.verb, command: parsed.command } as ServerEvent)
    : { type: 'SYNTAX_ERROR', error: parsed.error };
  if (event.type !== expect) {
    throw new Error(`alphabet: ${JSON.stringify(text)} parses to ${event.type}, not ${expect}`);
  }
  return { label: text, wire: { kind: 'line', text }, event, meaning };
}

function authResponse(text: string): Letter {
  return {
    label: `response ${text}`,
    wire: { kind: 'line', text },
    event: { type: 'AUTH_RESPONSE', text },
    meaning: { auth: text },
  };
}

/** The END_OF_DATA the glue should build for these wire lines, computed independently. */
function endOfData(lines: string[], policy: ServerPolicy): ServerEvent {
  const MAX_LINE = 65_536;
  const unstuffed = lines.map((l) => (l.startsWith('.') ? l.slice(1) : l));
  const octets = unstuffed.reduce((n, l) => n + Math.min(l.length, MAX_LINE) + 2, 0);
  const tooBig = policy.sizeLimit > 0 && octets > policy.sizeLimit;
  const overlong = lines.some((l) => l.length > MAX_LINE);
  const text = tooBig ? '' : unstuffed.map((l) => l.slice(0, MAX_LINE) + '\r\n').join('');
  return { type: 'END_OF_DATA', text, octets, tooBig, overlong };
}

function message(
  label: string,
  lines: string[],
  kind: 'ok' | 'tooBig' | 'overlong' | 'rejectedByStore',
  policy: ServerPolicy,
): Letter {
  return {
    label: `message ${label}`,
    wire: { kind: 'message', lines },
    event: endOfData(lines, policy),
    meaning: { message: kind },
  };
}

const OK_MESSAGE = ['Subject: test', '', 'Hello Bob,', '..a line starting with a dot'];
const ALWAYS: Letter[] = [
  {
    label: 'peer closes',
    wire: { kind: 'close' },
    event: { type: 'CLOSED' },
    meaning: { close: true },
  },
  {
    label: 'idle timeout',
    wire: { kind: 'idle' },
    event: { type: 'IDLE_TIMEOUT' },
    meaning: { idle: true },
  },
];

/** Lines every server hears. */
function baseCommands(): Letter[] {
  return [
    command('HELO client.example', { cmd: 'HELO' }, 'HELO'),
    command('EHLO client.example', { cmd: 'EHLO' }, 'EHLO'),
    command('MAIL FROM:<a@client.example>', { cmd: 'MAIL', sender: 'a@client.example' }, 'MAIL'),
    command('RCPT TO:<bob@b.example>', { cmd: 'RCPT', recipient: 'bob@b.example' }, 'RCPT'),
    command('RCPT TO:<nobody@b.example>', { cmd: 'RCPT', recipient: 'nobody@b.example' }, 'RCPT'),
    command('DATA', { cmd: 'DATA' }, 'DATA'),
    command('RSET', { cmd: 'RSET' }, 'RSET'),
    command('NOOP', { cmd: 'NOOP' }, 'NOOP'),
    command('HELP', { cmd: 'HELP' }, 'HELP'),
    command('VRFY bob', { cmd: 'VRFY', argument: 'bob' }, 'VRFY'),
    command('QUIT', { cmd: 'QUIT' }, 'QUIT'),
    command('MAIL FROM:bad', { cmd: 'bad', verb: 'MAIL' }, 'SYNTAX_ERROR'),
    command('RCPT TO:bad', { cmd: 'bad', verb: 'RCPT' }, 'SYNTAX_ERROR'),
    command('DATA now', { cmd: 'bad', verb: 'DATA' }, 'SYNTAX_ERROR'),
    command('XYZZY', { cmd: 'bad' }, 'SYNTAX_ERROR'),
    command('ETRN', { cmd: 'bad', verb: 'ETRN' }, 'SYNTAX_ERROR'),
    command('STARTTLS', { cmd: 'STARTTLS' }, 'STARTTLS'),
    command(
      `AUTH PLAIN ${PLAIN_ALICE_SECRET}`,
      { cmd: 'AUTH', mechanism: 'PLAIN', initial: PLAIN_ALICE_SECRET },
      'AUTH',
    ),
    command('ETRN backup.example', { cmd: 'ETRN', node: 'backup.example' }, 'ETRN'),
  ];
}

const CLIENT = {
  /** In relayFrom 192.0.2.0/24 of the default policy. */
  trusted: '192.0.2.10',
  /** Outside every relayFrom range. */
  stranger: '203.0.113.9',
};

/** The default policy of the brief, with a client allowed to relay. */
export function defaultFixture(): ServerFixture {
  const policy = defaultPolicy('mx.b.example', {
    localDomains: ['b.example'],
    mailboxes: ['bob@b.example'],
    relayFrom: ['192.0.2.0/24'],
  });
  return {
    name: 'default',
    policy,
    hooks: { store: storeHook },
    clientIp: CLIENT.trusted,
    countErrors: false,
    commands: [
      ...baseCommands(),
      command(
        'RCPT TO:<carol@relay.example>',
        { cmd: 'RCPT', recipient: 'carol@relay.example' },
        'RCPT',
      ),
      command(
        'MAIL FROM:<a@client.example> SIZE=20000000',
        { cmd: 'MAIL', sender: 'a@client.example', param: 'size' },
        'MAIL',
      ),
      command(
        'MAIL FROM:<a@client.example> XFOO=1',
        { cmd: 'MAIL', sender: 'a@client.example', param: 'unknown' },
        'MAIL',
      ),
      command(
        'RCPT TO:<bob@b.example> XFOO=1',
        { cmd: 'RCPT', recipient: 'bob@b.example', param: 'unknown' },
        'RCPT',
      ),
      command('EXPN bob', { cmd: 'EXPN', argument: 'bob' }, 'EXPN'),
      command('HELO', { cmd: 'bad', verb: 'HELO' }, 'SYNTAX_ERROR'),
    ],
    authResponses: [],
    text: [
      message('ok', OK_MESSAGE, 'ok', policy),
      message('with a 70,000-octet line', ['x'.repeat(70_000)], 'overlong', policy),
    ],
    always: ALWAYS,
  };
}

/** STARTTLS, AUTH, ETRN, greylisting, backup MX, VRFY/EXPN enabled, a small size limit. */
export function fullFixture(): ServerFixture {
  const policy = defaultPolicy('mx.b.example', {
    localDomains: ['b.example'],
    mailboxes: ['bob@b.example'],
    relayFrom: ['192.0.2.0/24'],
    backupFor: ['backup.example'],
    extensions: [
      'SIZE',
      'PIPELINING',
      '8BITMIME',
      'ENHANCEDSTATUSCODES',
      'DSN',
      'ETRN',
      'STARTTLS',
      'AUTH',
      'HELP',
    ],
    users: { alice: 'secret' },
    etrn: true,
    greylisting: true,
    vrfy: 'verify',
    expn: 'enabled',
    sizeLimit: 2000,
  });
  return {
    name: 'full',
    policy,
    hooks: { store: storeHook, greylist: greylistHook, etrn: etrnHook },
    clientIp: CLIENT.stranger,
    countErrors: false,
    commands: [
      ...baseCommands(),
      command(
        'MAIL FROM:<new@client.example>',
        { cmd: 'MAIL', sender: 'new@client.example' },
        'MAIL',
      ),
      command('RCPT TO:<Postmaster>', { cmd: 'RCPT', recipient: 'Postmaster' }, 'RCPT'),
      command('RCPT TO:<x@backup.example>', { cmd: 'RCPT', recipient: 'x@backup.example' }, 'RCPT'),
      command(
        'RCPT TO:<x@elsewhere.example>',
        { cmd: 'RCPT', recipient: 'x@elsewhere.example' },
        'RCPT',
      ),
      command(
        'MAIL FROM:<a@client.example> SIZE=5000',
        { cmd: 'MAIL', sender: 'a@client.example', param: 'size' },
        'MAIL',
      ),
      command('AUTH PLAIN', { cmd: 'AUTH', mechanism: 'PLAIN' }, 'AUTH'),
      command(
        `AUTH PLAIN ${PLAIN_ALICE_WRONG}`,
        { cmd: 'AUTH', mechanism: 'PLAIN', initial: PLAIN_ALICE_WRONG },
        'AUTH',
      ),
      command('AUTH PLAIN !!!!', { cmd: 'AUTH', mechanism: 'PLAIN', initial: '!!!!' }, 'AUTH'),
      command('AUTH LOGIN', { cmd: 'AUTH', mechanism: 'LOGIN' }, 'AUTH'),
      command(
        `AUTH LOGIN ${B64_ALICE}`,
        { cmd: 'AUTH', mechanism: 'LOGIN', initial: B64_ALICE },
        'AUTH',
      ),
      command('AUTH CRAM-MD5', { cmd: 'AUTH', mechanism: 'CRAM-MD5' }, 'AUTH'),
      command('ETRN @backup.example', { cmd: 'ETRN', node: '@backup.example' }, 'ETRN'),
      command('ETRN nobody.example', { cmd: 'ETRN', node: 'nobody.example' }, 'ETRN'),
      command('EXPN bob', { cmd: 'EXPN', argument: 'bob' }, 'EXPN'),
      command('VRFY nobody', { cmd: 'VRFY', argument: 'nobody' }, 'VRFY'),
    ],
    authResponses: [
      authResponse('*'),
      authResponse('!!!!'),
      authResponse(PLAIN_ALICE_SECRET),
      authResponse(B64_ALICE),
      authResponse(B64_SECRET),
      authResponse(B64_WRONG),
    ],
    text: [
      message('ok', OK_MESSAGE, 'ok', policy),
      message(
        'of 2,480 octets',
        Array.from({ length: 40 }, (_, i) => `${i}`.padEnd(60, '.')),
        'tooBig',
        policy,
      ),
      message('refused by the store', [STORE_REJECT_MARKER, '', 'spam'], 'rejectedByStore', policy),
    ],
    always: ALWAYS,
  };
}

/** Submission (RFC 6409): AUTH required for MAIL, and only over TLS (538 in the clear). */
export function submissionFixture(): ServerFixture {
  const policy = defaultPolicy('smtp.b.example', {
    localDomains: ['b.example'],
    mailboxes: ['bob@b.example'],
    extensions: ['SIZE', 'PIPELINING', 'ENHANCEDSTATUSCODES', 'STARTTLS', 'AUTH'],
    users: { alice: 'secret' },
    authRequired: true,
    authRequiresTls: true,
    hardErrorLimit: 3,
  });
  return {
    name: 'submission',
    policy,
    hooks: { store: storeHook },
    clientIp: CLIENT.stranger,
    countErrors: true,
    commands: [
      command('EHLO client.example', { cmd: 'EHLO' }, 'EHLO'),
      command('HELO client.example', { cmd: 'HELO' }, 'HELO'),
      command('STARTTLS', { cmd: 'STARTTLS' }, 'STARTTLS'),
      command(
        `AUTH PLAIN ${PLAIN_ALICE_SECRET}`,
        { cmd: 'AUTH', mechanism: 'PLAIN', initial: PLAIN_ALICE_SECRET },
        'AUTH',
      ),
      command('AUTH LOGIN', { cmd: 'AUTH', mechanism: 'LOGIN' }, 'AUTH'),
      command('MAIL FROM:<a@client.example>', { cmd: 'MAIL', sender: 'a@client.example' }, 'MAIL'),
      command(
        'RCPT TO:<x@elsewhere.example>',
        { cmd: 'RCPT', recipient: 'x@elsewhere.example' },
        'RCPT',
      ),
      command('DATA', { cmd: 'DATA' }, 'DATA'),
      command('RSET', { cmd: 'RSET' }, 'RSET'),
      command('NOOP', { cmd: 'NOOP' }, 'NOOP'),
      command('QUIT', { cmd: 'QUIT' }, 'QUIT'),
      command('XYZZY', { cmd: 'bad' }, 'SYNTAX_ERROR'),
      command('ETRN backup.example', { cmd: 'ETRN', node: 'backup.example' }, 'ETRN'),
    ],
    authResponses: [
      authResponse('*'),
      authResponse(B64_ALICE),
      authResponse(B64_SECRET),
      authResponse(B64_WRONG),
    ],
    text: [message('ok', OK_MESSAGE, 'ok', policy)],
    always: ALWAYS,
  };
}

/** `refuseConnections`: 554 greeting, then 503 to all but QUIT (RFC 5321 §3.1). */
export function refusedFixture(): ServerFixture {
  const policy = defaultPolicy('mx.b.example', {
    localDomains: ['b.example'],
    mailboxes: ['bob@b.example'],
    refuseConnections: true,
  });
  return {
    name: 'refused',
    policy,
    hooks: { store: storeHook },
    clientIp: CLIENT.stranger,
    countErrors: true,
    commands: [
      command('EHLO client.example', { cmd: 'EHLO' }, 'EHLO'),
      command('MAIL FROM:<a@client.example>', { cmd: 'MAIL', sender: 'a@client.example' }, 'MAIL'),
      command('NOOP', { cmd: 'NOOP' }, 'NOOP'),
      command('QUIT', { cmd: 'QUIT' }, 'QUIT'),
      command('XYZZY', { cmd: 'bad' }, 'SYNTAX_ERROR'),
      command('QUIT now', { cmd: 'bad', verb: 'QUIT' }, 'SYNTAX_ERROR'),
    ],
    authResponses: [],
    text: [],
    always: ALWAYS,
  };
}

/**
 * An RFC 821 server (`ehlo: false`: EHLO gets 500) with injected faults: NOOP is answered with 421
 * (which closes), VRFY with 452, and the final dot with 451 (the message is dropped).
 */
export function faultsFixture(): ServerFixture {
  const policy = defaultPolicy('old.b.example', {
    localDomains: ['b.example'],
    mailboxes: ['bob@b.example'],
    ehlo: false,
  });
  const hooks: ServerHooks = {
    store: storeHook,
    fault: faultHook({
      NOOP: { code: 421, enhanced: '4.3.2', lines: ['old.b.example Service shutting down'] },
      VRFY: { code: 452, enhanced: '4.3.1', lines: ['Insufficient system storage'] },
      '.': { code: 451, enhanced: '4.3.0', lines: ['Error: queue file write error'] },
    }),
  };
  return {
    name: 'rfc821 with faults',
    policy,
    hooks,
    clientIp: CLIENT.stranger,
    countErrors: false,
    commands: withFaults(
      [
        command('HELO client.example', { cmd: 'HELO' }, 'HELO'),
        command('EHLO client.example', { cmd: 'EHLO' }, 'EHLO'),
        command(
          'MAIL FROM:<a@client.example>',
          { cmd: 'MAIL', sender: 'a@client.example' },
          'MAIL',
        ),
        command('RCPT TO:<bob@b.example>', { cmd: 'RCPT', recipient: 'bob@b.example' }, 'RCPT'),
        command('DATA', { cmd: 'DATA' }, 'DATA'),
        command('RSET', { cmd: 'RSET' }, 'RSET'),
        command('NOOP', { cmd: 'NOOP' }, 'NOOP'),
        command('VRFY bob', { cmd: 'VRFY', argument: 'bob' }, 'VRFY'),
        command('QUIT', { cmd: 'QUIT' }, 'QUIT'),
        command('XYZZY', { cmd: 'bad' }, 'SYNTAX_ERROR'),
      ],
      hooks,
    ),
    authResponses: [],
    text: withFaults([message('ok', OK_MESSAGE, 'ok', policy)], hooks),
    always: ALWAYS,
  };
}

/** A fault at the final dot that closes the connection (421). */
export function dotClosesFixture(): ServerFixture {
  const policy = defaultPolicy('mx.b.example', {
    localDomains: ['b.example'],
    mailboxes: ['bob@b.example'],
  });
  const hooks: ServerHooks = {
    store: storeHook,
    fault: faultHook({
      '.': { code: 421, enhanced: '4.3.0', lines: ['mx.b.example Error: system shutting down'] },
    }),
  };
  return {
    name: 'fault at the dot closes',
    policy,
    hooks,
    clientIp: CLIENT.stranger,
    countErrors: false,
    commands: [
      command('EHLO client.example', { cmd: 'EHLO' }, 'EHLO'),
      command('MAIL FROM:<a@client.example>', { cmd: 'MAIL', sender: 'a@client.example' }, 'MAIL'),
      command('RCPT TO:<bob@b.example>', { cmd: 'RCPT', recipient: 'bob@b.example' }, 'RCPT'),
      command('DATA', { cmd: 'DATA' }, 'DATA'),
      command('QUIT', { cmd: 'QUIT' }, 'QUIT'),
    ],
    authResponses: [],
    text: withFaults([message('ok', OK_MESSAGE, 'ok', policy)], hooks),
    always: ALWAYS,
  };
}

/** A fault at connection time: 421 (the server closes at once) or 554 (it refuses). */
export function greetingFaultFixture(code: 421 | 554): ServerFixture {
  const policy = defaultPolicy('mx.b.example', {
    localDomains: ['b.example'],
    mailboxes: ['bob@b.example'],
  });
  const reply: Reply =
    code === 421
      ? { code, enhanced: '4.3.2', lines: ['mx.b.example Service not available, closing channel'] }
      : { code, enhanced: '5.3.2', lines: ['mx.b.example ESMTP not accepting connections'] };
  // After a 554 greeting, faults still answer in the refused state: VRFY 452, NOOP 421 (closes).
  const hooks: ServerHooks = {
    store: storeHook,
    fault: faultHook(
      code === 421
        ? { CONNECT: reply }
        : {
            CONNECT: reply,
            VRFY: { code: 452, enhanced: '4.3.1', lines: ['Insufficient system storage'] },
            NOOP: { code: 421, enhanced: '4.3.2', lines: ['mx.b.example Service shutting down'] },
          },
    ),
  };
  return {
    name: `greeting fault ${code}`,
    policy,
    hooks,
    clientIp: CLIENT.stranger,
    countErrors: true,
    commands: withFaults(
      [
        command('EHLO client.example', { cmd: 'EHLO' }, 'EHLO'),
        command('NOOP', { cmd: 'NOOP' }, 'NOOP'),
        command('VRFY bob', { cmd: 'VRFY', argument: 'bob' }, 'VRFY'),
        command('QUIT', { cmd: 'QUIT' }, 'QUIT'),
      ],
      hooks,
    ),
    authResponses: [],
    text: [],
    always: ALWAYS,
  };
}

export function allFixtures(): ServerFixture[] {
  return [
    defaultFixture(),
    fullFixture(),
    submissionFixture(),
    refusedFixture(),
    faultsFixture(),
    dotClosesFixture(),
    greetingFaultFixture(421),
    greetingFaultFixture(554),
  ];
}
