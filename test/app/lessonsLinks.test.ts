// The lesson addresses and the step read back from them; the highlight of a step as a selection.
import { describe, expect, test } from 'vitest';
import { selectionFor } from '../../src/app/lessons/highlight';
import { lessonPath, printPath, stepFromHash, stepFromParam } from '../../src/app/lessons/links';
import { ROUTES } from '../../src/app/routes';
import { findRoute } from '../../src/app/routing';
import type { TraceEvent } from '../../src/core/trace/types';

describe('addresses', () => {
  test('lesson, step and print paths', () => {
    expect(lessonPath('backup-mx-etrn')).toBe('/lessons/backup-mx-etrn');
    expect(lessonPath('backup-mx-etrn', 0)).toBe('/lessons/backup-mx-etrn');
    expect(lessonPath('backup-mx-etrn', 3)).toBe('/lessons/backup-mx-etrn/3');
    expect(printPath('backup-mx-etrn')).toBe('/lessons/backup-mx-etrn/print');
  });

  test.each([
    ['1', 1],
    ['7', 7],
    ['0', undefined],
    ['8', undefined],
    ['-1', undefined],
    ['1.5', undefined],
    ['03', 3],
    ['x', undefined],
    [undefined, undefined],
  ])('step parameter %j of 7 steps is %j', (value, step) => {
    expect(stepFromParam(value, 7)).toBe(step);
  });

  test.each([
    ['#/lessons/a', 0],
    ['#/lessons/a/', 0],
    ['#/lessons/a/2', 2],
    ['#/lessons/a/2?x=1', 2],
    ['#/lessons/a/9', undefined],
    ['#/lessons/a/print', undefined],
    ['#/lessons/b/2', undefined],
    ['#/lessons/ab/2', undefined],
    ['#/lessons', undefined],
    ['#/sandbox', undefined],
  ])('the step of %s in lesson a (3 steps) is %j', (hash, step) => {
    expect(stepFromHash(hash, 'a', 3)).toBe(step);
  });
});

describe('the route table', () => {
  test.each([
    ['/lessons', '/lessons', {}],
    ['/lessons/backup-mx-etrn', '/lessons/:slug', { slug: 'backup-mx-etrn' }],
    ['/lessons/backup-mx-etrn/print', '/lessons/:slug/print', { slug: 'backup-mx-etrn' }],
    ['/lessons/backup-mx-etrn/3', '/lessons/:slug/:step', { slug: 'backup-mx-etrn', step: '3' }],
    ['/teachers', '/teachers', {}],
  ])('%s is %s', (path, pattern, params) => {
    const match = findRoute(ROUTES, path);
    expect(match?.route.path).toBe(pattern);
    expect(match?.params).toEqual(params);
  });
});

describe('selectionFor', () => {
  const line: TraceEvent = {
    t: 1,
    type: 'line',
    conn: 4,
    from: 'a',
    to: 'b',
    dir: 'S',
    text: '250 Ok',
  };
  const connect: TraceEvent = {
    t: 1,
    type: 'connect',
    conn: 5,
    from: 'a',
    to: 'b',
    port: 25,
    result: 'open',
  };
  const queue: TraceEvent = { t: 1, type: 'queue', host: 'mx', id: 'Q1', action: 'defer' };
  const note: TraceEvent = { t: 1, type: 'note', text: 'hi' };

  test('event: a line with its connection, a connection, a host, or nothing', () => {
    expect(selectionFor({ kind: 'event' }, line, 9)).toEqual({ conn: 4, line: 9 });
    expect(selectionFor({ kind: 'event' }, connect, 2)).toEqual({ conn: 5 });
    expect(selectionFor({ kind: 'event' }, queue, 3)).toEqual({ host: 'mx' });
    expect(selectionFor({ kind: 'event' }, note, 3)).toEqual({});
    expect(selectionFor({ kind: 'event' }, undefined, undefined)).toEqual({});
  });

  test('connection, host, none', () => {
    expect(selectionFor({ kind: 'connection' }, line, 9)).toEqual({ conn: 4 });
    expect(selectionFor({ kind: 'connection' }, queue, 9)).toEqual({});
    expect(selectionFor({ kind: 'host', host: 'backup' }, line, 9)).toEqual({ host: 'backup' });
    expect(selectionFor({ kind: 'none' }, line, 9)).toEqual({});
  });
});
