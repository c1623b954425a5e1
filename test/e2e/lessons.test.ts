// The lessons in Chromium: the index, lesson 08 (found by its folder number) walked with Next
// from the intro to the last step with the heading and the address checked at each, one exercise
// answered right and one wrong (the right answers computed here from the lesson's files with the
// core library), Back leaving the lesson, a deep link to step 3 surviving a reload, an unknown
// step, the print view with and without answers, and the teacher's page. Screenshots:
// artifacts/screenshots/lessons-*.png.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { predictAnswer } from '../../src/core/lesson/exercises';
import { parseLesson } from '../../src/core/lesson/parse';
import { resolveSteps } from '../../src/core/lesson/steps';
import type { Exercise, Lesson, ResolvedStep } from '../../src/core/lesson/types';
import { simulate } from '../../src/core/world/simulate';
import { launchChromium, openPage, screenshot, type PageWatch } from './helpers/browser';
import { ROOT, startPreviewServer, type AppServer } from './helpers/server';

const LESSONS = join(ROOT, 'lessons');
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe's serious and critical WCAG 2.1 A/AA violations on the page as it is now, in words. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.waitForTimeout(150);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    const ids = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) ?? 0) + 1);
    return [
      ...result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ...[...ids].filter(([, n]) => n > 1).map(([id]) => `duplicate id ${id}`),
    ];
  });
}

/** Lesson 08 as the core reads it, its steps placed on its trace. */
function lessonNumber(n: string): { lesson: Lesson; steps: ResolvedStep[]; trace: unknown[] } {
  const folder = readdirSync(LESSONS).find((name) => name.startsWith(`${n}-`));
  if (!folder) throw new Error(`no lessons/${n}-* folder`);
  const dir = join(LESSONS, folder);
  const files = Object.fromEntries(
    readdirSync(dir)
      .filter((f) => /\.(md|json)$/.test(f))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
  const parsed = parseLesson(folder, files);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors, null, 2));
  const trace = simulate(parsed.lesson.scenario).trace;
  const resolved = resolveSteps(parsed.lesson, trace);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.errors, null, 2));
  return { lesson: parsed.lesson, steps: resolved.steps, trace };
}

/** The index of the right choice of a predict or quiz exercise at step `i`. */
function rightChoice(
  ex: Exercise,
  step: ResolvedStep,
  trace: Parameters<typeof predictAnswer>[0],
): number {
  if (ex.kind === 'predict') {
    const code = predictAnswer(trace, step);
    return ex.choices.findIndex((c) => c.code === code);
  }
  if (ex.kind === 'quiz') return ex.choices.findIndex((c) => c.correct);
  throw new Error('a task has no choices');
}

let browser: Browser;
let server: AppServer;

