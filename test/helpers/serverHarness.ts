// Drives one server session as a client would, one line at a time, and records the dialogue.
import { SimulatedClock } from 'xstate';
import { ServerSession } from '../../src/core/machines/smtpServer/session';
import { defaultPolicy, type ServerPolicy } from '../../src/core/machines/smtpServer/policy';
import type { AcceptedMessage, ServerHooks } from '../../src/core/machines/smtpServer/types';

export interface Harness {
  session: ServerSession;
  clock: SimulatedClock;
  /** Every reply line the server wrote so far. */
  replies: string[];
  /** Messages stored through the store hook. */
  stored: AcceptedMessage[];
  closed: () => boolean;
  /** Sends one line (CRLF added) and returns the reply lines it produced. */
  send(line: string): string[];
  /** Sends raw text (no CRLF added) and returns the reply lines it produced. */
  raw(text: string): string[];
  codes(): number[];
}

export function startServer(
  policy: Partial<ServerPolicy> = {},
  hooks: Partial<ServerHooks> = {},
  clientIp = '192.0.2.10',
): Harness {
  const clock = new SimulatedClock();
  const replies: string[] = [];
  const stored: AcceptedMessage[] = [];
  let closed = false;
  let queueNumber = 0;
  const session = new ServerSession(
    {
      policy: defaultPolicy(policy.hostname ?? 'mx.example.com', policy),
      hooks: {
        store: (message) => {
          stored.push(message);
          queueNumber += 1;
          return { ok: true, queueId: `Q${queueNumber}` };
        },
        ...hooks,
      },
      clientIp,
      clock,
    },
    { reply: (lines) => replies.push(...lines), close: () => (closed = true) },
  );
  session.start();
  const raw = (text: string) => {
    const before = replies.length;
    session.receive(text);
    return replies.slice(before);
  };
  return {
    session,
    clock,
    replies,
    stored,
    closed: () => closed,
    send: (line) => raw(`${line}\r\n`),
    raw,
    codes: () => replies.filter((l) => l[3] !== '-').map((l) => Number(l.slice(0, 3))),
  };
}
