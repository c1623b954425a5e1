// The topology, ladder and transcript in Chromium on the simulator page (#/sandbox): step to the
// ETRN line of the backup-MX scenario, see the backup open a new connection to the primary in
// the ladder, move the cursor by clicking an arrow and with the keyboard, follow the transcript,
// reduced motion, a long trace drawn a window at a time, and screenshots at projector and phone
// size. The long trace uses a test-only page (test/e2e/fixtures/views.html) that mounts the
// views alone on a generated 5 MB message.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { VIEWPORTS, launchChromium, openPage, screenshot, type PageWatch } from './helpers/browser';
import { startDevServer, type AppServer } from './helpers/server';

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDevServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const ladder = (page: Page) => page.locator('.ladder');
const currentRow = (page: Page) => ladder(page).locator('button[aria-current="step"]');
const count = (page: Page) => page.locator('.time-controls .count');

function expectClean(watch: PageWatch): void {
  expect(watch.errors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
}

/** The cursor, read from the page's own counter ("event 12 of 213"). */
async function cursor(page: Page): Promise<number> {
  const text = (await count(page).textContent()) ?? '';
  const m = /(\d+)\D+\d+/.exec(text);
  if (!m) throw new Error(`no cursor in "${text}"`);
  return Number(m[1]);
}

/** Lets the packets finish travelling (their animation takes 0.7 s) before a screenshot. */
const settle = (page: Page) => page.waitForTimeout(900);

/** Scrolls an element to the top of the window, below the page's sticky controls if any. */
async function showAtTop(page: Page, selector: string): Promise<void> {
  await page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const target = el.closest('section') ?? el;
      let bar = document.querySelector('.time-controls');
      while (bar && getComputedStyle(bar).position !== 'sticky') bar = bar.parentElement;
      const offset = (bar?.getBoundingClientRect().height ?? 0) + 8;
      window.scrollTo(0, target.getBoundingClientRect().top + window.scrollY - offset);
    });
}

async function openBackupMx(page: Page): Promise<void> {
  await page.goto(`${server.url}#/sandbox`);
  await page.getByLabel('Scenario', { exact: true }).selectOption('backup-mx-etrn');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect.poll(() => page.locator('.topology [data-host]').count()).toBe(4);
  await expect.poll(() => cursor(page)).toBe(0);
}

/** Presses "Next line" until the ladder's current row shows `text`. */
async function stepLinesTo(page: Page, text: string): Promise<void> {
  const next = page.getByRole('button', { name: 'Next line', exact: true });
  for (let i = 0; i < 300; i += 1) {
    const before = await cursor(page);
    await next.click();
    await expect.poll(() => cursor(page)).toBeGreaterThan(before);
    if (((await currentRow(page).textContent()) ?? '').includes(text)) return;
  }
  throw new Error(`never reached a line with ${text}`);
}

