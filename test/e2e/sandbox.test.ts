// The simulator page in Chromium: a preset, stepping to the ETRN line and back, the keyboard and
// its help overlay, share links (round trip, refused clipboard, tampered links), embed mode, the
// phone layout, German; then the production build offline, served from a sub-path.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeScenario, packText } from '../../src/core/scenario/share';
import { SHORTCUTS } from '../../src/ui/sim/controls/keymap';
import { VIEWPORTS, launchChromium, openPage, screenshot, type PageWatch } from './helpers/browser';
import {
  ROOT,
  freePort,
  startDevServer,
  startPreviewServer,
  type AppServer,
} from './helpers/server';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const now = (page: Page) => page.getByTestId('sim-now');
const announcer = (page: Page) => page.getByTestId('sim-announcer');
const clock = (page: Page) => page.getByTestId('sim-clock');
const nowText = async (page: Page) => (await now(page).textContent()) ?? '';

/** The cursor and trace length from "event N of M". */
async function position(page: Page): Promise<{ cursor: number; length: number }> {
  const text = (await page.locator('.time-controls .count').textContent()) ?? '';
  const match = /(\d+)\D+(\d+)/.exec(text);
  if (!match) throw new Error(`no position in ${JSON.stringify(text)}`);
  return { cursor: Number(match[1]), length: Number(match[2]) };
}
const cursor = async (page: Page) => (await position(page)).cursor;

