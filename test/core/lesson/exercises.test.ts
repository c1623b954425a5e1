import { describe, expect, it } from 'vitest';
import {
  applySolution,
  checkPredict,
  checkQuiz,
  checkTask,
  predictAnswer,
  SolutionError,
  taskStart,
} from '../../../src/core/lesson/exercises';
import { resolveSteps } from '../../../src/core/lesson/steps';
import type { PredictExercise, QuizExercise, TaskExercise } from '../../../src/core/lesson/types';
import { scenarioToJson } from '../../../src/core/scenario/serialize';
import { simulate } from '../../../src/core/world/simulate';
import { fixtureLesson } from './fixture';

const lesson = fixtureLesson();
const [predict, quiz, task] = lesson.exercises as [PredictExercise, QuizExercise, TaskExercise];
const start = taskStart(lesson, task);
const solved = applySolution(start.json, task.solution) as Record<string, unknown>;

type Json = Record<string, unknown> & { events: unknown[]; dns: unknown[]; hosts: unknown[] };
const copy = (json: unknown) => structuredClone(json) as Json;

describe('predict', () => {
  const trace = simulate(lesson.scenario).trace;
  const resolved = resolveSteps(lesson, trace);
  if (!resolved.ok) throw new Error('fixture steps do not resolve');
  const [atStart, , greeting] = resolved.steps;

  it('reads the code of the server reply the step selects', () => {
    expect(predictAnswer(trace, greeting!)).toBe(220);
    expect(predictAnswer(trace, atStart!)).toBeUndefined();
    const noteStep = resolved.steps[1]!;
    expect(predictAnswer(trace, noteStep)).toBeUndefined();
  });

  it('passes the right code and names both choices when wrong', () => {
    const [c220, c250] = predict.choices;
    expect(checkPredict(predict, 220, 220)).toEqual({ ok: true, chosen: c220, right: c220 });
    expect(checkPredict(predict, 220, 250)).toEqual({ ok: false, chosen: c250, right: c220 });
    expect(checkPredict(predict, 220, 421)).toEqual({ ok: false, chosen: undefined, right: c220 });
    expect(checkPredict(predict, undefined, 220).ok).toBe(false);
  });
});

describe('quiz', () => {
  it('passes the correct choice only', () => {
    const [right, wrong] = quiz.choices;
    expect(checkQuiz(quiz, 0)).toEqual({ ok: true, chosen: right, right });
    expect(checkQuiz(quiz, 1)).toEqual({ ok: false, chosen: wrong, right });
    expect(checkQuiz(quiz, 7)).toEqual({ ok: false, chosen: undefined, right });
  });
});

describe('taskStart', () => {
  it("gives the task's own scenario file, or the lesson's", () => {
    expect(start.scenario.title).toBe('Fixture: Alice writes to Carol');
    const { scenario: _file, ...onLessonScenario } = task;
    expect(taskStart(lesson, onLessonScenario).json).toBe(lesson.scenarioJson);
  });
});

describe('applySolution', () => {
  it('sets host keys and leaves the start as it was', () => {
    const before = JSON.stringify(start.json);
    const hosts = solved.hosts as Array<Record<string, unknown>>;
    expect(hosts[1]?.mailboxes).toEqual([
      'alice@example.com',
      'bob@example.com',
      'carol@example.com',
    ]);
    expect(JSON.stringify(start.json)).toBe(before);
  });

  it('appends events and adds and removes DNS records', () => {
    const result = applySolution(start.json, {
      explain: '',
      events: [{ at: '2s', do: 'note', text: 'again' }],
      hosts: {},
      dns: {
        add: [{ name: 'example.com', type: 'MX', preference: 20, value: 'mail.example.com' }],
        remove: [{ value: '192.0.2.25', type: 'A', name: 'MAIL.example.com' }],
      },
    }) as Json;
    expect(result.events.at(-1)).toEqual({ at: '2s', do: 'note', text: 'again' });
    expect(result.events).toHaveLength(2);
    expect(result.dns).toEqual([
      { name: 'example.com', type: 'MX', preference: 10, value: 'mail.example.com' },
      { name: 'example.com', type: 'MX', preference: 20, value: 'mail.example.com' },
    ]);
  });

  it('refuses a host or record that is not there', () => {
    const none = { explain: '', events: [], hosts: {}, dns: { add: [], remove: [] } };
    expect(() => applySolution(start.json, { ...none, hosts: { 'mx.example.org': {} } })).toThrow(
      new SolutionError('there is no host "mx.example.org" to change'),
    );
    expect(() =>
      applySolution(start.json, {
        ...none,
        dns: {
          add: [],
          remove: [{ name: 'example.com', type: 'MX', preference: 99, value: 'x.example' }],
        },
      }),
    ).toThrow('there is no DNS record example.com MX 99 x.example to remove');
    expect(() => applySolution([], none)).toThrow(SolutionError);
  });
});

