// The progress as reactive state for the pages: read from the browser's storage once, written
// back on every change. Pages and the player share one instance (`lessonProgress`); tests make
// their own.
import {
  loadProgress,
  saveProgress,
  withResult,
  withStep,
  type ExerciseResult,
  type LessonRecord,
  type Progress,
} from './progress';

export class LessonProgress {
  data = $state.raw<Progress>({});

  constructor(initial: Progress = loadProgress()) {
    this.data = initial;
  }

  of(slug: string): LessonRecord | undefined {
    return this.data[slug];
  }

  visit(slug: string, step: number): void {
    if (this.data[slug]?.step === step) return;
    this.#save(withStep(this.data, slug, step));
  }

  /** Records a result (see `withResult`: a first answer stays, a task keeps its best). */
  record(slug: string, id: string, result: ExerciseResult, answer?: number): void {
    this.#save(withResult(this.data, slug, id, result, answer));
  }

  /** Forgets everything (every lesson). */
  reset(): void {
    this.#save({});
  }

  /** Reads the storage again (another tab may have written it). */
  reload(): void {
    this.data = loadProgress();
  }

  #save(next: Progress): void {
    if (next === this.data) return;
    this.data = next;
    saveProgress(next);
  }
}

let shared: LessonProgress | undefined;

/** The page's one progress store, created on first use. */
export function lessonProgress(): LessonProgress {
  shared ??= new LessonProgress();
  return shared;
}
