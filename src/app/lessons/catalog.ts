// The lessons in the browser: every lessons/NN-slug/*.md and *.json file bundled as text, parsed
// once by the core (the same parser `smtp-sim lesson check` and the build use).
import { parseLibrary } from '../../core/lesson/library';
import type { Lesson, LessonError } from '../../core/lesson/types';

const lessonFiles = import.meta.glob<string>('/lessons/*/*.{md,json}', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const teacherFiles = import.meta.glob<string>('/lessons/teachers.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});

let library: { lessons: Lesson[]; errors: LessonError[] } | undefined;

/** Every valid lesson, sorted by number, and the problems of the others. */
export function loadLessons(): { lessons: Lesson[]; errors: LessonError[] } {
  library ??= parseLibrary(
    Object.fromEntries(
      Object.entries(lessonFiles).map(([path, text]) => [path.slice('/lessons/'.length), text]),
    ),
  );
  return library;
}

/** The teacher's page (lessons/teachers.md), '' when there is none. */
export function teacherPage(): string {
  return teacherFiles['/lessons/teachers.md'] ?? '';
}
