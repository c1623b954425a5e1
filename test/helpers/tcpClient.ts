// A raw SMTP client over node:net for tests: writes bytes as given (latin1), reads whole replies.
import { connect, type Socket } from 'node:net';

export interface TcpClient {
  socket: Socket;
  /** Writes text as latin1 (one char per octet). */
  write(text: string): void;
  /** Waits for `count` more complete replies; returns their lines. */
  replies(count: number): Promise<string[]>;
  /** Sends a line (CRLF added) and waits for one reply. */
  command(line: string): Promise<string[]>;
  /** Resolves when the server has closed the connection. */
  closed: Promise<void>;
  /** Everything received so far. */
  received(): string;
}

export async function tcpConnect(port: number, host = '127.0.0.1'): Promise<TcpClient> {
  const socket = connect({ port, host });
  socket.setEncoding('latin1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let buffer = '';
  let all = '';
  const lines: string[] = [];
  let wake: (() => void) | undefined;
  socket.on('data', (chunk: string) => {
    all += chunk;
    buffer += chunk;
    let lf: number;
    while ((lf = buffer.indexOf('\r\n')) >= 0) {
      lines.push(buffer.slice(0, lf));
      buffer = buffer.slice(lf + 2);
    }
    wake?.();
  });
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  closed.then(() => wake?.());

  const replies = async (count: number) => {
    const taken: string[] = [];
    let complete = 0;
    for (;;) {
      while (lines.length > 0 && complete < count) {
        const line = lines.shift() as string;
        taken.push(line);
        if (line[3] !== '-') complete += 1;
      }
      if (complete >= count) return taken;
      if (socket.destroyed) throw new Error(`connection closed after ${JSON.stringify(taken)}`);
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  return {
    socket,
    write: (text) => socket.write(text, 'latin1'),
    replies,
    command: (line) => {
      socket.write(line + '\r\n', 'latin1');
      return replies(1);
    },
    closed,
    received: () => all,
  };
}
