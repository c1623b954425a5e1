// @vitest-environment jsdom
// The player page with the fixture lesson: Next and Previous, the step list, the address that
// follows the step (replaced, so Back leaves the lesson) and a step typed into the address, the
// live region, the predict / quiz / task cards, and raw HTML in the prose shown as text.
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { LessonProgress } from '../../../src/app/lessons/progressStore.svelte';
import LessonPlayerView from '../../../src/ui/lessons/LessonPlayerView.svelte';
import { fixtureLesson, polyfillBrowser } from './fixture';

const lesson = fixtureLesson();

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

function render(step = 0): HTMLElement {
  const target = document.createElement('div');
  document.body.append(target);
  const instance = mount(LessonPlayerView, { target, props: { lesson, step, progress } });
  cleanup = () => unmount(instance);
  flushSync();
  return target;
}

const heading = (root: HTMLElement) =>
  root.querySelector('[data-testid="lesson-step-title"]')?.textContent?.replace(/\s+/g, ' ').trim();

function click(el: Element | null | undefined): void {
  if (!el) throw new Error('nothing to click');
  (el as HTMLElement).click();
  flushSync();
}

const button = (root: HTMLElement, name: string | RegExp) =>
  [...root.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? ''),
  );

async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
  flushSync();
}

describe('navigation and the address', () => {
  test('Next walks every step, the address follows without adding history entries', () => {
    const root = render();
    const before = history.length;
    expect(heading(root)).toBe('Introduction');
    expect(root.querySelector('h1')?.textContent).toBe('A fixture lesson');
    click(root.querySelector('[data-testid="lesson-next"]'));
    expect(heading(root)).toBe('1. The greeting');
    expect(location.hash).toBe('#/lessons/fixture/1');
    for (const [n, title] of [
      [2, 'The recipient'],
      [3, 'Delivered'],
      [4, 'Your turn'],
    ] as const) {
      click(root.querySelector('[data-testid="lesson-next"]'));
      expect(heading(root)).toBe(`${n}. ${title}`);
      expect(location.hash).toBe(`#/lessons/fixture/${n}`);
    }
    expect(root.querySelector<HTMLButtonElement>('[data-testid="lesson-next"]')?.disabled).toBe(
      true,
    );
    expect(history.length).toBe(before);
    click(root.querySelector('[data-testid="lesson-prev"]'));
    expect(heading(root)).toBe('3. Delivered');
    expect(location.hash).toBe('#/lessons/fixture/3');
  });

  test('opens at the step it is given; the step list moves and marks the current step', () => {
    const root = render(2);
    expect(heading(root)).toBe('2. The recipient');
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.step-list a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '#/lessons/fixture',
      '#/lessons/fixture/1',
      '#/lessons/fixture/2',
      '#/lessons/fixture/3',
      '#/lessons/fixture/4',
    ]);
    expect(links[2]?.getAttribute('aria-current')).toBe('step');
    click(links[3]);
    expect(heading(root)).toBe('3. Delivered');
    expect(links[3]?.getAttribute('aria-current')).toBe('step');
    expect(location.hash).toBe('#/lessons/fixture/3');
    click(links[0]);
    expect(heading(root)).toBe('Introduction');
    expect(location.hash).toBe('#/lessons/fixture');
  });

  test('a step typed into the address is followed; another page is not', () => {
    const root = render(1);
    location.hash = '#/lessons/fixture/3';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    flushSync();
    expect(heading(root)).toBe('3. Delivered');
    location.hash = '#/lessons/fixture/77';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    flushSync();
    expect(heading(root)).toBe('3. Delivered');
  });

  test('the step change is announced', async () => {
    const root = render();
    click(root.querySelector('[data-testid="lesson-next"]'));
    await settle();
    expect(root.querySelector('[data-testid="lesson-announcer"]')?.textContent?.trim()).toBe(
      'Step 1 of 4: The greeting',
    );
  });

  test('"Back to this step" shows after scrubbing and returns', () => {
    const root = render(2);
    expect(root.querySelector('[data-testid="lesson-back"]')).toBeNull();
    click(root.querySelector('button[aria-label="Go to the start"]'));
    const back = root.querySelector('[data-testid="lesson-back"]');
    expect(back).not.toBeNull();
    click(back);
    expect(root.querySelector('[data-testid="lesson-back"]')).toBeNull();
  });

  test('the excerpt comes from the trace; raw HTML in the prose is text', () => {
    const root = render();
    const intro = root.querySelector('.narration')!;
    expect(intro.querySelector('b')).toBeNull();
    expect(intro.textContent).toContain('<b>Raw HTML</b> is shown as text.');
    const next = root.querySelector('[data-testid="lesson-next"]');
    click(next);
    click(next);
    const excerpt = root.querySelector('pre.excerpt')?.textContent ?? '';
    expect(excerpt.split('\n')[0]).toContain('C: HELO mydomain.com');
    expect(excerpt.split('\n').at(-1)).toContain('C: RCPT TO:<friend@example.com>');
  });
});

