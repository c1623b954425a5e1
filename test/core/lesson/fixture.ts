// The fixture lesson (test/fixtures/lessons/01-fixture-basics) as files, to parse as it is or
// after breaking one thing.
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parseLesson } from '../../../src/core/lesson/parse';
import type { Lesson, LessonError } from '../../../src/core/lesson/types';
import { readLessonFiles } from '../../../src/node/lessons';

export const FIXTURE_DIR = fileURLToPath(
  new URL('../../fixtures/lessons/01-fixture-basics', import.meta.url),
);
export const FIXTURE = '01-fixture-basics';

export function fixtureFiles(): Record<string, string> {
  return readLessonFiles(FIXTURE_DIR);
}

export function fixtureLesson(): Lesson {
  const result = parseLesson(FIXTURE, fixtureFiles());
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.lesson;
}

/** The fixture with `file` changed by `edit` (text in, text out). */
export function editedFiles(file: string, edit: (text: string) => string): Record<string, string> {
  const files = fixtureFiles();
  const text = files[file];
  if (text === undefined) throw new Error(`no ${file} in the fixture`);
  const edited = edit(text);
  if (edited === text) throw new Error(`the edit of ${file} changed nothing`);
  files[file] = edited;
  return files;
}

/** The fixture with exercises.json changed as JSON. */
export function editedExercises(edit: (json: { exercises: Record<string, unknown>[] }) => void) {
  return editedFiles('exercises.json', (text) => {
    const json = JSON.parse(text) as { exercises: Record<string, unknown>[] };
    edit(json);
    return JSON.stringify(json, null, 2);
  });
}

/** The errors of parsing `files`, which must not parse. */
export function parseErrors(files: Record<string, string>, folder = FIXTURE): LessonError[] {
  const result = parseLesson(folder, files);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}
