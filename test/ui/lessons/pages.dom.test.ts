// @vitest-environment jsdom
// The lesson pages with the site's own lessons: the index (every lesson in course order, the
// progress stored in the browser, the reset control), an unknown lesson and a step out of range
// (a message and a way back), and the handout (every step, answers only on request).
import { flushSync, mount, tick, unmount, type Component } from 'svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { lessonLibrary } from '../../../src/app/lessons/library';
import { PROGRESS_KEY, serializeProgress } from '../../../src/app/lessons/progress';
import { lessonProgress } from '../../../src/app/lessons/progressStore.svelte';
import LessonIndexPage from '../../../src/app/pages/LessonIndexPage.svelte';
import LessonPage from '../../../src/app/pages/LessonPage.svelte';
import LessonPrintPage from '../../../src/app/pages/LessonPrintPage.svelte';
import type { PageProps } from '../../../src/app/router.svelte';
import { polyfillBrowser } from './fixture';

const { lessons } = lessonLibrary();
const first = lessons[0]!;

beforeAll(polyfillBrowser);

let cleanup: (() => void) | undefined;

beforeEach(() => localStorage.clear());

afterEach(() => {
  cleanup?.();
  cleanup = undefined;
  document.body.innerHTML = '';
});

function render(page: Component<PageProps>, params: Record<string, string> = {}): HTMLElement {
  const target = document.createElement('div');
  document.body.append(target);
  const instance = mount(page, { target, props: { params, query: new URLSearchParams() } });
  cleanup = () => unmount(instance);
  flushSync();
  return target;
}

describe('the index', () => {
  test('every lesson in course order, with its facts and a way in', () => {
    expect(lessons.length).toBeGreaterThan(0);
    const root = render(LessonIndexPage);
    const items = [...root.querySelectorAll<HTMLElement>('li.lesson')];
    expect(items.map((li) => li.dataset.folder)).toEqual(lessons.map((l) => l.folder));
    expect(lessons.map((l) => l.order)).toEqual(
      [...lessons.map((l) => l.order)].sort((a, b) => a - b),
    );
    const item = items[0]!;
    expect(item.querySelector('h2 a')?.getAttribute('href')).toBe(`#/lessons/${first.slug}`);
    expect(item.textContent).toContain(first.meta.summary);
    expect(item.textContent).toContain(`Time: ${first.meta.minutes} minutes`);
    for (const objective of first.meta.objectives) expect(item.textContent).toContain(objective);
    for (const reference of first.meta.references) expect(item.textContent).toContain(reference);
    expect(item.querySelector('[data-testid="lesson-progress"]')?.textContent?.trim()).toBe(
      'Not started',
    );
  });

  test('the stored progress shows, "continue" leads there, and reset forgets it', async () => {
    const exercise = first.exercises[0];
    localStorage.setItem(
      PROGRESS_KEY,
      serializeProgress({
        [first.slug]: { step: 2, exercises: exercise ? { [exercise.id]: 'right' } : {} },
      }),
    );
    const root = render(LessonIndexPage);
    const item = root.querySelector<HTMLElement>('li.lesson')!;
    const progress = () =>
      item.querySelector('[data-testid="lesson-progress"]')?.textContent?.replace(/\s+/g, ' ');
    expect(progress()).toContain(`Last seen: step 2 of ${first.steps.length}`);
    if (exercise) expect(progress()).toContain(`1 of ${first.exercises.length}`);
    const go = item.querySelector<HTMLAnchorElement>('a.cta');
    expect(go?.textContent).toBe('Continue at step 2');
    expect(go?.getAttribute('href')).toBe(`#/lessons/${first.slug}/2`);

    const press = (name: string) => {
      [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)?.click();
      flushSync();
    };
    // Reset asks first; "No" keeps everything.
    const settle = () => new Promise((r) => setTimeout(r, 0)).then(() => flushSync());
    press('Reset progress');
    await settle();
    expect(root.textContent).toContain('Reset your progress in every lesson?');
    expect(document.activeElement?.textContent).toBe('No, keep my progress');
    press('No, keep my progress');
    await settle();
    expect(progress()).toContain('Last seen: step 2');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Your progress is kept.');
    expect(document.activeElement?.textContent).toBe('Reset progress');

    press('Reset progress');
    press('Yes, reset everything');
    await tick();
    expect(progress()?.trim()).toBe('Not started');
    expect(root.querySelector('[role="status"]')?.textContent).toBe(
      'Your progress in every lesson has been reset.',
    );
    expect(lessonProgress().data).toEqual({});
    expect(localStorage.getItem(PROGRESS_KEY)).toBe(serializeProgress({}));
  });

  test('only right answers and solved tasks count; a step beyond the lesson is clamped', () => {
    const ids = first.exercises.map((e) => e.id);
    const results = ['right', 'wrong', 'tried', 'shown', 'solved'] as const;
    localStorage.setItem(
      PROGRESS_KEY,
      JSON.stringify({
        version: 1,
        lessons: {
          [first.slug]: {
            step: 99,
            exercises: Object.fromEntries(ids.map((id, i) => [id, results[i % results.length]])),
          },
        },
      }),
    );
    const root = render(LessonIndexPage);
    const item = root.querySelector<HTMLElement>('li.lesson')!;
    const text = item.querySelector('[data-testid="lesson-progress"]')?.textContent ?? '';
    const good = ids.filter((_, i) => ['right', 'solved'].includes(results[i % results.length]!));
    expect(text.replace(/\s+/g, ' ')).toContain(
      `${good.length} of ${ids.length} exercises right or solved`,
    );
    const n = first.steps.length;
    expect(text).toContain(`step ${n} of ${n}`);
    expect(item.querySelector('a.cta')?.textContent).toBe(`Continue at step ${n}`);
    expect(root.textContent).not.toContain('step 99');
  });

  test('garbage in storage: no progress, no crash', () => {
    localStorage.setItem(PROGRESS_KEY, '\u0000{not json');
    const root = render(LessonIndexPage);
    expect(root.querySelectorAll('li.lesson').length).toBe(lessons.length);
    expect(root.querySelector('[data-testid="lesson-progress"]')?.textContent?.trim()).toBe(
      'Not started',
    );
  });
});

