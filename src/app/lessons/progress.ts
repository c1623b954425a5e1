// A student's progress through the lessons, kept in the browser: per lesson the last step seen
// and the result of each exercise. Stored as JSON under a versioned key; whatever is stored is
// read with suspicion (another version, a hand edit, garbage): what does not fit is dropped.
import { readSetting, writeSetting } from '../../ui/storage';

export const PROGRESS_KEY = 'smtp-sim.lessons.progress.v1';
const VERSION = 1;

/**
 * predict and quiz: right or wrong (the first answer counts); task: solved, solved with the
 * solution shown (`shown`), or checked without success (`tried`).
 */
export type ExerciseResult = 'right' | 'wrong' | 'solved' | 'shown' | 'tried';
const RESULTS: readonly ExerciseResult[] = ['right', 'wrong', 'solved', 'shown', 'tried'];

/** Results that count as done well: the index counts only these. */
export const GOOD_RESULTS: readonly ExerciseResult[] = ['right', 'solved'];

/** No lesson has this many steps: a stored step beyond it is garbage. */
const MAX_STEP = 10_000;

export interface LessonRecord {
  /** The last step seen (0 = the intro). */
  step: number;
  exercises: Record<string, ExerciseResult>;
  /** The first answer given, by exercise id: a predict's code, a quiz's choice (file order). */
  answers?: Record<string, number>;
}

/** A stored step as a step of a lesson with `count` steps (0 = the intro). */
export function clampStep(step: number, count: number): number {
  if (!Number.isFinite(step)) return 0;
  return Math.max(0, Math.min(Math.floor(step), count));
}

export type Progress = Record<string, LessonRecord>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readLesson(value: unknown): LessonRecord | undefined {
  if (!isRecord(value)) return undefined;
  const step =
    typeof value.step === 'number' &&
    Number.isInteger(value.step) &&
    value.step >= 0 &&
    value.step <= MAX_STEP
      ? value.step
      : 0;
  const exercises: Record<string, ExerciseResult> = {};
  if (isRecord(value.exercises)) {
    for (const [id, result] of Object.entries(value.exercises)) {
      if (RESULTS.includes(result as ExerciseResult)) exercises[id] = result as ExerciseResult;
    }
  }
  const answers: Record<string, number> = {};
  if (isRecord(value.answers)) {
    for (const [id, answer] of Object.entries(value.answers)) {
      if (typeof answer === 'number' && Number.isInteger(answer) && answer >= 0 && answer < 1000)
        answers[id] = answer;
    }
  }
  return Object.keys(answers).length > 0 ? { step, exercises, answers } : { step, exercises };
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

/** A task keeps its better result: solved over shown over tried. */
const RANK: Record<ExerciseResult, number> = { wrong: 0, tried: 0, right: 1, shown: 1, solved: 2 };

/**
 * Records a result. A prediction or a question keeps its first answer (another try does not
 * change it); a task keeps the best result so far. `answer`: the choice, kept with the first.
 */
export function withResult(
  progress: Progress,
  slug: string,
  id: string,
  result: ExerciseResult,
  answer?: number,
): Progress {
  const lesson = lessonOf(progress, slug);
  const before = lesson.exercises[id];
  const answered = result === 'right' || result === 'wrong';
  if (before !== undefined && (answered || RANK[before] >= RANK[result])) return progress;
  const next: LessonRecord = { ...lesson, exercises: { ...lesson.exercises, [id]: result } };
  if (answer !== undefined) next.answers = { ...lesson.answers, [id]: answer };
  return { ...progress, [slug]: next };
}
