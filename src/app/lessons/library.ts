// The lessons of the site (parsed once by the catalog), and one of them by its slug.
import type { Lesson, LessonError } from '../../core/lesson/types';
import { loadLessons } from './catalog';

export function lessonLibrary(): { lessons: Lesson[]; errors: LessonError[] } {
  return loadLessons();
}

export function findLesson(slug: string): Lesson | undefined {
  return loadLessons().lessons.find((lesson) => lesson.slug === slug);
}
