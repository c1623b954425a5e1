// The load client: a minimal SMTP client on node:net that counts replies, so that the figures
// measure the server, not the client. Every transaction is checked to end in 250.
import { connect, type Socket } from 'node:net';
import { ENVELOPE, TEXT_AND_DOT } from './workload';

/** Reads replies off a socket and calls back for each complete one with its code. */
function onReplies(socket: Socket, reply: (code: number) => void): void {
  let partial = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    const data = partial + chunk;
    let start = 0;
    for (let lf = data.indexOf('\n'); lf >= 0; lf = data.indexOf('\n', start)) {
      if (data.charCodeAt(start + 3) !== 45 /* '-' */) reply(Number(data.slice(start, start + 3)));
      start = lf + 1;
    }
    partial = data.slice(start);
  });
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', noDelay: true });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * One connection, transactions back to back for `durationMs`, pipelined as RFC 2920 allows:
 * MAIL, RCPT and DATA in one write; after the 354 the text, the dot and the next MAIL, RCPT,
 * DATA in one write. Returns the transactions completed.
 */
export async function reusedConnection(port: number, durationMs: number): Promise<number> {
  const socket = await open(port);
  const deadline = performance.now() + durationMs;
  return new Promise((resolve, reject) => {
    let done = 0;
    let expected = [220];
    let index = 0;
    // The position in `expected` of the 250 that ends a transaction, if the round has one.
    let textAt = -1;
    const next = (codes: number[], text: number, write: string) => {
      expected = codes;
      textAt = text;
      index = 0;
      socket.write(write);
    };
    socket.on('error', reject);
    socket.on('close', () =>
      expected.at(-1) === 221 ? resolve(done) : reject(new Error('closed early')),
    );
    onReplies(socket, (code) => {
      if (code !== expected[index]) {
        socket.destroy();
        reject(new Error(`expected ${expected[index]}, got ${code}`));
        return;
      }
      if (index === textAt) done += 1;
      index += 1;
      if (index < expected.length) return;
      switch (expected.at(-1)) {
        case 220:
          return next([250], -1, 'EHLO client.example\r\n');
        case 250: // EHLO
          return next([250, 250, 354], -1, ENVELOPE);
        case 354:
          return performance.now() < deadline
            ? next([250, 250, 250, 354], 0, TEXT_AND_DOT + ENVELOPE)
            : next([250, 221], 0, TEXT_AND_DOT + 'QUIT\r\n');
      }
    });
  });
}

/** One whole session (greeting, EHLO, one transaction, QUIT) on a new connection. */
async function oneSession(port: number): Promise<void> {
  const socket = await open(port);
  const codes = [220, 250, 250, 250, 354, 250, 221];
  let index = 0;
  await new Promise<void>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('close', () =>
      index === codes.length ? resolve() : reject(new Error(`closed after ${index} replies`)),
    );
    onReplies(socket, (code) => {
      if (code !== codes[index]) {
        socket.destroy();
        reject(new Error(`reply ${index}: expected ${codes[index]}, got ${code}`));
        return;
      }
      index += 1;
      if (index === 1) socket.write('EHLO client.example\r\n');
      else if (index === 2) socket.write(ENVELOPE);
      else if (index === 5) socket.write(TEXT_AND_DOT + 'QUIT\r\n');
    });
  });
}

/** `concurrency` clients, each opening a new connection per transaction, for `durationMs`. */
export async function newConnections(
  port: number,
  durationMs: number,
  concurrency: number,
): Promise<number> {
  const deadline = performance.now() + durationMs;
  let done = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      await oneSession(port);
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done;
}
