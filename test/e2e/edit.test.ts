// Doing things in the sandbox, in Chromium: a console session inside the simulated network with
// mistakes (503 and 501 shown and explained, every view following), a host failure injected at
// the cursor (the fork listed, the run changed), a broken scenario imported (errors next to the
// fields, nothing runs, nothing crashes), and an export → import round trip.
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

const PRESET = 'backup-mx-etrn';
const BACKUP_MX = JSON.parse(
  readFileSync(new URL(`../../src/app/simulator/presets/${PRESET}.json`, import.meta.url), 'utf8'),
) as { hosts: Array<Record<string, unknown>> };

const now = (page: Page) => page.getByTestId('sim-now');
const nowText = async (page: Page) => (await now(page).textContent()) ?? '';
const lines = (page: Page) => page.locator('.sim-console ol.transcript button.line');
const announcer = (page: Page) => page.getByTestId('sim-console-announcer');
const explainHeading = (page: Page) => page.locator('.sim-console .explain h3');

async function position(page: Page): Promise<{ cursor: number; length: number }> {
  const text = (await page.locator('.time-controls .count').textContent()) ?? '';
  const match = /(\d+)\D+(\d+)/.exec(text);
  if (!match) throw new Error(`no position in ${JSON.stringify(text)}`);
  return { cursor: Number(match[1]), length: Number(match[2]) };
}