beforeAll(async () => {
  // The production build: the lazily loaded lesson chunks as shipped, and no dev server reloading
  // the page while lesson files change.
  [browser, server] = await Promise.all([launchChromium(), startPreviewServer()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function expectClean(watch: PageWatch): void {
  expect(watch.errors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
}

const hash = (page: Page) => page.evaluate(() => location.hash);
const stepHeading = (page: Page) => page.getByTestId('lesson-step-title');
const headingText = async (page: Page) =>
  ((await stepHeading(page).textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('lesson 08 in the player', () => {
  const { lesson, steps, trace } = lessonNumber('08');
  const slug = lesson.slug;

  test('from the index, Next through every step; one answer right, one wrong', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(request.url()));
    await page.goto(`${server.url}#/`);
    await page.waitForLoadState('networkidle');
    // The home page stays small: the lessons and the player are fetched only when opened.
    const lessonChunk = (url: string) => /\/assets\/(catalog-|Lesson|Markdown-)/.test(url);
    expect(fetched.filter(lessonChunk)).toEqual([]);
    await page.getByRole('link', { name: 'See all lessons' }).click();
    await expect.poll(() => hash(page)).toBe('#/lessons');

    // The index lists lesson 08 by its folder; open it from there.
    const entry = page.locator(`li[data-folder^="08-"]`);
    await entry.waitFor({ timeout: 30_000 });
    expect(await entry.textContent()).toContain('Lesson 08');
    expect(await entry.textContent()).toContain(lesson.meta.summary);
    await screenshot(page, 'lessons-1280x720-index');
    await entry.getByRole('link', { name: lesson.meta.title }).click();
    await expect.poll(() => hash(page)).toBe(`#/lessons/${slug}`);
    await stepHeading(page).waitFor({ timeout: 30_000 });
    expect(await headingText(page)).toBe('Introduction');
    expect(await page.locator('main h1').textContent()).toBe(lesson.meta.title);
    await expect.poll(() => page.title()).toBe(`${lesson.meta.title} · smtp-sim`);
    expect(fetched.filter(lessonChunk).length).toBeGreaterThan(0);

    const answered: Array<'right' | 'wrong'> = [];
    const next = page.getByTestId('lesson-next');
    for (const [i, resolved] of steps.entries()) {
      await next.click();
      const n = i + 1;
      await expect.poll(() => headingText(page)).toBe(`${n}. ${resolved.step.title}`);
      await expect.poll(() => hash(page)).toBe(`#/lessons/${slug}/${n}`);
      expect(await page.getByTestId('lesson-where').textContent()).toBe(
        `Step ${n} of ${steps.length}`,
      );
      await expect
        .poll(() => page.getByTestId('lesson-announcer').textContent())
        .toContain(`Step ${n} of ${steps.length}: ${resolved.step.title}`);

      // The first predict or quiz answered right, the next one wrong.
      for (const id of resolved.step.exercises) {
        const ex = lesson.exercises.find((e) => e.id === id);
        if (!ex || ex.kind === 'task' || answered.length >= 2) continue;
        const right = rightChoice(ex, resolved, trace as never);
        expect(right, `${id} has a right choice`).toBeGreaterThanOrEqual(0);
        const wantRight = answered.length === 0;
        const pick = wantRight ? right : (right + 1) % ex.choices.length;
        const card = page.locator(`[data-exercise="exercise-${id}"]`);
        // The choices are shuffled per browser: pick by the choice's place in the file.
        await card.locator(`input[type="radio"][value="${pick}"]`).check();
        await screenshot(page, `lessons-1280x720-${ex.kind}`);
        await card.locator('button[type="submit"]').click();
        const result = card.getByTestId(ex.kind === 'predict' ? 'predict-result' : 'quiz-result');
        await result.waitFor();
        const text = (await result.textContent()) ?? '';
        if (wantRight) expect(text).toMatch(/^\s*Right/);
        else expect(text).toMatch(/^\s*Not quite/);
        answered.push(wantRight ? 'right' : 'wrong');
        await screenshot(page, `lessons-1280x720-${ex.kind}-${answered.at(-1)}`);
      }
    }
    expect(answered).toEqual(['right', 'wrong']);
    expect(await next.isDisabled()).toBe(true);

    // The address was replaced at every step: Back leaves the lesson for the index.
    await page.goBack();
    await expect.poll(() => hash(page)).toBe('#/lessons');
    await expect.poll(() => page.title()).toBe('Lessons · smtp-sim');
    const progress = page.locator(`li[data-folder^="08-"] [data-testid="lesson-progress"]`);
    await expect
      .poll(() => progress.textContent())
      .toContain(`Last seen: step ${steps.length} of ${steps.length}`);
    // Only the right answer counts.
    expect(await progress.textContent()).toContain('1 of');
    expect(await progress.textContent()).toContain('exercises right or solved');
    expectClean(watch);
    await close();
  }, 240_000);

  test('a deep link to step 3 opens step 3, after a reload too', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    await page.goto(`${server.url}#/lessons/${slug}/3`);
    const title = `3. ${steps[2]?.step.title}`;
    await expect.poll(() => headingText(page), { timeout: 30_000 }).toBe(title);
    await page.reload();
    await expect.poll(() => headingText(page), { timeout: 30_000 }).toBe(title);
    expect(await hash(page)).toBe(`#/lessons/${slug}/3`);
    // The transcript lines since step 2 come from the trace.
    await expect(page.locator('pre.excerpt').count()).resolves.toBeLessThanOrEqual(1);
    await screenshot(page, 'lessons-1280x720-step3');

    // A step out of range: a message and a way back, not a crash.
    await page.goto(`${server.url}#/lessons/${slug}/${steps.length + 1}`);
    await page.getByRole('heading', { level: 1, name: 'No such step' }).waitFor();
    await page.getByRole('link', { name: 'Start the lesson' }).click();
    await expect.poll(() => headingText(page)).toBe(`1. ${steps[0]?.step.title}`);
    await page.goto(`${server.url}#/lessons/no-such-lesson`);
    await page.getByRole('heading', { level: 1, name: 'No such lesson' }).waitFor();
    expectClean(watch);
    await close();
  }, 120_000);

  test('the print view: every step, answers only on request', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    await page.goto(`${server.url}#/lessons/${slug}/print`);
    await page.locator('article.lesson-print').waitFor({ timeout: 30_000 });
    expect(await page.locator('main h1').textContent()).toBe(lesson.meta.title);
    await expect.poll(() => page.title()).toBe(`Handout: ${lesson.meta.title} · smtp-sim`);
    expect(await page.locator('section.step').count()).toBe(steps.length);
    for (const [i, resolved] of steps.entries()) {
      expect(await page.locator(`#print-step-${i + 1}`).textContent()).toContain(
        resolved.step.title,
      );
    }
    expect(await page.locator('pre.excerpt').count()).toBeGreaterThan(0);
    expect(await page.getByText('(correct)').count()).toBe(0);
    await page.getByLabel('Include the answers (for teachers)').check();
    expect(await page.getByText('(correct)').count()).toBeGreaterThan(0);
    await screenshot(page, 'lessons-1280x720-print');

    // Printed: no controls, no site header.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.lesson-print .toolbar').isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expectClean(watch);
    await close();
  }, 120_000);
});

test('the keyboard alone: Tab to Next, a visible focus ring, Enter moves; answer with keys', async () => {
  const { lesson, steps } = lessonNumber('08');
  const predictStep =
    steps.findIndex((r) =>
      r.step.exercises.some((id) => lesson.exercises.find((e) => e.id === id)?.kind === 'predict'),
    ) + 1;
  const { page, watch, close } = await openPage(browser, server.origin);
  await page.goto(`${server.url}#/lessons/${lesson.slug}/${predictStep - 1}`);
  await stepHeading(page).waitFor({ timeout: 30_000 });
  let tabs = 0;
  while (!(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')))) {
    expect(tabs++, 'Tab presses to reach a step button').toBeLessThan(30);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Tab'); // past Previous to Next
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
    'lesson-next',
  );
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
  expect(outline).toBe('solid 3px');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => headingText(page))
    .toBe(`${predictStep}. ${steps[predictStep - 1]?.step.title}`);
  // Focus stays on Next; Tab on to the first choice of the prediction, Space picks it.
  const card = page.locator('[data-exercise]').first();
  tabs = 0;
  while (!(await card.evaluate((el) => el.contains(document.activeElement)))) {
    expect(tabs++, 'Tab presses to reach the exercise').toBeLessThan(40);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab'); // the submit button
  await page.keyboard.press('Enter');
  await card.getByTestId('predict-result').waitFor();
  // The result took the focus (the button that had it is gone).
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
    'predict-result',
  );
  await screenshot(page, 'lessons-1280x720-keyboard');
  expectClean(watch);
  await close();
}, 120_000);

describe('after the review', () => {
  test('Previous and Next stay in place from the intro to step 2', async () => {
    const { lesson } = lessonNumber('08');
    const { page, watch, close } = await openPage(browser, server.origin);
    await page.goto(`${server.url}#/lessons/${lesson.slug}`);
    await stepHeading(page).waitFor({ timeout: 30_000 });
    const boxes: Array<{ prev: number[]; next: number[] }> = [];
    for (let n = 0; n < 3; n++) {
      const box = async (id: string) => {
        const b = await page.getByTestId(id).boundingBox();
        return b ? [Math.round(b.x + b.width), Math.round(b.y)] : [];
      };
      const prevBox = await page.getByTestId('lesson-prev').boundingBox();
      boxes.push({ prev: prevBox ? [Math.round(prevBox.x)] : [], next: await box('lesson-next') });
      if (n < 2) {
        await page.getByTestId('lesson-next').click();
        await expect.poll(() => hash(page)).toBe(`#/lessons/${lesson.slug}/${n + 1}`);
      }
    }
    // Next keeps its right edge and its row; Previous its left edge.
    expect(boxes, JSON.stringify(boxes)).toHaveLength(3);
    expect(new Set(boxes.map((b) => b.next.join())).size, JSON.stringify(boxes)).toBe(1);
    expect(new Set(boxes.map((b) => b.prev.join())).size).toBe(1);
    const prevTop = await page.getByTestId('lesson-prev').boundingBox();
    expect(Math.round(prevTop!.y)).toBe(boxes[0]!.next[1]);
    expectClean(watch);
    await close();
  }, 120_000);

  test('a task: the tool link starts it, the console is fresh and in view, Check sees the session', async () => {
    const { lesson, steps } = lessonNumber('02');
    const n = steps.findIndex((r) => r.step.exercises.includes('task-deliver-bob')) + 1;
    const { page, watch, close } = await openPage(browser, server.origin);
    await page.setViewportSize({ width: 1280, height: 720 });
    // Lesson 02 by its folder name: the address is replaced by the lesson's.
    await page.goto(`${server.url}#/lessons/${lesson.folder}/${n}`);
    await expect.poll(() => hash(page), { timeout: 30_000 }).toBe(`#/lessons/${lesson.slug}/${n}`);
    await stepHeading(page).waitFor({ timeout: 30_000 });
    // Before the task starts, its tool is not open on the lesson's world.
    expect(await page.locator('#sim-panels-tab-console').getAttribute('aria-selected')).toBe(
      'false',
    );
    const card = page.locator('[data-exercise="exercise-task-deliver-bob"]');
    await card.getByRole('button', { name: 'Console', exact: true }).click();
    await card.getByText('The task’s world is loaded in the simulator.').waitFor();
    const panel = page.locator('#sim-panels-panel-console');
    await expect.poll(() => panel.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    expect(await panel.isVisible()).toBe(true);
    const inView = await page.evaluate(() => {
      const r = document.activeElement!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    // A fresh console: connect and type a whole session; it is connection 1 of the task's world.
    await page.locator('#sc-server').selectOption('mx.b.example');
    await page.getByRole('button', { name: /^Connect at/ }).click();
    await page.locator('#sc-input').waitFor();
    for (const line of [
      'HELO alice-pc',
      'MAIL FROM:<alice@a.example>',
      'RCPT TO:<bob@b.example>',
      'DATA',
      'Subject: hi',
      '',
      'Hello Bob.',
      '.',
      'QUIT',
    ]) {
      await page.locator('#sc-input').fill(line);
      await page.locator('#sc-input').press('Enter');
      await page.waitForTimeout(60);
    }
    await card.getByRole('button', { name: 'Check', exact: true }).click();
    const verdict = card.getByTestId('task-verdict');
    await verdict.waitFor();
    expect(await verdict.textContent()).toContain('Solved: every check holds.');
    await screenshot(page, 'lessons-1280x720-task-console');
    expectClean(watch);
    await close();
  }, 120_000);

  test('a prediction: → does not show the hidden reply; brackets of addresses are shown', async () => {
    const { lesson, steps } = lessonNumber('08');
    const n =
      steps.findIndex((r) =>
        r.step.exercises.some(
          (id) => lesson.exercises.find((e) => e.id === id)?.kind === 'predict',
        ),
      ) + 1;
    const { page, watch, close } = await openPage(browser, server.origin);
    await page.goto(`${server.url}#/lessons/${lesson.slug}/${n}`);
    await stepHeading(page).waitFor({ timeout: 30_000 });
    const excerpt = await page.locator('section.wire').textContent();
    await page.locator('body').press('ArrowRight');
    await page.locator('body').press('ArrowRight');
    await expect
      .poll(() => page.getByTestId('lesson-held').textContent())
      .toContain('The reply stays hidden until you make your prediction');
    expect(await page.locator('section.wire').textContent()).toBe(excerpt);
    // Whatever the prompts say in angle brackets is shown with them.
    const prompts = (await page.locator('[data-exercise] legend').allTextContents()).join(' ');
    expect(prompts).not.toMatch(/(MAIL FROM|RCPT TO):[^<\s]/);
    expectClean(watch);
    await close();
  }, 120_000);

  test('the handout of lesson 07 stays short: long transcripts are cut and counted', async () => {
    const { lesson } = lessonNumber('07');
    const { page, watch, close } = await openPage(browser, server.origin);
    await page.goto(`${server.url}#/lessons/${lesson.slug}/print`);
    await page.locator('article.lesson-print').waitFor({ timeout: 30_000 });
    const omitted = page.getByTestId('excerpt-omitted');
    expect(await omitted.count()).toBeGreaterThan(0);
    expect(await omitted.first().textContent()).toMatch(/… \d+ more lines left out here/);
    await page.emulateMedia({ media: 'print' });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    // A4 at 96 dpi is about 1123 px: well under the 17 pages it used to be.
    expect(height / 1123).toBeLessThan(10);
    await page.emulateMedia({ media: 'screen' });
    expectClean(watch);
    await close();
  }, 120_000);

  test('the teachers’ page links the app addresses', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    await page.goto(`${server.url}#/teachers`);
    await page.locator('article.teachers').waitFor({ timeout: 30_000 });
    await page.locator('article.teachers a[href="#/sandbox"]').first().click();
    await expect.poll(() => hash(page)).toBe('#/sandbox');
    expectClean(watch);
    await close();
  }, 60_000);
});

test('the teacher’s page', async () => {
  const { page, watch, close } = await openPage(browser, server.origin);
  await page.goto(`${server.url}#/`);
  await page.getByRole('link', { name: 'Lessons', exact: true }).first().click();
  await expect.poll(() => hash(page)).toBe('#/lessons');
  await page.getByRole('link', { name: /^For teachers/ }).click();
  await expect.poll(() => hash(page)).toBe('#/teachers');
  await page.locator('article.teachers').waitFor({ timeout: 30_000 });
  expect(await page.locator('main h1').textContent()).toBe('For teachers');
  expectClean(watch);
  await close();
}, 60_000);

describe('axe: no serious or critical violations on the lesson pages', () => {
  const { lesson, steps } = lessonNumber('08');
  const slug = lesson.slug;
  const withExercise = (kind: Exercise['kind']) =>
    steps.findIndex((r) =>
      r.step.exercises.some((id) => lesson.exercises.find((e) => e.id === id)?.kind === kind),
    ) + 1;

  for (const setup of [
    { colorScheme: 'light', lang: 'en' },
    { colorScheme: 'dark', lang: 'de' },
  ] as const) {
    test(`index, player, exercises, print, teachers (${setup.colorScheme}, ${setup.lang})`, async () => {
      const { page, watch, close } = await openPage(browser, server.origin, {
        colorScheme: setup.colorScheme,
        reducedMotion: 'reduce',
      });
      await page.addInitScript((lang) => localStorage.setItem('smtp-sim.locale', lang), setup.lang);
      const found: Record<string, string[]> = {};
      const scan = async (state: string) => {
        found[state] = await seriousViolations(page);
      };

      await page.goto(`${server.url}#/lessons`);
      await page.locator('li[data-folder^="08-"]').waitFor({ timeout: 30_000 });
      await scan('index');
      await page.goto(`${server.url}#/lessons/${slug}`);
      await stepHeading(page).waitFor({ timeout: 30_000 });
      await scan('intro');

      // A predict step, before and after answering; a quiz answered; a task started and checked.
      for (const kind of ['predict', 'quiz', 'task'] as const) {
        const n = withExercise(kind);
        if (n === 0) continue;
        await page.goto(`${server.url}#/lessons/${slug}/${n}`);
        await page.reload();
        const card = page.locator(`[data-exercise]`).first();
        await card.waitFor({ timeout: 30_000 });
        await scan(`step ${n} with a ${kind}`);
        if (kind === 'task') {
          await card.locator('button.primary').click();
          await card.locator('button.primary').click();
          await card.getByTestId('task-verdict').waitFor();
        } else {
          await card.locator('input[type="radio"]').first().check();
          await card.locator('button[type="submit"]').click();
          await card.getByTestId(`${kind}-result`).waitFor();
        }
        await screenshot(page, `lessons-${setup.colorScheme}-${setup.lang}-${kind}-answered`);
        await scan(`step ${n} with a ${kind}, answered`);
      }

      await page.goto(`${server.url}#/lessons/${slug}/print`);
      await page.locator('article.lesson-print').waitFor({ timeout: 30_000 });
      await page.locator('.lesson-print input[type="checkbox"]').check();
      await scan('print view with answers');
      await page.goto(`${server.url}#/teachers`);
      await page.locator('article.teachers').waitFor({ timeout: 30_000 });
      await scan('teachers');
      await page.goto(`${server.url}#/`);
      await page.locator('#home-lessons').waitFor({ timeout: 30_000 });
      await scan('home');

      expect(Object.keys(found)).toHaveLength(11);
      expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0))).toEqual({});
      expectClean(watch);
      await close();
    }, 180_000);
  }
});
