// The statechart and the inspectors in Chromium: the server machine drawn with its current state
// lit and its last transition marked (and following the cursor), a mailbox with a delivered
// message parsed hop by hop, and a hostile message body shown as text with nothing run.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shareQuery } from '../../src/core/scenario/share';
import { hostileScenario, presetJson, runJson } from '../ui/inspect/helpers';
import {
  SCREENSHOTS,
  VIEWPORTS,
  launchChromium,
  openPage,
  screenshot,
  type PageWatch,
} from './helpers/browser';
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

const HOSTILE = '<img src=x onerror=alert(1)>';

function expectClean(watch: PageWatch): void {
  expect(watch.errors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
}

/** Opens the sandbox on a scenario at a cursor (through a share link). */
async function openAt(page: Page, json: unknown, cursor: number): Promise<void> {
  await page.goto(`${server.url}#/sandbox?${shareQuery(json, cursor)}`);
  await page.getByTestId('sim-now').waitFor({ timeout: 30_000 });
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
}

/**
 * A screenshot of one panel, whole (artifacts/screenshots/<name>.png), with the sticky time
 * controls let go of for the moment so that they do not cover it.
 */
async function panelShot(panel: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const unstick = () => {
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const { position } = getComputedStyle(el);
      if (position === 'sticky' || position === 'fixed') {
        el.dataset.wasPosition = position;
        el.style.position = 'static';
      }
    }
  };
  const restick = () => {
    for (const el of document.querySelectorAll<HTMLElement>('[data-was-position]')) {
      el.style.position = '';
      delete el.dataset.wasPosition;
    }
  };
  await panel.page().evaluate(unstick);
  await panel.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  await panel.page().evaluate(restick);
}

