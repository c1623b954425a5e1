// The same delivery over real loopback TCP, both ends in one process (one core, like the world):
// nodemailer's SMTP transport composes the message from the same sender, recipient, subject and
// body as the world's `send` event and hands it to the smtp-server package, which checks the
// recipient against its mailbox and keeps the text, as the destination MTA does.
//
// nodemailer runs pooled (`pool: true`, one connection, reused for every message): smtp-server
// waits 100 ms before each greeting (see bench/README.md), so one connection per message would
// measure that sleep, not the two programs. A pooled connection skips the greeting, EHLO, QUIT
// and the TCP handshake that the world pays for every message, so the comparison favours the
// loopback pair.
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { BODY, RECIPIENT, SENDER } from './worldScenario';
import { SIZE_LIMIT } from './workload';

/** sendMail calls kept in flight, so the pool's queue never runs dry between messages. */
const IN_FLIGHT = 8;

async function startServer(mailbox: string[]): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    name: 'mx.b.example',
    banner: 'mx.b.example ESMTP',
    size: SIZE_LIMIT,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    hideENHANCEDSTATUSCODES: false,
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase() === RECIPIENT) return callback();
      callback(Object.assign(new Error('User unknown'), { responseCode: 550 }));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mailbox.push(Buffer.concat(chunks).toString('latin1'));
        callback(null, `Ok: queued as ${mailbox.length.toString(16).toUpperCase()}`);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface LoopbackFigures {
  txPerS: number;
  /** CPU time (user + system) of this process per delivery, µs: both ends. */
  cpuUsPerTx: number;
  /** Octets of one message as stored by smtp-server. */
  messageOctets: number;
}

/** Deliveries per wall second over `durationMs`, after a warm-up. */
export async function loopbackTxPerSecond(
  durationMs: number,
  warmUpMs: number,
): Promise<LoopbackFigures> {
  const mailbox: string[] = [];
  const server = await startServer(mailbox);
  const transport = createTransport({
    pool: true,
    maxConnections: 1,
    maxMessages: Infinity,
    host: '127.0.0.1',
    port: server.port,
    secure: false,
    ignoreTLS: true,
    name: 'mail.a.example',
    logger: false,
  });
  let sent = 0;
  const sendOne = async () => {
    const info = await transport.sendMail({
      from: SENDER,
      to: RECIPIENT,
      subject: `bench ${sent}`,
      text: BODY,
    });
    if (info.accepted.length !== 1 || !info.response.startsWith('250'))
      throw new Error(`loopback: not accepted: ${info.response}`);
    sent += 1;
  };
  const run = async (ms: number) => {
    const deadline = performance.now() + ms;
    const start = performance.now();
    const cpuBefore = process.cpuUsage();
    const before = sent;
    const worker = async () => {
      while (performance.now() < deadline) await sendOne();
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const cpu = process.cpuUsage(cpuBefore);
    const done = sent - before;
    return {
      txPerS: done / ((performance.now() - start) / 1000),
      cpuUsPerTx: (cpu.user + cpu.system) / done,
    };
  };
  try {
    await run(warmUpMs);
    const figures = await run(durationMs);
    if (mailbox.length !== sent)
      throw new Error(`loopback: ${sent} sent, ${mailbox.length} stored`);
    return { ...figures, messageOctets: mailbox[0]?.length ?? 0 };
  } finally {
    transport.close();
    await server.close();
  }
}
