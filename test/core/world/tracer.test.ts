import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../../src/core/net/scheduler';
import type { TraceEvent } from '../../../src/core/trace/types';
import { Tracer } from '../../../src/core/world/tracer';

type Unstamped = Parameters<Tracer['record']>[0];

// One event of every kind, with its fields in the order the callers build them.
const EVENTS: Unstamped[] = [
  { type: 'connect', conn: 1, from: 'a', to: 'b', port: 25, result: 'open' },
  { type: 'line', conn: 1, from: 'b', to: 'a', dir: 'S', text: '220 b ESMTP' },
  { type: 'line', conn: 1, from: 'a', to: 'b', dir: 'C', text: 'QUIT', lost: true },
  { type: 'state', actor: 'b/server#1', value: { session: 'ready' } },
  {
    type: 'dns',
    host: 'a',
    query: { name: 'b.example', type: 'MX' },
    answer: [{ name: 'b.example', type: 'MX', preference: 10, value: 'b' }],
  },
  { type: 'dns', host: 'a', query: { name: 'c.example', type: 'MX' }, error: 'nxdomain' },
  { type: 'queue', host: 'a', id: 'Q1', action: 'defer', rcpt: ['x@b'], reason: 'r', next: 5 },
  { type: 'queue', host: 'a', id: 'Q1', action: 'enqueue', rcpt: ['x@b', 'y@b'] },
  { type: 'queue', host: 'a', id: 'Q1', action: 'deliver', rcpt: ['x@b'], reason: undefined },
  { type: 'queue', host: 'a', id: 'Q1', action: 'bounce', rcpt: ['x@b'], reason: 'gone' },
  { type: 'queue', host: 'a', id: 'Q1', action: 'expire', next: 7 },
  { type: 'deliver', host: 'b', mailbox: 'x@b', id: 'Q2', messageId: '<m@a>', subject: 's' },
  { type: 'close', conn: 1, by: 'a', reason: 'client closed the connection' },
  { type: 'host', host: 'b', up: false },
  { type: 'link', between: ['a', 'b'], up: true },
  { type: 'note', text: 'hello' },
];

describe('Tracer', () => {
  it('stamps every kind of event with `t` first and the fields in their order', () => {
    const scheduler = new Scheduler();
    const seen: TraceEvent[] = [];
    const tracer = new Tracer(scheduler, (e) => seen.push(e));
    scheduler.after(1234.5, () => EVENTS.forEach((e) => tracer.record(e)));
    scheduler.after(2000, () => EVENTS.forEach((e) => tracer.record(e)));
    while (scheduler.step());
    const expected = [
      ...EVENTS.map((e) => ({ t: 1234.5, ...e })),
      ...EVENTS.map((e) => ({ t: 2000, ...e })),
    ];
    expect(tracer.events.map((e) => JSON.stringify(e))).toEqual(
      expected.map((e) => JSON.stringify(e)),
    );
    expect(tracer.events).toStrictEqual(expected);
    expect(seen).toEqual(tracer.events);
  });

  it('keeps one copy of a repeated line text and DNS answer', () => {
    const tracer = new Tracer(new Scheduler());
    const line = (text: string): Unstamped => ({
      type: 'line',
      conn: 1,
      from: 'b',
      to: 'a',
      dir: 'S',
      text,
    });
    tracer.record(line(['250', '2.0.0', 'Ok'].join(' ')));
    tracer.record(line(['250', '2.0.0', 'Ok'].join(' ')));
    const dns = (): Unstamped => ({
      type: 'dns',
      host: 'a',
      query: { name: 'b', type: 'A' },
      answer: [{ name: 'b', type: 'A', value: '192.0.2.1' }],
    });
    tracer.record(dns());
    tracer.record(dns());
    const [l1, l2, d1, d2] = tracer.events;
    if (l1?.type !== 'line' || l2?.type !== 'line') throw new Error('not lines');
    if (d1?.type !== 'dns' || d2?.type !== 'dns') throw new Error('not dns');
    expect(l2.text).toBe(l1.text);
    expect(d2.query).toBe(d1.query);
    expect(d2.answer).toBe(d1.answer);
  });
});
