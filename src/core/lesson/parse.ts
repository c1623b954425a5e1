// A lesson folder's files (name → text) into a Lesson, or every problem found, each naming the
// file (relative to lessons/) and the field or line.
import { findJsonSyntaxError } from '../scenario/jsonText';
import { isObject, Issues } from '../scenario/messages';
import type { Scenario } from '../scenario/types';
import { parseScenarioText, validateScenario } from '../scenario/validate';
import { stepName, toLessonErrors } from './errors';
import { readExercisesFile } from './exercisesFile';
import { readLessonMd, type LessonMd } from './lessonMd';
import { REVEAL_MARKER } from './sections';
import { applySolution, SolutionError } from './solution';
import type { Exercise, Lesson, LessonError, TaskExercise } from './types';

export type ParseLessonResult = { ok: true; lesson: Lesson } | { ok: false; errors: LessonError[] };

export const FOLDER_NAME = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

type ScenarioFile = { scenario: Scenario; json: unknown };

export function parseLesson(folder: string, files: Record<string, string>): ParseLessonResult {
  const errors: LessonError[] = [];
  const at = (name: string) => `${folder}/${name}`;
  const folderMatch = FOLDER_NAME.exec(folder);
  if (folderMatch === null) {
    errors.push({
      file: folder,
      where: 'folder name',
      message:
        'expected NN-slug: two digits, "-", then lowercase words joined by "-" (like 08-backup-mx-etrn)',
    });
  }
  const names = Object.keys(files).sort();
  for (const name of names) {
    if (name !== 'lesson.md' && !name.endsWith('.json')) {
      errors.push({
        file: at(name),
        where: 'the whole file',
        message: 'a lesson folder holds lesson.md and .json files only',
      });
    }
  }
  for (const required of ['lesson.md', 'scenario.json']) {
    if (files[required] === undefined) {
      errors.push({
        file: at(required),
        where: 'the whole file',
        message: 'the file is missing; every lesson needs one',
      });
    }
  }

  const scenarios = new Map<string, ScenarioFile>();
  for (const name of names.filter((n) => n.endsWith('.json') && n !== 'exercises.json')) {
    const loaded = readScenarioFile(at(name), files[name] as string, errors);
    if (loaded) scenarios.set(name, loaded);
  }
  const main = scenarios.get('scenario.json');
  const hostsOf = (file: string | undefined) =>
    scenarios.get(file ?? 'scenario.json')?.scenario.hosts.map((h) => h.name);

  const md =
    files['lesson.md'] === undefined
      ? undefined
      : readLessonMd(at('lesson.md'), files['lesson.md'], hostsOf(undefined), errors);

  let exercises: Exercise[] = [];
  // Without exercises.json there are none; with a broken one, its own errors say enough.
  let exercisesKnown = files['exercises.json'] === undefined;
  let rawExercises: unknown = { exercises: [] };
  if (files['exercises.json'] !== undefined) {
    rawExercises = readJson(at('exercises.json'), files['exercises.json'], errors);
    if (rawExercises !== undefined) {
      const issues = new Issues();
      const list = readExercisesFile(rawExercises, { files: names, hostsOf }, issues);
      errors.push(...toLessonErrors(at('exercises.json'), issues.errors));
      exercisesKnown = list !== undefined && issues.errors.length === 0;
      if (list !== undefined && exercisesKnown) exercises = list;
    }
  }

  if (md !== undefined) errors.push(...crossReferences(folder, md, exercises, exercisesKnown));
  for (const ex of exercises) {
    if (ex.kind === 'task')
      errors.push(...solutionProblems(folder, exercises.indexOf(ex), ex, scenarios));
  }
  const used = scenarioNames(rawExercises);
  for (const name of scenarios.keys()) {
    if (name !== 'scenario.json' && used !== undefined && !used.includes(name)) {
      errors.push({
        file: at(name),
        where: 'the whole file',
        message: 'no task starts from this scenario (name it in a task\'s "scenario")',
      });
    }
  }

  if (errors.length > 0 || folderMatch === null || md?.meta === undefined || main === undefined) {
    return { ok: false, errors };
  }
  const taskScenarios = Object.fromEntries(
    [...scenarios].filter(([name]) => name !== 'scenario.json'),
  );
  return {
    ok: true,
    lesson: {
      slug: folderMatch[2] as string,
      order: Number(folderMatch[1]),
      folder,
      meta: md.meta,
      intro: md.intro,
      steps: md.steps,
      scenario: main.scenario,
      scenarioJson: main.json,
      exercises,
      taskScenarios,
    },
  };
}

