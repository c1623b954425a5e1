// All lessons at once, from their files keyed `NN-slug/file` (how the browser's glob and the Node
// reader both see lessons/): parsed, sorted by number, with problems across lessons.
import { parseLesson } from './parse';
import type { Lesson, LessonError } from './types';

export function parseLibrary(files: Record<string, string>): {
  lessons: Lesson[];
  errors: LessonError[];
} {
  const folders = new Map<string, Record<string, string>>();
  for (const [path, text] of Object.entries(files)) {
    const slash = path.indexOf('/');
    const folder = path.slice(0, slash);
    const name = path.slice(slash + 1);
    const entry = folders.get(folder) ?? {};
    entry[name] = text;
    folders.set(folder, entry);
  }
  const lessons: Lesson[] = [];
  const errors: LessonError[] = [];
  for (const [folder, folderFiles] of [...folders].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const result = parseLesson(folder, folderFiles);
    if (result.ok) lessons.push(result.lesson);
    else errors.push(...result.errors);
  }
  lessons.sort((a, b) => a.order - b.order || (a.folder < b.folder ? -1 : 1));
  return { lessons, errors: [...errors, ...clashes(lessons)] };
}

/** Two lessons with the same number or the same slug: the course order and links would be unclear. */
export function clashes(lessons: readonly Lesson[]): LessonError[] {
  const errors: LessonError[] = [];
  const byOrder = new Map<number, string>();
  const bySlug = new Map<string, string>();
  for (const lesson of lessons) {
    const sameOrder = byOrder.get(lesson.order);
    const sameSlug = bySlug.get(lesson.slug);
    if (sameOrder !== undefined) {
      errors.push({
        file: lesson.folder,
        where: 'folder name',
        message: `${sameOrder} has the same number`,
      });
    }
    if (sameSlug !== undefined) {
      errors.push({
        file: lesson.folder,
        where: 'folder name',
        message: `${sameSlug} has the same slug`,
      });
    }
    byOrder.set(lesson.order, lesson.folder);
    bySlug.set(lesson.slug, lesson.folder);
  }
  return errors;
}
