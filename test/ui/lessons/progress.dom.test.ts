// @vitest-environment jsdom
// Progress in the browser's storage: written on every change under a versioned key, read back by
// a new page, reset on request; garbage, another version or a storage that throws never break it.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PROGRESS_KEY, clampStep, parseProgress } from '../../../src/app/lessons/progress';
import { LessonProgress } from '../../../src/app/lessons/progressStore.svelte';

beforeEach(() => localStorage.clear());
afterEach(() => vi.restoreAllMocks());

describe('progress in the browser', () => {
  test('written under a versioned key and read back by the next page', () => {
    const progress = new LessonProgress();
    progress.visit('backup-mx-etrn', 3);
    progress.record('backup-mx-etrn', 'quiz-new-connection', 'right');
    progress.record('backup-mx-etrn', 'task-etrn-early', 'tried');
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? '')).toEqual({
      version: 1,
      lessons: {
        'backup-mx-etrn': {
          step: 3,
          exercises: { 'quiz-new-connection': 'right', 'task-etrn-early': 'tried' },
        },
      },
    });
    const later = new LessonProgress();
    expect(later.of('backup-mx-etrn')).toEqual({
      step: 3,
      exercises: { 'quiz-new-connection': 'right', 'task-etrn-early': 'tried' },
    });
  });

  test('an answer keeps its first result; a task its best: solved over shown over tried', () => {
    const progress = new LessonProgress({});
    progress.record('l', 'q', 'right', 0);
    progress.record('l', 'q', 'wrong', 1);
    progress.record('l', 't', 'solved');
    progress.record('l', 't', 'tried');
    progress.record('l', 'p', 'wrong', 250);
    progress.record('l', 'p', 'right', 220);
    progress.record('l', 's', 'tried');
    progress.record('l', 's', 'shown');
    progress.record('l', 's', 'tried');
    progress.record('l', 'u', 'shown');
    progress.record('l', 'u', 'solved');
    expect(progress.of('l')?.exercises).toEqual({
      q: 'right',
      t: 'solved',
      p: 'wrong',
      s: 'shown',
      u: 'solved',
    });
    // The first answer given is kept with it.
    expect(progress.of('l')?.answers).toEqual({ q: 0, p: 250 });
    expect(new LessonProgress().of('l')?.answers).toEqual({ q: 0, p: 250 });
  });

  test('a stored step is a whole number within reason; the index clamps it to the lesson', () => {
    for (const step of [99, 1e300, -1, 2.5, 'x']) {
      localStorage.setItem(
        PROGRESS_KEY,
        JSON.stringify({ version: 1, lessons: { l: { step, exercises: {} } } }),
      );
      const stored = new LessonProgress().of('l')?.step ?? 0;
      expect(clampStep(stored, 10)).toBeLessThanOrEqual(10);
    }
    expect(parseProgress(JSON.stringify({ version: 1, lessons: { l: { step: 1e300 } } }))).toEqual({
      l: { step: 0, exercises: {} },
    });
    expect(clampStep(99, 10)).toBe(10);
    expect(clampStep(Infinity, 10)).toBe(0);
  });

  test('reset forgets every lesson, in storage too', () => {
    const progress = new LessonProgress();
    progress.visit('a', 2);
    progress.visit('b', 1);
    progress.reset();
    expect(progress.data).toEqual({});
    expect(new LessonProgress().data).toEqual({});
  });

  test.each([
    ['not JSON', '{oops'],
    ['JSON but not an object', '[1,2,3]'],
    ['another version', JSON.stringify({ version: 2, lessons: { a: { step: 1, exercises: {} } } })],
    ['no lessons', JSON.stringify({ version: 1 })],
    ['null', 'null'],
  ])('garbage in storage (%s) is no progress', (_what, text) => {
    localStorage.setItem(PROGRESS_KEY, text);
    const progress = new LessonProgress();
    expect(progress.data).toEqual({});
    // And it is overwritten by the next change.
    progress.visit('a', 1);
    expect(parseProgress(localStorage.getItem(PROGRESS_KEY))).toEqual({
      a: { step: 1, exercises: {} },
    });
  });

  test('what does not fit inside a readable record is dropped, the rest kept', () => {
    localStorage.setItem(
      PROGRESS_KEY,
      JSON.stringify({
        version: 1,
        lessons: {
          good: { step: 2, exercises: { q: 'right', bad: 'maybe', n: 3 } },
          badStep: { step: -1, exercises: 'none' },
          fraction: { step: 1.5 },
          notRecord: 'x',
        },
      }),
    );
    expect(new LessonProgress().data).toEqual({
      good: { step: 2, exercises: { q: 'right' } },
      badStep: { step: 0, exercises: {} },
      fraction: { step: 0, exercises: {} },
    });
  });

  test('a storage that throws: progress lasts in memory', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const progress = new LessonProgress();
    expect(progress.data).toEqual({});
    progress.visit('a', 4);
    expect(progress.of('a')?.step).toBe(4);
  });
});
