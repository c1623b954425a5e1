// Exercises checking themselves: a prediction against the reply the simulation sent, a quiz against
// its correct choice, a task by running the student's scenario and judging it.
import type { TraceEvent } from '../trace/types';
import type { PredictExercise, QuizExercise, ResolvedStep } from './types';

export { applySolution, SolutionError } from './solution';
export { checkTask, runTask, taskStart } from './task';

type PredictChoice = PredictExercise['choices'][number];
type QuizChoice = QuizExercise['choices'][number];

/** The 3-digit code of the server reply line the step selects; undefined if it selects none. */
export function predictAnswer(
  trace: readonly TraceEvent[],
  resolved: ResolvedStep,
): number | undefined {
  const event = resolved.index === undefined ? undefined : trace[resolved.index];
  if (event?.type !== 'line' || event.dir !== 'S') return undefined;
  const code = /^(\d{3})(?:[ -]|$)/.exec(event.text)?.[1];
  return code === undefined ? undefined : Number(code);
}

export function checkPredict(
  ex: PredictExercise,
  /** undefined when the step selects no reply: then nothing is right. */
  actualCode: number | undefined,
  chosenCode: number,
): { ok: boolean; chosen: PredictChoice | undefined; right: PredictChoice | undefined } {
  const chosen = ex.choices.find((c) => c.code === chosenCode);
  const right =
    actualCode === undefined ? undefined : ex.choices.find((c) => c.code === actualCode);
  return { ok: chosen !== undefined && chosen === right, chosen, right };
}

export function checkQuiz(
  ex: QuizExercise,
  chosenIndex: number,
): { ok: boolean; chosen: QuizChoice | undefined; right: QuizChoice | undefined } {
  const chosen = ex.choices[chosenIndex];
  const right = ex.choices.find((c) => c.correct);
  return { ok: chosen !== undefined && chosen.correct, chosen, right };
}