function expectClean(watch: PageWatch): void {
  expect(watch.errors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
}

/** Opens the sandbox at `hash` and waits for the simulator. */
async function openSandbox(page: Page, url: string, hash = '#/sandbox'): Promise<void> {
  await page.goto(`${url}${hash}`);
  await now(page).waitFor({ timeout: 30_000 });
}

/** Focus on nothing in particular, as after clicking the page background. */
async function blur(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

const ETRN_CONNECTION = 'backup.b.example connects to mx.b.example port 25: connection open';
const ETRN_LINE = '02:01:00.160 mx.b.example → backup.b.example C: ETRN b.example';

describe('sandbox on the dev server', () => {
  let server: AppServer;

  beforeAll(async () => {
    server = await startDevServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  test('backup MX: step by session until ETRN opens a connection back, then step back', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    await page.goto(`${server.url}#/`);
    await page.getByRole('link', { name: 'Open the simulator' }).click();
    await now(page).waitFor({ timeout: 30_000 });
    await page.locator('#preset-select').selectOption('backup-mx-etrn');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toBe('#/sandbox?preset=backup-mx-etrn');
    expect(await clock(page).textContent()).toBe('0.000s');
    expect(await nowText(page)).toContain('Start: nothing has happened yet.');

    // Step by session until the backup opens the connection that ETRN asked for.
    const nextSession = page.getByRole('button', { name: 'Next session' });
    let steps = 0;
    while (!(await nowText(page)).includes(ETRN_CONNECTION)) {
      expect(steps++, 'sessions stepped').toBeLessThan(15);
      await nextSession.click();
    }
    expect(await clock(page).textContent()).toBe('02:01:00.480');
    await expect.poll(() => announcer(page).textContent()).toContain(ETRN_CONNECTION);
    // The ETRN line is in the views now (the ladder shows the path so far).
    await expect.poll(() => page.locator('main').innerText()).toContain('ETRN b.example');
    await screenshot(page, 'sandbox-1280x720-etrn');

    // Back by line until the cursor is just after the ETRN command itself.
    const at = await cursor(page);
    await blur(page);
    steps = 0;
    while (!(await nowText(page)).includes('C: ETRN b.example')) {
      expect(steps++, 'lines stepped back').toBeLessThan(6);
      await page.keyboard.press('Shift+ArrowLeft');
    }
    expect(await nowText(page)).toContain(ETRN_LINE);
    expect(await cursor(page)).toBeLessThan(at);
    await expect.poll(() => announcer(page).textContent()).toContain(ETRN_LINE);

    // One event back, one forward: the same place again.
    const here = await cursor(page);
    await page.keyboard.press('ArrowLeft');
    expect(await cursor(page)).toBe(here - 1);
    expect(await nowText(page)).not.toContain('C: ETRN b.example');
    await page.keyboard.press('ArrowRight');
    expect(await nowText(page)).toContain(ETRN_LINE);

    expectClean(watch);
    await close();
  });

  test('keyboard: every shortcut, never while typing, and the help overlay', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    await openSandbox(page, server.url, '#/sandbox?preset=backup-mx-etrn');
    const { length } = await position(page);
    await blur(page);

    await page.keyboard.press('End');
    expect(await cursor(page)).toBe(length);
    await page.keyboard.press('Home');
    expect(await cursor(page)).toBe(0);
    await page.keyboard.press('ArrowRight');
    expect(await cursor(page)).toBe(1);
    expect(await nowText(page)).toContain('mx.b.example is down');
    await page.keyboard.press('Shift+ArrowRight');
    expect(await nowText(page)).toContain('S: 220 mail.a.example ESMTP Postfix');
    await page.keyboard.press('Alt+ArrowRight');
    expect(await nowText(page)).toContain('mail.a.example connects to mx.b.example');
    await page.keyboard.press('Control+ArrowRight');
    expect(await nowText(page)).toContain('mail.a.example connects to backup.b.example');
    await page.keyboard.press('Alt+ArrowLeft');
    expect(await nowText(page)).toContain('mail.a.example connects to mx.b.example');
    await page.keyboard.press('f');
    expect(await nowText(page)).toMatch(/timeout|defers/);
    await page.keyboard.press('d');
    expect(await nowText(page)).toContain('delivers to bob@b.example');
    const delivered = await cursor(page);
    await page.keyboard.press('Shift+D');
    expect(await cursor(page)).toBe(0);
    await page.keyboard.press('d');
    expect(await cursor(page)).toBe(delivered);

    // Speed and play/pause; the live region speaks when playback starts and when it stops.
    const speed = page.getByLabel('Speed', { exact: true });
    await page.keyboard.press('+');
    expect(await speed.inputValue()).toBe('2');
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    expect(await speed.inputValue()).toBe('0.5');
    await page.keyboard.press('Home');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.time-controls .play').textContent()).toContain('Pause');
    await expect.poll(() => announcer(page).textContent()).toContain('Playing at 0.5×.');
    await expect.poll(() => cursor(page)).toBeGreaterThan(0);
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.time-controls .play').textContent()).toContain('Play');
    await expect.poll(() => announcer(page).textContent()).toContain('Paused.');

    // Keys in a field belong to the field.
    const before = await cursor(page);
    const picker = page.locator('#preset-select');
    await picker.focus();
    for (const key of ['ArrowRight', 'd', 'End', 'Alt+ArrowRight']) await page.keyboard.press(key);
    expect(await cursor(page)).toBe(before);
    expect(await speed.inputValue()).toBe('0.5');
    await page.getByRole('button', { name: 'Share link' }).click();
    const link = page.getByTestId('share-link');
    await link.focus();
    for (const key of ['ArrowLeft', 'Home', ' ', 'f', '?']) await page.keyboard.press(key);
    expect(await cursor(page)).toBe(before);
    expect(await page.locator('dialog[open]').count()).toBe(0);

    // The scrubber: the arrow keys step as everywhere else.
    const scrubber = page.getByRole('slider', { name: 'Position in the trace' });
    await scrubber.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    expect(await cursor(page)).toBe(1);
    await page.keyboard.press('Shift+ArrowRight');
    expect(await nowText(page)).toContain('S: 220 mail.a.example');
    expect(await scrubber.getAttribute('aria-valuetext')).toMatch(/^Event \d+ of \d+, at 1\.120s$/);

    // The help overlay: opened by "?" and by its button, listing every shortcut.
    await blur(page);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.locator('tbody tr').count()).toBe(SHORTCUTS.length + 1);
    const helpText = await dialog.innerText();
    for (const words of ['Next session', 'Alt', 'Ctrl', 'Shift', 'Space', 'Home', 'Esc']) {
      expect(helpText).toContain(words);
    }
    // Focus is inside and stays inside; the page behind does not react.
    const focusInDialog = () =>
      page.evaluate(() => !!document.activeElement?.closest('dialog[open]'));
    expect(await focusInDialog()).toBe(true);
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInDialog()).toBe(true);
    }
    const inDialog = await cursor(page);
    await page.keyboard.press('ArrowRight');
    expect(await cursor(page)).toBe(inDialog);
    await screenshot(page, 'sandbox-1280x720-help');
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog[open]').count()).toBe(0);

    const keysButton = page.getByRole('button', { name: 'Keys' });
    await keysButton.click();
    await dialog.waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await page.locator('dialog[open]').count()).toBe(0);
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-keyshortcuts')),
    ).toBe('?');
    await keysButton.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Keys');

    expectClean(watch);
    await close();
  });

  test('share: copy the link, open it in a new page, same scenario and cursor', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.origin,
    });
    await openSandbox(page, server.url, '#/sandbox?preset=backup-mx-etrn');
    await blur(page);
    for (let i = 0; i < 4; i++) await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    const at = await position(page);
    const sentence = await nowText(page);
    const time = await clock(page).textContent();

    await page.getByRole('button', { name: 'Share link' }).click();
    await expect.poll(() => page.locator('.share .status').textContent()).toContain('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.getByTestId('share-link').inputValue());
    expect(copied).toMatch(
      new RegExp(
        `^${server.url.replaceAll('.', '\\.')}#/sandbox\\?s=[A-Za-z0-9_-]+&c=${at.cursor}$`,
      ),
    );
    expect(copied.length).toBeLessThan(2500);

    const other = await openPage(browser, server.origin);
    await other.page.goto(copied);
    await now(other.page).waitFor({ timeout: 30_000 });
    expect(await position(other.page)).toEqual(at);
    expect(await nowText(other.page)).toBe(sentence);
    expect(await clock(other.page).textContent()).toBe(time);
    expect(await other.page.locator('.scenario-title').textContent()).toContain(
      'Backup MX and ETRN',
    );
    await screenshot(other.page, 'sandbox-1280x720-shared');
    expectClean(other.watch);
    await other.close();

    expectClean(watch);
    await close();
  });

  test('share: when the clipboard is refused, the link is selected to copy by hand', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    });
    await openSandbox(page, server.url, '#/sandbox?preset=greylisting');
    await page.getByRole('button', { name: 'Share link' }).click();
    await expect.poll(() => page.locator('.share .status').textContent()).toContain('by hand');
    const selected = await page.evaluate(() => {
      const field = document.activeElement as HTMLInputElement;
      return field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0);
    });
    expect(selected).toContain('#/sandbox?s=');
    expectClean(watch);
    await close();
  });

  test('broken and tampered links: a clear message, the presets offered, nothing crashes', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    const good = encodeScenario(
      JSON.parse(readFileSync(join(ROOT, 'src/app/simulator/presets/seed-session.json'), 'utf8')),
    );
    const middle = Math.floor(good.length / 2);
    const flipped = `${good.slice(0, middle)}${good[middle] === 'A' ? 'B' : 'A'}${good.slice(middle + 1)}`;
    const cases: Array<[string, string]> = [
      [`s=${flipped}`, 'damaged'],
      [`s=${good.slice(0, 30)}`, 'damaged'],
      [`s=${good}*!`, 'characters a share link never has'],
      [`s=${packText('{"title": "x",')}`, 'not valid JSON'],
      [`s=${packText('{"title": "x", "hosts": []}')}`, 'not a valid scenario'],
      [`s=${good}&c=-3`, 'not a number of events'],
      ['s=', 'holds no scenario'],
      ['preset=no-such-thing', 'no preset scenario called “no-such-thing”'],
    ];
    for (const [query, words] of cases) {
      await page.goto(`${server.url}#/sandbox?${query}`);
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.innerText(), query).toContain(words);
      expect(await page.getByTestId('sim-now').count()).toBe(0);
    }
    // The invalid scenario's validation message is shown.
    await page.goto(`${server.url}#/sandbox?s=${packText('{"title": "x", "hosts": []}')}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('hosts');
    await screenshot(page, 'sandbox-1280x720-broken-link');

    // The untampered link works, and a preset offered in the message opens.
    await page.goto(`${server.url}#/sandbox?s=${good}&c=2`);
    await now(page).waitFor();
    expect(await cursor(page)).toBe(2);
    await page.goto(`${server.url}#/sandbox?s=${flipped}`);
    await page.getByRole('alert').getByRole('link', { name: 'Greylisting' }).click();
    await now(page).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.locator('#preset-select').inputValue()).toBe('greylisting');
    expectClean(watch);
    await close();
  });

  test('phone, dark: compact controls that stay in view, views as tabs', async () => {
    const { page, watch, close } = await openPage(browser, server.origin, {
      viewport: VIEWPORTS.phone,
      deviceScaleFactor: 1,
      hasTouch: true,
      isMobile: true,
      colorScheme: 'dark',
    });
    await openSandbox(page, server.url, '#/sandbox?preset=backup-mx-etrn');
    const controls = page.locator('.time-controls');
    await screenshot(page, 'sandbox-390x844-start');
    const height = (await controls.boundingBox())?.height ?? 0;
    expect(height).toBeLessThan(VIEWPORTS.phone.height * 0.25);
    await page.getByLabel('Step by').selectOption('session');
    const next = page.getByRole('button', { name: 'Next session' });
    await next.click();
    await next.click();
    expect(await nowText(page)).toContain('connects to mx.b.example');
    await screenshot(page, 'sandbox-390x844');

    // Scrolled down to the panels, the controls are still on screen.
    await page.getByRole('tab', { name: 'Queues' }).scrollIntoViewIfNeeded();
    await page.getByRole('tab', { name: 'Queues' }).click();
    const box = await controls.boundingBox();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(VIEWPORTS.phone.height);
    await next.click();
    await screenshot(page, 'sandbox-390x844-scrolled');

    // Topology and ladder are tabs here.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('tab', { name: 'Ladder diagram' }).click();
    expect(
      await page.getByRole('tab', { name: 'Ladder diagram' }).getAttribute('aria-selected'),
    ).toBe('true');
    await screenshot(page, 'sandbox-390x844-ladder');
    expectClean(watch);
    await close();
  });

  test('embed mode: the simulator alone, for an iframe', async () => {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const { page, watch, close } = await openPage(browser, server.origin, { viewport });
      await page.goto(`${server.url}?embed=1#/sandbox?preset=relay-three-hops`);
      await now(page).waitFor({ timeout: 30_000 });
      expect(await page.locator('.site-header').count()).toBe(0);
      expect(await page.locator('.site-footer').count()).toBe(0);
      // The heading is there for screen readers only.
      expect((await page.locator('h1').boundingBox())?.width).toBeLessThanOrEqual(1);
      expect(await page.getByRole('heading', { name: 'Simulator', level: 1 }).count()).toBe(1);
      const full = page.getByRole('link', { name: 'Open in the full simulator' });
      expect(await full.getAttribute('target')).toBe('_blank');
      expect(await full.getAttribute('href')).not.toContain('embed');
      await blur(page);
      await page.keyboard.press('Alt+ArrowRight');
      expect(await cursor(page)).toBeGreaterThan(0);
      await screenshot(page, `sandbox-${viewport.width}x${viewport.height}-embed`);
      expectClean(watch);
      await close();
      void name;
    }
  });

  test('German: controls, narration and help in German', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    await openSandbox(page, server.url, '#/sandbox?preset=backup-mx-etrn');
    await page.getByLabel('Language').selectOption('de');
    await expect
      .poll(() => page.locator('.time-controls .play').textContent())
      .toContain('Abspielen');
    await blur(page);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => nowText(page)).toContain('mx.b.example ist ausgefallen');
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Tastenkürzel' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Umschalt');
    expect(await dialog.innerText()).toContain('Strg');
    await screenshot(page, 'sandbox-1280x720-de-help');
    await page.keyboard.press('Escape');
    await page.getByLabel('Sprache').selectOption('en');
    expectClean(watch);
    await close();
  });
});