/** Focus on nothing in particular, so that the arrow keys step the simulator. */
async function blur(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

describe('statechart', () => {
  // Just after the server's state event for `250 2.1.5 Ok` (the first recipient accepted).
  const json = presetJson('backup-mx-etrn');
  const { timeline } = runJson(json);
  const rcptState = timeline.events.findIndex(
    (e) =>
      e.type === 'state' &&
      e.actor === 'mail.a.example/server#1' &&
      JSON.stringify(e.value).includes('hasRecipients'),
  );

  test('the server machine, its current state lit and its last transition marked', async () => {
    const { page, watch, close } = await openPage(browser, server.origin);
    await openAt(page, json, rcptState + 1);
    await openTab(page, 'Statechart');
    const chart = page.locator('section.statechart');
    const current = chart.locator('g.state.current');
    // The first layout loads elkjs into a worker (on the dev server, transformed on first use).
    await current.waitFor({ timeout: 60_000 });
    expect(await current.getAttribute('data-state')).toBe(
      'smtpServer.session.transaction.hasRecipients',
    );
    expect(await current.locator('.badge').textContent()).toBe('current');
    expect(await chart.locator('g.state.previous').getAttribute('data-state')).toBe(
      'smtpServer.session.transaction.awaitingRecipient',
    );
    expect(await chart.locator('g.edge.last').getAttribute('data-edge')).toBe(
      'smtpServer.session.transaction→smtpServer.session.transaction.hasRecipients',
    );
    // The same in words: the current state and the transitions on offer.
    expect(await chart.locator('.now').textContent()).toContain(
      'session › transaction › hasRecipients',
    );
    expect(await chart.locator('p.last').textContent()).toContain('(on RCPT)');
    expect(await chart.locator('svg[role="img"]').getAttribute('aria-label')).toContain(
      'current state: session › transaction › hasRecipients',
    );
    await chart.locator('details.available summary').click();
    const offer = (await chart.locator('details.available').textContent()) ?? '';
    expect(offer).toContain('DATA');
    expect(offer).toContain('→ session › receivingText');
    await chart.scrollIntoViewIfNeeded();
    await screenshot(page, 'inspect-statechart-1280x720');
    await panelShot(chart, 'inspect-statechart-panel');

    // Two events on (the 354 and the state change after it): the chart follows.
    await blur(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => current.getAttribute('data-state'))
      .toBe('smtpServer.session.receivingText');
    expect(await chart.locator('g.edge.last').getAttribute('data-edge')).toBe(
      'smtpServer.session.transaction.hasRecipients→smtpServer.session.receivingText',
    );

    // The client side of the same connection.
    await chart.getByRole('button', { name: 'Client', exact: true }).click();
    await expect.poll(() => chart.locator('.who').textContent()).toContain('Client on alice-pc');
    await expect
      .poll(() => current.getAttribute('data-state'))
      .toBe('smtpClient.transaction.envelope');
    await screenshot(page, 'inspect-statechart-client-1280x720');
    expectClean(watch);
    await close();
  }, 120_000);

  test('on a phone, in the dark theme', async () => {
    const { page, watch, close } = await openPage(browser, server.origin, {
      viewport: VIEWPORTS.phone,
      colorScheme: 'dark',
    });
    await openAt(page, json, rcptState + 1);
    await openTab(page, 'Statechart');
    const chart = page.locator('section.statechart');
    await chart.locator('g.state.current').waitFor({ timeout: 60_000 });
    // The diagram scrolls inside its box; the panel is no wider than the screen.
    const panel = await chart.boundingBox();
    expect((panel?.x ?? 0) + (panel?.width ?? 0)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    const scroller = chart.locator('.scroller');
    expect(
      await scroller.evaluate((el) => el.scrollWidth > el.clientWidth && el.clientWidth > 200),
    ).toBe(true);
    await chart.locator('.scroller').scrollIntoViewIfNeeded();
    await screenshot(page, 'inspect-statechart-390x844-dark');
    expectClean(watch);
    await close();
  }, 120_000);
});

describe('mailboxes', () => {
  test('a delivered message: headers, the Received chain hop by hop, text, raw source', async () => {
    const json = presetJson('backup-mx-etrn');
    const { timeline } = runJson(json);
    const { page, watch, close } = await openPage(browser, server.origin);
    await openAt(page, json, timeline.length);
    await openTab(page, 'Mailboxes');
    const box = page.locator('section.mailboxes');
    await box.locator('details.message summary').first().click();
    await expect.poll(() => box.locator('pre.text').first().textContent()).toContain('Hi Bob!');
    expect(await box.locator('ol.hops li').count()).toBe(3);
    expect(await box.locator('ol.hops li').first().textContent()).toContain(
      'alice-pc → mail.a.example',
    );
    expect(await box.locator('dl.headers').textContent()).toContain('Subject');
    await box.locator('details.raw summary').click();
    expect(await box.locator('details.raw pre').textContent()).toContain('Return-Path:');
    await panelShot(box, 'inspect-mailbox-panel');
    expectClean(watch);
    await close();
  });

  test('a hostile body and subject are shown as text; no element is made, nothing runs', async () => {
    const json = hostileScenario();
    const { timeline } = runJson(json);
    const { page, watch, close } = await openPage(browser, server.origin);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await openAt(page, json, timeline.length);
    await openTab(page, 'Mailboxes');
    const box = page.locator('section.mailboxes');
    const summary = box.locator('details.message summary').first();
    expect(await summary.textContent()).toContain('<b>bold</b> <script>alert(2)</script>');
    await summary.click();
    await expect.poll(() => box.locator('pre.text').first().textContent()).toContain(HOSTILE);
    await box.locator('details.raw summary').click();
    expect(await box.locator('details.raw pre').textContent()).toContain(HOSTILE);
    expect(await box.locator('img, script, b').count()).toBe(0);
    // Give an injected onerror handler every chance to run.
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await panelShot(box, 'inspect-hostile-body-panel');
    expectClean(watch);
    await close();
  });
});
