// The lesson player's state: one lesson, the simulator running its scenario, the step shown
// (0 = the intro), the answers given and the task being worked on. The page reads from here and
// every command (move to a step, answer, start or check a task) is a method. Moving to a step
// seeks the simulator to the step's point of the trace, selects what the step highlights and opens
// its panel; the student may scrub freely afterwards and come back with `backToStep`.
import {
  applySolution,
  checkPredict,
  checkQuiz,
  checkTask,
  predictAnswer,
  taskStart,
} from '../../core/lesson/exercises';
import { resolveSteps, stepExcerpt } from '../../core/lesson/steps';
import type {
  Exercise,
  Lesson,
  LessonError,
  LessonStep,
  PredictExercise,
  QuizExercise,
  ResolvedStep,
  TaskExercise,
  TaskVerdict,
} from '../../core/lesson/types';
import type { Scenario } from '../../core/scenario/types';
import type { TraceEvent } from '../../core/trace/types';
import type { Simulation } from '../../core/world/simulate';
import type { PanelId } from '../../ui/sim/layout/panels';
import { Simulator } from '../simulator/simulator.svelte';
import { selectionFor } from './highlight';
import { lessonPath } from './links';
import { lessonProgress, type LessonProgress } from './progressStore.svelte';

/** A predict or quiz exercise answered: indices into its choices. */
export interface Answer {
  ok: boolean;
  chosen: number;
  right: number;
}

/** The task being worked on at the current step. */
export interface TaskRun {
  id: string;
  start: { scenario: Scenario; json: unknown };
  verdict?: TaskVerdict;
  hint: boolean;
  solution: boolean;
  /** The solution is the world in the simulator now. */
  solutionLoaded: boolean;
  /** Why the task's world (or its solution) could not be loaded. */
  problems: string[];
}

export interface PlayerOptions {
  sim?: Simulator;
  progress?: LessonProgress;
  /** The step to open (0 = the intro). */
  step?: number;
}

export class LessonPlayer {
  readonly lesson: Lesson;
  readonly sim: Simulator;
  readonly progress: LessonProgress;

  /** The lesson's trace and its steps placed on it (empty when a step cannot be placed). */
  trace = $state.raw<readonly TraceEvent[]>([]);
  steps = $state.raw<ResolvedStep[]>([]);
  errors = $state.raw<LessonError[]>([]);
  /** The step shown: 0 is the intro, 1 … count the steps. */
  current = $state(0);
  panel = $state<PanelId>('transcript');
  answers = $state.raw<Record<string, Answer>>({});
  task = $state.raw<TaskRun | undefined>(undefined);

  #base: Simulation | undefined;

  constructor(lesson: Lesson, options: PlayerOptions = {}) {
    this.lesson = lesson;
    this.sim = options.sim ?? new Simulator();
    this.progress = options.progress ?? lessonProgress();
    this.#loadLesson();
    this.goTo(options.step ?? 0);
  }

  get slug(): string {
    return this.lesson.slug;
  }

  get count(): number {
    return this.lesson.steps.length;
  }

  /** The step shown, or undefined on the intro. */
  get step(): LessonStep | undefined {
    return this.current > 0 ? this.lesson.steps[this.current - 1] : undefined;
  }

  get resolved(): ResolvedStep | undefined {
    return this.current > 0 ? this.steps[this.current - 1] : undefined;
  }

  /** The address of the step shown. */
  get path(): string {
    return lessonPath(this.slug, this.current);
  }

  /** The exercises offered at the step shown, in the step's order. */
  get exercises(): Exercise[] {
    const ids = this.step?.exercises ?? [];
    return ids.flatMap((id) => this.lesson.exercises.filter((e) => e.id === id));
  }

  /** A predict exercise here is still open: the reply it asks for is not shown yet. */
  get predicting(): boolean {
    return this.exercises.some((e) => e.kind === 'predict' && !this.answers[e.id]);
  }

  /** The cursor the step shows: its event just happened, or just before it while predicting. */
  get target(): number {
    const resolved = this.resolved;
    if (!resolved) return 0;
    return this.predicting ? Math.max(0, resolved.cursor - 1) : resolved.cursor;
  }

  /** The student has moved away from the step (scrubbed, or changed the world). */
  get away(): boolean {
    if (this.task) return false;
    return this.sim.simulation !== this.#base || this.sim.cursor !== this.target;
  }

  /** The trace events since the previous step, the reply still hidden while predicting. */
  get excerpt(): TraceEvent[] {
    if (this.current === 0 || this.steps.length === 0) return [];
    const events = stepExcerpt(this.trace, this.steps, this.current - 1);
    return this.predicting ? events.slice(0, -1) : events;
  }

  goTo(step: number): void {
    const n = Math.max(0, Math.min(this.count, Math.round(step)));
    this.task = undefined;
    this.current = n;
    this.#show();
    this.progress.visit(this.slug, n);
  }

