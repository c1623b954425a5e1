// A cheap real-time clock for the server machines of the bridge. Every reply re-arms the
// machine's idle timer (cancel + schedule); with node's own timers that is a Timeout object and
// a timer-list insert per reply, about a third of the session's cost in the benchmark. Here a
// timer is one Map entry, and one interval sweeps them all: timeouts fire up to one tick late,
// which is nothing next to RFC 5321's minutes.
import type { ActorOptions, AnyActorLogic } from 'xstate';

type Clock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

export class CoarseClock implements Clock {
  readonly #tickMs: number;
  readonly #timers = new Map<number, { due: number; fn: () => void }>();
  #nextId = 1;
  #ticks = 0;
  #interval: NodeJS.Timeout | undefined;

  constructor(tickMs = 50) {
    this.#tickMs = tickMs;
  }

  setTimeout(fn: (...args: unknown[]) => void, timeout: number): number {
    const id = this.#nextId++;
    // At least the full delay: the current tick is already partly over.
    this.#timers.set(id, { due: this.#ticks + Math.ceil(timeout / this.#tickMs) + 1, fn });
    this.#interval ??= setInterval(() => this.#tick(), this.#tickMs).unref();
    return id;
  }

  clearTimeout(id: unknown): void {
    this.#timers.delete(id as number);
  }

  /** Drops every timer and the interval. */
  stop(): void {
    this.#timers.clear();
    clearInterval(this.#interval);
    this.#interval = undefined;
  }

  #tick(): void {
    this.#ticks += 1;
    for (const [id, timer] of this.#timers) {
      if (timer.due > this.#ticks) continue;
      this.#timers.delete(id);
      timer.fn();
    }
    if (this.#timers.size === 0) this.stop();
  }
}