describe('checkTask', () => {
  it('passes the worked solution', () => {
    const verdict = checkTask(task, start.json, solved);
    expect(verdict.ok).toBe(true);
    expect(verdict.rules).toEqual([]);
    expect(verdict.checks).toEqual([
      {
        check: { check: 'delivered', mailbox: 'carol@example.com', subject: 'Hello Carol' },
        ok: true,
        detail: 'carol@example.com has it',
      },
    ]);
  });

  it('fails the unchanged start on its checks, breaking no rule', () => {
    const verdict = checkTask(task, start.json, start.json);
    expect(verdict).toEqual({
      ok: false,
      rules: [],
      checks: [
        expect.objectContaining({ ok: false, detail: 'carol@example.com received nothing' }),
      ],
    });
  });

  it('judges the scenario, not how its JSON is written', () => {
    const rewritten = scenarioToJson(
      (() => {
        const s = structuredClone(start.scenario);
        s.hosts[1]!.mailboxes.push('carol@example.com');
        return s;
      })(),
    );
    expect(checkTask(task, start.json, rewritten).ok).toBe(true);
    expect(checkTask(task, start.json, JSON.stringify(solved)).ok).toBe(true);
  });

  it('keeps the DNS and the starting events when the task says so', () => {
    const dns = copy(solved);
    dns.dns.push({ name: 'example.com', type: 'TXT', value: 'v=spf1 -all' });
    expect(checkTask(task, start.json, dns)).toMatchObject({
      ok: false,
      rules: ['You changed the DNS records; this task keeps them as they are.'],
    });
    const events = copy(solved);
    events.events = [{ ...(events.events[0] as object), subject: 'Hi Carol' }];
    expect(checkTask(task, start.json, events).rules).toEqual([
      'You removed or changed events of the script; this task keeps them (you may add new ones).',
    ]);
    const added = copy(solved);
    added.events.push({ at: '5s', do: 'note', text: 'an extra event is fine' });
    expect(checkTask(task, start.json, added)).toMatchObject({ ok: true, rules: [] });
  });

  it('keeps the seed, the latency and the stop time when the task says so', () => {
    const settings: TaskExercise = { ...task, keep: ['settings'] };
    const faster = copy(solved);
    faster.latency = '1ms';
    expect(checkTask(settings, start.json, faster)).toMatchObject({
      ok: false,
      rules: ['You changed the seed, the latency or the stop time; this task keeps them.'],
    });
    expect(checkTask(task, start.json, faster).rules).toEqual([]);
  });

  it('keeps the hosts and allows only the listed event kinds when the task says so', () => {
    const strict: TaskExercise = { ...task, keep: ['hosts'], allow: ['etrn', 'note'] };
    expect(checkTask(strict, start.json, solved).rules).toEqual([
      'You changed the hosts; this task keeps them as they are.',
    ]);
    const extra = copy(start.json);
    extra.events.push(
      { at: '5s', do: 'note', text: 'allowed' },
      { at: '6s', do: 'down', host: 'mail.example.com' },
      { at: '7s', do: 'up', host: 'mail.example.com' },
    );
    expect(checkTask(strict, start.json, extra).rules).toEqual([
      'You added a "down" event and an "up" event; this task allows only "etrn", "note" events.',
    ]);
  });

  it('gives a clear verdict for an attempt that is not a valid scenario, never throwing', () => {
    expect(checkTask(task, start.json, '{ "title": ')).toEqual({
      ok: false,
      rules: [expect.stringMatching(/^The scenario is not valid: line 1, column 12: /)],
      checks: [],
    });
    expect(checkTask(task, start.json, 42)).toEqual({
      ok: false,
      rules: ['The scenario is not valid: expected a scenario (a JSON object), got 42'],
      checks: [],
    });
    const broken = copy(solved);
    (broken.hosts[1] as Record<string, unknown>).ip = '192.0.2.300';
    expect(checkTask(task, start.json, broken).rules).toEqual([
      'The scenario is not valid: hosts[1].ip: "192.0.2.300" is not an IPv4 address',
    ]);
  });
});
