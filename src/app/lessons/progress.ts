// A student's progress through the lessons, kept in the browser: per lesson the last step seen
// and the result of each exercise. Stored as JSON under a versioned key; whatever is stored is
// read with suspicion (another version, a hand edit, garbage): what does not fit is dropped.
import { readSetting, writeSetting } from '../../ui/storage';

export const PROGRESS_KEY = 'smtp-sim.lessons.progress.v1';
const VERSION = 1;

/** predict and quiz: right or wrong; task: solved, or checked without success. */
export type ExerciseResult = 'right' | 'wrong' | 'solved' | 'tried';
const RESULTS: readonly ExerciseResult[] = ['right', 'wrong', 'solved', 'tried'];

export interface LessonRecord {
  /** The last step seen (0 = the intro). */
  step: number;
  exercises: Record<string, ExerciseResult>;
}

export type Progress = Record<string, LessonRecord>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readLesson(value: unknown): LessonRecord | undefined {
  if (!isRecord(value)) return undefined;
  const step =
    typeof value.step === 'number' && Number.isInteger(value.step) && value.step >= 0
      ? value.step
      : 0;
  const exercises: Record<string, ExerciseResult> = {};
  if (isRecord(value.exercises)) {
    for (const [id, result] of Object.entries(value.exercises)) {
      if (RESULTS.includes(result as ExerciseResult)) exercises[id] = result as ExerciseResult;
    }
  }
  return { step, exercises };
}

/** The progress in stored text; nothing (or anything unreadable) is no progress. */
export function parseProgress(text: string | null): Progress {
  if (text === null) return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {};
  }
  if (!isRecord(data) || data.version !== VERSION || !isRecord(data.lessons)) return {};
  const progress: Progress = {};
  for (const [slug, value] of Object.entries(data.lessons)) {
    const lesson = readLesson(value);
    if (lesson) progress[slug] = lesson;
  }
  return progress;
}

export function serializeProgress(progress: Progress): string {
  return JSON.stringify({ version: VERSION, lessons: progress });
}

export function loadProgress(): Progress {
  return parseProgress(readSetting(PROGRESS_KEY));
}

export function saveProgress(progress: Progress): void {
  writeSetting(PROGRESS_KEY, serializeProgress(progress));
}

const lessonOf = (progress: Progress, slug: string): LessonRecord =>
  progress[slug] ?? { step: 0, exercises: {} };

export function withStep(progress: Progress, slug: string, step: number): Progress {
  return { ...progress, [slug]: { ...lessonOf(progress, slug), step } };
}

/** A better result is kept: right over wrong, solved over tried. */
const RANK: Record<ExerciseResult, number> = { wrong: 0, tried: 0, right: 1, solved: 1 };

export function withResult(
  progress: Progress,
  slug: string,
  id: string,
  result: ExerciseResult,
): Progress {
  const lesson = lessonOf(progress, slug);
  const before = lesson.exercises[id];
  if (before !== undefined && RANK[before] > RANK[result]) return progress;
  return { ...progress, [slug]: { ...lesson, exercises: { ...lesson.exercises, [id]: result } } };
}