describe('exercises in the page', () => {
  function answer(root: HTMLElement, exercise: string, choice: number): void {
    const card = root.querySelector(`[data-exercise="exercise-${exercise}"]`)!;
    // The choices are shuffled on screen: pick by the choice's place in the file.
    click(card.querySelector<HTMLInputElement>(`input[type="radio"][value="${choice}"]`));
    card.querySelector('form')!.requestSubmit();
    flushSync();
  }

  test('predict, wrong: the reply appears with both explanations', () => {
    const root = render(1);
    expect(root.querySelector('pre.excerpt')?.textContent).not.toContain('220 www.example.com');
    expect(root.textContent).toContain('The last line is hidden until you make your prediction.');
    answer(root, 'predict-greeting', 1);
    const result = root.querySelector('[data-testid="predict-result"]')?.textContent ?? '';
    expect(result).toContain('Not quite: the server answered 220, not 250.');
    expect(result).toContain('250 answers a command; nothing was asked yet.');
    expect(result).toContain('The greeting is 220.');
    expect(root.querySelector('pre.excerpt')?.textContent).toContain(
      'S: 220 www.example.com ESMTP Postfix',
    );
    expect(
      root
        .querySelectorAll<HTMLInputElement>('[data-exercise] input[type="radio"]')[0]
        ?.closest('fieldset')?.disabled,
    ).toBe(true);
  });

  test('predict, right; without a choice it asks for one', () => {
    const root = render(1);
    root.querySelector<HTMLFormElement>('[data-exercise] form')!.requestSubmit();
    flushSync();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Choose one answer first.');
    answer(root, 'predict-greeting', 0);
    expect(root.querySelector('[data-testid="predict-result"]')?.textContent).toContain(
      'Right: the server answered 220.',
    );
    expect(progress.of('fixture')?.exercises['predict-greeting']).toBe('right');
  });

  test('quiz: every choice explained', () => {
    const root = render(2);
    answer(root, 'quiz-rcpt', 1);
    const result = root.querySelector('[data-testid="quiz-result"]')?.textContent ?? '';
    expect(result).toContain('Not quite.');
    expect(result).toContain('RCPT names one recipient.');
    expect(result).toContain('MAIL names the sender.');
  });

  test('task: start, check, solution, check again', () => {
    const root = render(4);
    click(button(root, 'Start the task'));
    expect(root.querySelector('#sim-panels-tab-editor')?.getAttribute('aria-selected')).toBe(
      'true',
    );
    click(button(root, 'Check'));
    const verdict = () => root.querySelector('[data-testid="task-verdict"]')?.textContent ?? '';
    expect(verdict()).toContain('Not yet');
    expect(verdict()).toContain('✗');
    expect(verdict()).toContain('there is no connection number 2');
    click(button(root, 'Hint'));
    expect(root.textContent).toContain("Copy the first session's event and start it later.");
    click(button(root, 'Show the solution'));
    click(button(root, 'Load the solution into the simulator'));
    expect(root.querySelector('[data-testid="task-verdict"]')).toBeNull();
    click(button(root, 'Check'));
    expect(verdict()).toContain('Solved: every check holds.');
    expect(verdict()).toContain('✓');
    click(button(root, 'Start over'));
    expect(root.querySelector('[data-testid="task-verdict"]')).toBeNull();
  });
});
