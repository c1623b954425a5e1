// @vitest-environment jsdom
// What a student notices after the review of the lesson player: the narration after a prediction
// only once predicted; the recorded answers shown again after a reload (with another try that does
// not change them) and done marks in the step list; choices in an order of their own; a task's
// tool that works on the task's world only (fresh console, focus in the tool), unapplied editor
// changes named before checking; the hidden reply that stepping cannot reach; the handout's long
// transcripts cut short; folder names in addresses; the next lesson on the last step; app
// addresses on the teachers' page as links.
import { flushSync, mount, unmount, type Component } from 'svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { lessonLibrary } from '../../../src/app/lessons/library';
import { renderMarkdown } from '../../../src/app/lessons/markdown';
import { LessonPlayer } from '../../../src/app/lessons/player.svelte';
import { LessonProgress } from '../../../src/app/lessons/progressStore.svelte';
import { choiceOrder } from '../../../src/app/lessons/shuffle';
import LessonPage from '../../../src/app/pages/LessonPage.svelte';
import LessonPrintPage from '../../../src/app/pages/LessonPrintPage.svelte';
import TeachersPage from '../../../src/app/pages/TeachersPage.svelte';
import type { PageProps } from '../../../src/app/router.svelte';
import { applySolution } from '../../../src/core/lesson/exercises';
import type { Lesson, TaskExercise } from '../../../src/core/lesson/types';
import { consoleFor } from '../../../src/ui/sim/edit/console/simConsole.svelte';
import { editorFor } from '../../../src/ui/sim/edit/form/editorModel.svelte';
import LessonPlayerView from '../../../src/ui/lessons/LessonPlayerView.svelte';
import { fixtureLesson, polyfillBrowser } from './fixture';

const fixture = fixtureLesson();
const { lessons } = lessonLibrary();

/** The fixture with narration after step 1's prediction and the console as step 4's panel. */
const lesson: Lesson = {
  ...fixture,
  steps: fixture.steps.map((s) =>
    s.number === 1
      ? { ...s, after: 'So the **greeting** came first.' }
      : s.number === 4
        ? { ...s, panel: 'console' }
        : s,
  ),
};
const task = lesson.exercises.find((e): e is TaskExercise => e.kind === 'task')!;

beforeAll(polyfillBrowser);

let cleanup: (() => void) | undefined;
let progress: LessonProgress;

beforeEach(() => {
  localStorage.clear();
  progress = new LessonProgress({});
  history.replaceState(null, '', '#/lessons/fixture');
});

afterEach(() => {
  cleanup?.();
  cleanup = undefined;
  document.body.innerHTML = '';
});

function mountIt<P extends Record<string, unknown>>(
  component: Component<P>,
  props: P,
): HTMLElement {
  const target = document.createElement('div');
  document.body.append(target);
  const instance = mount(component, { target, props });
  cleanup = () => unmount(instance);
  flushSync();
  return target;
}

const view = (step: number, seed = 'fixed') =>
  mountIt(LessonPlayerView, { lesson, step, progress, seed });
const page = (component: Component<PageProps>, params: Record<string, string>) =>
  mountIt(component, { params, query: new URLSearchParams() });
const open = (step = 0, seed = 'fixed') => new LessonPlayer(lesson, { progress, step, seed });

function click(el: Element | null | undefined): void {
  if (!el) throw new Error('nothing to click');
  (el as HTMLElement).click();
  flushSync();
}

const button = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

function answer(root: HTMLElement, exercise: string, choice: number): void {
  const card = root.querySelector(`[data-exercise="exercise-${exercise}"]`)!;
  click(card.querySelector(`input[type="radio"][value="${choice}"]`));
  card.querySelector('form')!.requestSubmit();
  flushSync();
}

async function settle(ms = 0): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
  flushSync();
}

/** Waits until `ok` holds (lazy panels load, focus moves after a tick). */
async function until(ok: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await settle(20);
}

