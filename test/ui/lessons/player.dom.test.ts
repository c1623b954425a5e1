// @vitest-environment jsdom
// The player's state with the fixture lesson: moving between steps seeks the simulator to each
// step's point, selects its highlight and opens its panel; a predict stops before the reply and
// shows it once answered; a quiz; a task started, checked, solved with its solution, started over;
// the results recorded as progress.
import { beforeEach, describe, expect, test } from 'vitest';
import { LessonPlayer } from '../../../src/app/lessons/player.svelte';
import { LessonProgress } from '../../../src/app/lessons/progressStore.svelte';
import { fixtureLesson } from './fixture';

const lesson = fixtureLesson();

let progress: LessonProgress;

beforeEach(() => {
  localStorage.clear();
  progress = new LessonProgress({});
});

const open = (step = 0) => new LessonPlayer(lesson, { progress, step });

describe('moving between steps', () => {
  test('the intro is before anything happened', () => {
    const player = open();
    expect(player.current).toBe(0);
    expect(player.step).toBeUndefined();
    expect(player.sim.cursor).toBe(0);
    expect(player.path).toBe('/lessons/fixture');
    expect(player.excerpt).toEqual([]);
    expect(player.away).toBe(false);
  });

  test('each step seeks to its event, selects its highlight and opens its panel', () => {
    const player = open();
    player.next(); // 1: the greeting, with an open prediction: just before the 220
    expect(player.path).toBe('/lessons/fixture/1');
    expect(player.predicting).toBe(true);
    expect(player.sim.cursor).toBe(player.steps[0]!.cursor - 1);
    expect(player.panel).toBe('explain');
    // The excerpt stops before the reply that is to be predicted.
    expect(player.excerpt.map((e) => e.type)).toEqual(['connect']);

    player.next(); // 2: RCPT TO, the whole connection highlighted
    const rcpt = player.steps[1]!;
    expect(player.sim.cursor).toBe(rcpt.cursor);
    expect(player.sim.current).toMatchObject({
      type: 'line',
      text: 'RCPT TO:<friend@example.com>',
    });
    expect(player.sim.selection).toEqual({ conn: 1 });
    expect(player.panel).toBe('queue');
    // The lines since the previous step, taken from the trace.
    const texts = player.excerpt.flatMap((e) => (e.type === 'line' ? [e.text] : []));
    expect(texts[0]).toBe('HELO mydomain.com');
    expect(texts.at(-1)).toBe('RCPT TO:<friend@example.com>');

    player.next(); // 3: delivered, the host highlighted
    expect(player.sim.current).toMatchObject({ type: 'deliver', mailbox: 'friend@example.com' });
    expect(player.sim.selection).toEqual({ host: 'www.example.com' });
    expect(player.panel).toBe('log');

    player.next(); // 4: the end, nothing highlighted
    expect(player.sim.cursor).toBe(player.sim.length);
    expect(player.sim.selection).toEqual({});
    expect(player.panel).toBe('transcript');

    player.next(); // no step 5
    expect(player.current).toBe(4);
    player.prev();
    expect(player.current).toBe(3);
    player.goTo(99);
    expect(player.current).toBe(4);
    player.goTo(-3);
    expect(player.current).toBe(0);
  });

  test('an event line is selected with its connection (the explanation follows it)', () => {
    const player = open(1);
    player.answerPredict('predict-greeting', 220);
    const index = player.steps[0]!.index!;
    expect(player.sim.selection).toEqual({ conn: 1, line: index });
  });

  test('after scrubbing away, "back to this step" returns; a fork is undone', () => {
    const player = open(2);
    const at = player.sim.cursor;
    player.sim.end();
    expect(player.away).toBe(true);
    player.backToStep();
    expect(player.sim.cursor).toBe(at);
    expect(player.away).toBe(false);

    player.sim.inject({ do: 'hostDown', host: 'www.example.com' } as never, 'down');
    expect(player.away).toBe(true);
    const changed = player.sim.simulation;
    player.backToStep();
    expect(player.sim.simulation).not.toBe(changed);
    expect(player.sim.forks).toEqual([]);
    expect(player.sim.cursor).toBe(at);
    expect(player.away).toBe(false);
  });
});

