// A server for the benchmark, in its own process so that the load client does not share its
// CPU: `node --import tsx bench/server.ts bridge|smtp-server` prints `listening PORT`, and
// answers each `cpu` line on stdin with `cpu MICROSECONDS` (its user + system time so far).
// Both get the same configuration: local domain example.com with three mailboxes, SIZE,
// PIPELINING, 8BITMIME, ENHANCEDSTATUSCODES, DSN, no TLS, no AUTH, no reverse DNS, messages
// read to the end and dropped.
import { SMTPServer } from 'smtp-server';
import { defaultPolicy } from '../src/core/machines/smtpServer/policy';
import { startBridge } from '../src/node/bridge';
import { MAILBOXES, SIZE_LIMIT } from './workload';

async function bridge(): Promise<number> {
  const policy = defaultPolicy('localhost', {
    localDomains: ['example.com'],
    mailboxes: MAILBOXES,
    sizeLimit: SIZE_LIMIT,
  });
  const started = await startBridge({ policy, port: 0, maxConnections: 1000 });
  return started.port;
}

async function smtpServer(): Promise<number> {
  const mailboxes = new Set(MAILBOXES);
  let queued = 0;
  const server = new SMTPServer({
    name: 'localhost',
    banner: 'localhost ESMTP',
    size: SIZE_LIMIT,
    rejectOversized: true,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    hideENHANCEDSTATUSCODES: false,
    hideDSN: false,
    disableReverseLookup: true,
    maxClients: 1000,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (mailboxes.has(address.address.toLowerCase())) return callback();
      const error = Object.assign(new Error('User unknown in local recipient table'), {
        responseCode: 550,
      });
      callback(error);
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        Buffer.concat(chunks);
        queued += 1;
        callback(null, `Ok: queued as ${queued.toString(16).toUpperCase()}`);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

const kind = process.argv[2];
const port =
  kind === 'bridge' ? await bridge() : kind === 'smtp-server' ? await smtpServer() : undefined;
if (port === undefined) {
  process.stderr.write('usage: bench/server.ts bridge|smtp-server\n');
  process.exit(2);
}
process.stdout.write(`listening ${port}\n`);
process.stdin.setEncoding('utf8').on('data', () => {
  const { user, system } = process.cpuUsage();
  process.stdout.write(`cpu ${user + system}\n`);
});
