// The virtual network: hosts that are up or down, links that can be cut, TCP-like connections
// that carry lines in order, and request/response datagrams for DNS. Every delay runs on the
// scheduler's clock. A segment's fate is decided when it is sent: if the path is down then, the
// connection is broken for good and neither end is told (each notices by its own timeout).
import type { Scheduler } from './scheduler';

export interface NetHost {
  name: string;
  ip: string;
  up: boolean;
}

export type ConnectFailure = 'refused' | 'timeout';

export interface Endpoint {
  readonly conn: number;
  readonly local: NetHost;
  readonly remote: NetHost;
  /** Send one line (no CRLF) to the other end. */
  send(line: string): void;
  /** Orderly close: the other end hears of it one latency later. */
  close(reason: string): void;
  /** The connection dies here and now; the other end is not told (it will time out). */
  abort(): void;
  readonly open: boolean;
}

export interface EndpointHandlers {
  data(line: string): void;
  /** The other end closed the connection. */
  closed(reason: string): void;
}

export interface NetworkTap {
  connect(e: {
    conn: number;
    from: string;
    to: string;
    port: number;
    result: 'open' | ConnectFailure;
  }): void;
  line(e: { conn: number; from: string; to: string; text: string; lost: boolean }): void;
  close(e: { conn: number; by: string; reason: string }): void;
}

export interface ConnectRequest {
  from: string;
  toIp: string;
  port: number;
  /** Called on the client side once the connection is open; returns its handlers. */
  opened(end: Endpoint): EndpointHandlers;
  failed(result: ConnectFailure): void;
}

type Listener = (end: Endpoint) => EndpointHandlers;

interface Connection {
  id: number;
  broken: boolean;
  ends: [EndpointImpl, EndpointImpl];
}

class EndpointImpl implements Endpoint {
  handlers: EndpointHandlers | undefined;
  closedLocally = false;
  closedByPeer = false;
  constructor(
    readonly network: Network,
    readonly connection: Connection,
    readonly local: NetHost,
    readonly remote: NetHost,
    readonly side: 0 | 1,
  ) {}

  get conn(): number {
    return this.connection.id;
  }

  get open(): boolean {
    return !this.closedLocally && !this.closedByPeer && !this.connection.broken;
  }

  get peer(): EndpointImpl {
    return this.connection.ends[this.side === 0 ? 1 : 0];
  }

  send(line: string): void {
    this.network.transmit(this, line);
  }

  close(reason: string): void {
    this.network.hangUp(this, reason);
  }

  abort(): void {
    this.network.abort(this);
  }
}

export interface NetworkOptions {
  latencyMs: number;
  /** How long a client waits for a host that does not answer (Postfix smtp_connect_timeout). */
  connectTimeoutMs: number;
}

export class Network {
  readonly #scheduler: Scheduler;
  readonly #tap: NetworkTap;
  readonly #options: NetworkOptions;
  readonly #hosts = new Map<string, NetHost>();
  readonly #byIp = new Map<string, NetHost>();
  readonly #listeners = new Map<string, Listener>();
  readonly #linksDown = new Set<string>();
  readonly #connections = new Set<Connection>();
  #nextConn = 1;

  constructor(scheduler: Scheduler, tap: NetworkTap, options: NetworkOptions) {
    this.#scheduler = scheduler;
    this.#tap = tap;
    this.#options = options;
  }

  get latency(): number {
    return this.#options.latencyMs;
  }

  addHost(name: string, ip: string): NetHost {
    const host = { name, ip, up: true };
    this.#hosts.set(name, host);
    this.#byIp.set(ip, host);
    return host;
  }

  host(name: string): NetHost | undefined {
    return this.#hosts.get(name);
  }

  hostByIp(ip: string): NetHost | undefined {
    return this.#byIp.get(ip);
  }

  /** Down: every connection of the host dies silently; its peers notice by timeout. */
  setHostUp(name: string, up: boolean): void {
    const host = this.#hosts.get(name);
    if (!host) return;
    host.up = up;
    if (!up) this.#breakWhere((c) => c.ends[0].local === host || c.ends[1].local === host);
  }

  setLinkUp(a: string, b: string, up: boolean): void {
    const key = linkKey(a, b);
    if (up) this.#linksDown.delete(key);
    else {
      this.#linksDown.add(key);
      this.#breakWhere((c) => linkKey(c.ends[0].local.name, c.ends[1].local.name) === key);
    }
  }

  /** Both hosts up and the link between them not cut. */
  reachable(a: NetHost, b: NetHost): boolean {
    return a.up && b.up && !this.#linksDown.has(linkKey(a.name, b.name));
  }

