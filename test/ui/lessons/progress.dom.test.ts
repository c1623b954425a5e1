// @vitest-environment jsdom
// Progress in the browser's storage: written on every change under a versioned key, read back by
// a new page, reset on request; garbage, another version or a storage that throws never break it.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PROGRESS_KEY, parseProgress } from '../../../src/app/lessons/progress';
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

  test('a better result stays: right over wrong, solved over tried', () => {
    const progress = new LessonProgress({});
    progress.record('l', 'q', 'right');
    progress.record('l', 'q', 'wrong');
    progress.record('l', 't', 'solved');
    progress.record('l', 't', 'tried');
    progress.record('l', 'p', 'wrong');
    progress.record('l', 'p', 'right');
    expect(progress.of('l')?.exercises).toEqual({ q: 'right', t: 'solved', p: 'right' });
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
