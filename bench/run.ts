// `npm run bench [-- --json]`: the server machine alone, then the TCP bridge and the smtp-server
// package under the same client and workload, then the simulated world: deliveries, the
// loopback pair it is compared with, a bare actor, and the many-hosts run (see bench/README.md).
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { newConnections, reusedConnection } from './client';
import { serverLinesPerSecond } from './sansIo';
import type { LoopbackFigures } from './loopback';
import type { ScaleFigures, WorldFigures } from './world';
import { SCALE } from './worldScenario';
import { LINES_PER_TRANSACTION, MESSAGE } from './workload';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DURATION_MS = 2000;
const WARM_UP_MS = 500;
const NEW_CONNECTION_CONCURRENCY = 8;
const CHILD_TIMEOUT_MS = 60_000;
const SCALE_TIMEOUT_MS = 150_000;
/** The goals of the world figures. */
const GOAL_WORLD_VS_LOOPBACK = 5;
const GOAL_SCALE_S = 5;
const GOAL_SCALE_MB = 500;
const GOAL_GROWTH = 11;

interface Running {
  port: number;
  /** The server process's CPU time so far, µs. */
  cpu(): Promise<number>;
  stop(): void;
}

async function startServer(kind: 'bridge' | 'smtp-server'): Promise<Running> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/server.ts', kind],
    {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines: string[] = [];
  let wake = () => {};
  let partial = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    wake();
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`bench server ${kind} exited with ${code}`))),
  );
  const nextLine = async (prefix: string): Promise<string> => {
    for (;;) {
      const line = lines.shift();
      if (line !== undefined) {
        if (line.startsWith(prefix)) return line.slice(prefix.length);
        continue;
      }
      await Promise.race([new Promise<void>((resolve) => (wake = resolve)), exited]);
    }
  };
  const port = Number(await nextLine('listening '));
  return {
    port,
    cpu: async () => {
      child.stdin?.write('cpu\n');
      return Number(await nextLine('cpu '));
    },
    stop: () => {
      exited.catch(() => {});
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    },
  };
}

interface ServerFigures {
  /** Transactions per second, one connection reused. */
  reused: number;
  /** Server CPU time per transaction on the reused connection, µs. */
  cpuPerTx: number;
  /** Transactions per second, a new connection for each. */
  newConn: number;
}

async function measureServer(kind: 'bridge' | 'smtp-server'): Promise<ServerFigures> {
  const server = await startServer(kind);
  try {
    await reusedConnection(server.port, WARM_UP_MS);
    const cpuBefore = await server.cpu();
    const transactions = await reusedConnection(server.port, DURATION_MS);
    const cpuPerTx = ((await server.cpu()) - cpuBefore) / transactions;
    const reused = transactions / (DURATION_MS / 1000);
    await newConnections(server.port, WARM_UP_MS, NEW_CONNECTION_CONCURRENCY);
    const newConn =
      (await newConnections(server.port, DURATION_MS, NEW_CONNECTION_CONCURRENCY)) /
      (DURATION_MS / 1000);
    return { reused, cpuPerTx, newConn };
  } finally {
    server.stop();
  }
}

/** Runs `bench/worldChild.ts` with `args` and returns the JSON it prints (see that file). */
function child<T>(args: string[], timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const flags = ['--expose-gc', '--import', 'tsx'];
    const proc = spawn(process.execPath, [...flags, 'bench/worldChild.ts', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const timer = setTimeout(() => {
      if (proc.pid !== undefined) process.kill(proc.pid, 'SIGKILL');
    }, timeoutMs);
    proc.once('error', reject);
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('result '));
      if (code === 0 && line !== undefined) resolve(JSON.parse(line.slice('result '.length)) as T);
      else reject(new Error(`bench/worldChild.ts ${args.join(' ')}: ${signal ?? `exit ${code}`}`));
    });
  });
}

/** The many-hosts run may not finish in time on a busy machine: null figures then. */
async function scale(hosts: number, messages: number): Promise<ScaleFigures | null> {
  try {
    return await child<ScaleFigures>(['scale', String(hosts), String(messages)], SCALE_TIMEOUT_MS);
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    return null;
  }
}

interface WorldSide {
  world: WorldFigures;
  worldNoState: WorldFigures;
  worldNoTrace: WorldFigures;
  loopback: LoopbackFigures;
  actorSessionsPerS: number;
  small: ScaleFigures | null;
  large: ScaleFigures | null;
}