function expectClean(watch: PageWatch): void {
  expect(watch.errors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
}

async function openSandbox(page: Page): Promise<void> {
  await page.goto(`${server.url}#/sandbox?preset=${PRESET}`);
  await now(page).waitFor({ timeout: 30_000 });
}

async function openPanel(page: Page, id: string, ready: string): Promise<void> {
  await page.locator(`#sim-panels-tab-${id}`).click();
  await page.locator(ready).waitFor({ timeout: 30_000 });
}

/** Moves the cursor to the end of the run (the End shortcut, with the focus on nothing). */
async function toEnd(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('End');
  const { length } = await position(page);
  await expect.poll(async () => (await position(page)).cursor).toBe(length);
}

/** Screenshot with a heading of the panel at the top of the page, under the time controls. */
async function shoot(page: Page, anchor: string, name: string): Promise<void> {
  await page.locator(anchor).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.mouse.wheel(0, -170);
  await page.waitForTimeout(150);
  await screenshot(page, name);
}

async function type(page: Page, text: string, code: string): Promise<void> {
  const before = await lines(page).count();
  await page.locator('#sc-input').fill(text);
  await page.locator('#sc-input').press('Enter');
  await expect.poll(() => lines(page).count()).toBeGreaterThan(before);
  await expect.poll(() => lines(page).last().textContent()).toContain(`S:${code}`);
}

async function importText(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('scenario-import').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

describe('doing things in the sandbox', () => {
  test('console inside the network: a session with mistakes, explained, every view following', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    await openSandbox(page);
    await toEnd(page);
    const { length: before } = await position(page);
    await openPanel(page, 'console', '#sc-server');
    await page.locator('#sc-server').selectOption('mx.b.example');
    expect(await page.getByTestId('telnet-command').textContent()).toBe('telnet mx.b.example 25');
    await page.getByRole('button', { name: /^Connect at/ }).click();
    await expect.poll(() => lines(page).last().textContent()).toContain('S:220 mx.b.example ESMTP');
    await expect.poll(() => announcer(page).textContent()).toContain('Connected to mx.b.example.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sc-input');

    // MAIL before HELO: 503, explained; the simulator's cursor is at that reply.
    await type(page, 'MAIL FROM:<alice@a.example>', '503');
    await expect.poll(() => explainHeading(page).textContent()).toBe('Reply 503');
    const live503 = (await announcer(page).textContent()) ?? '';
    expect(live503).toContain('Bad sequence of commands');
    expect(live503).toContain('RFC 5321');
    await expect.poll(() => nowText(page)).toContain('mx.b.example → alice-pc S: 503');

    await type(page, 'HELO alice-pc', '250');
    // A bad sender: 501, and the client line explains the syntax error.
    await type(page, 'MAIL FROM:bad', '501');
    await expect.poll(() => explainHeading(page).textContent()).toBe('Reply 501');
    expect(await announcer(page).textContent()).toContain(
      'Syntax error in parameters or arguments',
    );
    await expect.poll(() => nowText(page)).toContain('S: 501 Syntax: MAIL FROM:<address>');
    await lines(page).filter({ hasText: 'MAIL FROM:bad' }).click();
    await expect.poll(() => explainHeading(page).textContent()).toBe('Command MAIL');
    expect(await page.locator('.sim-console .explain').textContent()).toContain('Syntax error');

    // The session is in the world: a longer run, one fork at the moment of connecting.
    const after = await position(page);
    expect(after.length).toBeGreaterThan(before);
    await expect.poll(() => page.locator('main').innerText()).toContain('MAIL FROM:bad');
    await shoot(page, '#sc-title', 'edit-console-1280x720');

    // A whole message, then hang up: QUIT, 221, closed.
    await page.locator('#sc-input').focus();
    await type(page, 'MAIL FROM:<alice@a.example>', '250');
    await type(page, 'RCPT TO:<bob@b.example>', '250');
    await type(page, 'DATA', '354');
    for (const text of ['Subject: typed in the sandbox', '', 'Hello Bob.']) {
      await page.locator('#sc-input').fill(text);
      await page.locator('#sc-input').press('Enter');
    }
    await type(page, '.', '250');
    await page.getByRole('button', { name: 'Hang up' }).click();
    await expect
      .poll(() => page.locator('.sim-console ol.transcript').textContent())
      .toContain('221');
    await expect
      .poll(() => page.locator('.sim-console ol.transcript').textContent())
      .toContain('Connection closed by foreign host.');
    await expect.poll(() => page.getByRole('button', { name: /^Connect at/ }).count()).toBe(1);

    // Phone size: the console still fits.
    await page.setViewportSize(VIEWPORTS.phone);
    await shoot(page, '#sc-title', 'edit-console-390x844');
    expectClean(watch);
    await close();
  });

  test('a host failure injected at the cursor: the fork is listed and the run changes', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    await openSandbox(page);
    // Step to the first session: mail.a.example has just been handed the message.
    await page.getByRole('button', { name: 'Next delivery' }).click();
    const before = await position(page);
    const clockBefore = await page.getByTestId('sim-clock').textContent();
    await openPanel(page, 'faults', '#fp-host');
    await page.locator('#fp-host').selectOption('mx.b.example');
    await expect.poll(() => page.locator('#fp-host-state').textContent()).toContain('is up');
    await page.getByRole('button', { name: 'Take down' }).click();

    await expect.poll(() => page.getByTestId('fork-list').locator('li').count()).toBe(1);
    const fork = (await page.getByTestId('fork-list').textContent()) ?? '';
    expect(fork).toContain('mx.b.example down');
    expect(fork).toContain(clockBefore ?? '?');
    expect(await page.getByTestId('fault-status').textContent()).toContain('the world ran again');
    // The cursor stays; the run after it is another one.
    const after = await position(page);
    expect(after.cursor).toBe(before.cursor);
    expect(after.length).not.toBe(before.length);
    await expect.poll(() => page.locator('#fp-host-state').textContent()).toContain('is down');

    // Go to the fork: the first event that differs is the host going down.
    await page.getByRole('button', { name: /^Go to the fork/ }).click();
    await expect.poll(() => nowText(page)).toContain('mx.b.example is down');
    await shoot(page, '#fp-title', 'edit-fault-fork-1280x720');

    // A reply fault with a reply that is not one: refused next to its field, nothing runs.
    await page.locator('#fp-reply').fill('250 all fine');
    await page.getByRole('button', { name: 'Make it answer so' }).click();
    await expect.poll(() => page.locator('#fp-reply').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#fp-reply-err').textContent()).toContain('4xx or 5xx');
    expect(await page.getByTestId('fork-list').locator('li').count()).toBe(1);
    expectClean(watch);
    await close();
  });

  test('a message sent from the form at the cursor is delivered in the new run', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    await openSandbox(page);
    await toEnd(page);
    const before = await position(page);
    await openPanel(page, 'send', '#sf-title');
    expect(await page.locator('#sf-host').inputValue()).toBe('alice-pc');
    expect(await page.locator('#sf-from').inputValue()).toBe('alice@a.example');
    expect(await page.locator('#sf-to').inputValue()).toBe('bob@b.example');
    // A broken recipient first: refused at its field, nothing runs.
    await page.locator('#sf-to').fill('bob@');
    await page.getByRole('button', { name: /^Send at/ }).click();
    await expect.poll(() => page.locator('#sf-to').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#sf-to-err').textContent()).toContain('"bob@"');
    expect(await position(page)).toEqual(before);

    await page.locator('#sf-to').fill('bob@b.example');
    await page.locator('#sf-subject').fill('Sent from the form');
    await page.getByRole('button', { name: /^Send at/ }).click();
    await expect.poll(() => page.getByTestId('send-status').textContent()).toContain('Sent at');
    expect(await page.locator('#sf-to').getAttribute('aria-invalid')).toBeNull();
    const after = await position(page);
    expect(after.length).toBeGreaterThan(before.length);
    // To the end of the new run: the message is in Bob's mailbox.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('End');
    await page.getByRole('button', { name: 'Previous delivery' }).click();
    await expect.poll(() => nowText(page)).toContain('Sent from the form');
    await shoot(page, '#sf-title', 'edit-send-1280x720');
    expectClean(watch);
    await close();
  });

  test('a broken scenario imported: errors next to the fields, nothing runs, nothing crashes', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    await openSandbox(page);
    const before = await position(page);
    await openPanel(page, 'editor', '#ed-heading');
    const broken = structuredClone(BACKUP_MX);
    broken.hosts[2] = { ...broken.hosts[2], ip: '10.0.0.300', mailbox: ['bob@b.example'] };
    await importText(page, 'broken.json', JSON.stringify(broken, null, 2));

    await expect.poll(() => page.locator('#ed-summary').isVisible()).toBe(true);
    expect(await page.locator('#ed-summary h3').textContent()).toBe('Problems: 2');
    const ip = page.locator('#ed-hosts-2-ip');
    expect(await ip.getAttribute('aria-invalid')).toBe('true');
    expect(await ip.getAttribute('aria-describedby')).toContain('ed-hosts-2-ip-err');
    expect(await page.locator('#ed-hosts-2-ip-err').textContent()).toContain(
      '"10.0.0.300" is not an IPv4 address',
    );
    expect(await page.locator('#ed-hosts-2-err').textContent()).toContain('mailbox: unknown key');
    expect(await page.getByTestId('editor-status').textContent()).toContain('nothing ran');
    // The simulator still shows the previous run.
    expect(await position(page)).toEqual(before);
    await shoot(page, '#ed-heading', 'edit-import-broken-1280x720');

    // The summary leads to the field.
    await page.locator('#ed-summary button', { hasText: 'hosts[2].ip' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ed-hosts-2-ip');
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(150);
    await screenshot(page, 'edit-import-broken-field-1280x720');

    // Not JSON at all: the JSON tab, with the line and column.
    await importText(page, 'broken.json', '{\n  "title": "x",\n}\n');
    await expect.poll(() => page.locator('#ed-json').isVisible()).toBe(true);
    expect(await page.locator('#ed-summary').textContent()).toContain('line 3, column 1');
    expect(await position(page)).toEqual(before);
    expectClean(watch);
    await close();
  });

  test('export → import round trip', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    await openSandbox(page);
    await openPanel(page, 'editor', '#ed-heading');
    await page.locator('#ed-title').fill('Round trip');
    await page.locator('#ed-events-1-subject').fill('Exported');
    await page.getByRole('button', { name: 'Apply and rerun' }).first().click();
    await expect.poll(() => page.getByTestId('editor-status').textContent()).toContain('Applied');
    const { length } = await position(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export scenario.json' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('scenario.json');
    const path = await download.path();
    const exported = readFileSync(path, 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ title: 'Round trip' });

    // Into a fresh page: the same scenario runs, the same run.
    const other = await openPage(browser, server.origin);
    await openSandbox(other.page);
    await openPanel(other.page, 'editor', '#ed-heading');
    await importText(other.page, 'scenario.json', exported);
    await expect
      .poll(() => other.page.getByTestId('editor-status').textContent())
      .toContain('Imported scenario.json');
    expect(await other.page.locator('#ed-title').inputValue()).toBe('Round trip');
    expect(await other.page.locator('#ed-events-1-subject').inputValue()).toBe('Exported');
    expect((await position(other.page)).length).toBe(length);
    expectClean(other.watch);
    await other.close();
    expectClean(watch);
    await close();
  });
});
