// A trace as something to move through: where each session, line, delivery and failure is, and
// what the world looked like after the first N events (a fold over the prefix, with checkpoints
// so that jumping anywhere in a long trace costs no more than stepping).
import { coreText, english, type CoreText } from '../text/message';
import type { QueueAction, TraceEvent } from './types';

export type StepKind = 'event' | 'line' | 'session' | 'delivery' | 'failure';

export type MarkerKind = 'session' | 'delivery' | 'retry' | 'bounce' | 'warning' | 'host' | 'note';

export interface Marker {
  /** The event's index in the trace; the cursor after it is index + 1. */
  index: number;
  t: number;
  kind: MarkerKind;
  /** What happened, as a structured text (the page shows it in its language). */
  text: CoreText;
}

/** A marker's label in English: `mail.a.example 3F2A deferred`. */
export function markerLabel(marker: Marker): string {
  return english(marker.text);
}

export interface ConnectionInfo {
  conn: number;
  from: string;
  to: string;
  port: number;
  result: 'open' | 'refused' | 'timeout';
  /** Index of the connect event. */
  start: number;
  /** Index of the last event of this connection (its last close or line). */
  end: number;
  /** Indexes of its `line` events. */
  lines: number[];
}

export interface QueueView {
  id: string;
  rcpt: string[];
  attempts: number;
  next?: number;
  lastError?: string;
  warned: boolean;
}

export interface HostView {
  up: boolean;
  queue: QueueView[];
}

/** The world after the first `cursor` events. Treat as read-only. */
export interface WorldView {
  cursor: number;
  t: number;
  hosts: Record<string, HostView>;
  /** `a|b` keys of links that are down. */
  linksDown: string[];
  /** Open connections (connected, not yet closed by both ends). */
  open: number[];
  /** Deliveries so far per mailbox (count; the messages are in the Simulation). */
  delivered: Record<string, number>;
  /** The last state value of every actor that has reported one. */
  actors: Record<string, unknown>;
}

const CHECKPOINT_EVERY = 512;

export interface TimelineOptions {
  /** Events between two stored views (smaller: faster seeks, more memory). */
  checkpointEvery?: number;
}

const FAILURE_ACTIONS: QueueAction[] = ['defer', 'bounce', 'expire'];

function isFailure(e: TraceEvent): boolean {
  if (e.type === 'queue') return FAILURE_ACTIONS.includes(e.action);
  if (e.type === 'connect') return e.result !== 'open';
  if (e.type === 'line') return e.dir === 'S' && /^[45]\d\d[ -]/.test(e.text);
  return false;
}

const linkKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

const QUEUE_MARKERS: Partial<Record<QueueAction, [MarkerKind, CoreText['key']]>> = {
  defer: ['retry', 'marker.deferred'],
  bounce: ['bounce', 'marker.bounce'],
  expire: ['bounce', 'marker.expire'],
  warn: ['warning', 'marker.warning'],
};

function markerFor(e: TraceEvent, index: number): Marker | undefined {
  const marker = (kind: MarkerKind, text: CoreText): Marker => ({ index, t: e.t, kind, text });
  switch (e.type) {
    case 'connect': {
      const { from, to, port } = e;
      const result = coreText(`marker.result.${e.result}`);
      return marker('session', coreText('marker.session', { from, to, port, result }));
    }
    case 'deliver':
      return marker(
        'delivery',
        coreText('marker.delivery', { mailbox: e.mailbox, subject: e.subject }),
      );
    case 'queue': {
      const found = QUEUE_MARKERS[e.action];
      return found && marker(found[0], coreText(found[1], { host: e.host, id: e.id }));
    }
    case 'host':
      return marker('host', coreText(e.up ? 'marker.hostUp' : 'marker.hostDown', { host: e.host }));
    case 'note':
      return marker('note', coreText('marker.note', { text: e.text }));
    default:
      return undefined;
  }
}

function emptyView(hosts: readonly string[]): WorldView {
  const view: WorldView = {
    cursor: 0,
    t: 0,
    hosts: {},
    linksDown: [],
    open: [],
    delivered: {},
    actors: {},
  };
  for (const h of hosts) view.hosts[h] = { up: true, queue: [] };
  return view;
}

function clone(view: WorldView): WorldView {
  return structuredClone(view);
}

/** Applies one event to a view (mutating it). */
function apply(view: WorldView, e: TraceEvent): void {
  view.cursor += 1;
  view.t = e.t;
  switch (e.type) {
    case 'host':
      (view.hosts[e.host] ??= { up: true, queue: [] }).up = e.up;
      break;
    case 'link': {
      const key = linkKey(e.between[0], e.between[1]);
      view.linksDown = view.linksDown.filter((k) => k !== key);
      if (!e.up) view.linksDown.push(key);
      break;
    }
    case 'connect':
      if (e.result === 'open') view.open.push(e.conn);
      break;
    case 'close':
      view.open = view.open.filter((c) => c !== e.conn);
      break;
    case 'deliver':
      view.delivered[e.mailbox] = (view.delivered[e.mailbox] ?? 0) + 1;
      break;
    case 'state':
      view.actors[e.actor] = e.value;
      break;
    case 'queue':
      applyQueue((view.hosts[e.host] ??= { up: true, queue: [] }), e);
      break;
    default:
      break;
  }
}

