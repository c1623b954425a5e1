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
import { consoleFor } from '../../ui/sim/edit/console/simConsole.svelte';
import { editorFor } from '../../ui/sim/edit/form/editorModel.svelte';
import { Simulator } from '../simulator/simulator.svelte';
import { selectionFor } from './highlight';
import { lessonPath } from './links';
import { clampStep, type ExerciseResult } from './progress';
import { lessonProgress, type LessonProgress } from './progressStore.svelte';
import { choiceOrder } from './shuffle';

/** A predict or quiz exercise answered: indices into its choices (the file's order). */
export interface Answer {
  ok: boolean;
  chosen: number;
  right: number;
  /** The answer recorded before (a lesson opened again): shown as it was given. */
  recorded?: boolean;
  /** Another try after the first answer: the progress keeps the first one. */
  again?: boolean;
}

type Tool = TaskExercise['tools'][number];

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
  /** "Check" was pressed with changes in the editor that are not applied yet. */
  unapplied?: boolean;
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
  /** The student tried to step onto the reply that is still to be predicted. */
  held = $state(false);

  #base: Simulation | undefined;
  /** Exercises answered again (after "Try again") on this page. */
  #retried: string[] = [];
  #seed: string | undefined;

  constructor(lesson: Lesson, options: PlayerOptions & { seed?: string } = {}) {
    this.lesson = lesson;
    this.sim = options.sim ?? new Simulator();
    this.progress = options.progress ?? lessonProgress();
    this.#seed = options.seed;
    this.#loadLesson();
    this.#restore();
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

  /** The order to show an exercise's choices in: shuffled for this browser, stable. */
  order(ex: PredictExercise | QuizExercise): number[] {
    return choiceOrder(this.slug, ex.id, ex.choices.length, this.#seed);
  }

  /** The result recorded for an exercise (the first answer, or a task's best). */
  recorded(id: string): ExerciseResult | undefined {
    return this.progress.of(this.slug)?.exercises[id];
  }

  /** Every exercise of step `n` has a final result recorded (a task: solved, or with the
   *  solution shown). Steps without exercises are never "done". */
  done(n: number): boolean {
    const ids = this.lesson.steps[n - 1]?.exercises ?? [];
    if (ids.length === 0) return false;
    return ids.every((id) => {
      const result = this.recorded(id);
      return result !== undefined && result !== 'tried';
    });
  }

  /** The scenario editor holds changes that are not applied to the simulator yet. */
  get unappliedEdits(): boolean {
    return editorFor(this.sim).dirty;
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
    const n = clampStep(Math.round(step), this.count);
    this.task = undefined;
    this.held = false;
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
    this.held = false;
    this.#answer(
      ex,
      {
        ok: result.ok,
        chosen: ex.choices.findIndex((c) => c.code === code),
        right: ex.choices.findIndex((c) => c.code === actual),
      },
      code,
    );
    // The reply appears once every prediction here is made.
    if (!this.predicting) this.#show();
  }

  answerQuiz(id: string, index: number): void {
    const ex = this.#exercise(id, 'quiz');
    if (!ex || this.answers[id]) return;
    const result = checkQuiz(ex, index);
    this.#answer(
      ex,
      { ok: result.ok, chosen: index, right: ex.choices.findIndex((c) => c.correct) },
      index,
    );
  }

  /** Answer a prediction or question again: the first answer stays recorded. */
  retry(id: string): void {
    const ex = this.exercises.find((e) => e.id === id);
    if (!ex || ex.kind === 'task' || !this.answers[id]) return;
    const { [id]: _gone, ...rest } = this.answers;
    this.answers = rest;
    if (!this.#retried.includes(id)) this.#retried.push(id);
    // A prediction hides its reply again.
    if (ex.kind === 'predict') this.#show();
  }

  /**
   * While a prediction is open the simulator may not show the reply: a cursor that moved onto it
   * (a key, a button, playback) is put back just before it. True when it had to.
   */
  holdBeforeReply(): boolean {
    if (!this.predicting || this.task || this.sim.simulation !== this.#base) return false;
    if (this.sim.cursor <= this.target) return false;
    this.sim.pause();
    this.sim.seek(this.target);
    this.held = true;
    return true;
  }

  /** Loads the task's starting world, fresh tools (console, editor), and opens its first tool
   *  (or `tool`). */
  startTask(id: string, tool?: Tool): void {
    const ex = this.#exercise(id, 'task');
    if (!ex) return;
    const start = taskStart(this.lesson, ex);
    const problems = this.#loadWorld(start.json);
    this.#freshTools();
    this.held = false;
    this.task = { id, start, hint: false, solution: false, solutionLoaded: false, problems };
    const open = tool && ex.tools.includes(tool) ? tool : ex.tools[0];
    if (open) this.panel = open;
  }

  /** The task at this step that works with `panel`, not started yet. */
  taskFor(panel: PanelId): TaskExercise | undefined {
    if (this.task) return undefined;
    return this.exercises.find(
      (e): e is TaskExercise => e.kind === 'task' && e.tools.includes(panel as Tool),
    );
  }

  /** The student opened a panel: a task's tool starts the task (the tool then works on its
   *  world, not on the lesson's). */
  panelOpened(panel: PanelId): void {
    const ex = this.taskFor(panel);
    if (ex) this.startTask(ex.id, panel as Tool);
  }

  /** Opens a panel of the simulator (a task's tool). */
  openPanel(panel: PanelId): void {
    this.panel = panel;
  }

  /**
   * Judges the world as it is now (the running scenario, changes included). With changes in the
   * editor not applied yet it does not judge but says so, unless `anyway`.
   */
  checkTask(anyway = false): void {
    const run = this.task;
    const ex = run && this.#exercise(run.id, 'task');
    if (!run || !ex) return;
    if (!anyway && this.unappliedEdits) {
      this.task = { ...run, verdict: undefined, unapplied: true };
      return;
    }
    const verdict = checkTask(ex, run.start.json, this.sim.exportJson());
    this.task = { ...run, verdict, unapplied: false };
    const helped = run.solution || run.solutionLoaded;
    this.progress.record(this.slug, ex.id, !verdict.ok ? 'tried' : helped ? 'shown' : 'solved');
  }

  /** Applies the editor's changes to the simulator, then checks; false when they have errors. */
  applyAndCheck(): boolean {
    if (!editorFor(this.sim).apply(this.sim)) return false;
    this.checkTask(true);
    return true;
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
    this.#freshTools();
    this.task = {
      ...run,
      verdict: undefined,
      unapplied: false,
      solutionLoaded: problems.length === 0,
      problems,
    };
  }

  /** The task's starting world again, the verdict forgotten. */
  restartTask(): void {
    const run = this.task;
    if (!run) return;
    const problems = this.#loadWorld(run.start.json);
    this.#freshTools();
    this.task = { ...run, verdict: undefined, unapplied: false, solutionLoaded: false, problems };
  }

  /** A new world in the simulator: the console starts with no session, the editor with it. */
  #freshTools(): void {
    consoleFor(this.sim).reset();
    editorFor(this.sim).load(this.sim.source);
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

  #answer(ex: Exercise, answer: Answer, chosen: number): void {
    // Another try, or an answer recorded before without its choice (an older record).
    const again = this.#retried.includes(ex.id) || this.recorded(ex.id) !== undefined;
    this.answers = { ...this.answers, [ex.id]: { ...answer, again } };
    this.progress.record(this.slug, ex.id, answer.ok ? 'right' : 'wrong', chosen);
  }

  /** The answers recorded before, shown again (a predict's reply is then not hidden). */
  #restore(): void {
    const record = this.progress.of(this.slug);
    if (!record?.answers) return;
    const answers: Record<string, Answer> = {};
    for (const ex of this.lesson.exercises) {
      const given = record.answers[ex.id];
      if (given === undefined || record.exercises[ex.id] === undefined) continue;
      if (ex.kind === 'quiz') {
        if (!ex.choices[given]) continue;
        const right = ex.choices.findIndex((c) => c.correct);
        answers[ex.id] = { ok: given === right, chosen: given, right, recorded: true };
      } else if (ex.kind === 'predict') {
        const resolved = this.steps.find((r) => r.step.exercises.includes(ex.id));
        const chosen = ex.choices.findIndex((c) => c.code === given);
        if (!resolved || chosen < 0) continue;
        const actual = predictAnswer(this.trace, resolved);
        const right = ex.choices.findIndex((c) => c.code === actual);
        answers[ex.id] = { ok: chosen === right, chosen, right, recorded: true };
      }
    }
    this.answers = answers;
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
    if (this.sim.simulation !== this.#base) {
      this.#loadLesson();
      this.#freshTools();
    }
    this.sim.pause();
    this.sim.seek(this.target);
    const step = this.step;
    // While predicting, the reply is not shown: point at what came just before it.
    const index = this.target > 0 ? this.target - 1 : undefined;
    const event = index === undefined ? undefined : this.trace[index];
    this.sim.select(step ? selectionFor(step.highlight, event, index) : {});
    // A task's tool opens with the task: before "Start" it would work on the lesson's world.
    const panel = step?.panel ?? 'transcript';
    this.panel = this.taskFor(panel) ? 'transcript' : panel;
  }
}