/** `vite build` into a temporary folder and `vite preview` of it under `base`. */
async function previewUnder(base: string): Promise<AppServer> {
  const outDir = mkdtempSync(join(tmpdir(), 'smtp-sim-sub-'));
  const vite = join(ROOT, 'node_modules/.bin/vite');
  const build = spawnSync(
    vite,
    ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}${build.stderr}`);
  const port = await freePort();
  const child = spawn(
    vite,
    [
      'preview',
      '--outDir',
      outDir,
      '--base',
      base,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { cwd: ROOT, stdio: 'ignore', env: { ...process.env, BROWSER: 'none' } },
  );
  const origin = `http://127.0.0.1:${port}`;
  const url = `${origin}${base}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error('vite preview did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    origin,
    stop: async () => {
      if (child.exitCode === null && child.pid !== undefined) {
        const exited = new Promise((r) => child.once('exit', r));
        process.kill(child.pid, 'SIGTERM');
        await exited;
      }
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the service worker controls the page and has stored the whole build. */
async function waitForOffline(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: 30_000,
    })
    .toBe(true);
}

describe('offline, from the production build', () => {
  test('root: load once, go offline, reload: the simulator and its lazy panels still work', async () => {
    const server = await startPreviewServer();
    try {
      const { page, watch, close } = await openPage(browser, server.origin);
      await openSandbox(page, server.url, '#/sandbox?preset=backup-mx-etrn');
      await waitForOffline(page);
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
        `${server.url}sw.js`,
      );

      await page.context().setOffline(true);
      await page.reload();
      await now(page).waitFor({ timeout: 30_000 });
      await blur(page);
      await page.keyboard.press('Alt+ArrowRight');
      expect(await nowText(page)).toContain('connects to mail.a.example');
      // Panels in chunks never opened before come from the store too.
      for (const [tab, id] of [
        ['Statechart', 'statechart'],
        ['Mailboxes', 'mailboxes'],
        ['Editor', 'editor'],
      ] as const) {
        await page.getByRole('tab', { name: tab }).click();
        const panel = page.locator(`#sim-panels-panel-${id}`);
        await expect.poll(() => panel.innerText(), { timeout: 15_000 }).not.toContain('Loading');
        expect(await panel.innerText()).not.toContain('could not be loaded');
        expect((await panel.innerText()).length).toBeGreaterThan(20);
      }
      await page.goto(`${server.url}#/`);
      await page.locator('h1').waitFor();
      expect(await page.locator('h1').textContent()).toBe('SMTP, one line at a time');
      await page.context().setOffline(false);
      expectClean(watch);
      await close();
    } finally {
      await server.stop();
    }
  });

  test('a sub-path: the worker is scoped to it and the site works offline there', async () => {
    const server = await previewUnder('/course/smtp/');
    try {
      const { page, watch, close } = await openPage(browser, server.origin);
      await openSandbox(page, `${server.url}?embed=1`, '#/sandbox?preset=mx-null');
      await waitForOffline(page);
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      expect(scope).toBe(server.url);
      const cached = await page.evaluate(async () => {
        const names = await caches.keys();
        const cache = await caches.open(names.find((n) => n.startsWith('smtp-sim-')) ?? '');
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
      });
      expect(cached).toContain('/course/smtp/');
      expect(cached.filter((p) => !p.startsWith('/course/smtp/'))).toEqual([]);
      expect(cached.some((p) => /\/assets\/SandboxPage-.*\.js$/.test(p))).toBe(true);

      await page.context().setOffline(true);
      await page.reload();
      await now(page).waitFor({ timeout: 30_000 });
      expect(await page.locator('.site-header').count()).toBe(0);
      await page.context().setOffline(false);
      expectClean(watch);
      await close();
    } finally {
      await server.stop();
    }
  });
});