describe('views on the simulator page', () => {
  test('ETRN: the backup opens a new connection to the primary; clicking an arrow moves the cursor', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    await openBackupMx(page);
    await expect.poll(() => ladder(page).textContent()).toContain('Nothing here yet');

    // Session by session to the one mx.b.example opens once it is back up, then line by line.
    const nextSession = page.getByRole('button', { name: 'Next session', exact: true });
    for (let i = 0; i < 12; i += 1) {
      const before = await cursor(page);
      await nextSession.click();
      await expect.poll(() => cursor(page)).toBeGreaterThan(before);
      const name = (await currentRow(page).getAttribute('aria-label')) ?? '';
      if (/connect #10\b.*, mx\.b\.example to backup\.b\.example/.test(name)) break;
    }
    await stepLinesTo(page, 'ETRN b.example');
    const etrn = Number(await currentRow(page).getAttribute('data-index'));
    expect(await currentRow(page).getAttribute('aria-label')).toMatch(
      /ETRN b\.example, mx\.b\.example to backup\.b\.example, command$/,
    );
    // The ETRN travels as a packet on the topology; the transcript follows connection #10.
    await expect.poll(() => page.locator('.topology .packet').textContent()).toContain('ETRN');
    expect(await page.locator('.transcript select').inputValue()).toBe('');
    await expect
      .poll(() => page.locator('.transcript button.line').last().textContent())
      .toContain('C: ETRN b.example');
    // The new connection is not there yet…
    expect(
      await ladder(page)
        .getByRole('button', { name: /connect #11/ })
        .count(),
    ).toBe(0);

    // …and after the ETRN session it is: from the backup to the primary, then its lines.
    await page.getByRole('button', { name: 'Next session', exact: true }).click();
    await expect
      .poll(() => currentRow(page).getAttribute('aria-label'))
      .toMatch(/connect #11 :25, backup\.b\.example to mx\.b\.example/);
    await stepLinesTo(page, 'EHLO backup.b.example');
    expect(await currentRow(page).getAttribute('aria-label')).toMatch(
      /EHLO backup\.b\.example, backup\.b\.example to mx\.b\.example/,
    );
    // The arrow points from the backup's lane to the primary's: right to left here.
    const lanes = await ladder(page).locator('.lanes .lane .name').allTextContents();
    expect(lanes.indexOf('backup.b.example')).toBeGreaterThan(lanes.indexOf('mx.b.example'));
    const head = await currentRow(page).locator('path.head').getAttribute('d');
    const shaft = currentRow(page).locator('line.shaft');
    const x1 = Number(await shaft.getAttribute('x1'));
    const tip = Number(/^M([\d.]+)/.exec(head ?? '')?.[1]);
    expect(tip).toBeLessThan(x1);
    await settle(page);
    await showAtTop(page, '.topology');
    await screenshot(page, 'views-desktop');
    await showAtTop(page, '.transcript');
    await screenshot(page, 'views-desktop-transcript');

    // Clicking the ETRN arrow puts the cursor just after it.
    const etrnRow = ladder(page).locator(`button[data-index="${etrn}"]`);
    await etrnRow.scrollIntoViewIfNeeded();
    await etrnRow.click();
    await expect.poll(() => cursor(page)).toBe(etrn + 1);
    await expect.poll(() => currentRow(page).getAttribute('data-index')).toBe(String(etrn));
    // The transcript follows the cursor back to connection #10.
    expect(await page.locator('.transcript select').inputValue()).toBe('');
    await expect
      .poll(() => page.locator('.transcript button.line').last().textContent())
      .toContain('C: ETRN b.example');

    // Keyboard: the arrow keys move the focus, Enter moves the cursor; the page's own arrow
    // shortcuts do not fire meanwhile.
    await etrnRow.focus();
    await page.keyboard.press('ArrowUp');
    const focused = page.locator('.ladder button:focus');
    await expect.poll(() => focused.textContent()).toContain('250 DSN');
    expect(await cursor(page)).toBe(etrn + 1);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => cursor(page))
      .toBe(Number(await focused.getAttribute('data-index')) + 1);

    // The transcript: a line focused is selected for the explanation.
    const dsn = page.locator('.transcript button.line', { hasText: 'S: 250 DSN' });
    // (The pointer is moved away first: a line under it would be explained instead.)
    await page.mouse.move(0, 0);
    await dsn.focus();
    await expect.poll(() => dsn.getAttribute('class')).toContain('selected');
    expectClean(watch);
    await close();
  });

  test('the transcript is copied and downloaded as shown, up to the cursor', async () => {
    const { page, watch, close } = await openPage(browser, server.origin, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await openBackupMx(page);
    await stepLinesTo(page, 'EHLO alice-pc');
    const expected = [
      'Connected to mail.a.example port 25.',
      'S: 220 mail.a.example ESMTP Postfix',
      'C: EHLO alice-pc',
      '',
    ].join('\n');
    await page.locator('.transcript').getByRole('button', { name: 'Copy', exact: true }).click();
    await expect
      .poll(() => page.locator('.transcript [role="status"]').textContent())
      .toBe('Transcript copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.transcript').getByRole('button', { name: 'Download .txt' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('smtp-sim-connection-1.txt');
    expect(readFileSync(await download.path(), 'utf8')).toBe(expected);
    expectClean(watch);
    await close();
  });

  test('a host is selected by click and by keyboard; down hosts say so', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    await openBackupMx(page);
    await page.getByRole('button', { name: 'Next event', exact: true }).click();
    const mx = page.locator('.topology [data-host="mx.b.example"]');
    await expect
      .poll(() => mx.locator('title').textContent())
      .toBe('mx.b.example, mail server, down, queue empty');
    await mx.click();
    await expect.poll(() => mx.getAttribute('aria-pressed')).toBe('true');
    await mx.focus();
    await page.keyboard.press('ArrowRight');
    const backup = page.locator('.topology [data-host="backup.b.example"]');
    await expect.poll(() => backup.evaluate((el) => el === document.activeElement)).toBe(true);
    const before = await cursor(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => backup.getAttribute('aria-pressed')).toBe('true');
    expect(await cursor(page)).toBe(before);
    expectClean(watch);
    await close();
  });

  test('reduced motion: packets do not move', async () => {
    const { page, watch, close } = await openPage(browser, server.origin, {
      reducedMotion: 'reduce',
    });
    await openBackupMx(page);
    await stepLinesTo(page, 'EHLO alice-pc');
    const mover = page.locator('.topology .packet .mover').first();
    expect(await mover.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    const moving = await openPage(browser, server.origin);
    await openBackupMx(moving.page);
    await stepLinesTo(moving.page, 'EHLO alice-pc');
    expect(
      await moving.page
        .locator('.topology .packet .mover')
        .first()
        .evaluate((el) => getComputedStyle(el).animationName),
    ).not.toBe('none');
    await moving.close();
    expectClean(watch);
    await close();
  });

  test('phone: the views fit 390 px, the ladder in its tab', async () => {
    const { page, watch, close } = await openPage(browser, server.origin, {
      viewport: VIEWPORTS.phone,
    });
    await openBackupMx(page);
    // On a phone one step button pair serves every kind: choose lines.
    await page.locator('#sim-step-by').selectOption('line');
    const next = page.getByRole('button', { name: 'Next line', exact: true });
    for (let i = 0; i < 4; i += 1) await next.click();
    await expect.poll(() => page.locator('.topology .packet').count()).toBeGreaterThan(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await settle(page);
    await showAtTop(page, '.topology');
    await screenshot(page, 'views-phone-topology');
    await page.getByRole('tab', { name: 'Ladder diagram' }).click();
    await expect.poll(() => currentRow(page).count()).toBe(1);
    // Every row before the cursor is drawn (the window is right even after the hidden tab).
    expect(await ladder(page).locator('button[data-index]').count()).toBe(
      await ladder(page).locator('li[data-row]').count(),
    );
    const first = ladder(page).locator('li[data-row="0"] button');
    expect(await first.getAttribute('aria-label')).toContain('mx.b.example is down');
    await showAtTop(page, '.ladder');
    await screenshot(page, 'views-phone-ladder');
    await showAtTop(page, '.transcript');
    await screenshot(page, 'views-phone-transcript');
    expectClean(watch);
    await close();
  });
});

test('dark theme', async () => {
  const { page, watch, close } = await openPage(browser, server.origin, { colorScheme: 'dark' });
  await openBackupMx(page);
  await page.getByRole('button', { name: 'Next failure', exact: true }).click();
  await page.getByRole('button', { name: 'Next failure', exact: true }).click();
  await expect.poll(() => currentRow(page).count()).toBe(1);
  await settle(page);
  await showAtTop(page, '.topology');
  await screenshot(page, 'views-desktop-dark');
  expectClean(watch);
  await close();
});

describe('views on a long trace (test page)', () => {
  test('about 64,000 events: only a window of rows is drawn, and seeking stays quick', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    await page.goto(`${server.url}test/e2e/fixtures/views.html?preset=big`);
    await page.waitForFunction(
      () => ((window as unknown as { sim?: { length: number } }).sim?.length ?? 0) > 60_000,
      null,
      { timeout: 60_000 },
    );
    const timings = await page.evaluate(async () => {
      const sim = (window as unknown as { sim: { length: number; seek(c: number): void } }).sim;
      const out: number[] = [];
      for (const c of [sim.length, Math.floor(sim.length / 2), 1000, sim.length - 3]) {
        const t0 = performance.now();
        sim.seek(c);
        await new Promise((r) => requestAnimationFrame(() => r(undefined)));
        out.push(performance.now() - t0);
      }
      return out;
    });
    const rows = await page.locator('li[data-row]').count();
    expect(rows).toBeGreaterThan(10);
    expect(rows).toBeLessThan(120);
    // Generous: a dev server with checks on, in a shared CI machine.
    expect(Math.max(...timings)).toBeLessThan(1000);
    expect(await currentRow(page).textContent()).toContain(
      'closes #1: server closed the connection',
    );
    await screenshot(page, 'views-long-trace');
    expectClean(watch);
    await close();
  });
});
