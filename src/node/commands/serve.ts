// `smtp-sim serve`: the simulated SMTP server on a real TCP port (see bridge.ts), with a scenario
// host's policy or a small default one, until SIGINT or SIGTERM.
import { mkdirSync } from 'node:fs';
import { defaultPolicy, type ServerPolicy } from '../../core/machines/smtpServer/policy';
import { policyForHost } from '../../core/world/hostPolicy';
import { addressFlag, ArgumentError, durationFlag, integerFlag, parseFlags } from '../args';
import { DEFAULT_MAX_CONNECTIONS, DEFAULT_PORT, startBridge } from '../bridge';
import { USAGE_ERROR, type Command, type Io } from '../io';
import { readScenarioFile } from '../scenarioFile';

const USAGE = `usage: smtp-sim serve [options]

Answers SMTP on a real TCP port with the same server machine the simulator runs, so telnet,
swaks, curl or Python's smtplib can talk to it. Mail is never sent on.

options:
  --scenario FILE         take the server's policy from a scenario host
  --host NAME             which MTA host of the scenario (needed when it has several)
  --port N                TCP port, 0 for any free one (default ${DEFAULT_PORT})
  --listen ADDRESS        address to listen on (default 127.0.0.1)
  --maildir DIR           write each accepted message to DIR/<mailbox>/<queue id>.eml
  --max-connections N     open connections at most (default ${DEFAULT_MAX_CONNECTIONS})
  --idle-timeout DURATION close a silent connection after this long (default 300s)
  --quiet                 no live transcript

Without --scenario the server is "localhost" for the domain example.com with the mailboxes
alice, bob and friend@example.com, and lets clients on 127.0.0.0/8 relay. With a scenario on
--port 587, MAIL needs AUTH first (submission). STARTTLS is never offered: there is no real TLS.`;

const FLAGS = {
  scenario: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  listen: { type: 'string' },
  maildir: { type: 'string' },
  'max-connections': { type: 'string' },
  'idle-timeout': { type: 'string' },
  quiet: { type: 'boolean' },
} as const;

export function defaultServePolicy(): ServerPolicy {
  return defaultPolicy('localhost', {
    localDomains: ['example.com'],
    mailboxes: ['alice@example.com', 'bob@example.com', 'friend@example.com'],
    relayFrom: ['127.0.0.0/8'],
  });
}

/** The policy of the scenario host to serve, or the problems that prevent it. */
function scenarioPolicy(
  file: string,
  name: string | undefined,
  port: number,
): ServerPolicy | string[] {
  const read = readScenarioFile(file);
  if (!read.ok) return read.problems;
  const mtas = read.scenario.hosts.filter((h) => h.role === 'mta');
  const names = mtas.map((h) => h.name).join(', ') || 'none';
  if (name === undefined) {
    const only = mtas.length === 1 ? mtas[0] : undefined;
    return only ? policyForHost(only, { port }) : [`--host: choose one of the MTA hosts: ${names}`];
  }
  const host = mtas.find((h) => h.name.toLowerCase() === name.toLowerCase());
  return host
    ? policyForHost(host, { port })
    : [`--host: no MTA host ${JSON.stringify(name)} in ${file} (MTA hosts: ${names})`];
}

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

interface ServeOptions {
  scenario?: string;
  host?: string;
  port: number;
  listen: string;
  maildir?: string;
  maxConnections: number;
  idleTimeoutMs?: number;
  quiet: boolean;
}

/** The options given, or an ArgumentError for the first bad one. */
function parseServeOptions(argv: string[]): ServeOptions {
  const flags = parseFlags(argv, FLAGS);
  if (flags.host !== undefined && flags.scenario === undefined) {
    throw new ArgumentError('--host: needs --scenario FILE');
  }
  const maxConnections = flags['max-connections'];
  const idleTimeout = flags['idle-timeout'];
  return {
    ...(flags.scenario !== undefined ? { scenario: flags.scenario } : {}),
    ...(flags.host !== undefined ? { host: flags.host } : {}),
    port: flags.port === undefined ? DEFAULT_PORT : integerFlag('port', flags.port, 0, 65_535),
    listen: flags.listen === undefined ? '127.0.0.1' : addressFlag('listen', flags.listen),
    ...(flags.maildir !== undefined ? { maildir: flags.maildir } : {}),
    maxConnections:
      maxConnections === undefined
        ? DEFAULT_MAX_CONNECTIONS
        : integerFlag('max-connections', maxConnections, 1, 10_000),
    ...(idleTimeout !== undefined
      ? { idleTimeoutMs: durationFlag('idle-timeout', idleTimeout) }
      : {}),
    quiet: flags.quiet === true,
  };
}

async function run(argv: string[], io: Io): Promise<number> {
  let options: ServeOptions;
  try {
    options = parseServeOptions(argv);
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    io.err(`smtp-sim serve: ${error.message}`);
    return USAGE_ERROR;
  }
  const { port, listen, maildir } = options;
  const chosen =
    options.scenario === undefined
      ? defaultServePolicy()
      : scenarioPolicy(options.scenario, options.host, port);
  if (Array.isArray(chosen)) {
    for (const problem of chosen) io.err(problem);
    return USAGE_ERROR;
  }
  const { idleTimeoutMs } = options;
  const policy = idleTimeoutMs === undefined ? chosen : { ...chosen, idleTimeoutMs };
  try {
    if (maildir !== undefined) mkdirSync(maildir, { recursive: true });
  } catch (error) {
    io.err(`smtp-sim serve: --maildir: cannot create ${maildir}: ${(error as Error).message}`);
    return USAGE_ERROR;
  }

  let bridge;
  try {
    bridge = await startBridge({
      policy,
      port,
      listen,
      maxConnections: options.maxConnections,
      ...(maildir !== undefined ? { maildir } : {}),
      ...(options.quiet ? {} : { log: io.out }),
      warn: (line) => io.err(`warning: ${line}`),
    });
  } catch (error) {
    io.err(
      `smtp-sim serve: --port: cannot listen on ${listen}:${port}: ${(error as Error).message}`,
    );
    return USAGE_ERROR;
  }
  io.out(`listening on ${listen.includes(':') ? `[${listen}]` : listen}:${bridge.port}`);
  io.out(describe(policy, maildir));
  const signal = await waitForSignal();
  io.out(`${signal}: shutting down`);
  await bridge.close();
  return 0;
}

function describe(policy: ServerPolicy, maildir: string | undefined): string {
  const domains = policy.localDomains.join(', ') || '(none)';
  const store = maildir === undefined ? 'messages are accepted and dropped' : `maildir ${maildir}`;
  return `host ${policy.hostname}: local domains ${domains}; ${policy.mailboxes.length} mailboxes; ${store}`;
}

export const serve: Command = {
  name: 'serve',
  summary: 'answer SMTP on a real TCP port (swaks, curl, smtplib, telnet)',
  usage: USAGE,
  run,
};
