// The TCP bridge: the same sans-IO server machine the browser runs, on a real port, so telnet,
// swaks, smtplib and curl can talk to it. Bounded on purpose: loopback by default, a connection
// limit, the policy's size limit and idle timeout, and a cap on unread replies.
import { createServer, type Server, type Socket } from 'node:net';
import { POSTFIX_SIZE_LIMIT, type ServerPolicy } from '../core/machines/smtpServer/policy';
import type { AcceptedMessage, StoreResult } from '../core/machines/smtpServer/types';
import { CoarseClock } from './coarseClock';
import { BridgeConnection } from './connection';
import { deliveredText, writeToMaildir } from './maildir';
import { queueIdGenerator } from './queueIds';
import { serviceReply } from './serviceReplies';
import { connectionLog, type Log } from './transcript';

export interface BridgeOptions {
  policy: ServerPolicy;
  /** TCP port; 0 picks a free one. Default 2525. */
  port?: number;
  /** Address to listen on. Default 127.0.0.1. */
  listen?: string;
  /** Where accepted messages are written; absent: they are accepted and dropped. */
  maildir?: string;
  /** Open connections at most; more get 421 and are closed. Default 20. */
  maxConnections?: number;
  /** The live transcript; absent: quiet. */
  log?: Log;
  /** Warnings about the configuration. */
  warn?: Log;
  /** Octets of unread replies after which a connection is dropped. Default 4 MiB. */
  maxWriteBuffer?: number;
  /** Wall clock for the Received date and queue ids. */
  now?: () => number;
}

export interface Bridge {
  port: number;
  /** Stops accepting, tells every open session 421 and waits for the sockets to close. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 2525;
export const DEFAULT_MAX_CONNECTIONS = 20;
const DEFAULT_MAX_WRITE_BUFFER = 4 * 1024 * 1024;

export function isLoopback(address: string): boolean {
  return /^127\.\d+\.\d+\.\d+$/.test(address) || address === '::1' || address === 'localhost';
}

/** What a real socket cannot do that the simulation can, removed with a warning. */
export function bridgePolicy(policy: ServerPolicy, warn: Log = () => {}): ServerPolicy {
  let result = policy;
  if (policy.extensions.includes('STARTTLS')) {
    warn('STARTTLS is not offered on a real port: the bridge has no TLS (the simulation fakes it)');
    result = { ...result, extensions: result.extensions.filter((e) => e !== 'STARTTLS') };
  }
  if (policy.authRequiresTls) {
    warn('AUTH is offered in the clear on the bridge (the host requires TLS for it)');
    result = { ...result, authRequiresTls: false };
  }
  if (policy.sizeLimit <= 0) {
    warn(`no size limit set: the bridge keeps messages below ${POSTFIX_SIZE_LIMIT} octets`);
    result = { ...result, sizeLimit: POSTFIX_SIZE_LIMIT };
  }
  return result;
}

/** `::ffff:127.0.0.1` (an IPv4 client of a dual-stack socket) is 127.0.0.1. */
function clientAddress(socket: Socket): string {
  return (socket.remoteAddress ?? '0.0.0.0').replace(/^::ffff:(?=\d+\.)/, '');
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const warn = options.warn ?? (() => {});
  const policy = bridgePolicy(options.policy, warn);
  const listen = options.listen ?? '127.0.0.1';
  if (!isLoopback(listen)) {
    warn(
      `LISTENING ON ${listen}, NOT LOOPBACK: anyone who can reach this port can talk to this ` +
        'teaching server and make it accept mail; use it on a trusted network only',
    );
  }
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  const maxWriteBuffer = options.maxWriteBuffer ?? DEFAULT_MAX_WRITE_BUFFER;
  const log = options.log;
  const store = messageStore(policy.hostname, options.maildir, options.now ?? Date.now);
  const clock = new CoarseClock();
  const open = new Set<BridgeConnection>();
  let count = 0;
  let closing = false;

  const server = createServer((socket) => {
    count += 1;
    const clientIp = clientAddress(socket);
    const connLog = connectionLog(log, `#${count} ${clientIp}:${socket.remotePort ?? 0}`);
    socket.on('error', () => {}); // a reset before our handlers are attached is not a crash
    if (closing || open.size >= maxConnections) {
      const reason = closing ? 'shuttingDown' : 'tooManyConnections';
      connLog?.(`-- refused: ${closing ? 'shutting down' : `${open.size} connections open`}`);
      socket.end(serviceReply(policy.hostname, reason) + '\r\n', 'latin1');
      return;
    }
    const connection = new BridgeConnection(socket, {
      policy,
      clientIp,
      clock,
      log: connLog,
      maxWriteBuffer,
      store,
      onClose: () => open.delete(connection),
    });
    open.add(connection);
    connection.start();
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, listen, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  server.on('error', (error) => warn(`server error: ${error.message}`));

  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: () => {
      closing = true;
      const closed = closeServer(server).then(() => clock.stop());
      const line = serviceReply(policy.hostname, 'shuttingDown');
      for (const connection of open) connection.shutdown(line);
      return closed;
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolveClose) => server.close(() => resolveClose()));
}

type Store = (message: AcceptedMessage, log: Log | undefined) => StoreResult;

/**
 * The store hook: a queue id for every message, and with a maildir one file per accepted
 * recipient, written before the 250 goes out. The bridge never sends mail on, so relayed and
 * backup recipients are kept in their own folders too, like a mail catcher.
 */
function messageStore(hostname: string, maildir: string | undefined, now: () => number): Store {
  const nextId = queueIdGenerator(now);
  return (message, log) => {
    const queueId = nextId();
    const recipients = message.recipients.map((r) => r.address);
    if (maildir === undefined) {
      log?.(`-- ${queueId}: accepted for ${recipients.join(', ')} (no --maildir: not kept)`);
      return { ok: true, queueId };
    }
    try {
      const text = deliveredText(message, { by: hostname, queueId, date: now() });
      const folders = writeToMaildir(maildir, recipients, queueId, text);
      log?.(`-- ${queueId}: stored in ${maildir} for ${folders.join(', ')}`);
      return { ok: true, queueId };
    } catch (error) {
      log?.(`-- ${queueId}: cannot store: ${(error as Error).message}`);
      return {
        ok: false,
        reply: { code: 451, enhanced: '4.3.0', lines: ['Error: queue file write error'] },
      };
    }
  };
}