describe('predict', () => {
  test('right: the reply appears and the result is recorded', () => {
    const player = open(1);
    const step = player.steps[0]!;
    expect(player.sim.cursor).toBe(step.cursor - 1);
    player.answerPredict('predict-greeting', 220);
    expect(player.answers['predict-greeting']).toMatchObject({ ok: true, chosen: 0, right: 0 });
    expect(player.predicting).toBe(false);
    expect(player.sim.cursor).toBe(step.cursor);
    expect(player.sim.current).toMatchObject({ type: 'line', dir: 'S' });
    expect(player.excerpt.at(-1)).toMatchObject({ text: '220 www.example.com ESMTP Postfix' });
    expect(progress.of('fixture')?.exercises['predict-greeting']).toBe('right');
  });

  test('wrong: the right choice is named, and a second answer changes nothing', () => {
    const player = open(1);
    player.answerPredict('predict-greeting', 554);
    expect(player.answers['predict-greeting']).toMatchObject({ ok: false, chosen: 2, right: 0 });
    expect(player.sim.cursor).toBe(player.steps[0]!.cursor);
    expect(progress.of('fixture')?.exercises['predict-greeting']).toBe('wrong');
    player.answerPredict('predict-greeting', 220);
    expect(player.answers['predict-greeting']?.ok).toBe(false);
  });

  test('the answer stays when the student comes back to the step', () => {
    const player = open(1);
    player.answerPredict('predict-greeting', 250);
    player.next();
    player.prev();
    expect(player.predicting).toBe(false);
    expect(player.sim.cursor).toBe(player.steps[0]!.cursor);
  });

  test('an exercise of another step cannot be answered here', () => {
    const player = open(2);
    player.answerPredict('predict-greeting', 220);
    expect(player.answers).toEqual({});
  });
});

describe('quiz', () => {
  test('right and wrong', () => {
    const right = open(2);
    right.answerQuiz('quiz-rcpt', 0);
    expect(right.answers['quiz-rcpt']).toMatchObject({ ok: true, chosen: 0, right: 0 });
    expect(progress.of('fixture')?.exercises['quiz-rcpt']).toBe('right');

    progress.reset();
    const wrong = open(2);
    wrong.answerQuiz('quiz-rcpt', 1);
    expect(wrong.answers['quiz-rcpt']).toMatchObject({ ok: false, chosen: 1, right: 0 });
    expect(progress.of('fixture')?.exercises['quiz-rcpt']).toBe('wrong');
  });
});

describe('task', () => {
  test('start, check (fails), hint, solution loaded, check (passes), start over', () => {
    const player = open(4);
    const lessonRun = player.sim.simulation;
    player.startTask('task-second');
    expect(player.task?.id).toBe('task-second');
    expect(player.panel).toBe('editor');
    expect(player.sim.simulation).not.toBe(lessonRun);
    expect(player.away).toBe(false);

    player.checkTask();
    expect(player.task?.verdict?.ok).toBe(false);
    expect(player.task?.verdict?.checks[0]?.ok).toBe(false);
    expect(progress.of('fixture')?.exercises['task-second']).toBe('tried');

    player.showHint();
    expect(player.task?.hint).toBe(true);
    player.showSolution();
    expect(player.task?.solution).toBe(true);
    player.loadSolution();
    expect(player.task?.solutionLoaded).toBe(true);
    expect(player.task?.verdict).toBeUndefined();
    player.checkTask();
    expect(player.task?.verdict).toMatchObject({ ok: true, rules: [] });
    // Passing with the solution loaded is not solving it: recorded as such.
    expect(progress.of('fixture')?.exercises['task-second']).toBe('shown');

    player.restartTask();
    expect(player.task?.verdict).toBeUndefined();
    expect(player.task?.solutionLoaded).toBe(false);
    player.checkTask();
    expect(player.task?.verdict?.ok).toBe(false);
    // The better result stays.
    expect(progress.of('fixture')?.exercises['task-second']).toBe('shown');
  });

  test('a changed world is what gets checked; leaving the step reloads the lesson', () => {
    const player = open(4);
    player.startTask('task-second');
    // The student removes every event in the editor: a rule (keep events) is broken.
    const json = player.sim.exportJson() as { events: unknown[] };
    expect(player.sim.loadJson({ ...json, events: [] })).toBe(true);
    player.checkTask();
    expect(player.task?.verdict?.ok).toBe(false);
    expect(player.task?.verdict?.rules.length).toBeGreaterThan(0);

    player.prev();
    expect(player.task).toBeUndefined();
    expect(player.sim.current).toMatchObject({ type: 'deliver' });
    expect(player.sim.length).toBe(player.trace.length);
    expect(player.sim.exportJson()).toMatchObject({ events: [{ do: 'session' }] });
  });
});

describe('progress', () => {
  test('the last step seen is recorded per lesson', () => {
    const player = open();
    player.goTo(3);
    expect(progress.of('fixture')?.step).toBe(3);
    player.prev();
    expect(progress.of('fixture')?.step).toBe(2);
    // Kept in the browser's storage.
    expect(new LessonProgress().of('fixture')?.step).toBe(2);
  });
});
