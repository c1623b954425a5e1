// `npm run bench [-- --json]`: the server machine alone, then the TCP bridge and the smtp-server
// package under the same client and workload (see bench/README.md).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { newConnections, reusedConnection } from './client';
import { serverLinesPerSecond } from './sansIo';
import { LINES_PER_TRANSACTION, MESSAGE } from './workload';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DURATION_MS = 2000;
const WARM_UP_MS = 500;
const NEW_CONNECTION_CONCURRENCY = 8;

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

const round = (n: number) => Math.round(n);

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const linesPerSecond = serverLinesPerSecond(DURATION_MS, WARM_UP_MS);
  const bridge = await measureServer('bridge');
  const pkg = await measureServer('smtp-server');
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
    duration_ms: DURATION_MS,
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
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(
    `smtp-sim bench: ${result.message_octets}-octet messages, ${DURATION_MS / 1000} s per figure, ${process.version}`,
  );
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value.padStart(9)}`);
}

await main();
