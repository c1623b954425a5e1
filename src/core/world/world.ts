// The simulated world: builds hosts, DNS and the network from a validated scenario, plays its
// events on the virtual clock, and records everything in one trace. Same scenario and seed:
// the same trace, byte for byte.
import { ZoneStore } from '../dns/zone';
import type { DnsRecord as ZoneRecord } from '../dns/records';
import { RFC_TIMEOUTS, type ClientOptions } from '../machines/smtpClient/types';
import { Mta } from '../mta/mta';
import { describeEntry } from '../mta/queue';
import { Network } from '../net/network';
import { Rng } from '../net/rng';
import { Scheduler, xstateClock } from '../net/scheduler';
import type { EventAction, Scenario } from '../scenario/types';
import type { Summary, TraceEvent } from '../trace/types';
import { ClientHost, messageFor, type SendEvent } from './clientHost';
import { evaluate, type EndState } from './expect';
import { Ledger } from './ledger';
import { Resolver } from './resolver';
import { runScriptedSession } from './scripted';
import { Tracer } from './tracer';

/** The virtual clock's zero: Monday 5 January 2026, 09:00 UTC (dates in headers count from it). */
export const WORLD_EPOCH_MS = Date.UTC(2026, 0, 5, 9, 0, 0);
/** A run without `until` stops when nothing is left to happen, or after 30 virtual days. */
export const MAX_RUN_MS = 30 * 24 * 3_600_000;
/** Postfix smtp_connect_timeout. */
export const CONNECT_TIMEOUT_MS = 30_000;

export interface WorldOptions {
  /** Called with every trace event as it is recorded. */
  onEvent?: (event: TraceEvent) => void;
}

export class World {
  readonly scenario: Scenario;
  readonly scheduler = new Scheduler();
  readonly tracer: Tracer;
  readonly network: Network;
  readonly zones: ZoneStore;
  readonly ledger = new Ledger();
  readonly mtas = new Map<string, Mta>();
  readonly clients = new Map<string, ClientHost>();
  #scriptsRunning = 0;
  #eventsPending: number;

  constructor(scenario: Scenario, options: WorldOptions = {}) {
    this.scenario = scenario;
    this.tracer = new Tracer(this.scheduler, options.onEvent);
    const clientOf = new Map<number, string>();
    this.network = new Network(
      this.scheduler,
      {
        connect: (e) => {
          clientOf.set(e.conn, e.from);
          this.tracer.record({ type: 'connect', ...e });
        },
        line: (e) =>
          this.tracer.record({
            type: 'line',
            conn: e.conn,
            from: e.from,
            to: e.to,
            dir: clientOf.get(e.conn) === e.from ? 'C' : 'S',
            text: e.text,
            ...(e.lost ? { lost: true } : {}),
          }),
        close: (e) => this.tracer.record({ type: 'close', ...e }),
      },
      { latencyMs: scenario.latency, connectTimeoutMs: CONNECT_TIMEOUT_MS },
    );
    this.zones = new ZoneStore(scenario.dns as ZoneRecord[]);
    const rng = new Rng(scenario.seed);
    const clock = xstateClock(this.scheduler);
    const resolver = new Resolver({
      scheduler: this.scheduler,
      network: this.network,
      zones: this.zones,
      rng: rng.fork('dns'),
      tracer: this.tracer,
      dnsHost: scenario.hosts.find((h) => h.role === 'dns')?.name,
    });
    const shared = {
      network: this.network,
      clock,
      tracer: this.tracer,
      scheduler: this.scheduler,
      resolver,
      epochMs: WORLD_EPOCH_MS,
    };
    for (const host of scenario.hosts) {
      this.network.addHost(host.name, host.ip);
      const clientOptions: ClientOptions = {
        hostname: host.name,
        starttls: host.extensions.includes('STARTTLS') ? 'opportunistic' : 'never',
        pipelining: true,
        timeouts: RFC_TIMEOUTS,
      };
      if (host.role === 'mta') {
        this.mtas.set(
          host.name,
          new Mta(host, {
            ...shared,
            ledger: this.ledger,
            rng: rng.fork(`queue ${host.name}`),
            clientOptions,
          }),
        );
      } else if (host.role === 'client') {
        this.clients.set(host.name, new ClientHost(host, { ...shared, clientOptions }));
      }
    }
    this.#eventsPending = scenario.events.length;
    for (const event of scenario.events) {
      this.scheduler.at(
        event.at,
        () => {
          this.#eventsPending -= 1;
          this.#apply(event);
        },
        `scenario ${event.do}`,
      );
    }
  }

  get trace(): readonly TraceEvent[] {
    return this.tracer.events;
  }

