// Appends events to the trace, stamped with the virtual time. The trace is append-only.
//
// A long run keeps hundreds of thousands of events, so the kinds that make up most of them are
// stored compactly, with the same fields in the same order (the JSON is a public contract):
// `line`, `state`, `connect`, `close` and `queue` events are built as literals, which keeps every
// field inside the object (`{ t, ...event }` puts all but `t` in a separate property array); a
// line's text is shared with every earlier line of the same text (replies, message text sent
// again and again), and a `dns` event's query and answer with every earlier event that has the
// same. Any other shape falls back to `{ t, ...event }`.
import type { Scheduler } from '../net/scheduler';
import type { TraceEvent } from '../trace/types';

type Unstamped = TraceEvent extends infer E ? (E extends TraceEvent ? Omit<E, 't'> : never) : never;

export class Tracer {
  readonly events: TraceEvent[] = [];
  readonly #scheduler: Scheduler;
  readonly #listener: ((event: TraceEvent) => void) | undefined;
  /** Each distinct line text once. */
  readonly #texts = new Map<string, string>();
  /** Each distinct DNS query and answer once, by its JSON. */
  readonly #values = new Map<string, unknown>();

  constructor(scheduler: Scheduler, listener?: (event: TraceEvent) => void) {
    this.#scheduler = scheduler;
    this.#listener = listener;
  }

  record(event: Unstamped): void {
    const now = this.#scheduler.now();
    // The scheduler's times come out of a Float64Array: stored as they are, each `t` would be a
    // boxed double of its own; an integral time in int32 range is stored as a small integer.
    const stamped = this.#stamp((now | 0) === now ? now | 0 : now, event);
    this.events.push(stamped);
    this.#listener?.(stamped);
  }

  #stamp(t: number, event: Unstamped): TraceEvent {
    switch (event.type) {
      case 'line':
        if (event.lost !== undefined) break;
        return {
          t,
          type: 'line',
          conn: event.conn,
          from: event.from,
          to: event.to,
          dir: event.dir,
          text: this.#text(event.text),
        };
      case 'state':
        return { t, type: 'state', actor: event.actor, value: event.value };
      case 'connect': {
        const { conn, from, to, port, result } = event;
        return { t, type: 'connect', conn, from, to, port, result };
      }
      case 'close':
        return { t, type: 'close', conn: event.conn, by: event.by, reason: event.reason };
      case 'queue': {
        // The MTA's events: `rcpt`, then `reason` (possibly undefined), then `next`.
        const { host, id, action, rcpt } = event;
        if (!('rcpt' in event)) break;
        if (!('reason' in event)) {
          if ('next' in event) break;
          return { t, type: 'queue', host, id, action, rcpt };
        }
        const { reason } = event;
        if (!('next' in event)) return { t, type: 'queue', host, id, action, rcpt, reason };
        return { t, type: 'queue', host, id, action, rcpt, reason, next: event.next };
      }
      case 'dns': {
        const query = this.#shared(event.query);
        if (event.answer !== undefined && event.error === undefined) {
          const answer = this.#shared(event.answer);
          return { t, type: 'dns', host: event.host, query, answer };
        }
        if (event.answer === undefined && event.error !== undefined) {
          return { t, type: 'dns', host: event.host, query, error: event.error };
        }
      }
    }
    return { t, ...event } as TraceEvent;
  }

  /** One copy of each distinct DNS query and answer (the same lookups are made again and again). */
  #shared<T>(value: T): T {
    const key = JSON.stringify(value);
    const known = this.#values.get(key);
    if (known !== undefined) return known as T;
    this.#values.set(key, value);
    return value;
  }

  #text(text: string): string {
    const known = this.#texts.get(text);
    if (known !== undefined) return known;
    this.#texts.set(text, text);
    return text;
  }
}