describe('the narration after a prediction', () => {
  test('shows only once the student has predicted', () => {
    const root = view(1);
    expect(root.textContent).toContain('The server greets first.');
    expect(root.textContent).not.toContain('came first');
    answer(root, 'predict-greeting', 1);
    const after = root.querySelector('[data-testid="lesson-step-after"]');
    expect(after?.textContent).toContain('So the greeting came first.');
    expect(after?.querySelector('strong')?.textContent).toBe('greeting');
  });

  test('the handout prints it only with the answers', () => {
    const withAfter = lessons.find((l) =>
      l.steps.some(
        (s) =>
          s.after !== '' &&
          s.exercises.some((id) => l.exercises.find((e) => e.id === id)?.kind === 'predict'),
      ),
    );
    if (!withAfter) return; // the lessons have no reveal lines yet
    const step = withAfter.steps.find((s) => s.after !== '')!;
    const probe = document.createElement('div');
    probe.innerHTML = renderMarkdown(step.after);
    const words = probe.textContent!.trim().slice(0, 40);
    const root = page(LessonPrintPage, { slug: withAfter.slug });
    expect(root.textContent).not.toContain(words);
    click(root.querySelector('input[type="checkbox"]'));
    expect(root.textContent).toContain(words);
  });
});

describe('the hidden reply', () => {
  test('stepping onto it is put back, with a word why', () => {
    const player = open(1);
    const target = player.target;
    player.sim.step('event', 1);
    expect(player.holdBeforeReply()).toBe(true);
    expect(player.sim.cursor).toBe(target);
    expect(player.held).toBe(true);
    player.answerPredict('predict-greeting', 220);
    expect(player.held).toBe(false);
    player.sim.step('event', 1);
    expect(player.holdBeforeReply()).toBe(false);
  });

  test('the → key does not show it', () => {
    const root = view(1);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    flushSync();
    expect(root.querySelector('[data-testid="lesson-held"]')?.textContent).toContain(
      'The reply stays hidden until you make your prediction',
    );
    expect(root.querySelector('pre.excerpt')?.textContent).not.toContain('220 www.example.com');
    expect(root.textContent).not.toContain('You have moved away');
  });
});

describe('answers recorded and shown again', () => {
  test('a reload shows the first answer; another try does not change the record', () => {
    const first = open(1);
    first.answerPredict('predict-greeting', 554);
    first.next();
    first.answerQuiz('quiz-rcpt', 0);
    // The page is loaded again.
    const again = open(1);
    expect(again.answers['predict-greeting']).toMatchObject({ ok: false, recorded: true });
    expect(again.predicting).toBe(false);
    expect(again.answers['quiz-rcpt']).toMatchObject({ ok: true, chosen: 0, recorded: true });

    again.retry('predict-greeting');
    expect(again.predicting).toBe(true);
    expect(again.sim.cursor).toBe(again.steps[0]!.cursor - 1);
    again.answerPredict('predict-greeting', 220);
    expect(again.answers['predict-greeting']).toMatchObject({ ok: true, again: true });
    expect(progress.of('fixture')?.exercises['predict-greeting']).toBe('wrong');
    expect(open(1).answers['predict-greeting']?.ok).toBe(false);
  });

  test('in the page: the recorded answer, a note, "Try again", and done marks', async () => {
    progress.record('fixture', 'predict-greeting', 'wrong', 250);
    const root = view(1);
    const result = () => root.querySelector('[data-testid="predict-result"]')?.textContent ?? '';
    expect(result()).toContain('Not quite: the server answered 220, not 250.');
    expect(result()).toContain('You answered this before');
    const checked = root.querySelector<HTMLInputElement>('input[type="radio"]:checked');
    expect(checked?.value).toBe('1');
    const marks = () =>
      [...root.querySelectorAll('nav li')].map((li) =>
        li.querySelector('[data-testid="step-done"]') ? 'done' : '',
      );
    expect(marks()).toEqual(['', 'done', '', '', '']);
    expect(root.querySelector('[data-testid="step-done"]')?.textContent).toContain('(done)');

    click(button(root, 'Try again'));
    await settle();
    expect(root.querySelector('[data-testid="predict-result"]')).toBeNull();
    expect(document.activeElement?.getAttribute('type')).toBe('radio');
    answer(root, 'predict-greeting', 0);
    expect(result()).toContain('Right: the server answered 220.');
    expect(result()).toContain('Your progress keeps your first answer, which was not right.');
    expect(progress.of('fixture')?.exercises['predict-greeting']).toBe('wrong');
  });

  test('a task solved with the solution shown says so, also after a reload', () => {
    const player = open(4);
    player.startTask(task.id);
    player.showSolution();
    player.loadSolution();
    player.checkTask();
    expect(player.task?.verdict?.ok).toBe(true);
    expect(progress.of('fixture')?.exercises[task.id]).toBe('shown');
    const root = view(4);
    expect(root.querySelector('[data-testid="task-recorded"]')?.textContent).toBe(
      'Solved with the solution shown.',
    );
    expect(button(root, 'Start the task again')).toBeTruthy();
  });
});

