// A lesson: prose bound to points of a simulated trace, plus exercises that check themselves.
// The files a teacher writes (lessons/NN-slug/lesson.md, scenario.json, exercises.json) are
// described in lessons/README.md; `parseLesson` turns them into these shapes or into errors that
// name the file and the field.
import type { EventAction, ExpectCheck, Scenario } from '../scenario/types';
import type { CheckResult } from '../trace/types';

/** Where something is wrong: the file (relative to lessons/), the place in it, and what. */
export interface LessonError {
  file: string;
  /** A field path (`objectives[1]`, `exercises[2].choices`) or `line 14`. */
  where: string;
  message: string;
}

/** The front matter of lesson.md. */
export interface LessonMeta {
  title: string;
  summary: string;
  /** How long the lesson takes in class, in minutes. */
  minutes: number;
  objectives: string[];
  /** RFC references, like "RFC 5321 §4.2" or "RFC 1985". */
  references: string[];
}

/**
 * The point of the trace a step shows: the first event after the previous step's point that
 * matches (the `nth` match, from 1). `start` is before anything happened, `end` after everything.
 */
export type StepSelector =
  | { kind: 'start' }
  | { kind: 'end' }
  | {
      kind: 'line';
      /** Part of the line's text (`ETRN b.example`, `250 2.0.0 Ok`). */
      text: string;
      dir?: 'C' | 'S';
      /** The host that sent the line. */
      from?: string;
      nth: number;
    }
  | { kind: 'deliver'; mailbox: string; nth: number }
  | {
      kind: 'queue';
      action: 'enqueue' | 'attempt' | 'defer' | 'deliver' | 'bounce' | 'warn' | 'expire';
      host?: string;
      nth: number;
    }
  | {
      kind: 'connect';
      /** The host connected to. */
      to: string;
      from?: string;
      result?: 'open' | 'refused' | 'timeout';
      nth: number;
    }
  | { kind: 'close'; by?: string; nth: number }
  | { kind: 'dns'; name: string; type?: string; host?: string; nth: number }
  | { kind: 'note'; text: string; nth: number }
  | { kind: 'host'; host: string; up: boolean; nth: number }
  | { kind: 'link'; between: [string, string]; up: boolean; nth: number };

/** What the views point at while a step is shown. */
export type Highlight =
  | { kind: 'event' } // the selected event (default)
  | { kind: 'connection' } // the whole connection of the selected line
  | { kind: 'host'; host: string }
  | { kind: 'none' };

/** Panels of the simulator a step may open (the ids of src/ui/sim/layout/panels.ts). */
export const STEP_PANELS = [
  'transcript',
  'explain',
  'queue',
  'dns',
  'mailboxes',
  'log',
  'accounting',
  'statechart',
  'faults',
  'console',
  'send',
  'editor',
] as const;
export type StepPanel = (typeof STEP_PANELS)[number];

export interface LessonStep {
  /** From 1; the deep link is #/lessons/<slug>/<number>. */
  number: number;
  title: string;
  /** The narration, Markdown (raw HTML is shown as text). With a prediction at this step, only
   *  the part before the `<!-- reveal -->` line: it must not give the answer away. */
  body: string;
  /** The narration after the `<!-- reveal -->` line: shown once the student has predicted the
   *  reply (in print, only with the answers). Empty when the step has no such line. */
  after: string;
  at: StepSelector;
  highlight: Highlight;
  panel: StepPanel;
  /** Exercise ids (from exercises.json) offered at this step. */
  exercises: string[];
  /** lesson.md line where the step's heading is, for error messages. */
  line: number;
}

/** Predict the reply: the step points at a server reply; the student picks it before it shows. */
export interface PredictExercise {
  kind: 'predict';
  id: string;
  prompt: string;
  /** One choice per candidate reply code (codes unique). The right one is the code the
   *  simulation actually sent: the lesson never says which. */
  choices: Array<{ code: number; meaning: string; why: string }>;
}

export interface QuizExercise {
  kind: 'quiz';
  id: string;
  question: string;
  /** Exactly one is correct; every one explains itself. */
  choices: Array<{ text: string; correct: boolean; why: string }>;
}

/** Parts of the starting scenario a task may not change. */
export type KeepPart = 'hosts' | 'dns' | 'events' | 'settings';

/** Do it: change the world (type a session, inject a fault, edit the scenario) until the checks hold. */
export interface TaskExercise {
  kind: 'task';
  id: string;
  title: string;
  /** Markdown. */
  prompt: string;
  /** The scenario the task starts from: a file in the lesson folder; default the lesson's. */
  scenario?: string;
  /** Panels the student works with. */
  tools: Array<'console' | 'send' | 'faults' | 'editor'>;
  /** The `expect` vocabulary of the scenario format. */
  checks: ExpectCheck[];
  /** These parts must stay as they start (`events`: the starting events stay; new ones may be
   *  added; `settings`: seed, latency and the stop time). */
  keep: KeepPart[];
  /** Event kinds (`do`) the student may add; empty: any. */
  allow: Array<EventAction['do']>;
  hint?: string;
  /** A worked solution: shown on request, and applied by the tests. */
  solution: TaskSolution;
}

export interface TaskSolution {
  /** Markdown: what the solution does and why. */
  explain: string;
  /** Events to add (the scenario's JSON event format). */
  events: unknown[];
  /** Host keys to set, by host name (JSON as in the scenario format). */
  hosts: Record<string, Record<string, unknown>>;
  /** DNS records to add or remove (JSON as in the scenario format). */
  dns: { add: unknown[]; remove: unknown[] };
}

export type Exercise = PredictExercise | QuizExercise | TaskExercise;

export interface Lesson {
  /** The folder name without its number: `lessons/08-backup-mx-etrn` → `backup-mx-etrn`. */
  slug: string;
  /** The folder's number (its place in the course). */
  order: number;
  folder: string;
  meta: LessonMeta;
  /** Markdown shown before step 1. */
  intro: string;
  steps: LessonStep[];
  scenario: Scenario;
  /** The scenario as written (JSON), for the sandbox and the editor. */
  scenarioJson: unknown;
  exercises: Exercise[];
  /** Other scenario files a task starts from, validated, by file name. */
  taskScenarios: Record<string, { scenario: Scenario; json: unknown }>;
}

/** A step's place in the trace: the cursor (number of events applied) and the event shown. */
export interface ResolvedStep {
  step: LessonStep;
  /** The cursor: events[0 .. cursor) have happened. */
  cursor: number;
  /** Trace index of the selected event (cursor - 1), absent for `start`. */
  index?: number;
}

export interface TaskVerdict {
  ok: boolean;
  /** Broken rules (`keep`, `allow`), in words; empty when none. */
  rules: string[];
  checks: CheckResult[];
}
