// Every lesson in lessons/ (however many there are) passes the lesson suite, and no two lessons
// share a number or a slug.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clashes } from '../../src/core/lesson/library';
import { lessonFolders, loadLessonFolder } from '../../src/node/lessons';
import { describeLesson } from './lessonSuite';

const ROOT = fileURLToPath(new URL('../../lessons', import.meta.url));
const folders = existsSync(ROOT) ? lessonFolders(ROOT) : [];

describe('lessons/', () => {
  it('has no two lessons with the same number or slug', () => {
    const lessons = folders.flatMap((dir) => {
      const parsed = loadLessonFolder(dir);
      return parsed.ok ? [parsed.lesson] : [];
    });
    expect(clashes(lessons)).toEqual([]);
  });

  for (const dir of folders) describeLesson(dir);
});