async function measureWorldSide(): Promise<WorldSide> {
  const timing = [String(DURATION_MS), String(WARM_UP_MS)];
  const world = await child<WorldFigures>(['world', 'full', ...timing], CHILD_TIMEOUT_MS);
  const worldNoState = await child<WorldFigures>(
    ['world', 'no-state', ...timing],
    CHILD_TIMEOUT_MS,
  );
  const worldNoTrace = await child<WorldFigures>(['world', 'none', ...timing], CHILD_TIMEOUT_MS);
  const loopback = await child<LoopbackFigures>(['loopback', ...timing], CHILD_TIMEOUT_MS);
  const actor = await child<{ sessionsPerS: number }>(['actor', ...timing], CHILD_TIMEOUT_MS);
  // growth_10x: the same shape with a tenth of the hosts and a tenth of the messages.
  const small = await scale(SCALE.hosts / 10, SCALE.messages / 10);
  const large = await scale(SCALE.hosts, SCALE.messages);
  return {
    world,
    worldNoState,
    worldNoTrace,
    loopback,
    actorSessionsPerS: actor.sessionsPerS,
    small,
    large,
  };
}

const round = (n: number) => Math.round(n);
const fixed = (n: number, digits = 2) => Number(n.toFixed(digits));
const orNull = <T>(value: T | undefined): T | null => value ?? null;

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const loadBefore = loadavg()[0] ?? 0;
  const linesPerSecond = serverLinesPerSecond(DURATION_MS, WARM_UP_MS);
  const bridge = await measureServer('bridge');
  const pkg = await measureServer('smtp-server');
  const w = await measureWorldSide();
  const growth = w.small && w.large ? w.large.wallS / w.small.wallS : undefined;
  const growthCpu = w.small && w.large ? w.large.cpuS / w.small.cpuS : undefined;
  const worldVsLoopback = w.world.txPerS / w.loopback.txPerS;
  const worldVsActor = w.world.txPerS / w.actorSessionsPerS;
  const result = {
    server_lines_per_s: round(linesPerSecond),
    server_tx_per_s: round(linesPerSecond / LINES_PER_TRANSACTION),
    bridge_tx_per_s: round(bridge.reused),
    smtp_server_pkg_tx_per_s: round(pkg.reused),
    bridge_vs_smtp_server_pkg: Number((bridge.reused / pkg.reused).toFixed(2)),
    bridge_cpu_us_per_tx: round(bridge.cpuPerTx),
    smtp_server_pkg_cpu_us_per_tx: round(pkg.cpuPerTx),
    bridge_new_conn_tx_per_s: round(bridge.newConn),
    smtp_server_pkg_new_conn_tx_per_s: round(pkg.newConn),
    new_conn_concurrency: NEW_CONNECTION_CONCURRENCY,
    message_octets: MESSAGE.length,
    lines_per_tx: LINES_PER_TRANSACTION,
    world_tx_per_s: round(w.world.txPerS),
    world_cpu_us_per_tx: round(w.world.cpuUsPerTx),
    world_no_state_events_tx_per_s: round(w.worldNoState.txPerS),
    world_no_state_events_cpu_us_per_tx: round(w.worldNoState.cpuUsPerTx),
    world_no_trace_tx_per_s: round(w.worldNoTrace.txPerS),
    world_no_trace_cpu_us_per_tx: round(w.worldNoTrace.cpuUsPerTx),
    world_trace_events_per_tx: fixed(w.world.traceEventsPerTx, 1),
    world_state_events_per_tx: fixed(w.world.stateEventsPerTx, 1),
    world_message_octets: w.world.messageOctets,
    loopback_tx_per_s: round(w.loopback.txPerS),
    loopback_cpu_us_per_tx: round(w.loopback.cpuUsPerTx),
    world_vs_loopback: fixed(worldVsLoopback),
    world_vs_loopback_cpu: fixed(w.loopback.cpuUsPerTx / w.world.cpuUsPerTx),
    actor_session_per_s: round(w.actorSessionsPerS),
    world_tx_vs_actor_session: fixed(worldVsActor, 3),
    scale_1k_hosts_10k_msgs_s: w.large ? fixed(w.large.wallS) : null,
    scale_cpu_s: w.large ? fixed(w.large.cpuS) : null,
    scale_peak_mb: w.large ? round(w.large.peakRssMb) : null,
    scale_heap_mb: w.large ? round(w.large.heapMb) : null,
    scale_validate_s: w.large ? fixed(w.large.validateS) : null,
    scale_trace_events: orNull(w.large?.traceEvents),
    scale_lost: orNull(w.large?.accounting.lost),
    scale_100_hosts_1k_msgs_s: w.small ? fixed(w.small.wallS) : null,
    growth_10x: growth === undefined ? null : fixed(growth),
    growth_10x_cpu: growthCpu === undefined ? null : fixed(growthCpu),
    goals_met: {
      world_vs_loopback_5x: worldVsLoopback >= GOAL_WORLD_VS_LOOPBACK,
      world_tx_ge_actor_session: worldVsActor >= 1,
      scale_within_5_s: w.large !== null && w.large.wallS <= GOAL_SCALE_S,
      scale_within_500_mb: w.large !== null && w.large.peakRssMb <= GOAL_SCALE_MB,
      growth_at_most_11: growth !== undefined && growth <= GOAL_GROWTH,
    },
    duration_ms: DURATION_MS,
    load_avg_1m_start: fixed(loadBefore),
    load_avg_1m_end: fixed(loadavg()[0] ?? 0),
    node: process.version,
  };
  if (json) {
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }
  const rows: Array<[string, string]> = [
    ['server machine alone (lines/s)', String(result.server_lines_per_s)],
    ['server machine alone (tx/s)', String(result.server_tx_per_s)],
    ['bridge, one connection (tx/s)', String(result.bridge_tx_per_s)],
    ['smtp-server, one connection (tx/s)', String(result.smtp_server_pkg_tx_per_s)],
    ['bridge / smtp-server', `${result.bridge_vs_smtp_server_pkg}×`],
    ['bridge server CPU per transaction (µs)', String(result.bridge_cpu_us_per_tx)],
    ['smtp-server CPU per transaction (µs)', String(result.smtp_server_pkg_cpu_us_per_tx)],
    [
      `bridge, new connection each (tx/s, ${NEW_CONNECTION_CONCURRENCY} clients)`,
      String(result.bridge_new_conn_tx_per_s),
    ],
    [
      `smtp-server, new connection each (tx/s, ${NEW_CONNECTION_CONCURRENCY} clients)`,
      String(result.smtp_server_pkg_new_conn_tx_per_s),
    ],
  ];
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const show = (value: number | null, unit = '') => (value === null ? 'n/a' : `${value}${unit}`);
  const goals = result.goals_met;
  const worldRows: Array<[string, string]> = [
    ['world, one delivery at a time (tx/s)', String(result.world_tx_per_s)],
    ['world CPU per delivery (µs)', String(result.world_cpu_us_per_tx)],
    ['world, state events not recorded (tx/s)', String(result.world_no_state_events_tx_per_s)],
    ['world, nothing recorded (tx/s)', String(result.world_no_trace_tx_per_s)],
    [
      'world trace events per delivery (state)',
      `${result.world_trace_events_per_tx} (${result.world_state_events_per_tx})`,
    ],
    ['nodemailer → smtp-server, loopback (tx/s)', String(result.loopback_tx_per_s)],
    ['loopback CPU per delivery (µs)', String(result.loopback_cpu_us_per_tx)],
    [
      `world / loopback (goal ≥ ${GOAL_WORLD_VS_LOOPBACK}: ${met(goals.world_vs_loopback_5x)})`,
      `${result.world_vs_loopback}×`,
    ],
    ['world / loopback, by CPU per delivery', `${result.world_vs_loopback_cpu}×`],
    ['bare actor, 12 events (sessions/s)', String(result.actor_session_per_s)],
    [
      `world tx / actor session (goal ≥ 1: ${met(goals.world_tx_ge_actor_session)})`,
      String(result.world_tx_vs_actor_session),
    ],
    [
      `1k hosts, 10k messages (s; goal ≤ ${GOAL_SCALE_S}: ${met(goals.scale_within_5_s)})`,
      show(result.scale_1k_hosts_10k_msgs_s),
    ],
    ['1k hosts, 10k messages, CPU (s)', show(result.scale_cpu_s)],
    [
      `1k hosts, 10k messages, peak RSS (MB; goal ≤ ${GOAL_SCALE_MB}: ${met(goals.scale_within_500_mb)})`,
      show(result.scale_peak_mb),
    ],
    ['1k hosts, 10k messages, heap after the run (MB)', show(result.scale_heap_mb)],
    ['1k hosts, 10k messages, validateScenario (s)', show(result.scale_validate_s)],
    ['100 hosts, 1k messages (s)', show(result.scale_100_hosts_1k_msgs_s)],
    [
      `growth, 10× hosts and messages (goal ≤ ${GOAL_GROWTH}: ${met(goals.growth_at_most_11)})`,
      show(result.growth_10x, '×'),
    ],
    ['growth by CPU time', show(result.growth_10x_cpu, '×')],
  ];
  const width = Math.max(...[...rows, ...worldRows].map(([label]) => label.length));
  console.log(
    `smtp-sim bench: ${result.message_octets}-octet messages, ${DURATION_MS / 1000} s per figure, ${process.version}, load average ${result.load_avg_1m_start} → ${result.load_avg_1m_end}`,
  );
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value.padStart(9)}`);
  console.log('simulated world (one core):');
  for (const [label, value] of worldRows)
    console.log(`  ${label.padEnd(width)}  ${value.padStart(9)}`);
}

await main();
