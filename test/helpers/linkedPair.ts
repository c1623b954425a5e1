// A client session and a server session joined by a fake link, as h11's ConnectionPair does:
// bytes written by one side are queued and delivered to the other by `pump`.
import { SimulatedClock } from 'xstate';
import { ClientSession } from '../../src/core/machines/smtpClient/session';
import {
  RFC_TIMEOUTS,
  type OutgoingTransaction,
  type RecipientOutcome,
} from '../../src/core/machines/smtpClient/types';
import { ServerSession } from '../../src/core/machines/smtpServer/session';
import { defaultPolicy, type ServerPolicy } from '../../src/core/machines/smtpServer/policy';
import type { AcceptedMessage, ServerHooks } from '../../src/core/machines/smtpServer/types';
import type { ClientOptions } from '../../src/core/machines/smtpClient/types';

export interface PairOptions {
  policy?: Partial<ServerPolicy>;
  hooks?: Partial<ServerHooks>;
  client?: Partial<ClientOptions>;
  transactions: OutgoingTransaction[];
  /** Drop the link after the client has written this many lines. */
  cutAfterClientLines?: number;
}

export interface PairResult {
  transcript: string[];
  stored: AcceptedMessage[];
  outcomes: RecipientOutcome[][] | undefined;
  /** Transcript length when each transaction was reported decided. */
  decidedAt: number[];
  clock: SimulatedClock;
}

export function runPair(options: PairOptions): PairResult {
  const clock = new SimulatedClock();
  const transcript: string[] = [];
  const stored: AcceptedMessage[] = [];
  const queue: Array<() => void> = [];
  let outcomes: RecipientOutcome[][] | undefined;
  const decidedAt: number[] = [];
  let clientLines = 0;
  let cut = false;
  let n = 0;
  const server = new ServerSession(
    {
      policy: defaultPolicy('mx.b.example', {
        localDomains: ['b.example'],
        mailboxes: ['bob@b.example', 'carol@b.example'],
        ...options.policy,
      }),
      hooks: {
        store: (m) => {
          stored.push(m);
          n += 1;
          return { ok: true, queueId: `Q${n}` };
        },
        ...options.hooks,
      },
      clientIp: '192.0.2.10',
      clock,
    },
    {
      reply: (lines) => {
        if (cut) return;
        transcript.push(...lines.map((l) => `S: ${l}`));
        const text = lines.map((l) => `${l}\r\n`).join('');
        queue.push(() => client.receive(text));
      },
      close: () => queue.push(() => client.lost('connection closed by server')),
    },
  );
  const client: ClientSession = new ClientSession(
    {
      options: {
        hostname: 'mail.a.example',
        starttls: 'never',
        pipelining: true,
        timeouts: RFC_TIMEOUTS,
        ...options.client,
      },
      transactions: options.transactions,
      clock,
    },
    {
      send: (lines) => {
        for (const line of lines) {
          clientLines += 1;
          if (cut) return;
          transcript.push(`C: ${line}`);
          queue.push(() => server.receive(`${line}\r\n`));
          if (
            options.cutAfterClientLines !== undefined &&
            clientLines >= options.cutAfterClientLines
          ) {
            cut = true;
            queue.push(() => client.lost('connection reset'));
          }
        }
      },
      close: () => queue.push(() => server.peerClosed()),
      done: (o) => (outcomes = o),
      decided: () => decidedAt.push(transcript.length),
    },
  );
  server.start();
  client.start();
  // The greeting was emitted before the client started listening; deliver queued work in order.
  for (let i = 0; i < 10_000 && queue.length > 0; i += 1) queue.shift()?.();
  return { transcript, stored, outcomes, decidedAt, clock };
}