  /** Runs to `until` (ms), or until nothing is left to happen (at most 30 virtual days). */
  run(until?: number): void {
    const limit = until ?? this.scenario.until ?? MAX_RUN_MS;
    const stopWhenIdle = until === undefined && this.scenario.until === undefined;
    for (;;) {
      const next = this.scheduler.nextTime();
      if (next === undefined || next > limit) break;
      this.scheduler.step();
      if (stopWhenIdle && this.#idle()) break;
    }
  }

  /** Nothing scripted left, every queue empty, every connection closed, no send under way. */
  #idle(): boolean {
    if (this.#eventsPending > 0 || this.#scriptsRunning > 0) return false;
    for (const mta of this.mtas.values()) if (mta.queue.size > 0) return false;
    for (const client of this.clients.values()) if (client.busy > 0) return false;
    return this.network.openConnections() === 0;
  }

  #apply(event: EventAction): void {
    if (startsFromHost(event) && this.network.host(event.host)?.up === false) {
      // A machine that is switched off sends nothing: no message, no session, no ETRN.
      return this.tracer.record({
        type: 'note',
        text: `${event.host} is down: it cannot ${WHAT_IT_STARTS[event.do]}`,
      });
    }
    switch (event.do) {
      case 'send':
        return this.#send(event);
      case 'down':
      case 'up': {
        const up = event.do === 'up';
        this.network.setHostUp(event.host, up);
        this.mtas.get(event.host)?.setUp(up);
        return this.tracer.record({ type: 'host', host: event.host, up });
      }
      case 'linkDown':
      case 'linkUp': {
        const up = event.do === 'linkUp';
        this.network.setLinkUp(event.between[0], event.between[1], up);
        return this.tracer.record({ type: 'link', between: event.between, up });
      }
      case 'dns':
        return this.#dns(event);
      case 'etrn':
        return this.#script(event.host, event.server, 25, [
          `EHLO ${event.host}`,
          `ETRN ${event.argument}`,
          'QUIT',
        ]);
      case 'session':
        return this.#script(event.host, event.server, event.port, event.lines);
      case 'note':
        return this.tracer.record({ type: 'note', text: event.text });
      case 'fault':
        this.mtas.get(event.host)?.addFault(event.command, event.reply, event.times);
        return this.tracer.record({
          type: 'note',
          text:
            event.reply === 'drop'
              ? `${event.host} will drop the connection at ${event.command} without a reply`
              : `${event.host} will answer ${event.command} with ${event.reply.code} ${event.reply.lines.join(' ')}`,
        });
    }
  }

  #send(event: SendEvent): void {
    const mta = this.mtas.get(event.host);
    if (mta && (event.via === undefined || event.via === event.host)) {
      mta.submit(event.from, event.to, messageForMta(event, this.scheduler.now()));
      return;
    }
    this.clients.get(event.host)?.send(event);
    if (!this.clients.has(event.host) && !mta) {
      this.tracer.record({
        type: 'note',
        text: `${event.host} cannot send mail (it is a ${this.#role(event.host)} host)`,
      });
    }
  }

  #role(name: string): string {
    return this.scenario.hosts.find((h) => h.name === name)?.role ?? 'unknown';
  }

  #dns(event: Extract<EventAction, { do: 'dns' }>): void {
    const z = this.zones;
    let text: string;
    if (event.action === 'fail') {
      z.fail(event.name, event.fail);
      text = `DNS: ${event.name} now answers ${event.fail.toUpperCase()}`;
    } else if (event.action === 'restore') {
      z.restore(event.name);
      text = `DNS: ${event.name} answers again`;
    } else {
      const r = event.record as ZoneRecord;
      const shown = `${r.name} ${r.type}${r.preference !== undefined ? ` ${r.preference}` : ''} ${r.value}`;
      if (event.action === 'add') z.add(r);
      else if (event.action === 'remove') z.remove(r);
      else z.replace(r.name, r.type, [r]);
      text = `DNS: ${event.action} ${shown}`;
    }
    this.tracer.record({ type: 'note', text });
  }

  #script(from: string, server: string, port: number, lines: string[]): void {
    const toIp = this.network.host(server)?.ip;
    if (!toIp) return;
    this.#scriptsRunning += 1;
    runScriptedSession(
      this.network,
      { from, toIp, port, lines },
      () => (this.#scriptsRunning -= 1),
    );
  }

  endState(): EndState {
    return {
      trace: this.trace,
      mailbox: (address) => {
        const box = address.toLowerCase();
        for (const mta of this.mtas.values()) {
          const found = mta.mailboxes.get(box);
          if (found) return found;
        }
        return [];
      },
      queueLength: (host) => this.mtas.get(host)?.queue.size ?? 0,
    };
  }

  summary(): Summary {
    const mailboxes: Summary['mailboxes'] = {};
    const queues: Summary['queues'] = {};
    const queued = new Set<string>();
    for (const mta of this.mtas.values()) {
      for (const [box, messages] of [...mta.mailboxes].sort(([a], [b]) => a.localeCompare(b))) {
        mailboxes[box] = messages.map(({ messageId, subject, headers, body }) => ({
          messageId,
          subject,
          headers,
          body,
        }));
      }
      queues[mta.host.name] = [...mta.queue.values()].map(describeEntry);
      mta.queuedKeys(queued, Ledger.key);
    }
    const state = this.endState();
    return {
      type: 'summary',
      mailboxes,
      queues,
      accounting: this.ledger.account(queued),
      expect: this.scenario.expect.map((check) => evaluate(check, state)),
    };
  }
}

function messageForMta(event: SendEvent, now: number): string {
  return messageFor(event, WORLD_EPOCH_MS + now);
}

const WHAT_IT_STARTS = {
  send: 'send the message',
  etrn: 'send ETRN',
  session: 'open the session',
} as const;

function startsFromHost(
  event: EventAction,
): event is Extract<EventAction, { do: keyof typeof WHAT_IT_STARTS }> {
  return event.do in WHAT_IT_STARTS;
}