/** The `scenario` files exercises.json names, read from the JSON even when it has mistakes. */
function scenarioNames(raw: unknown): string[] | undefined {
  if (!isObject(raw) || !Array.isArray(raw.exercises)) return undefined;
  return raw.exercises.flatMap((e: unknown) =>
    isObject(e) && typeof e.scenario === 'string' ? [e.scenario] : [],
  );
}

function readJson(file: string, text: string, errors: LessonError[]): unknown {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(source) as unknown;
  } catch (e) {
    const where = findJsonSyntaxError(source);
    errors.push(
      where === undefined
        ? { file, where: 'the whole file', message: e instanceof Error ? e.message : String(e) }
        : { file, where: `line ${where.line}, column ${where.column}`, message: where.message },
    );
    return undefined;
  }
}

function readScenarioFile(
  file: string,
  text: string,
  errors: LessonError[],
): ScenarioFile | undefined {
  const result = parseScenarioText(text);
  if (!result.ok) {
    errors.push(...toLessonErrors(file, result.errors));
    return undefined;
  }
  return { scenario: result.scenario, json: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
}

/** Steps name defined exercises, every exercise is offered, predictions sit at a server reply,
 *  only a step with a prediction hides text until the answer. */
function crossReferences(
  folder: string,
  { steps, offered: named, reveals }: LessonMd,
  exercises: readonly Exercise[],
  exercisesKnown: boolean,
): LessonError[] {
  const errors: LessonError[] = [];
  const byId = new Map(exercises.map((e) => [e.id, e]));
  for (const step of steps) {
    step.exercises.forEach((id, i) => {
      const ex = byId.get(id);
      const where = `${stepName(step)} exercises[${i}]`;
      if (ex === undefined) {
        if (exercisesKnown) {
          errors.push({
            file: `${folder}/lesson.md`,
            where,
            message: `no exercise has the id ${JSON.stringify(id)} in exercises.json`,
          });
        }
        return;
      }
      if (ex.kind === 'predict' && !(step.at.kind === 'line' && step.at.dir === 'S')) {
        errors.push({
          file: `${folder}/lesson.md`,
          where,
          message: `${JSON.stringify(id)} is a predict exercise: the step's at must select a server reply, like { line: "250 ", dir: S }`,
        });
      }
    });
    const reveal = reveals.get(step.number);
    const predicts = step.exercises.some((id) => byId.get(id)?.kind === 'predict');
    // With unknown exercises (a broken exercises.json), their own errors say enough.
    if (reveal !== undefined && !predicts && exercisesKnown) {
      errors.push({
        file: `${folder}/lesson.md`,
        where: `${stepName(step)}, line ${reveal}`,
        message: `only a step with a predict exercise can hide text until the answer: remove the ${REVEAL_MARKER} line, or offer a predict exercise here`,
      });
    }
  }
  const offered = new Set(named);
  exercises.forEach((ex, i) => {
    if (!offered.has(ex.id)) {
      errors.push({
        file: `${folder}/exercises.json`,
        where: `exercises[${i}]`,
        message: `no step offers ${JSON.stringify(ex.id)} (add it to a step's exercises: [...])`,
      });
    }
  });
  return errors;
}

/** The solution applies to the task's start and gives a valid scenario. */
function solutionProblems(
  folder: string,
  index: number,
  task: TaskExercise,
  scenarios: ReadonlyMap<string, ScenarioFile>,
): LessonError[] {
  const start = scenarios.get(task.scenario ?? 'scenario.json');
  if (start === undefined) return [];
  const file = `${folder}/exercises.json`;
  const where = `exercises[${index}].solution`;
  let solved: unknown;
  try {
    solved = applySolution(start.json, task.solution);
  } catch (e) {
    if (!(e instanceof SolutionError)) throw e;
    return [{ file, where, message: e.message }];
  }
  const result = validateScenario(solved);
  if (result.ok) return [];
  return result.errors.map((e) => ({
    file,
    where,
    message: `applied to ${task.scenario ?? 'scenario.json'}, it gives a broken scenario: ${e.message}`,
  }));
}
