// lessons/ on disk: each NN-slug folder's lesson.md and .json files, read into the shape the
// browser's glob gives, then parsed and checked by the core.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkLesson } from '../core/lesson/check';
import { clashes } from '../core/lesson/library';
import { parseLesson, type ParseLessonResult } from '../core/lesson/parse';
import type { Lesson, LessonError } from '../core/lesson/types';

/** The lesson folders under `root` (directories only; README.md and teachers.md are not lessons). */
export function lessonFolders(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => join(root, entry.name))
    .sort();
}

/** The files a lesson is made of, by name: lesson.md and every other .md or .json file. */
export function readLessonFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (!/\.(md|json)$/.test(name) || !statSync(join(dir, name)).isFile()) continue;
    files[name] = readFileSync(join(dir, name), 'utf8');
  }
  return files;
}

export function loadLessonFolder(dir: string): ParseLessonResult {
  return parseLesson(basename(dir), readLessonFiles(dir));
}

export interface LessonReport {
  dir: string;
  lesson?: Lesson;
  errors: LessonError[];
}

/** Parses and checks one lesson folder: every problem, or none and the lesson. */
export function checkLessonFolder(dir: string): LessonReport {
  const parsed = loadLessonFolder(dir);
  if (!parsed.ok) return { dir, errors: parsed.errors };
  return { dir, lesson: parsed.lesson, errors: checkLesson(parsed.lesson) };
}

/** Every lesson under `root`, checked, plus problems between lessons (same number or slug). */
export function checkLessonsDir(root: string): { reports: LessonReport[]; errors: LessonError[] } {
  const reports = lessonFolders(root).map(checkLessonFolder);
  const lessons = reports.flatMap((r) => (r.lesson ? [r.lesson] : []));
  const errors = [...reports.flatMap((r) => r.errors), ...clashes(lessons)];
  return { reports, errors };
}

/** One line per problem: `lessons/08-x/lesson.md: step 3 (…) at: no line containing …`. */
export function formatLessonError(root: string, error: LessonError): string {
  return `${join(root, error.file)}: ${error.where}: ${error.message}`;
}
