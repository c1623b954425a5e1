// The console page in Chromium: a session with mistakes, each reply explained and announced,
// keyboard use, German, embed mode, and screenshots at desktop and phone size.
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

const announcer = (page: Page) => page.getByTestId('announcer');
const input = (page: Page) => page.locator('#console-input');
const lines = (page: Page) => page.locator('ol.transcript button.line');

async function send(page: Page, text: string): Promise<void> {
  await input(page).fill(text);
  await input(page).press('Enter');
}

/** Sends a line and waits until the live region speaks of the reply code. */
async function sendExpect(page: Page, text: string, code: string): Promise<void> {
  const before = await lines(page).count();
  await send(page, text);
  await expect.poll(() => lines(page).count()).toBeGreaterThan(before);
  await expect.poll(() => announcer(page).textContent()).toContain(`${code}`);
}

async function lastLineText(page: Page): Promise<string> {
  return (await lines(page).last().textContent()) ?? '';
}

function expectClean(watch: PageWatch): void {
  expect(watch.errors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
}

describe('console page', () => {
  test('a session with mistakes, every reply explained and announced', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    await page.goto(`${server.url}#/console`);
    await expect.poll(() => lastLineText(page)).toContain('S:220 www.example.com ESMTP Postfix');
    await expect
      .poll(() => announcer(page).textContent())
      .toContain('Connected to www.example.com.');
    await expect.poll(() => announcer(page).textContent()).toContain('220');

    await input(page).focus();
    // MAIL before HELO: 503, out of sequence.
    await sendExpect(page, 'MAIL FROM:<a@b.example>', '503');
    expect(await lastLineText(page)).toContain('503 Error: send HELO/EHLO first');
    const live503 = (await announcer(page).textContent()) ?? '';
    expect(live503).toContain('Bad sequence of commands');
    expect(live503).toContain('5xx Permanent Negative Completion');
    expect(live503).toContain('RFC 5321 §4.2.3');
    await expect.poll(() => page.locator('.explain h3').textContent()).toBe('Reply 503');
    // The input keeps the focus after Enter.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('console-input');

    await sendExpect(page, 'HELO x', '250');
    expect(await lastLineText(page)).toContain('250 Hello x');
    expect(await announcer(page).textContent()).toContain('Requested mail action okay, completed');

    // A bad sender: 501, and the client line explains the syntax error.
    await sendExpect(page, 'MAIL FROM:bad', '501');
    expect(await announcer(page).textContent()).toContain(
      'Syntax error in parameters or arguments',
    );
    const badLine = lines(page).filter({ hasText: 'MAIL FROM:bad' });
    await badLine.click();
    await expect.poll(() => page.locator('.explain h3').textContent()).toBe('Command MAIL');
    const explainText = (await page.locator('.explain').textContent()) ?? '';
    expect(explainText).toContain('Syntax error');
    expect(explainText).toContain('MAIL FROM:<reverse-path> [SP mail-parameters]');
    expect(explainText).toContain('RFC 5321 §4.1.1.2');
    await expect
      .poll(() => announcer(page).textContent())
      .toContain('From you (the client): MAIL FROM:bad');

    // Keyboard: arrows move through the transcript, Escape returns to the input.
    await badLine.focus();
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('250 Hello x');
    await expect.poll(() => page.locator('.explain h3').textContent()).toBe('Reply 250');
    await screenshot(page, 'console-1280x720-line-focused');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('console-input');

    // A whole delivery.
    await sendExpect(page, 'MAIL FROM:<sender@mydomain.com>', '250');
    await sendExpect(page, 'RCPT TO:<friend@example.com>', '250');
    await sendExpect(page, 'DATA', '354');
    await expect
      .poll(() => page.locator('#console-input-hint').textContent())
      .toContain('message text');
    for (const text of ['Subject: test message', '', 'Hello,', '..a line with a dot']) {
      await send(page, text);
    }
    await expect.poll(() => lines(page).filter({ hasText: 'message text' }).count()).toBe(4);
    const dotted = lines(page).filter({ hasText: '..a line with a dot' });
    await dotted.click();
    await expect.poll(() => page.locator('.explain').textContent()).toContain('dot-stuffing');
    await input(page).focus();
    await sendExpect(page, '.', '250');
    expect(await lastLineText(page)).toMatch(/250 Ok: queued as [0-9A-F]{10}/);

    await screenshot(page, 'console-1280x720');

    await sendExpect(page, 'QUIT', '221');
    await expect
      .poll(() => announcer(page).textContent())
      .toContain('Connection closed by foreign host.');
    await expect
      .poll(() => page.locator('.status').first().textContent())
      .toContain('Not connected');

    // History: ↑ recalls the last line.
    await input(page).press('ArrowUp');
    expect(await input(page).inputValue()).toBe('QUIT');

    // Copy and download give the same telnet-style transcript.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.origin,
    });
    await page.getByRole('button', { name: 'Copy transcript' }).click();
    await expect.poll(() => page.locator('.tools .status').textContent()).toContain('copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('$ telnet www.example.com 25\n');
    expect(copied).toContain('C: MAIL FROM:bad\nS: 501 Syntax: MAIL FROM:<address>\n');
    expect(copied).toContain('S: 221 Bye\nConnection closed by foreign host.\n');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as .txt' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('smtp-www.example.com.txt');
    const path = await download.path();
    expect(readFileSync(path, 'utf8')).toBe(copied);

    expectClean(watch);
    await close();
  });

  test('ESMTP server with enhanced codes, AUTH and a phone-sized screen', async () => {
    const { page, watch, close } = await openPage(browser, server.origin, {
      viewport: VIEWPORTS.phone,
      deviceScaleFactor: 1,
      colorScheme: 'dark',
    });
    await page.goto(`${server.url}#/console`);
    await expect.poll(() => lastLineText(page)).toContain('220 www.example.com');
    await page.selectOption('#server-select', 'mxb');
    await page.getByRole('button', { name: 'Reconnect' }).click();
    await expect.poll(() => lastLineText(page)).toContain('220 mx.b.example ESMTP');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('console-input');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'console-390x844-top');

    await sendExpect(page, 'EHLO mydomain.com', '250');
    expect(await lastLineText(page)).toContain('250 ETRN');
    await page.getByRole('button', { name: 'MAIL FROM:<sender@mydomain.com> SIZE=2000' }).click();
    expect(await input(page).inputValue()).toBe('MAIL FROM:<sender@mydomain.com> SIZE=2000');
    await input(page).press('Enter');
    await expect.poll(() => announcer(page).textContent()).toContain('Enhanced code 2.1.0');
    await sendExpect(page, 'RCPT TO:<nobody@elsewhere.example>', '550');
    expect(await announcer(page).textContent()).toContain('5.7.1');
    await sendExpect(page, 'RSET', '250');
    await sendExpect(page, 'AUTH PLAIN', '334');
    await expect.poll(() => page.locator('#console-input-hint').textContent()).toContain('AUTH');
    await sendExpect(page, 'AGFsaWNlAHNlY3JldA==', '235');
    await lines(page).filter({ hasText: 'AGFsaWNlAHNlY3JldA==' }).click();
    await expect.poll(() => page.locator('.explain').textContent()).toContain('\\0alice\\0secret');

    // The input is visible without scrolling on a phone.
    await input(page).focus();
    const box = await input(page).boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(VIEWPORTS.phone.height);
    await screenshot(page, 'console-390x844-dark');

    expectClean(watch);
    await close();
  });

  test('German, the home page, not found, and embed mode', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    await page.goto(`${server.url}#/`);
    await page.getByRole('link', { name: 'Talk to a server' }).first().click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/console');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await page.getByLabel('Language').selectOption('de');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mit einem Server sprechen');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await expect.poll(() => lastLineText(page)).toContain('220');
    await input(page).focus();
    await sendExpect(page, 'NOOP', '250');
    expect(await announcer(page).textContent()).toContain(
      'Verlangte Mail-Aktion in Ordnung und erledigt',
    );
    await screenshot(page, 'console-1280x720-de');

    // The choice survives a reload.
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mit einem Server sprechen');
    await page.getByLabel('Sprache').selectOption('en');

    await page.goto(`${server.url}#/nowhere`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Page not found');
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('SMTP, one line at a time');
    await screenshot(page, 'home-1280x720');

    await page.goto(`${server.url}?embed=1#/console`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Talk to a server');
    expect(await page.locator('header.site-header').count()).toBe(0);
    expect(await page.locator('footer').count()).toBe(0);

    expectClean(watch);
    await close();
  });
});