  next(): void {
    if (this.current < this.count) this.goTo(this.current + 1);
  }

  prev(): void {
    if (this.current > 0) this.goTo(this.current - 1);
  }

  /** Back to the step's own point of the lesson's trace after scrubbing or changing the world. */
  backToStep(): void {
    this.#show();
  }

  answerPredict(id: string, code: number): void {
    const ex = this.#exercise(id, 'predict');
    const resolved = this.resolved;
    if (!ex || !resolved || this.answers[id]) return;
    const actual = predictAnswer(this.trace, resolved);
    const result = checkPredict(ex, actual, code);
    this.#answer(ex, {
      ok: result.ok,
      chosen: ex.choices.findIndex((c) => c.code === code),
      right: ex.choices.findIndex((c) => c.code === actual),
    });
    // The reply appears once every prediction here is made.
    if (!this.predicting) this.#show();
  }

  answerQuiz(id: string, index: number): void {
    const ex = this.#exercise(id, 'quiz');
    if (!ex || this.answers[id]) return;
    const result = checkQuiz(ex, index);
    this.#answer(ex, {
      ok: result.ok,
      chosen: index,
      right: ex.choices.findIndex((c) => c.correct),
    });
  }

  /** Loads the task's starting world and opens its first tool. */
  startTask(id: string): void {
    const ex = this.#exercise(id, 'task');
    if (!ex) return;
    const start = taskStart(this.lesson, ex);
    const problems = this.#loadWorld(start.json);
    this.task = { id, start, hint: false, solution: false, solutionLoaded: false, problems };
    const tool = ex.tools[0];
    if (tool) this.panel = tool;
  }

  /** Opens a panel of the simulator (a task's tool). */
  openPanel(panel: PanelId): void {
    this.panel = panel;
  }

  /** Judges the world as it is now (the running scenario, changes included). */
  checkTask(): void {
    const run = this.task;
    const ex = run && this.#exercise(run.id, 'task');
    if (!run || !ex) return;
    const verdict = checkTask(ex, run.start.json, this.sim.exportJson());
    this.task = { ...run, verdict };
    this.progress.record(this.slug, ex.id, verdict.ok ? 'solved' : 'tried');
  }

  showHint(): void {
    if (this.task) this.task = { ...this.task, hint: true };
  }

  showSolution(): void {
    if (this.task) this.task = { ...this.task, solution: true };
  }

  /** Loads the worked solution into the simulator (the student may check it). */
  loadSolution(): void {
    const run = this.task;
    const ex = run && this.#exercise(run.id, 'task');
    if (!run || !ex) return;
    let problems: string[];
    try {
      problems = this.#loadWorld(applySolution(run.start.json, ex.solution));
    } catch (error) {
      problems = [error instanceof Error ? error.message : String(error)];
    }
    this.task = { ...run, verdict: undefined, solutionLoaded: problems.length === 0, problems };
  }

  /** The task's starting world again, the verdict forgotten. */
  restartTask(): void {
    const run = this.task;
    if (!run) return;
    const problems = this.#loadWorld(run.start.json);
    this.task = { ...run, verdict: undefined, solutionLoaded: false, problems };
  }

  /** Loads scenario JSON into the simulator; the validator's messages when it is not valid. */
  #loadWorld(json: unknown): string[] {
    return this.sim.loadJson(json) ? [] : this.sim.errors.map((e) => e.message);
  }

  #exercise(id: string, kind: 'predict'): PredictExercise | undefined;
  #exercise(id: string, kind: 'quiz'): QuizExercise | undefined;
  #exercise(id: string, kind: 'task'): TaskExercise | undefined;
  #exercise(id: string, kind: Exercise['kind']): Exercise | undefined {
    return this.exercises.find((e) => e.id === id && e.kind === kind);
  }

  #answer(ex: Exercise, answer: Answer): void {
    this.answers = { ...this.answers, [ex.id]: answer };
    this.progress.record(this.slug, ex.id, answer.ok ? 'right' : 'wrong');
  }

  /** Runs the lesson's scenario (again) and places the steps on its trace. */
  #loadLesson(): void {
    this.sim.loadJson(this.lesson.scenarioJson);
    this.#base = this.sim.simulation;
    this.trace = this.#base?.trace ?? [];
    const result = resolveSteps(this.lesson, this.trace);
    this.steps = result.ok ? result.steps : [];
    this.errors = result.ok ? [] : result.errors;
  }

  /** The lesson's world at the step's point, its highlight selected and its panel open. */
  #show(): void {
    if (this.sim.simulation !== this.#base) this.#loadLesson();
    this.sim.pause();
    this.sim.seek(this.target);
    const step = this.step;
    // While predicting, the reply is not shown: point at what came just before it.
    const index = this.target > 0 ? this.target - 1 : undefined;
    const event = index === undefined ? undefined : this.trace[index];
    this.sim.select(step ? selectionFor(step.highlight, event, index) : {});
    this.panel = step?.panel ?? 'transcript';
  }
}
