// A discrete-event scheduler on a virtual clock: the only source of time in the core.
// Pending events form a binary min-heap ordered by (time, sequence number), so events due at the
// same virtual time run in the order they were scheduled. The heap keeps only the two numbers, in
// typed arrays (a heap of objects is several times slower at 10^6 events); the callbacks live in
// a map by id. Cancelling deletes from the map; the heap slot is skipped when it reaches the top,
// and the heap is compacted when such slots outnumber the live ones.

import type { ActorOptions, AnyActorLogic } from 'xstate';

/** A timer's sequence number: unique within a scheduler, increasing in scheduling order. */
export type TimerId = number;

export interface PendingTimer {
  id: TimerId;
  time: number;
  label: string | undefined;
}

interface Timer {
  time: number;
  fn: () => void;
  label: string | undefined;
}

/** A min-heap of (time, seq) pairs in parallel typed arrays. */
class KeyHeap {
  size = 0;
  private times = new Float64Array(64);
  private seqs = new Float64Array(64);

  topTime(): number | undefined {
    return this.size > 0 ? this.times[0] : undefined;
  }

  topSeq(): number | undefined {
    return this.size > 0 ? this.seqs[0] : undefined;
  }

  push(time: number, seq: number): void {
    if (this.size === this.times.length) this.resize(this.size * 2);
    const { times, seqs } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < time || (pt === time && (seqs[parent] as number) < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent] as number;
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
  }

  pop(): void {
    this.size--;
    if (this.size > 0)
      this.siftDown(0, this.times[this.size] as number, this.seqs[this.size] as number);
  }

  /** Keeps only the entries whose seq passes `keep`, then restores the heap order. */
  filter(keep: (seq: number) => boolean): void {
    const { times, seqs } = this;
    let n = 0;
    for (let i = 0; i < this.size; i++) {
      if (keep(seqs[i] as number)) {
        times[n] = times[i] as number;
        seqs[n] = seqs[i] as number;
        n++;
      }
    }
    this.size = n;
    for (let i = (n >> 1) - 1; i >= 0; i--) this.siftDown(i, times[i] as number, seqs[i] as number);
    if (this.times.length > 64 && n * 4 < this.times.length) this.resize(this.times.length >> 1);
  }

  private siftDown(start: number, time: number, seq: number): void {
    const { times, seqs, size } = this;
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size) {
        const rt = times[right] as number;
        const ct = times[child] as number;
        if (rt < ct || (rt === ct && (seqs[right] as number) < (seqs[child] as number)))
          child = right;
      }
      const ct = times[child] as number;
      if (time < ct || (time === ct && seq < (seqs[child] as number))) break;
      times[i] = ct;
      seqs[i] = seqs[child] as number;
      i = child;
    }
    times[i] = time;
    seqs[i] = seq;
  }

  private resize(capacity: number): void {
    const times = new Float64Array(capacity);
    const seqs = new Float64Array(capacity);
    times.set(this.times.subarray(0, this.size));
    seqs.set(this.seqs.subarray(0, this.size));
    this.times = times;
    this.seqs = seqs;
  }
}

export class Scheduler {
  private clock = 0;
  private nextSeq = 0;
  private heap = new KeyHeap();
  private live = new Map<TimerId, Timer>();

  /** The current virtual time in milliseconds since the start of the run. */
  now(): number {
    return this.clock;
  }

  /** Runs `fn` at virtual time `time` (ms); throws if that is before now. */
  at(time: number, fn: () => void, label?: string): TimerId {
    if (!Number.isFinite(time)) {
      throw new RangeError(
        `Scheduler: cannot schedule ${name(label)} at ${time} ms: not a finite time`,
      );
    }
    if (time < this.clock) {
      throw new RangeError(
        `Scheduler: cannot schedule ${name(label)} at ${time} ms, before the current time ${this.clock} ms`,
      );
    }
    const id = this.nextSeq++;
    this.live.set(id, { time, fn, label });
    this.heap.push(time, id);
    return id;
  }

  /** Runs `fn` `delayMs` virtual milliseconds from now. */
  after(delayMs: number, fn: () => void, label?: string): TimerId {
    if (delayMs < 0) {
      throw new RangeError(
        `Scheduler: cannot schedule ${name(label)} after ${delayMs} ms: negative delay`,
      );
    }
    return this.at(this.clock + delayMs, fn, label);
  }

  /** Forgets a pending timer; a timer that already ran or was cancelled is ignored. */
  cancel(id: TimerId): void {
    if (this.live.delete(id) && this.heap.size > 64 && this.live.size * 2 < this.heap.size) {
      this.heap.filter((seq) => this.live.has(seq));
    }
  }

  pendingCount(): number {
    return this.live.size;
  }

  /** The time of the next event, or undefined when nothing is pending. */
  nextTime(): number | undefined {
    this.dropCancelled();
    return this.heap.topTime();
  }

  /** The pending timers in the order they will run (for inspectors and tests). */
  pending(): PendingTimer[] {
    return [...this.live]
      .map(([id, { time, label }]) => ({ id, time, label }))
      .sort((a, b) => a.time - b.time || a.id - b.id);
  }

  /** Advances the clock to the next event and runs it; false when nothing is pending. */
  step(): boolean {
    this.dropCancelled();
    const id = this.heap.topSeq();
    const timer = id === undefined ? undefined : this.live.get(id);
    if (id === undefined || timer === undefined) return false;
    this.heap.pop();
    this.live.delete(id);
    this.clock = timer.time;
    timer.fn();
    return true;
  }

  /**
   * Runs every event due at or before `limitMs`, including those scheduled meanwhile. The clock
   * ends at the time of the last event run, or at `limitMs` with `{ advance: true }`.
   */
  runUntil(limitMs: number, options?: { advance?: boolean }): void {
    for (let t = this.nextTime(); t !== undefined && t <= limitMs; t = this.nextTime()) {
      this.step();
    }
    if (options?.advance === true && limitMs > this.clock && Number.isFinite(limitMs)) {
      this.clock = limitMs;
    }
  }

  private dropCancelled(): void {
    for (
      let id = this.heap.topSeq();
      id !== undefined && !this.live.has(id);
      id = this.heap.topSeq()
    ) {
      this.heap.pop();
    }
  }
}

function name(label: string | undefined): string {
  return label === undefined ? 'an event' : `"${label}"`;
}

/** XState v5's `Clock` (not exported by name from the package). */
export type XStateClock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

/**
 * A clock for `createActor(machine, { clock })`: `after` delays and delayed events then run in
 * the scheduler's virtual time. Like the platform's setTimeout, a negative or non-finite delay
 * counts as 0.
 */
export function xstateClock(scheduler: Scheduler): XStateClock {
  return {
    setTimeout: (fn, timeout) =>
      scheduler.after(Number.isFinite(timeout) && timeout > 0 ? timeout : 0, () => fn(), 'xstate'),
    clearTimeout: (id) => {
      if (typeof id === 'number') scheduler.cancel(id);
    },
  };
}
