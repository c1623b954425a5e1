// Appends events to the trace, stamped with the virtual time. The trace is append-only.
import type { Scheduler } from '../net/scheduler';
import type { TraceEvent } from '../trace/types';

type Unstamped = TraceEvent extends infer E ? (E extends TraceEvent ? Omit<E, 't'> : never) : never;

export class Tracer {
  readonly events: TraceEvent[] = [];
  readonly #scheduler: Scheduler;
  readonly #listener: ((event: TraceEvent) => void) | undefined;

  constructor(scheduler: Scheduler, listener?: (event: TraceEvent) => void) {
    this.#scheduler = scheduler;
    this.#listener = listener;
  }

  record(event: Unstamped): void {
    const stamped = { t: this.#scheduler.now(), ...event } as TraceEvent;
    this.events.push(stamped);
    this.#listener?.(stamped);
  }
}
