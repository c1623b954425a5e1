import { describe, expect, it } from 'vitest';
import { describeSelector, resolveSteps, stepExcerpt } from '../../../src/core/lesson/steps';
import type { Lesson, LessonStep, StepSelector } from '../../../src/core/lesson/types';
import type { TraceEvent } from '../../../src/core/trace/types';
import { simulate } from '../../../src/core/world/simulate';
import { fixtureLesson } from './fixture';

const TRACE: TraceEvent[] = [
  { t: 0, type: 'note', text: 'Alice writes to Bob' },
  { t: 1, type: 'dns', host: 'mail.a', query: { name: 'b.example', type: 'MX' }, answer: [] },
  { t: 2, type: 'connect', conn: 1, from: 'mail.a', to: 'mx.b', port: 25, result: 'timeout' },
  { t: 3, type: 'host', host: 'mx.b', up: true },
  { t: 4, type: 'connect', conn: 2, from: 'mail.a', to: 'mx.b', port: 25, result: 'open' },
  { t: 5, type: 'line', conn: 2, from: 'mx.b', to: 'mail.a', dir: 'S', text: '220 mx.b ESMTP' },
  { t: 6, type: 'line', conn: 2, from: 'mail.a', to: 'mx.b', dir: 'C', text: 'EHLO mail.a' },
  { t: 7, type: 'line', conn: 2, from: 'mx.b', to: 'mail.a', dir: 'S', text: '250-mx.b' },
  { t: 7, type: 'line', conn: 2, from: 'mx.b', to: 'mail.a', dir: 'S', text: '250 ETRN' },
  { t: 8, type: 'queue', host: 'mail.a', id: 'Q1', action: 'deliver' },
  {
    t: 8,
    type: 'deliver',
    host: 'mx.b',
    mailbox: 'bob@b.example',
    id: 'Q2',
    messageId: '<m>',
    subject: 'Hi',
  },
  { t: 9, type: 'close', conn: 2, by: 'mail.a', reason: 'done' },
];

function lessonWith(...selectors: StepSelector[]): Lesson {
  const base = fixtureLesson();
  const steps: LessonStep[] = selectors.map((at, i) => ({
    number: i + 1,
    title: `Step ${i + 1}`,
    body: '',
    after: '',
    at,
    highlight: { kind: 'event' },
    panel: 'transcript',
    exercises: [],
    line: 10 + i,
  }));
  return { ...base, steps, exercises: [] };
}

function cursors(...selectors: StepSelector[]) {
  const result = resolveSteps(lessonWith(...selectors), TRACE);
  return result.ok ? result.steps.map((s) => [s.cursor, s.index]) : result.errors;
}