  listen(hostName: string, port: number, listener: Listener): void {
    this.#listeners.set(`${hostName}:${port}`, listener);
  }

  /** Opens a connection: one round trip when it works, a refusal or a timeout when not. */
  connect(request: ConnectRequest): number {
    const conn = this.#nextConn++;
    const from = this.#hosts.get(request.from);
    const to = this.#byIp.get(request.toIp);
    const L = this.#options.latencyMs;
    const fail = (result: ConnectFailure, delay: number) => {
      this.#scheduler.after(delay, () => {
        this.#tap.connect({
          conn,
          from: request.from,
          to: to?.name ?? request.toIp,
          port: request.port,
          result,
        });
        request.failed(result);
      });
    };
    if (!from || !to || !this.reachable(from, to)) {
      fail('timeout', this.#options.connectTimeoutMs);
      return conn;
    }
    const listener = this.#listeners.get(`${to.name}:${request.port}`);
    if (!listener) {
      fail('refused', 2 * L);
      return conn;
    }
    const connection = { id: conn, broken: false } as Connection;
    const clientEnd = new EndpointImpl(this, connection, from, to, 0);
    const serverEnd = new EndpointImpl(this, connection, to, from, 1);
    connection.ends = [clientEnd, serverEnd];
    this.#connections.add(connection);
    // SYN arrives at the server after one latency (traced then, before the greeting it
    // triggers); SYN-ACK reaches the client after another.
    this.#scheduler.after(L, () => {
      if (connection.broken) return;
      this.#tap.connect({ conn, from: from.name, to: to.name, port: request.port, result: 'open' });
      serverEnd.handlers = listener(serverEnd);
    });
    this.#scheduler.after(2 * L, () => {
      if (connection.broken) {
        request.failed('timeout');
        return;
      }
      clientEnd.handlers = request.opened(clientEnd);
    });
    return conn;
  }

  /** A datagram exchange (a DNS query): the answer after a round trip, or a timeout. */
  exchange(
    fromName: string,
    toName: string,
    timeoutMs: number,
    answered: () => void,
    timedOut: () => void,
  ): void {
    const from = this.#hosts.get(fromName);
    const to = this.#hosts.get(toName);
    if (from && to && this.reachable(from, to))
      this.#scheduler.after(2 * this.#options.latencyMs, answered);
    else this.#scheduler.after(timeoutMs, timedOut);
  }

  transmit(end: EndpointImpl, line: string): void {
    if (end.closedLocally) return;
    const connection = end.connection;
    const lost = connection.broken || !this.reachable(end.local, end.remote);
    this.#tap.line({
      conn: connection.id,
      from: end.local.name,
      to: end.remote.name,
      text: line,
      lost,
    });
    if (lost) {
      connection.broken = true;
      return;
    }
    const peer = end.peer;
    this.#scheduler.after(this.#options.latencyMs, () => {
      if (!connection.broken && !peer.closedLocally) peer.handlers?.data(line);
    });
  }

  hangUp(end: EndpointImpl, reason: string): void {
    if (end.closedLocally) return;
    end.closedLocally = true;
    const connection = end.connection;
    this.#tap.close({ conn: connection.id, by: end.local.name, reason });
    if (connection.broken || !this.reachable(end.local, end.remote)) {
      connection.broken = true;
      this.#connections.delete(connection);
      return;
    }
    const peer = end.peer;
    this.#scheduler.after(this.#options.latencyMs, () => {
      if (connection.broken || peer.closedLocally) return;
      peer.closedByPeer = true;
      peer.handlers?.closed(reason);
    });
    if (peer.closedLocally) this.#connections.delete(connection);
  }

  abort(end: EndpointImpl): void {
    if (end.connection.broken) return;
    end.connection.broken = true;
    end.closedLocally = true;
    this.#connections.delete(end.connection);
    this.#tap.close({
      conn: end.connection.id,
      by: end.local.name,
      reason: 'connection dropped without a reply',
    });
  }

  /** Open connections, for inspectors and invariant checks. */
  openConnections(): number {
    let n = 0;
    for (const c of this.#connections)
      if (!c.broken && (!c.ends[0].closedLocally || !c.ends[1].closedLocally)) n += 1;
    return n;
  }

  #breakWhere(match: (c: Connection) => boolean): void {
    for (const connection of this.#connections) {
      if (match(connection)) {
        connection.broken = true;
        this.#connections.delete(connection);
      }
    }
  }
}

function linkKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
