import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createActor, setup } from 'xstate';
import { Scheduler, xstateClock } from '../../../src/core/net/scheduler';

describe('Scheduler', () => {
  it('runs events in time order and advances the clock to each', () => {
    const s = new Scheduler();
    const seen: string[] = [];
    s.at(30, () => seen.push(`c@${s.now()}`));
    s.at(10, () => seen.push(`a@${s.now()}`));
    s.after(20, () => seen.push(`b@${s.now()}`));
    expect(s.pendingCount()).toBe(3);
    expect(s.nextTime()).toBe(10);
    while (s.step());
    expect(seen).toEqual(['a@10', 'b@20', 'c@30']);
    expect(s.now()).toBe(30);
    expect(s.pendingCount()).toBe(0);
    expect(s.nextTime()).toBeUndefined();
    expect(s.step()).toBe(false);
  });

  it('runs events due at the same time in scheduling order, including ones added meanwhile', () => {
    const s = new Scheduler();
    const seen: string[] = [];
    s.at(5, () => {
      seen.push('first');
      s.after(0, () => seen.push('added by first'));
    });
    s.at(5, () => seen.push('second'));
    s.at(5, () => seen.push('third'));
    s.runUntil(5);
    expect(seen).toEqual(['first', 'second', 'third', 'added by first']);
  });

  it('after() counts from the current virtual time', () => {
    const s = new Scheduler();
    let fired = -1;
    s.at(100, () => s.after(50, () => (fired = s.now())));
    s.runUntil(1000);
    expect(fired).toBe(150);
  });

  it('cancels timers, ignoring unknown, run or already cancelled ids', () => {
    const s = new Scheduler();
    const seen: number[] = [];
    const a = s.at(1, () => seen.push(1));
    const b = s.at(2, () => seen.push(2));
    s.at(3, () => seen.push(3));
    s.cancel(b);
    s.cancel(b);
    s.cancel(12345);
    expect(s.pendingCount()).toBe(2);
    expect(s.step()).toBe(true);
    s.cancel(a);
    expect(s.pendingCount()).toBe(1);
    expect(s.nextTime()).toBe(3);
    s.runUntil(10);
    expect(seen).toEqual([1, 3]);
  });

  it('an event can cancel a later event due at the same time', () => {
    const s = new Scheduler();
    const seen: string[] = [];
    let victim = 0;
    s.at(7, () => s.cancel(victim));
    victim = s.at(7, () => seen.push('victim'));
    s.runUntil(7);
    expect(seen).toEqual([]);
  });

  it('runUntil stops at the limit; the clock ends at the last event or, when asked, the limit', () => {
    const s = new Scheduler();
    const seen: number[] = [];
    for (const t of [10, 20, 30]) s.at(t, () => seen.push(t));
    s.runUntil(25);
    expect(seen).toEqual([10, 20]);
    expect(s.now()).toBe(20);
    s.runUntil(28, { advance: true });
    expect(s.now()).toBe(28);
    s.runUntil(5, { advance: true });
    expect(s.now()).toBe(28);
    s.runUntil(Infinity, { advance: true });
    expect(seen).toEqual([10, 20, 30]);
    expect(s.now()).toBe(30);
  });

  it('refuses to schedule in the past or at a non-finite time, naming the event', () => {
    const s = new Scheduler();
    s.at(100, () => {});
    s.step();
    expect(() => s.at(99, () => {}, 'retry mx.b.example')).toThrow(
      'Scheduler: cannot schedule "retry mx.b.example" at 99 ms, before the current time 100 ms',
    );
    expect(() => s.at(99, () => {})).toThrow(
      'Scheduler: cannot schedule an event at 99 ms, before the current time 100 ms',
    );
    expect(() => s.after(-1, () => {})).toThrow('negative delay');
    expect(() => s.at(NaN, () => {})).toThrow('not a finite time');
    expect(() => s.after(Infinity, () => {})).toThrow('not a finite time');
    expect(s.at(100, () => {})).toBeTypeOf('number');
  });

  it('lists pending timers in the order they will run', () => {
    const s = new Scheduler();
    s.at(20, () => {}, 'late');
    const early = s.at(10, () => {}, 'early');
    const cancelled = s.at(15, () => {}, 'cancelled');
    s.at(10, () => {});
    s.cancel(cancelled);
    expect(s.pending()).toEqual([
      { id: early, time: 10, label: 'early' },
      { id: 3, time: 10, label: undefined },
      { id: 0, time: 20, label: 'late' },
    ]);
  });

  it('matches a sorted reference under random schedules and cancellations', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), time: fc.integer({ min: 0, max: 50 }) }),
      fc.record({ kind: fc.constant('cancel' as const), index: fc.nat(60) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const s = new Scheduler();
        const ids: number[] = [];
        const expected = new Map<number, number>();
        const ran: number[] = [];
        for (const o of ops) {
          if (o.kind === 'add') {
            const id = s.at(o.time, () => ran.push(id));
            ids.push(id);
            expected.set(id, o.time);
          } else {
            const id = ids[o.index % Math.max(ids.length, 1)];
            if (id !== undefined) {
              s.cancel(id);
              expected.delete(id);
            }
          }
        }
        expect(s.pendingCount()).toBe(expected.size);
        s.runUntil(Infinity);
        const order = [...expected].sort(([ia, ta], [ib, tb]) => ta - tb || ia - ib);
        expect(ran).toEqual(order.map(([id]) => id));
      }),
    );
  });

  // No wall-clock bound (shared CI machines vary); the point is scale and order at 10^6 events.
  it('orders a million events, half of them cancelled', { timeout: 60_000 }, () => {
    const s = new Scheduler();
    const n = 1_000_000;
    let count = 0;
    let last = -1;
    let ordered = true;
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = (i * 7919) % 100_003;
      ids.push(
        s.at(t, () => {
          count++;
          if (t < last) ordered = false;
          last = t;
        }),
      );
    }
    for (let i = 0; i < n; i += 2) s.cancel(ids[i] as number);
    s.runUntil(Infinity);
    expect(count).toBe(n / 2);
    expect(ordered).toBe(true);
    expect(s.pendingCount()).toBe(0);
  });
});

