// Property tests of the SMTP client session (machine + glue) with fast-check:
// 1. arbitrary server behaviour (any reply code 200–599, multi-line replies, malformed lines, bare
//    LF line ends, split across arbitrary chunks, lost connections, time passing) against
//    arbitrary options and transactions;
// 2. random transactions against the real server machine, delivered exactly.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SimulatedClock } from 'xstate';
import { ClientSession } from '../../../../src/core/machines/smtpClient/session';
import type {
  ClientOptions,
  OutgoingTransaction,
  RecipientOutcome,
} from '../../../../src/core/machines/smtpClient/types';
import { FIXTURE_TIMEOUTS, RFC5321_TIMEOUTS } from '../../../helpers/clientModelFixtures';
import { IndependentReplyParser, WireTracker } from '../../../helpers/clientModelWire';
import { runPair } from '../../../helpers/linkedPair';

const RUNS = { numRuns: 1000 };

// --- generators ---------------------------------------------------------------------------

const printable = fc.integer({ min: 0x20, max: 0x7e }).map((n) => String.fromCharCode(n));
const octet = fc.integer({ min: 0x01, max: 0xff }).map((n) => String.fromCharCode(n));
/** Any octet but CR and LF: reply text and junk lines. */
const lineOctet = octet.filter((c) => c !== '\r' && c !== '\n');

const KEYWORDS = ['PIPELINING', 'STARTTLS', 'AUTH PLAIN LOGIN', 'SIZE 1000000', '8BITMIME', 'DSN'];

/** Reply codes: any in 200–599, with the ones that move a session forward made likely. */
const replyCode = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(220, 250, 250, 354, 235, 221) },
  { weight: 2, arbitrary: fc.integer({ min: 200, max: 599 }) },
  { weight: 1, arbitrary: fc.constantFrom(421, 450, 451, 452, 503, 550, 552, 554, 334, 251) },
);

interface ReplyAct {
  kind: 'reply';
  code: number;
  texts: string[];
  /** A continuation line with another code (a protocol error). */
  otherCode?: number;
  lf: boolean;
}
/** The reply a willing server gives to what the client waits for (texts: EHLO keywords). */
interface CooperateAct {
  kind: 'cooperate';
  texts: string[];
  lf: boolean;
}
type ServerAct =
  | ReplyAct
  | CooperateAct
  | { kind: 'junk'; line: string; lf: boolean }
  | { kind: 'lost' }
  | { kind: 'wait'; ms: number };

const replyAct: fc.Arbitrary<ReplyAct> = fc.record({
  kind: fc.constant('reply' as const),
  code: replyCode,
  texts: fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: printable, maxLength: 20 }) },
      { weight: 2, arbitrary: fc.constantFrom(...KEYWORDS) },
      { weight: 1, arbitrary: fc.string({ unit: lineOctet, maxLength: 20 }) },
    ),
    { minLength: 1, maxLength: 4 },
  ),
  otherCode: fc.oneof(
    { weight: 9, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.integer({ min: 200, max: 599 }) },
  ),
  lf: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, fc.constant(true)),
});

const junkLine = fc.oneof(
  fc.string({ unit: lineOctet, maxLength: 30 }),
  fc.constantFrom('', '25', '2500 x', '250x', '600 no', '199 no', '-250 x', ' 250 x'),
);

const wait = fc.oneof(
  fc.integer({ min: 0, max: 700_000 }),
  fc.constantFrom(
    RFC5321_TIMEOUTS.dataInit - 1,
    RFC5321_TIMEOUTS.dataInit,
    RFC5321_TIMEOUTS.mail - 1,
    RFC5321_TIMEOUTS.mail,
    RFC5321_TIMEOUTS.dataDone - 1,
    RFC5321_TIMEOUTS.dataDone,
  ),
);

const cooperateAct: fc.Arbitrary<CooperateAct> = fc.record({
  kind: fc.constant('cooperate' as const),
  texts: fc.subarray(KEYWORDS).map((k) => ['mx.b.example', ...k]),
  lf: fc.boolean(),
});

/** What a willing server answers (RFC 5321 §4.3.2 success codes). */
const SUCCESS: Record<string, number> = {
  greeting: 220,
  STARTTLS: 220,
  AUTH: 235,
  data: 354,
  QUIT: 221,
};

const serverAct: fc.Arbitrary<ServerAct> = fc.oneof(
  { weight: 40, arbitrary: cooperateAct },
  { weight: 10, arbitrary: replyAct },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('junk' as const), line: junkLine, lf: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'lost' as const }) },
  { weight: 1, arbitrary: wait.map((ms) => ({ kind: 'wait' as const, ms })) },
);

