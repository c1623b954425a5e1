// The client machine on a real TCP socket: the same sans-IO ClientSession the simulator runs,
// with node:net moving the bytes (latin1, one char per octet, so 8-bit text goes out as given)
// and real timers for its timeouts. STARTTLS upgrades the socket with node:tls.
import { connect as tcpConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { ClientSession } from '../core/machines/smtpClient/session';
import type {
  ClientOptions,
  OutgoingTransaction,
  RecipientOutcome,
} from '../core/machines/smtpClient/types';

export interface TcpSendRequest {
  host: string;
  port: number;
  options: ClientOptions;
  transactions: OutgoingTransaction[];
  /** How long to wait for the TCP connection, ms. */
  connectTimeoutMs: number;
  /**
   * Each line as it goes out (`C`) or comes in (`S`), without CRLF, and what happens to the
   * connection (`-`).
   */
  log?: (dir: 'C' | 'S' | '-', text: string) => void;
  /**
   * Verify the server's certificate after STARTTLS. Off by default, as in opportunistic TLS
   * between MTAs (RFC 7435): encryption without authentication beats plain text.
   */
  verifyCertificate?: boolean;
}

export type TcpSendResult =
  | { connected: true; outcomes: RecipientOutcome[][]; tls: boolean }
  | { connected: false; error: string };

/** How long to wait for the server's close after our QUIT before dropping the socket. */
const CLOSE_GRACE_MS = 2_000;

/** Opens the connection, runs one client session over it and resolves with the outcomes. */
export function sendOverTcp(request: TcpSendRequest): Promise<TcpSendResult> {
  const log = request.log ?? (() => {});
  return new Promise((resolve) => {
    const raw = tcpConnect({ host: request.host, port: request.port });
    let socket: Socket | TLSSocket = raw;
    let session: ClientSession | undefined;
    let tls = false;
    let outcomes: RecipientOutcome[][] | undefined;
    let settled = false;
    let partial = '';

    const connectTimer = setTimeout(() => {
      raw.destroy();
      finish({
        connected: false,
        error: `connection timed out after ${request.connectTimeoutMs} ms`,
      });
    }, request.connectTimeoutMs);

    function finish(result: TcpSendResult) {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      resolve(result);
    }

    /** Shows every complete line the server sent, as it arrives. */
    function show(chunk: string) {
      partial += chunk;
      let lf: number;
      while ((lf = partial.indexOf('\n')) >= 0) {
        log('S', partial.slice(0, lf).replace(/\r$/, ''));
        partial = partial.slice(lf + 1);
      }
    }

    const onData = (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      show(text);
      session?.receive(text);
    };
    const onError = (error: Error) => {
      if (!session) {
        finish({ connected: false, error: error.message });
        return;
      }
      log('-', `connection error: ${error.message}`);
    };
    const onClose = () => {
      if (partial !== '') log('S', partial);
      partial = '';
      if (!session) {
        finish({ connected: false, error: 'connection closed before it opened' });
        return;
      }
      log('-', 'connection closed');
      session.lost(outcomes ? 'closed' : 'the server closed the connection');
      session.stop();
      finish({ connected: true, outcomes: outcomes ?? [], tls });
    };

    function attach(s: Socket | TLSSocket) {
      s.on('data', onData);
      s.on('error', onError);
      s.on('close', onClose);
    }
    function detach(s: Socket | TLSSocket) {
      s.off('data', onData);
      s.off('error', onError);
      s.off('close', onClose);
    }

    /** RFC 3207: after `220 Ready to start TLS`, the handshake; then EHLO again, encrypted. */
    function startTls() {
      detach(raw);
      const secure = tlsConnect({
        socket: raw,
        ...(isIP(request.host) === 0 ? { servername: request.host } : {}),
        rejectUnauthorized: request.verifyCertificate === true,
      });
      secure.once('secureConnect', () => {
        tls = true;
        const cipher = secure.getCipher();
        log('-', `TLS started: ${secure.getProtocol() ?? 'TLS'} ${cipher.name}`);
      });
      socket = secure;
      attach(secure);
    }

    raw.once('connect', () => {
      clearTimeout(connectTimer);
      log(
        '-',
        `connected to ${raw.remoteAddress ?? request.host}:${raw.remotePort ?? request.port}`,
      );
      session = new ClientSession(
        { options: request.options, transactions: request.transactions },
        {
          send: (lines) => {
            for (const line of lines) log('C', line);
            socket.write(lines.map((l) => `${l}\r\n`).join(''), 'latin1');
          },
          close: () => {
            socket.end();
            // A server that never closes its side: do not wait for ever.
            setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
          },
          done: (result) => {
            outcomes = result;
          },
          tlsStarted: startTls,
        },
      );
      session.start();
    });
    attach(raw);
  });
}