describe('choices in an order of their own', () => {
  test('stable for a browser, different between browsers, the page follows it', () => {
    const ex = lesson.exercises.find((e) => e.kind === 'predict')!;
    const a = open(1, 'seed-a');
    expect(a.order(ex)).toEqual(open(1, 'seed-a').order(ex));
    const orders = new Set(
      ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'].map((seed) =>
        choiceOrder('x', 'y', 4, seed).join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
    const root = view(1, 'seed-a');
    const shown = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((r) =>
      Number(r.value),
    );
    expect(shown).toEqual(a.order(ex));
  });

  test('over the real lessons the right answer is not mostly first', () => {
    let first = 0;
    let total = 0;
    for (const l of lessons) {
      for (const ex of l.exercises) {
        if (ex.kind !== 'quiz') continue;
        const order = choiceOrder(l.slug, ex.id, ex.choices.length, 'some-browser');
        total += 1;
        if (ex.choices[order[0]!]?.correct) first += 1;
      }
    }
    expect(total).toBeGreaterThan(0);
    expect(first).toBeLessThan(total * 0.6);
  });
});

describe('a task and its tools', () => {
  test('the tool stays closed until the task starts; opening it starts the task', () => {
    const player = open(4);
    expect(player.panel).toBe('transcript');
    const lessonRun = player.sim.simulation;
    player.openPanel('console');
    player.panelOpened('console');
    expect(player.task?.id).toBe(task.id);
    expect(player.panel).toBe('console');
    expect(player.sim.simulation).not.toBe(lessonRun);
  });

  test('Start gives a fresh console and editor', () => {
    const player = open(4);
    const session = consoleFor(player.sim);
    session.choose();
    expect(session.connect()).toBe(true);
    session.send('HELO x');
    expect(session.entries.length).toBeGreaterThan(0);
    editorFor(player.sim).setRaw('{ "broken": ');
    player.startTask(task.id);
    expect(session.entries).toEqual([]);
    expect(session.phase).toBe('idle');
    expect(editorFor(player.sim).dirty).toBe(false);
    // A new session on the task's world is connection 1, and it is what Check sees.
    session.choose();
    expect(session.connect()).toBe(true);
    expect(session.send('HELO mydomain.com')).toBe(true);
    expect(session.entries.some((e) => e.side === 'S' && e.code === 250)).toBe(true);
    player.checkTask();
    expect(JSON.stringify(player.task?.verdict)).not.toContain('no connection number 1');
  });

  test('Check with unapplied editor changes warns; "apply and check" applies them', () => {
    const player = open(4);
    player.startTask(task.id);
    const solved = applySolution(player.task!.start.json, task.solution);
    const model = editorFor(player.sim);
    model.setMode('json');
    model.setRaw(JSON.stringify(solved, null, 2));
    player.checkTask();
    expect(player.task?.unapplied).toBe(true);
    expect(player.task?.verdict).toBeUndefined();
    expect(progress.of('fixture')?.exercises[task.id]).toBeUndefined();
    expect(player.applyAndCheck()).toBe(true);
    expect(player.task?.verdict?.ok).toBe(true);
    expect(player.task?.unapplied).toBe(false);
    expect(progress.of('fixture')?.exercises[task.id]).toBe('solved');
  });

  test('in the page: the tool link starts the task and puts the focus in the tool', async () => {
    const root = view(4);
    expect(root.querySelector('#sim-panels-tab-console')?.getAttribute('aria-selected')).toBe(
      'false',
    );
    const link = [...root.querySelectorAll('.tools button')].find(
      (b) => b.textContent === 'Console',
    );
    click(link);
    expect(root.querySelector('#sim-panels-tab-console')?.getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(root.textContent).toContain('The task’s world is loaded in the simulator.');
    const panel = root.querySelector('#sim-panels-panel-console')!;
    await until(() => panel.contains(document.activeElement));
    expect(panel.contains(document.activeElement)).toBe(true);
  });

  test('in the page: Start puts the focus in the first tool, not on the page', async () => {
    const root = view(4);
    click(button(root, 'Start the task'));
    const panel = root.querySelector('#sim-panels-panel-editor')!;
    await until(() => panel.contains(document.activeElement));
    expect(panel.contains(document.activeElement)).toBe(true);
  });
});

describe('the handout', () => {
  test('long transcripts show their ends and say how many lines are left out', () => {
    let cut = 0;
    for (const l of lessons) {
      const root = page(LessonPrintPage, { slug: l.slug });
      for (const pre of root.querySelectorAll('pre.excerpt')) {
        expect(pre.textContent!.split('\n').length).toBeLessThanOrEqual(11);
        const omitted = pre.querySelector('[data-testid="excerpt-omitted"]');
        if (omitted) {
          cut += 1;
          expect(omitted.textContent).toMatch(/… \d+ more lines left out here/);
        }
      }
      cleanup?.();
      cleanup = undefined;
    }
    expect(cut).toBeGreaterThan(0);
  });
});

describe('addresses and the way on', () => {
  test('the folder name is replaced by the lesson’s address', async () => {
    const target = lessons.at(-1)!;
    history.replaceState(null, '', `#/lessons/${target.folder}/2`);
    const root = page(LessonPage, { slug: target.folder, step: '2' });
    await settle();
    expect(location.hash).toBe(`#/lessons/${target.slug}/2`);
    expect(root.textContent).not.toContain('No such lesson');
  });

  test('the handout by its folder name too', async () => {
    const target = lessons[0]!;
    history.replaceState(null, '', `#/lessons/${target.folder}/print`);
    page(LessonPrintPage, { slug: target.folder });
    await settle();
    expect(location.hash).toBe(`#/lessons/${target.slug}/print`);
  });

  test('the last step offers the next lesson; the last lesson the index', () => {
    const [one, two] = lessons;
    let root = page(LessonPage, { slug: one!.slug, step: String(one!.steps.length) });
    let finished = root.querySelector('[data-testid="lesson-finished"]')!;
    const next = finished.querySelector('a');
    expect(next?.textContent).toBe(`Next lesson: ${two!.meta.title}`);
    expect(next?.getAttribute('href')).toBe(`#/lessons/${two!.slug}`);
    cleanup?.();
    const last = lessons.at(-1)!;
    root = page(LessonPage, { slug: last.slug, step: String(last.steps.length) });
    finished = root.querySelector('[data-testid="lesson-finished"]')!;
    expect(finished.textContent).toContain('It was the last lesson of the course.');
    expect(finished.querySelector('a')?.getAttribute('href')).toBe('#/lessons');
  });

  test('the teachers’ page links the app addresses it names', () => {
    const root = page(TeachersPage, {});
    for (const route of ['#/lessons', '#/sandbox', '#/console']) {
      const link = root.querySelector(`a[href="${route}"]`);
      expect(link?.textContent).toBe(route);
    }
  });
});

describe('the real lessons’ Markdown', () => {
  /** Every piece of Markdown a student reads: narration, prompts, questions, choices, whys. */
  const texts = lessons.flatMap((l) => [
    l.intro,
    ...l.steps.flatMap((s) => [s.body, s.after]),
    ...l.exercises.flatMap((e) =>
      e.kind === 'predict'
        ? [e.prompt, ...e.choices.flatMap((c) => [c.meaning, c.why])]
        : e.kind === 'quiz'
          ? [e.question, ...e.choices.flatMap((c) => [c.text, c.why])]
          : [e.prompt, e.hint ?? '', e.solution.explain],
    ),
  ]);

  test('addresses in angle brackets keep them; nothing links unless written as a link', () => {
    let addresses = 0;
    for (const source of texts) {
      const html = renderMarkdown(source);
      const probe = document.createElement('div');
      probe.innerHTML = html;
      const shown = probe.textContent ?? '';
      for (const [address] of source.matchAll(/<[\w.+-]+@[\w.-]+>/g)) {
        addresses += 1;
        expect(shown, source).toContain(address);
      }
      expect(html).not.toContain('mailto:');
      const written = (source.match(/\]\(|<https?:\/\//g) ?? []).length;
      const links = [...probe.querySelectorAll('a')].filter(
        (a) => !a.getAttribute('href')?.startsWith('#/'),
      );
      expect(links.length, source).toBeLessThanOrEqual(written);
    }
    expect(addresses).toBeGreaterThan(5);
  });
});