function wireOf(act: ReplyAct | { kind: 'junk'; line: string; lf: boolean }): string {
  const end = act.lf ? '\n' : '\r\n';
  if (act.kind === 'junk') return act.line + end;
  return act.texts
    .map((t, i) => {
      const last = i === act.texts.length - 1;
      // A continuation with another code replaces the code of the second line.
      const code = i === 1 && act.otherCode !== undefined ? act.otherCode : act.code;
      return `${code}${last ? ' ' : '-'}${t}${end}`;
    })
    .join('');
}

const localPart = fc.stringMatching(/^[a-z0-9][a-z0-9.+_-]{0,15}$/);
const domain = fc.constantFrom('b.example', 'c.example', 'mail.d.example');
const address = fc.tuple(localPart, domain).map(([l, d]) => `${l}@${d}`);

/** One text line: printable, 8-bit, leading dots; no CR or LF. */
const textLine = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: printable, maxLength: 60 }) },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.oneof(
        printable,
        octet.filter((c) => c > '\x7f'),
      ),
      maxLength: 40,
    }),
  },
  { weight: 2, arbitrary: fc.string({ unit: printable, maxLength: 20 }).map((s) => `.${s}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '.', '..', '...') },
  // Near the §4.5.3.1.6 limit (998 octets, not counting a stuffed dot).
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('', '.'), fc.integer({ min: 990, max: 998 }))
      .map(([dot, n]) => (dot + 'x'.repeat(n)).slice(0, n)),
  },
);
/** A message text with CRLF line ends (the OutgoingTransaction contract), possibly empty. */
const messageText = fc
  .array(textLine, { maxLength: 8 })
  .map((lines) => lines.map((l) => `${l}\r\n`).join(''));

const transaction: fc.Arbitrary<OutgoingTransaction> = fc.record(
  {
    from: fc.oneof(address, fc.constant('')),
    recipients: fc.array(address, { minLength: 1, maxLength: 3 }),
    text: messageText,
    dsn: fc.record(
      {
        ret: fc.constantFrom('FULL' as const, 'HDRS' as const),
        envid: fc.string({ unit: printable, maxLength: 20 }),
        notify: fc.constantFrom(['NEVER'], ['SUCCESS', 'FAILURE'], ['DELAY']),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['from', 'recipients', 'text'] },
);

const clientOptions: fc.Arbitrary<ClientOptions> = fc.record(
  {
    hostname: fc.constant('mail.a.example'),
    starttls: fc.constantFrom('never' as const, 'opportunistic' as const, 'required' as const),
    pipelining: fc.boolean(),
    timeouts: fc.constant(FIXTURE_TIMEOUTS),
    auth: fc.record({
      user: fc.stringMatching(/^[a-z]{1,10}$/),
      password: fc.string({ unit: printable, maxLength: 12 }),
    }),
  },
  { requiredKeys: ['hostname', 'starttls', 'pipelining', 'timeouts'] },
);

/** Cut points for splitting a text into chunks anywhere. */
const cuts = fc.array(fc.nat(), { maxLength: 8 });

function split(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((n) => n % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  chunks.push(text.slice(from));
  return chunks.filter((c) => c !== '');
}

// --- properties ---------------------------------------------------------------------------

describe('arbitrary server behaviour', () => {
  test(
    'never throws, always finishes once with one outcome per recipient, delivers only after ' +
      '2xx to MAIL, RCPT and the final dot, writes only well-formed lines',
    () => {
      fc.assert(
        fc.property(
          clientOptions,
          fc.array(transaction, { minLength: 1, maxLength: 3 }),
          fc.array(serverAct, { maxLength: 50, size: 'max' }),
          cuts,
          (options, transactions, acts, at) => {
            const clock = new SimulatedClock();
            const tracker = new WireTracker();
            const sessionReplies: number[] = [];
            let doneCalls = 0;
            let closeCalls = 0;
            let outcomes: RecipientOutcome[][] | undefined;
            const session = new ClientSession(
              { options, transactions, clock },
              {
                send: (lines) => tracker.written(lines),
                close: () => {
                  closeCalls += 1;
                  tracker.silence('close');
                },
                done: (o) => {
                  doneCalls += 1;
                  outcomes = o;
                },
                reply: (r) => {
                  sessionReplies.push(r.code);
                  tracker.replied(r.code);
                },
              },
            );
            const parser = new IndependentReplyParser();
            const parsedReplies: number[] = [];
            let pending = '';
            const flush = () => {
              for (const line of pending.split('\n').slice(0, -1)) {
                const p = parser.line(line.endsWith('\r') ? line.slice(0, -1) : line);
                if (p && 'code' in p) parsedReplies.push(p.code);
              }
              for (const chunk of split(pending, at)) session.receive(chunk);
              pending = '';
            };
            session.start();
            for (const act of acts) {
              if (act.kind === 'reply' || act.kind === 'junk') {
                pending += wireOf(act);
                continue;
              }
              flush();
              if (act.kind === 'cooperate') {
                const head = tracker.head() ?? 'QUIT';
                const code = SUCCESS[head] ?? 250;
                const texts = head === 'EHLO' ? act.texts : ['Ok'];
                pending += wireOf({ kind: 'reply', code, texts, lf: act.lf });
                continue;
              }
              if (act.kind === 'lost') {
                session.lost('connection lost');
                tracker.silence('the connection was lost');
              } else {
                clock.increment(act.ms);
              }
            }
            flush();
            // Silence from now on: every state the client waits in has a timeout.
            if (!session.finished) clock.increment(RFC5321_TIMEOUTS.dataDone + 1);

            expect(session.finished).toBe(true);
            expect(doneCalls).toBe(1);
            expect(closeCalls).toBe(1);
            expect(tracker.problems).toEqual([]);
            // The glue reads replies as RFC 5321 §4.2.1 says (the session stops when done).
            expect(parsedReplies.slice(0, sessionReplies.length)).toEqual(sessionReplies);
            expect(outcomes?.map((row) => row.length)).toEqual(
              transactions.map((t) => t.recipients.length),
            );
            const wrongly = (outcomes ?? []).flatMap((row, t) =>
              row.flatMap((o, r) =>
                o.status === 'delivered' && !tracker.mayBeDelivered(t, r)
                  ? [
                      `transaction ${t + 1} recipient ${r + 1}: delivered at ${o.stage} after ${o.reply?.code}`,
                    ]
                  : [],
              ),
            );
            expect(wrongly).toEqual([]);
          },
        ),
        RUNS,
      );
    },
    30_000,
  );
});

describe('against the real server machine', () => {
  const MAILBOXES = ['bob@b.example', 'carol@b.example', 'dan@b.example'];
  const recipientsOf = fc.uniqueArray(
    fc.constantFrom(...MAILBOXES, 'nobody@b.example', 'ghost@b.example'),
    { minLength: 1, maxLength: 4 },
  );
  const pairTransaction: fc.Arbitrary<OutgoingTransaction> = fc.record({
    from: fc.constantFrom('alice@a.example', ''),
    recipients: recipientsOf,
    text: messageText,
  });
  const extensions = fc.subarray([
    'SIZE',
    'PIPELINING',
    '8BITMIME',
    'ENHANCEDSTATUSCODES',
    'DSN',
    'STARTTLS',
    'AUTH',
  ] as const);
  const pairClient = fc.record(
    {
      pipelining: fc.boolean(),
      starttls: fc.constantFrom('never' as const, 'opportunistic' as const, 'required' as const),
      auth: fc.constant({ user: 'alice', password: 'pw' }),
    },
    { requiredKeys: ['pipelining', 'starttls'] },
  );

  test('every recipient the server accepted is delivered, and the stored text is the sent text byte for byte', () => {
    fc.assert(
      fc.property(
        fc.array(pairTransaction, { minLength: 1, maxLength: 4 }),
        pairClient,
        extensions,
        (transactions, client, offered) => {
          const r = runPair({
            policy: { mailboxes: MAILBOXES, extensions: [...offered], users: { alice: 'pw' } },
            client,
            transactions,
          });
          // TLS required and not offered: the client gives up before MAIL (nothing stored).
          const goes = client.starttls !== 'required' || offered.includes('STARTTLS');
          const known = (a: string) => goes && MAILBOXES.includes(a);
          const carrying = transactions.filter((t) => t.recipients.some(known));
          // The server stored one message per transaction with a known recipient, in order.
          expect(r.stored.map((m) => m.text)).toEqual(carrying.map((t) => t.text));
          expect(r.stored.map((m) => m.recipients.map((x) => x.address))).toEqual(
            carrying.map((t) => t.recipients.filter(known)),
          );
          expect(r.outcomes?.map((row) => row.map((o) => o.status))).toEqual(
            transactions.map((t) =>
              t.recipients.map((a) => (!goes ? 'deferred' : known(a) ? 'delivered' : 'failed')),
            ),
          );
          expect(r.transcript.at(-1)).toMatch(/^S: 221 /);
        },
      ),
      RUNS,
    );
  }, 30_000);
});