describe('resolveSteps', () => {
  it('puts start before everything and end after everything', () => {
    expect(cursors({ kind: 'start' }, { kind: 'end' })).toEqual([
      [0, undefined],
      [TRACE.length, TRACE.length - 1],
    ]);
  });

  it('finds each kind of event, the cursor just after it', () => {
    expect(
      cursors(
        { kind: 'note', text: 'Alice', nth: 1 },
        { kind: 'dns', name: 'B.example.', type: 'MX', host: 'mail.a', nth: 1 },
        { kind: 'connect', to: 'mx.b', result: 'timeout', nth: 1 },
        { kind: 'host', host: 'mx.b', up: true, nth: 1 },
        { kind: 'connect', to: 'mx.b', from: 'mail.a', nth: 1 },
        { kind: 'line', text: 'EHLO', dir: 'C', from: 'mail.a', nth: 1 },
        { kind: 'queue', action: 'deliver', host: 'mail.a', nth: 1 },
        { kind: 'deliver', mailbox: 'Bob@b.example', nth: 1 },
        { kind: 'close', by: 'mail.a', nth: 1 },
      ),
    ).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 3],
      [5, 4],
      [7, 6],
      [10, 9],
      [11, 10],
      [12, 11],
    ]);
  });

  it('finds a link going down or up, whichever way round its ends are named', () => {
    const trace: TraceEvent[] = [
      { t: 0, type: 'link', between: ['mail.a', 'mx.b'], up: false },
      { t: 1, type: 'link', between: ['mail.a', 'mx.b'], up: true },
    ];
    const result = resolveSteps(
      lessonWith(
        { kind: 'link', between: ['mx.b', 'mail.a'], up: false, nth: 1 },
        { kind: 'link', between: ['mail.a', 'mx.b'], up: true, nth: 1 },
      ),
      trace,
    );
    expect(result.ok && result.steps.map((s) => s.index)).toEqual([0, 1]);
    const missing = resolveSteps(
      lessonWith({ kind: 'link', between: ['mail.a', 'mx.c'], up: false, nth: 1 }),
      trace,
    );
    expect(missing.ok).toBe(false);
  });

  it('counts nth from the previous step, matching text case-sensitively', () => {
    expect(cursors({ kind: 'line', text: '250', dir: 'S', nth: 2 })).toEqual([[9, 8]]);
    expect(
      cursors({ kind: 'line', text: '250', nth: 1 }, { kind: 'line', text: '250', nth: 1 }),
    ).toEqual([
      [8, 7],
      [9, 8],
    ]);
    const lower = resolveSteps(lessonWith({ kind: 'line', text: 'ehlo', nth: 1 }), TRACE);
    expect(lower.ok).toBe(false);
  });

  it('says what it did not find, and after which step', () => {
    expect(
      cursors(
        { kind: 'line', text: 'EHLO', nth: 1 },
        { kind: 'note', text: 'Alice', nth: 1 },
        { kind: 'line', text: '250', dir: 'S', nth: 3 },
      ),
    ).toEqual([
      {
        file: '01-fixture-basics/lesson.md',
        where: 'step 2 (Step 2) at',
        message: 'no note containing "Alice" after step 1',
      },
      {
        file: '01-fixture-basics/lesson.md',
        where: 'step 3 (Step 3) at',
        message: 'only 2 line containing "250" from a server after step 2, but nth is 3',
      },
    ]);
    expect(cursors({ kind: 'deliver', mailbox: 'carol@b.example', nth: 1 })).toEqual([
      expect.objectContaining({ message: 'no delivery to carol@b.example from the start' }),
    ]);
  });

  it('refuses a start after the trace has moved on', () => {
    expect(cursors({ kind: 'note', text: 'Alice', nth: 1 }, { kind: 'start' })).toEqual([
      expect.objectContaining({
        where: 'step 2 (Step 2) at',
        message: 'start goes back before step 1; steps follow the trace in order',
      }),
    ]);
  });

  it("binds the fixture lesson's steps to its trace", () => {
    const lesson = fixtureLesson();
    const trace = simulate(lesson.scenario).trace;
    const result = resolveSteps(lesson, trace);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const shown = result.steps.map((s) => (s.index === undefined ? undefined : trace[s.index]));
    expect(shown[0]).toBeUndefined();
    expect(shown[2]).toMatchObject({ type: 'line', text: '220 mail.example.com ESMTP Postfix' });
    expect(shown[3]).toMatchObject({ type: 'line', text: '250 DSN' });
    expect(shown[4]).toMatchObject({ type: 'deliver', mailbox: 'bob@example.com' });
    expect(result.steps[5]?.cursor).toBe(trace.length);
  });
});

describe('stepExcerpt', () => {
  it("gives the events from the previous step's cursor to this one's", () => {
    const result = resolveSteps(
      lessonWith(
        { kind: 'start' },
        { kind: 'connect', to: 'mx.b', result: 'open', nth: 1 },
        { kind: 'line', text: '250 ', nth: 1 },
      ),
      TRACE,
    );
    if (!result.ok) throw new Error('unresolved');
    expect(stepExcerpt(TRACE, result.steps, 0)).toEqual([]);
    expect(stepExcerpt(TRACE, result.steps, 1)).toEqual(TRACE.slice(0, 5));
    expect(stepExcerpt(TRACE, result.steps, 2)).toEqual(TRACE.slice(5, 9));
  });
});

describe('describeSelector', () => {
  it('says each selector in words', () => {
    expect(
      [
        { kind: 'line', text: 'ETRN b', dir: 'C', from: 'mx.b', nth: 1 },
        { kind: 'queue', action: 'defer', host: 'mail.a', nth: 1 },
        { kind: 'connect', to: 'mx.b', from: 'mail.a', result: 'refused', nth: 1 },
        { kind: 'close', nth: 1 },
        { kind: 'dns', name: 'b.example', type: 'MX', host: 'mail.a', nth: 1 },
        { kind: 'host', host: 'mx.b', up: false, nth: 1 },
      ].map((s) => describeSelector(s as StepSelector)),
    ).toEqual([
      'line containing "ETRN b" from a client sent by mx.b',
      'queue defer at mail.a',
      'connection to mx.b from mail.a (refused)',
      'connection closed',
      'DNS query for MX b.example by mail.a',
      'mx.b going down',
    ]);
  });
});