describe('a lesson address that leads nowhere', () => {
  test('an unknown lesson', () => {
    const root = render(LessonPage, { slug: 'no-such-lesson' });
    expect(root.querySelector('h1')?.textContent).toBe('No such lesson');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('#/lessons');
  });

  test.each(['0', String(first.steps.length + 1), 'two', '-1'])('step %j', (step) => {
    const root = render(LessonPage, { slug: first.slug, step });
    expect(root.querySelector('h1')?.textContent).toBe('No such step');
    expect(root.textContent).toContain(`has steps 1 to ${first.steps.length}`);
    const links = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([`#/lessons/${first.slug}/1`, '#/lessons']);
  });
});

describe('the handout', () => {
  test('every step with its transcript lines; answers only when asked for', () => {
    const root = render(LessonPrintPage, { slug: first.slug });
    expect(root.querySelector('h1')?.textContent).toBe(first.meta.title);
    const sections = [...root.querySelectorAll('section.step')];
    expect(sections.map((s) => s.querySelector('h2')?.textContent?.trim())).toEqual(
      first.steps.map((s) => `Step ${s.number}: ${s.title}`),
    );
    expect(root.querySelectorAll('pre.excerpt').length).toBeGreaterThan(0);
    const choiceExercises = first.exercises.filter((e) => e.kind !== 'task').length;
    expect(root.querySelectorAll('.print-exercise').length).toBe(first.exercises.length);
    expect(root.textContent).not.toContain('(correct)');
    const box = root.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    box.click();
    flushSync();
    expect(root.textContent?.match(/\(correct\)/g)?.length ?? 0).toBe(choiceExercises);
  });
});