function applyQueue(host: HostView, e: Extract<TraceEvent, { type: 'queue' }>): void {
  let entry = host.queue.find((q) => q.id === e.id);
  if (e.action === 'enqueue') {
    if (!entry)
      host.queue.push({ id: e.id, rcpt: [...(e.rcpt ?? [])], attempts: 0, warned: false });
    return;
  }
  if (!entry) return;
  switch (e.action) {
    case 'attempt':
      entry.attempts += 1;
      delete entry.next;
      break;
    case 'defer':
      if (e.next !== undefined) entry.next = e.next;
      if (e.reason) entry.lastError = e.reason;
      break;
    case 'warn':
      entry.warned = true;
      break;
    case 'deliver':
    case 'bounce':
    case 'expire':
      entry.rcpt = entry.rcpt.filter((r) => !(e.rcpt ?? []).includes(r));
      if (e.reason) entry.lastError = e.reason;
      break;
  }
  if (entry.rcpt.length === 0) {
    host.queue = host.queue.filter((q) => q !== entry);
    entry = undefined;
  }
}

export class Timeline {
  readonly events: readonly TraceEvent[];
  readonly markers: Marker[] = [];
  readonly connections = new Map<number, ConnectionInfo>();
  readonly #checkpoints: WorldView[] = [];
  readonly #lineIndexes: number[] = [];
  readonly #sessionIndexes: number[] = [];
  readonly #deliveryIndexes: number[] = [];
  readonly #failureIndexes: number[] = [];
  readonly #every: number;
  #last: WorldView;

  constructor(
    events: readonly TraceEvent[],
    hosts: readonly string[] = [],
    options: TimelineOptions = {},
  ) {
    this.events = events;
    this.#every = options.checkpointEvery ?? CHECKPOINT_EVERY;
    const view = emptyView(hosts);
    this.#checkpoints.push(clone(view));
    events.forEach((e, i) => {
      const marker = markerFor(e, i);
      if (marker) this.markers.push(marker);
      if (e.type === 'line') this.#lineIndexes.push(i);
      if (e.type === 'connect') this.#sessionIndexes.push(i);
      if (e.type === 'deliver') this.#deliveryIndexes.push(i);
      if (isFailure(e)) this.#failureIndexes.push(i);
      this.#indexConnection(e, i);
      apply(view, e);
      if ((i + 1) % this.#every === 0) this.#checkpoints.push(clone(view));
    });
    this.#last = view;
  }

  get length(): number {
    return this.events.length;
  }

  /** The world after the first `cursor` events (0 ≤ cursor ≤ length). A fresh object each call. */
  viewAt(cursor: number): WorldView {
    const c = Math.max(0, Math.min(this.length, Math.floor(cursor)));
    if (c === this.length) return clone(this.#last);
    const checkpoint = this.#checkpoints[Math.floor(c / this.#every)] as WorldView;
    const view = clone(checkpoint);
    for (let i = view.cursor; i < c; i += 1) apply(view, this.events[i] as TraceEvent);
    return view;
  }

  /** Virtual time at a cursor: the time of the last event applied. */
  timeAt(cursor: number): number {
    return cursor <= 0 ? 0 : (this.events[Math.min(cursor, this.length) - 1]?.t ?? 0);
  }

  /**
   * The cursor after the next (dir 1) or previous (dir -1) event of a kind. Moving forward to a
   * line puts the cursor just after it; moving back puts it just after the previous one.
   */
  step(cursor: number, kind: StepKind, dir: 1 | -1): number {
    if (kind === 'event') return Math.max(0, Math.min(this.length, cursor + dir));
    const list = this.#indexesOf(kind);
    if (dir === 1) {
      const next = list.find((i) => i >= cursor);
      return next === undefined ? this.length : next + 1;
    }
    for (let k = list.length - 1; k >= 0; k -= 1) {
      const i = list[k] as number;
      if (i + 1 < cursor) return i + 1;
    }
    return 0;
  }

  /** The connection an event belongs to, if any. */
  connectionOf(index: number): ConnectionInfo | undefined {
    const e = this.events[index];
    return e && 'conn' in e ? this.connections.get(e.conn) : undefined;
  }

  #indexesOf(kind: Exclude<StepKind, 'event'>): number[] {
    switch (kind) {
      case 'line':
        return this.#lineIndexes;
      case 'session':
        return this.#sessionIndexes;
      case 'delivery':
        return this.#deliveryIndexes;
      case 'failure':
        return this.#failureIndexes;
    }
  }

  #indexConnection(e: TraceEvent, i: number): void {
    if (e.type === 'connect') {
      this.connections.set(e.conn, {
        conn: e.conn,
        from: e.from,
        to: e.to,
        port: e.port,
        result: e.result,
        start: i,
        end: i,
        lines: [],
      });
      return;
    }
    if (e.type !== 'line' && e.type !== 'close') return;
    const info = this.connections.get(e.conn);
    if (!info) return;
    info.end = i;
    if (e.type === 'line') info.lines.push(i);
  }
}
