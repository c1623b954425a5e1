// exercises.json: `{ "exercises": [...] }`, each a predict, quiz or task exercise, checked in full
// with the scenario validator's toolkit (task checks and solution events with its very checks).
import { eventCheck, expectCheck, hostRef } from '../scenario/events';
import {
  Fields,
  integer,
  isObject,
  Issues,
  listOf,
  nonEmpty,
  oneOf,
  scalar,
  shape,
  show,
  flag,
  isString,
  type Check,
} from '../scenario/messages';
import { dnsRecord } from '../scenario/world';
import type { Exercise, PredictExercise, QuizExercise, TaskExercise, TaskSolution } from './types';

/** What the exercises need to know about the lesson folder. */
export interface ExerciseContext {
  /** File names in the folder. */
  files: readonly string[];
  /** Host names of a task's starting scenario (the file; undefined: scenario.json), when valid. */
  hostsOf(file: string | undefined): readonly string[] | undefined;
}

const EXERCISE_KINDS = ['predict', 'quiz', 'task'] as const;
const TOOLS = ['console', 'send', 'faults', 'editor'] as const;
const KEEP_PARTS = ['hosts', 'dns', 'events', 'settings'] as const;
const EVENT_KINDS = [
  'send',
  'down',
  'up',
  'linkDown',
  'linkUp',
  'dns',
  'etrn',
  'session',
  'note',
  'fault',
] as const;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const exerciseId = scalar('an id (lowercase letters, digits and "-")', isString, (s) =>
  ID.test(s) ? s : undefined,
);
const words = nonEmpty('a text (not empty)');
const replyCode = integer('a reply code (three digits, 200 to 599)', 200, 599);

const predictChoice = shape(
  'a choice with code, meaning and why',
  ['code', 'meaning', 'why'],
  (f) => {
    const code = f.req('code', replyCode);
    const meaning = f.req('meaning', words);
    const why = f.req('why', words);
    if (code === undefined || meaning === undefined || why === undefined) return undefined;
    return { code, meaning, why };
  },
);

const quizChoice = shape('a choice with text, correct and why', ['text', 'correct', 'why'], (f) => {
  const choiceText = f.req('text', words);
  const correct = f.req('correct', flag);
  const why = f.req('why', words);
  if (choiceText === undefined || correct === undefined || why === undefined) return undefined;
  return { text: choiceText, correct, why };
});

function atLeastTwo<T>(expected: string, item: Check<T>): Check<T[]> {
  const list = listOf(expected, item);
  return {
    expected,
    read(value, path, issues) {
      const items = list.read(value, path, issues);
      if (items !== undefined && items.length < 2) {
        return issues.report(path, `expected ${expected}, got ${items.length}`);
      }
      return items;
    },
  };
}

function readPredict(f: Fields, id: string | undefined): PredictExercise | undefined {
  f.allowOnly(['id', 'kind', 'prompt', 'choices']);
  const prompt = f.req('prompt', words);
  const choices = f.req('choices', atLeastTwo('a list of two or more choices', predictChoice));
  if (choices !== undefined) {
    const seen = new Map<number, number>();
    choices.forEach((c, i) => {
      const first = seen.get(c.code);
      if (first === undefined) seen.set(c.code, i);
      else
        f.issues.report(
          `${f.path}.choices[${i}].code`,
          `${c.code} is already the code of choices[${first}]`,
        );
    });
  }
  if (id === undefined || prompt === undefined || choices === undefined) return undefined;
  return { kind: 'predict', id, prompt, choices };
}

function readQuiz(f: Fields, id: string | undefined): QuizExercise | undefined {
  f.allowOnly(['id', 'kind', 'question', 'choices']);
  const question = f.req('question', words);
  const choices = f.req('choices', atLeastTwo('a list of two or more choices', quizChoice));
  if (choices !== undefined) {
    const correct = choices.filter((c) => c.correct).length;
    if (correct !== 1) {
      f.issues.report(
        `${f.path}.choices`,
        `exactly one choice must have "correct": true, got ${correct}`,
      );
    }
  }
  if (id === undefined || question === undefined || choices === undefined) return undefined;
  return { kind: 'quiz', id, question, choices };
}