describe('xstateClock', () => {
  const machine = setup({ types: { events: {} as { type: 'poke' } } }).createMachine({
    id: 'timer',
    initial: 'waiting',
    states: {
      waiting: {
        after: { 1000: 'ringing' },
        on: { poke: 'poked' },
      },
      ringing: { after: { 5000: 'done' } },
      poked: {},
      done: { type: 'final' },
    },
  });

  it('runs `after` delays in virtual time', () => {
    const scheduler = new Scheduler();
    const actor = createActor(machine, { clock: xstateClock(scheduler) }).start();
    expect(actor.getSnapshot().value).toBe('waiting');
    expect(scheduler.nextTime()).toBe(1000);
    scheduler.runUntil(999);
    expect(actor.getSnapshot().value).toBe('waiting');
    scheduler.runUntil(1000);
    expect(actor.getSnapshot().value).toBe('ringing');
    expect(scheduler.now()).toBe(1000);
    scheduler.runUntil(Infinity);
    expect(actor.getSnapshot().value).toBe('done');
    expect(scheduler.now()).toBe(6000);
  });

  it('cancels the delay when the state is left early', () => {
    const scheduler = new Scheduler();
    const actor = createActor(machine, { clock: xstateClock(scheduler) }).start();
    scheduler.runUntil(500, { advance: true });
    actor.send({ type: 'poke' });
    expect(actor.getSnapshot().value).toBe('poked');
    expect(scheduler.pendingCount()).toBe(0);
    scheduler.runUntil(Infinity);
    expect(scheduler.now()).toBe(500);
  });

  it('treats negative or non-finite timeouts as 0, like setTimeout', () => {
    const scheduler = new Scheduler();
    const clock = xstateClock(scheduler);
    const seen: string[] = [];
    clock.setTimeout(() => seen.push('negative'), -5);
    clock.setTimeout(() => seen.push('nan'), NaN);
    const id: unknown = clock.setTimeout(() => seen.push('cleared'), 10);
    clock.clearTimeout(id);
    clock.clearTimeout('not an id');
    scheduler.runUntil(Infinity);
    expect(seen).toEqual(['negative', 'nan']);
    expect(scheduler.now()).toBe(0);
  });
});
