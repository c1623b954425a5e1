// One world-side figure in a process of its own, so that figures do not share a heap, a JIT or
// a patched Tracer: `node --import tsx bench/worldChild.ts KIND ...` prints one line
// `result JSON`. Kinds:
//   world full|no-state|none DURATION_MS WARM_UP_MS   simulated deliveries (bench/world.ts)
//   loopback DURATION_MS WARM_UP_MS                    nodemailer → smtp-server (bench/loopback.ts)
//   actor DURATION_MS WARM_UP_MS                       bare XState actor sessions (bench/actor.ts)
//   scale HOSTS MESSAGES [full|no-state|none]          the many-hosts run (bench/world.ts)
import { actorSessionsPerSecond } from './actor';
import { loopbackTxPerSecond } from './loopback';
import { scaleRun, setTraceMode, worldTxPerSecond, type TraceMode } from './world';
import { SCALE } from './worldScenario';

const TRACE_MODES: readonly TraceMode[] = ['full', 'no-state', 'none'];

async function figure(args: string[]): Promise<unknown> {
  const [kind, ...rest] = args;
  const numbers = rest.map(Number);
  switch (kind) {
    case 'world': {
      const mode = TRACE_MODES.find((m) => m === rest[0]);
      if (mode === undefined) break;
      setTraceMode(mode);
      return worldTxPerSecond(numbers[1] ?? 2000, numbers[2] ?? 500);
    }
    case 'loopback':
      return loopbackTxPerSecond(numbers[0] ?? 2000, numbers[1] ?? 500);
    case 'actor':
      return { sessionsPerS: actorSessionsPerSecond(numbers[0] ?? 2000, numbers[1] ?? 500) };
    case 'scale': {
      const mode = TRACE_MODES.find((m) => m === rest[2]);
      if (mode !== undefined) setTraceMode(mode);
      return scaleRun({
        ...SCALE,
        hosts: numbers[0] ?? SCALE.hosts,
        messages: numbers[1] ?? SCALE.messages,
      });
    }
  }
  throw new Error(
    `usage: bench/worldChild.ts world|loopback|actor|scale ... (got ${args.join(' ')})`,
  );
}

process.stdout.write(`result ${JSON.stringify(await figure(process.argv.slice(2)))}\n`);
