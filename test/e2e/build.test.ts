// The production build under its Content-Security-Policy: `vite build`, then `vite preview`.
// A CSP violation shows as a console error; any request to another origin is a failure.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, openPage } from './helpers/browser';
import { startPreviewServer, type AppServer } from './helpers/server';

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  server = await startPreviewServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('the built console works under the CSP, with no request to another origin', async () => {
  const { page, watch, close } = await openPage(browser, server.origin);
  await page.goto(`${server.url}#/console`);
  const last = () => page.locator('ol.transcript button.line').last().textContent();
  await expect.poll(last).toContain('220 www.example.com ESMTP Postfix');
  await page.locator('#console-input').fill('EHLO x');
  await page.locator('#console-input').press('Enter');
  await expect.poll(last).toContain('250 www.example.com Hello x [198.51.100.7]');

  await page.getByLabel('Theme').selectOption('dark');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(17, 20, 24)');

  expect(watch.errors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
  await close();
});
