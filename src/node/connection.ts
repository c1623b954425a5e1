// One TCP connection driving one ServerSession: bytes in as latin1 (one char per octet), reply
// lines out, the transcript on the side, and the limits that keep a hostile client bounded.
import type { Socket } from 'node:net';
import { ServerSession } from '../core/machines/smtpServer/session';
import type { ServerPolicy } from '../core/machines/smtpServer/policy';
import type { CoarseClock } from './coarseClock';
import type { AcceptedMessage, StoreResult } from '../core/machines/smtpServer/types';
import { serviceReply } from './serviceReplies';
import { SessionTranscript } from './sessionTranscript';
import type { Log } from './transcript';

export interface ConnectionOptions {
  policy: ServerPolicy;
  /** Stores an accepted message; `note` adds a line to this connection's transcript. */
  store(message: AcceptedMessage, note: Log | undefined): StoreResult;
  clientIp: string;
  /** Real time for the machine's timeouts. */
  clock: CoarseClock;
  /** Transcript of this connection; absent when quiet. */
  log: Log | undefined;
  /** Destroy the socket when this many octets wait to be written (a client that never reads). */
  maxWriteBuffer: number;
  onClose(): void;
}

/** How long a closing connection may take to deliver its last replies before it is destroyed. */
const CLOSE_GRACE_MS = 2000;

export class BridgeConnection {
  readonly #socket: Socket;
  readonly #session: ServerSession;
  readonly #options: ConnectionOptions;
  #transcript: SessionTranscript | undefined;
  /** Replies written while a chunk is processed, sent in one write at its end. */
  #pending: string | undefined;

  constructor(socket: Socket, options: ConnectionOptions) {
    this.#socket = socket;
    this.#options = options;
    const { log } = options;
    const note = log && ((line: string) => this.#transcript?.note(line));
    const hooks = { store: (message: AcceptedMessage) => options.store(message, note) };
    this.#session = new ServerSession(
      { policy: options.policy, hooks, clientIp: options.clientIp, clock: options.clock },
      {
        reply: (lines) => {
          const text = lines.join('\r\n') + '\r\n';
          if (this.#pending === undefined) socket.write(text, 'latin1');
          else this.#pending += text;
          this.#transcript?.replied(lines);
        },
        close: () => {
          this.#flush();
          socket.end();
          this.#destroyLater();
        },
      },
    );
    // A bug in the machine ends this connection with a 421, not the whole server.
    this.#session.actor.subscribe({ error: (error) => this.#failed(error) });
    if (log) this.#transcript = new SessionTranscript(this.#session, log);
    socket.setEncoding('latin1');
    socket.setNoDelay(true);
    socket.on('data', (chunk: string) => this.#receive(chunk));
    socket.on('end', () => this.#session.peerClosed());
    socket.on('error', (error: NodeJS.ErrnoException) =>
      log?.(`-- ${error.code ?? error.message}`),
    );
    socket.on('close', () => {
      this.#session.stop();
      log?.('-- closed');
      options.onClose();
    });
  }

  start(): void {
    this.#options.log?.('-- connected');
    this.#session.start();
  }

  /** Sends a last reply line (e.g. 421 shutting down), stops the session and closes. */
  shutdown(line: string): void {
    if (this.#socket.destroyed) return;
    this.#session.stop();
    if (this.#socket.writable) {
      this.#options.log?.(`S: ${line}`);
      this.#socket.end(line + '\r\n', 'latin1');
    }
    this.#destroyLater();
  }

  #failed(error: unknown): void {
    this.#options.log?.(
      `-- internal error: ${error instanceof Error ? error.message : String(error)}`,
    );
    this.#flush();
    this.shutdown(serviceReply(this.#options.policy.hostname, 'internalError'));
  }

  /** A client that does not read can keep a closing socket open: not for long. */
  #destroyLater(): void {
    setTimeout(() => this.#socket.destroy(), CLOSE_GRACE_MS).unref();
  }

  #flush(): void {
    if (this.#pending) {
      if (this.#socket.writable) this.#socket.write(this.#pending, 'latin1');
      this.#pending = '';
    }
  }

  #receive(chunk: string): void {
    const socket = this.#socket;
    // Every reply to a pipelined group leaves in one write.
    this.#pending = '';
    if (this.#transcript) this.#transcript.receive(chunk);
    else this.#session.receive(chunk);
    this.#flush();
    this.#pending = undefined;
    if (socket.writableLength > this.#options.maxWriteBuffer) {
      this.#options.log?.(
        `-- client does not read its replies: ${socket.writableLength} octets waiting`,
      );
      socket.destroy();
    } else if (socket.writableNeedDrain) {
      // Backpressure: read no further commands until the client has taken our replies.
      socket.pause();
      socket.once('drain', () => socket.resume());
    }
  }
}