function solution(hostNames: readonly string[] | undefined): Check<TaskSolution> {
  const host = hostRef(hostNames);
  const hostKeys: Check<Record<string, Record<string, unknown>>> = {
    expected: 'an object from host names to the keys to set',
    read(value, path, issues) {
      if (!isObject(value))
        return issues.report(path, `expected ${this.expected}, got ${show(value)}`);
      let failed = false;
      for (const [name, keys] of Object.entries(value)) {
        const p = `${path}[${JSON.stringify(name)}]`;
        if (host.read(name, p, issues) === undefined) failed = true;
        if (!isObject(keys)) {
          failed = true;
          issues.report(p, `expected an object of host keys, got ${show(keys)}`);
        }
      }
      return failed ? undefined : (value as Record<string, Record<string, unknown>>);
    },
  };
  const records = listOf('a list of DNS records', dnsRecord);
  const dns = shape('an object with add and remove', ['add', 'remove'], (f) => {
    const add = f.opt('add', records);
    const remove = f.opt('remove', records);
    if ((f.has('add') && add === undefined) || (f.has('remove') && remove === undefined))
      return undefined;
    return {
      add: (f.raw.add as unknown[] | undefined) ?? [],
      remove: (f.raw.remove as unknown[] | undefined) ?? [],
    };
  });
  const events = listOf('a list of events', eventCheck(hostNames));
  return shape(
    'a solution with explain, events, hosts and dns',
    ['explain', 'events', 'hosts', 'dns'],
    (f) => {
      const explain = f.req('explain', words);
      const okEvents = !f.has('events') || f.opt('events', events) !== undefined;
      const hosts = f.opt('hosts', hostKeys) ?? {};
      const changes = f.opt('dns', dns);
      if (explain === undefined || !okEvents || (f.has('hosts') && hosts === undefined))
        return undefined;
      if (f.has('dns') && changes === undefined) return undefined;
      return {
        explain,
        events: (f.raw.events as unknown[] | undefined) ?? [],
        hosts,
        dns: changes ?? { add: [], remove: [] },
      };
    },
  );
}

function readTask(
  f: Fields,
  id: string | undefined,
  context: ExerciseContext,
): TaskExercise | undefined {
  f.allowOnly([
    'id',
    'kind',
    'title',
    'prompt',
    'scenario',
    'tools',
    'keep',
    'allow',
    'checks',
    'hint',
    'solution',
  ]);
  const title = f.req('title', words);
  const prompt = f.req('prompt', words);
  const scenarioFile = f.opt('scenario', scenarioFileName);
  const hostNames = context.hostsOf(scenarioFile);
  const tools = f.req(
    'tools',
    listOf('a list of tools (console, send, faults, editor)', oneOf(TOOLS), {
      nonEmpty: true,
      unique: true,
    }),
  );
  const keep =
    f.opt(
      'keep',
      listOf('a list of parts (hosts, dns, events)', oneOf(KEEP_PARTS), { unique: true }),
    ) ?? [];
  const allow =
    f.opt('allow', listOf('a list of event kinds', oneOf(EVENT_KINDS), { unique: true })) ?? [];
  const checks = f.req(
    'checks',
    listOf('a list of checks', expectCheck(hostNames), { nonEmpty: true }),
  );
  const hint = f.opt('hint', words);
  const worked = f.req('solution', solution(hostNames));
  if (f.has('scenario') && scenarioFile === undefined) return undefined;
  if (id === undefined || title === undefined || prompt === undefined || tools === undefined)
    return undefined;
  if (checks === undefined || worked === undefined) return undefined;
  return {
    kind: 'task',
    id,
    title,
    prompt,
    ...(scenarioFile === undefined ? {} : { scenario: scenarioFile }),
    tools,
    checks,
    keep,
    allow,
    ...(hint === undefined ? {} : { hint }),
    solution: worked,
  };
}

const scenarioFileName = scalar(
  'the name of a .json scenario file in the lesson folder',
  isString,
  (s) => (s.endsWith('.json') && s !== 'exercises.json' && !s.includes('/') ? s : undefined),
);

function exercise(context: ExerciseContext): Check<Exercise> {
  const expected = 'an exercise (an object with id and kind)';
  return {
    expected,
    read(value, path, issues) {
      if (!isObject(value)) return issues.report(path, `expected ${expected}, got ${show(value)}`);
      const f = new Fields(value, path, issues);
      const id = f.req('id', exerciseId);
      const kind = f.req('kind', oneOf(EXERCISE_KINDS));
      if (
        f.has('scenario') &&
        isString(value.scenario) &&
        !context.files.includes(value.scenario)
      ) {
        issues.report(
          `${path}.scenario`,
          `there is no file ${show(value.scenario)} in the lesson folder`,
        );
      }
      switch (kind) {
        case 'predict':
          return readPredict(f, id);
        case 'quiz':
          return readQuiz(f, id);
        case 'task':
          return readTask(f, id, context);
        case undefined:
          return undefined;
      }
    },
  };
}

/** The exercises of exercises.json (already parsed from JSON); problems go to `issues`. */
export function readExercisesFile(
  value: unknown,
  context: ExerciseContext,
  issues: Issues,
): Exercise[] | undefined {
  const file = shape('an object with "exercises"', ['exercises'], (f) =>
    f.req('exercises', listOf('a list of exercises', exercise(context))),
  );
  const list = file.read(value, '', issues);
  const rawList = isObject(value) && Array.isArray(value.exercises) ? value.exercises : [];
  const seen = new Map<string, number>();
  rawList.forEach((raw: unknown, i) => {
    if (!isObject(raw) || typeof raw.id !== 'string') return;
    const first = seen.get(raw.id);
    if (first === undefined) seen.set(raw.id, i);
    else
      issues.report(
        `exercises[${i}].id`,
        `${show(raw.id)} is already the id of exercises[${first}]`,
      );
  });
  return list;
}
