// The server machine alone, no sockets: one ServerSession on a simulated clock (as in the
// browser), fed whole transactions, one chunk each.
import { SimulatedClock } from 'xstate';
import { ServerSession } from '../src/core/machines/smtpServer/session';
import { defaultPolicy } from '../src/core/machines/smtpServer/policy';
import { ENVELOPE, LINES_PER_TRANSACTION, MAILBOXES, TEXT_AND_DOT } from './workload';

/** Lines per second the session takes in over `durationMs`, after a warm-up. */
export function serverLinesPerSecond(durationMs: number, warmUpMs: number): number {
  let queued = 0;
  let last = '';
  const session = new ServerSession(
    {
      policy: defaultPolicy('localhost', { localDomains: ['example.com'], mailboxes: MAILBOXES }),
      hooks: { store: () => ({ ok: true, queueId: String((queued += 1)) }) },
      clientIp: '127.0.0.1',
      clock: new SimulatedClock(),
    },
    { reply: (lines) => (last = lines[lines.length - 1] ?? ''), close: () => {} },
  );
  session.start();
  session.receive('EHLO client.example\r\n');
  const transaction = ENVELOPE + TEXT_AND_DOT;
  const run = (ms: number) => {
    const start = performance.now();
    let count = 0;
    while (performance.now() - start < ms) {
      for (let i = 0; i < 100; i++) session.receive(transaction);
      count += 100;
      if (!last.startsWith('250 2.0.0 Ok: queued')) throw new Error(`unexpected reply ${last}`);
    }
    return { count, seconds: (performance.now() - start) / 1000 };
  };
  run(warmUpMs);
  const { count, seconds } = run(durationMs);
  return (count * LINES_PER_TRANSACTION) / seconds;
}
