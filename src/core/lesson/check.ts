// Everything a lesson must satisfy beyond its files' shape, checked by running it: its scenario's
// checks hold and no mail is lost, every step finds its event, every prediction has exactly one
// right choice and no step tells the answer before it is predicted, every task's solution passes and
// its start does not, and the prose quotes real lines.
import { simulate } from '../world/simulate';
import type { TraceEvent } from '../trace/types';
import { stepName } from './errors';
import { applySolution, predictAnswer, runTask, SolutionError, taskStart } from './exercises';
import { giveAways } from './giveaway';
import { lintProse } from './prose';
import { resolveSteps } from './steps';
import type { Lesson, LessonError, ResolvedStep, TaskExercise, TaskVerdict } from './types';

export function checkLesson(lesson: Lesson): LessonError[] {
  const errors: LessonError[] = [];
  const run = simulate(lesson.scenario);
  const scenarioFile = `${lesson.folder}/scenario.json`;
  run.summary.expect.forEach((result, i) => {
    if (!result.ok)
      errors.push({
        file: scenarioFile,
        where: `expect[${i}]`,
        message: `fails: ${result.detail}`,
      });
  });
  if (run.summary.accounting.lost > 0) {
    errors.push({
      file: scenarioFile,
      where: 'the whole file',
      message: `${run.summary.accounting.lost} message(s) lost: the simulation must account for every message`,
    });
  }
  const resolved = resolveSteps(lesson, run.trace);
  if (!resolved.ok) errors.push(...resolved.errors);
  else {
    errors.push(...predictProblems(lesson, run.trace, resolved.steps));
    errors.push(...giveAways(lesson, run.trace, resolved.steps));
  }
  const traces: TraceEvent[][] = [run.trace];
  lesson.exercises.forEach((ex, i) => {
    if (ex.kind !== 'task') return;
    const task = taskProblems(lesson, ex, i);
    errors.push(...task.errors);
    traces.push(...task.traces);
  });
  errors.push(...lintProse(lesson, traces));
  return errors;
}

function predictProblems(
  lesson: Lesson,
  trace: readonly TraceEvent[],
  steps: readonly ResolvedStep[],
): LessonError[] {
  const errors: LessonError[] = [];
  for (const resolved of steps) {
    for (const id of resolved.step.exercises) {
      const i = lesson.exercises.findIndex((e) => e.id === id);
      const ex = lesson.exercises[i];
      if (ex?.kind !== 'predict') continue;
      const where = `exercises[${i}].choices`;
      const file = `${lesson.folder}/exercises.json`;
      const code = predictAnswer(trace, resolved);
      if (code === undefined) {
        errors.push({
          file,
          where,
          message: `${stepName(resolved.step)} does not select a reply with a code`,
        });
      } else if (!ex.choices.some((c) => c.code === code)) {
        errors.push({
          file,
          where,
          message: `the server answers ${code} at ${stepName(resolved.step)}, but no choice has that code`,
        });
      }
    }
  }
  return errors;
}

function taskProblems(
  lesson: Lesson,
  ex: TaskExercise,
  i: number,
): { errors: LessonError[]; traces: TraceEvent[][] } {
  const file = `${lesson.folder}/exercises.json`;
  const start = taskStart(lesson, ex);
  const errors: LessonError[] = [];
  const before = runTask(ex, start.json, start.json);
  if (before.verdict.ok) {
    errors.push({
      file,
      where: `exercises[${i}]`,
      message:
        'the task is solved before the student does anything: its checks already hold at the start',
    });
  }
  let solved: unknown;
  try {
    solved = applySolution(start.json, ex.solution);
  } catch (e) {
    if (!(e instanceof SolutionError)) throw e;
    return {
      errors: [...errors, { file, where: `exercises[${i}].solution`, message: e.message }],
      traces: [before.trace],
    };
  }
  const after = runTask(ex, start.json, solved);
  if (!after.verdict.ok) {
    errors.push({
      file,
      where: `exercises[${i}].solution`,
      message: `does not solve the task: ${failures(after.verdict)}`,
    });
  }
  return { errors, traces: [before.trace, after.trace] };
}

function failures(verdict: TaskVerdict): string {
  return [
    ...verdict.rules,
    ...verdict.checks.filter((c) => !c.ok).map((c) => `${JSON.stringify(c.check)}: ${c.detail}`),
  ].join('; ');
}
