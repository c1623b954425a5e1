// Accessibility in Chromium: an axe-core scan (WCAG 2.0/2.1 A and AA rules) of every route and
// the simulator's main states — each panel in turn, the keyboard help, a broken share link, embed
// mode — in both themes, both languages and on a phone; plus a keyboard walk of #/sandbox: every
// control reached with Tab, each one showing a visible focus ring.
//
// Fails on any `serious` or `critical` violation (and on duplicate ids); every violation, of any
// impact, is printed as a readable list. axe is injected with page.evaluate (the page's CSP
// allows no inline script). Screenshots: artifacts/screenshots/a11y-*.png.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { shareQuery } from '../../src/core/scenario/share';
import { presetJson, runJson } from '../ui/inspect/helpers';
import { VIEWPORTS, launchChromium, openPage, screenshot, type PageWatch } from './helpers/browser';
import { ROOT, startDevServer, type AppServer } from './helpers/server';

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING = new Set(['serious', 'critical']);

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDevServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  printReport();
});

// ------------------------------------------------------------------------------------- scanning

interface Violation {
  state: string;
  rule: string;
  impact: string;
  help: string;
  url: string;
  nodes: Array<{ target: string; html: string; summary: string }>;
}

const found: Violation[] = [];
const scanned: string[] = [];

function describeViolation(v: Violation): string {
  const nodes = v.nodes
    .slice(0, 6)
    .map(
      (n) =>
        `      ${n.target}\n        ${n.html}\n        ${n.summary.replace(/\n/g, '\n        ')}`,
    )
    .join('\n');
  const more = v.nodes.length > 6 ? `\n      … and ${v.nodes.length - 6} more` : '';
  return `  [${v.impact}] ${v.rule}: ${v.help} (${v.url})\n${nodes}${more}`;
}

/** Every state and its violations in one line each, then each rule once with its nodes. */
function printReport(): void {
  const lines = [`axe scan (${AXE_TAGS.join(', ')}): ${scanned.length} states`];
  for (const state of scanned) {
    const here = found.filter((v) => v.state === state);
    const list = here.map((v) => `${v.rule} [${v.impact}] ×${v.nodes.length}`).join('; ');
    lines.push(`- ${state}: ${list || 'no violations'}`);
  }
  const rules = new Map<string, Violation>();
  for (const v of found) if (!rules.has(v.rule)) rules.set(v.rule, v);
  if (rules.size > 0) lines.push('', 'Rules violated (nodes from the first state that had them):');
  for (const v of rules.values()) lines.push(`${v.state}:`, describeViolation(v));
  console.log(lines.join('\n'));
}

type Found = Omit<Violation, 'state'>;

/** Runs axe on the page as it is now (and counts duplicate ids). */
async function runAxe(page: Page): Promise<Found[]> {
  await page.waitForTimeout(150); // let transitions and late renders settle
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    const out = result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      url: v.helpUrl.replace(/\?.*$/, ''),
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        html: n.html.slice(0, 160),
        summary: n.failureSummary ?? '',
      })),
    }));
    // Duplicate ids (WCAG 2.1 4.1.1): axe 4.x no longer reports them all, so count them here.
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    const duplicates = [...seen].filter(([, n]) => n > 1);
    if (duplicates.length > 0)
      out.push({
        rule: 'duplicate-id (own check)',
        impact: 'serious',
        help: 'ids must be unique in the document',
        url: 'https://www.w3.org/TR/WCAG21/#parsing',
        nodes: duplicates.map(([id, n]) => ({
          target: `#${id}`,
          html: `${n} elements`,
          summary: '',
        })),
      });
    return out;
  }, AXE_TAGS);
}

/** Runs axe on the page as it is now and records its violations under `state`. */
async function scan(page: Page, state: string): Promise<void> {
  const violations = await runAxe(page);
  scanned.push(state);
  for (const v of violations) found.push({ state, ...v });
}

/** Fails on the serious and critical violations recorded since `from` (an index into `found`). */
function expectNoSerious(from: number): void {
  const serious = found.slice(from).filter((v) => FAILING.has(v.impact));
  expect(
    serious.map((v) => `${v.state}\n${describeViolation(v)}`),
    'serious or critical violations',
  ).toEqual([]);
}

// ------------------------------------------------------------------------------------- helpers

type Theme = 'light' | 'dark';
type Lang = 'en' | 'de';

interface Setup {
  theme?: Theme;
  lang?: Lang;
  phone?: boolean;
}

/** A page with the theme and language chosen beforehand (as stored by the header's settings). */
async function open(
  setup: Setup = {},
): Promise<{ page: Page; watch: PageWatch; close: () => Promise<void> }> {
  const options: BrowserContextOptions = {
    viewport: setup.phone ? VIEWPORTS.phone : VIEWPORTS.desktop,
    colorScheme: setup.theme ?? 'light',
    reducedMotion: 'reduce',
  };
  const opened = await openPage(browser, server.origin, options);
  // The setting the header's selects store (read by the app at start).
  await opened.page.addInitScript(
    ([theme, lang]) => {
      localStorage.setItem('smtp-sim.theme', theme);
      localStorage.setItem('smtp-sim.locale', lang);
    },
    [setup.theme ?? 'light', setup.lang ?? 'en'] as const,
  );
  return opened;
}

const label = (setup: Setup): string =>
  [setup.phone ? '390x844' : '1280x720', setup.theme ?? 'light', setup.lang ?? 'en'].join(' ');

const shotName = (state: string): string =>
  `a11y-${state
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()}`;

function expectClean(watch: PageWatch): void {
  expect(watch.errors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
}

async function blur(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

const PRESET = 'backup-mx-etrn';
const json = presetJson(PRESET);
const { timeline } = runJson(json);
const MIDDLE = Math.floor(timeline.length / 2);

async function openSandboxMiddle(page: Page, extra = ''): Promise<void> {
  await page.goto(`${server.url}#/sandbox?${shareQuery(json, MIDDLE)}${extra}`);
  await page.getByTestId('sim-now').waitFor({ timeout: 30_000 });
}

/** Each panel, with what shows it is ready, and what to do in it before the scan. */
const PANELS: Array<{ id: string; ready: string; act?: (page: Page) => Promise<void> }> = [
  { id: 'transcript', ready: '#sim-panels-panel-transcript' },
  { id: 'explain', ready: 'section.explain' },
  { id: 'statechart', ready: 'section.statechart svg g.state' },
  { id: 'queue', ready: 'section.queues' },
  { id: 'dns', ready: 'section.dns' },
  { id: 'log', ready: 'section.events' },
  { id: 'accounting', ready: 'section.accounting' },
  { id: 'editor', ready: 'section.editor' },
  { id: 'send', ready: 'section.send-form' },
  { id: 'faults', ready: 'section.fault-panel' },
  {
    id: 'console',
    ready: '#sc-server',
    act: async (page) => {
      // At the middle of the run the primary is down: talk to the backup.
      await page.locator('#sc-server').selectOption('backup.b.example');
      await page.getByRole('button', { name: /^(Connect at|Verbinden)/ }).click();
      await expect
        .poll(() => page.locator('.sim-console ol.transcript button.line').last().textContent())
        .toContain('S:220');
      await page.locator('#sc-input').fill('MAIL FROM:<alice@a.example>');
      await page.locator('#sc-input').press('Enter');
      await page.locator('.sim-console .explain h3').waitFor();
    },
  },
  {
    // Last: a delivered message needs the cursor at the end.
    id: 'mailboxes',
    ready: 'section.mailboxes',
    act: async (page) => {
      await blur(page);
      await page.keyboard.press('End');
      const summary = page.locator('section.mailboxes details.message summary').first();
      await summary.click();
      await page.locator('section.mailboxes pre.text').first().waitFor();
    },
  },
];

async function scanPanels(page: Page, setup: Setup, ids?: string[]): Promise<void> {
  for (const panel of PANELS) {
    if (ids && !ids.includes(panel.id)) continue;
    await page.locator(`#sim-panels-tab-${panel.id}`).click();
    await page.locator(panel.ready).first().waitFor({ timeout: 60_000 });
    await panel.act?.(page);
    const state = `sandbox panel ${panel.id} (${label(setup)})`;
    await page
      .locator(`#sim-panels-panel-${panel.id}`)
      .evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, shotName(state));
    await scan(page, state);
  }
}

// ------------------------------------------------------------------------------------- the scans

test('the scan finds what it should: an unnamed button, faint text, a duplicate id', async () => {
  const { page, close } = await open();
  await page.goto(`${server.url}#/`);
  await page.locator('main h1').waitFor();
  await page.evaluate(() => {
    const main = document.querySelector('main') as HTMLElement;
    main.insertAdjacentHTML(
      'beforeend',
      '<button type="button"></button><p style="color:#bbb;background:#fff">faint</p>' +
        '<p id="twice">a</p><p id="twice">b</p>',
    );
  });
  const rules = (await runAxe(page)).map((v) => v.rule).sort();
  expect(rules).toEqual(['button-name', 'color-contrast', 'duplicate-id (own check)']);
  await close();
});

describe('axe: no serious or critical violations', () => {
  // Each test scans all its states, then fails with the whole list.
  let from = 0;
  beforeEach(() => {
    from = found.length;
  });
  afterEach(() => expectNoSerious(from));

  for (const setup of [
    { theme: 'light', lang: 'en' },
    { theme: 'dark', lang: 'en' },
    { theme: 'light', lang: 'de' },
    { theme: 'dark', lang: 'de', phone: true },
  ] satisfies Setup[]) {
    test(`home and console, ${label(setup)}`, async () => {
      const { page, watch, close } = await open(setup);
      await page.goto(`${server.url}#/`);
      await page.locator('main h1').waitFor();
      await screenshot(page, shotName(`home ${label(setup)}`));
      await scan(page, `home (${label(setup)})`);

      // The console after a short session: a mistake (503), a greeting, a bad sender (501).
      await page.goto(`${server.url}#/console`);
      const input = page.locator('#console-input');
      await input.waitFor();
      await expect.poll(() => page.locator('ol.transcript button.line').count()).toBeGreaterThan(0);
      for (const line of ['MAIL FROM:<a@b.example>', 'HELO x', 'MAIL FROM:bad']) {
        const before = await page.locator('ol.transcript button.line').count();
        await input.fill(line);
        await input.press('Enter');
        await expect
          .poll(() => page.locator('ol.transcript button.line').count())
          .toBeGreaterThan(before);
      }
      await page.locator('ol.transcript button.line').last().click();
      await screenshot(page, shotName(`console ${label(setup)}`));
      await scan(page, `console after a session (${label(setup)})`);
      expectClean(watch);
      await close();
    });
  }

  for (const setup of [
    { theme: 'light', lang: 'en' },
    { theme: 'dark', lang: 'en' },
    { theme: 'light', lang: 'de' },
  ] satisfies Setup[]) {
    test(`sandbox, backup MX in the middle, every panel, ${label(setup)}`, async () => {
      const { page, watch, close } = await open(setup);
      await openSandboxMiddle(page);
      await screenshot(page, shotName(`sandbox ${label(setup)}`));
      await scan(page, `sandbox at ${MIDDLE}/${timeline.length} (${label(setup)})`);
      await scanPanels(page, setup);

      // The keyboard help, open.
      await blur(page);
      await page.keyboard.press('?');
      await page.locator('dialog.keyboard-help[open]').waitFor();
      await screenshot(page, shotName(`help ${label(setup)}`));
      await scan(page, `keyboard help dialog (${label(setup)})`);
      await page.keyboard.press('Escape');
      expectClean(watch);
      await close();
    }, 240_000);
  }

  for (const setup of [
    { theme: 'light', lang: 'en', phone: true },
    { theme: 'dark', lang: 'en', phone: true },
  ] satisfies Setup[]) {
    test(`sandbox on a phone, views as tabs, ${label(setup)}`, async () => {
      const { page, watch, close } = await open(setup);
      await openSandboxMiddle(page);
      await screenshot(page, shotName(`sandbox ${label(setup)}`));
      await scan(page, `sandbox topology tab (${label(setup)})`);
      await page.locator('#sim-views-tab-ladder').click();
      await scan(page, `sandbox ladder tab (${label(setup)})`);
      await scanPanels(page, setup);
      expectClean(watch);
      await close();
    }, 240_000);
  }

  test('a broken share link, in both themes', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const { page, close } = await open({ theme });
      await page.goto(`${server.url}#/sandbox?s=not*base64&c=3`);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await screenshot(page, shotName(`broken link ${theme}`));
      await scan(page, `broken share link (${theme})`);
      // Valid base64url, but not zlib: the other kind of message.
      await page.goto(`${server.url}#/sandbox?s=AAAAAAAA`);
      await scan(page, `tampered share link (${theme})`);
      await close();
    }
  });

  test('embed mode, both themes, desktop and phone', async () => {
    for (const setup of [{ theme: 'light' }, { theme: 'dark', phone: true }] satisfies Setup[]) {
      const { page, watch, close } = await open(setup);
      await openSandboxMiddle(page, '&embed=1');
      await screenshot(page, shotName(`embed ${label(setup)}`));
      await scan(page, `embedded sandbox (${label(setup)})`);
      await page.goto(`${server.url}#/console?embed=1`);
      await page.locator('#console-input').waitFor();
      await scan(page, `embedded console (${label(setup)})`);
      expectClean(watch);
      await close();
    }
  });

  test('not found, and the header settings switched by hand (data-theme dark)', async () => {
    const { page, watch, close } = await open({ theme: 'light' });
    await page.goto(`${server.url}#/no-such-page`);
    await page.locator('main h1').waitFor();
    await scan(page, 'not found (light)');
    // The header's own select, which sets data-theme on <html> rather than the system scheme.
    await page.getByLabel('Theme').selectOption('dark');
    await openSandboxMiddle(page);
    await scan(page, 'sandbox, theme forced dark from the header');
    expectClean(watch);
    await close();
  });
});

// ------------------------------------------------------------------------------------- keyboard

describe('keyboard alone on #/sandbox', () => {
  test('every control is reached with Tab and shows a visible focus ring', async () => {
    const { page, watch, close } = await open({ theme: 'light' });
    await openSandboxMiddle(page);
    // Open every panel once (lazy ones too), then go back to the transcript: the page as a
    // student who has looked around sees it. Then the same walk inside each panel.
    const result = await walk(page);
    const counts = [`page ${result.count}`];
    expect(result.missed, 'controls never reached with Tab').toEqual([]);
    expect(result.noRing, 'controls without a visible focus ring').toEqual([]);
    expect(result.count).toBeGreaterThan(20);

    for (const panel of PANELS) {
      await page.locator(`#sim-panels-tab-${panel.id}`).click();
      await page.locator(panel.ready).first().waitFor({ timeout: 60_000 });
      const inPanel = await walk(page, `#sim-panels-panel-${panel.id}`);
      counts.push(`${panel.id} ${inPanel.count}`);
      expect(inPanel.missed, `controls never reached with Tab in ${panel.id}`).toEqual([]);
      expect(inPanel.noRing, `no visible focus ring in ${panel.id}`).toEqual([]);
      if (panel.id === 'statechart') {
        // The diagram's scrolling box takes the arrow keys (it scrolls; the cursor stays).
        const count = page.locator('.time-controls .count');
        const before = await count.textContent();
        const box = page.locator('.statechart .scroller');
        await box.focus();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowRight');
        expect(await count.textContent()).toBe(before);
        expect(await box.evaluate((el) => el.scrollTop + el.scrollLeft)).toBeGreaterThan(0);
      }
    }
    console.log(`keyboard walk, Tab stops reached: ${counts.join(', ')}`);
    await screenshot(page, 'a11y-keyboard-last-focus');
    expectClean(watch);
    await close();
  }, 240_000);
});

interface Walk {
  count: number;
  missed: string[];
  noRing: string[];
}

/**
 * Whether the focused element looks different focused and not: a screenshot of its box (and a
 * margin for an outline) with the focus, then without, then the focus put back.
 */
async function ringShows(page: Page): Promise<boolean> {
  const box = await page.evaluate(() => {
    const r = (document.activeElement as Element).getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  const viewport = page.viewportSize() ?? VIEWPORTS.desktop;
  const x = Math.max(0, Math.floor(box.x - 6));
  const y = Math.max(0, Math.floor(box.y - 6));
  const clip = {
    x,
    y,
    width: Math.max(1, Math.min(viewport.width, Math.ceil(box.x + box.width + 6)) - x),
    height: Math.max(1, Math.min(viewport.height, Math.ceil(box.y + box.height + 6)) - y),
  };
  const focused = await page.screenshot({ clip, animations: 'disabled' });
  await page.evaluate(() => {
    const w = window as unknown as { __walkEl?: HTMLElement };
    w.__walkEl = document.activeElement as HTMLElement;
    w.__walkEl.blur();
  });
  const blurred = await page.screenshot({ clip, animations: 'disabled' });
  await page.evaluate(() => (window as unknown as { __walkEl: HTMLElement }).__walkEl.focus());
  return !focused.equals(blurred);
}

/**
 * Presses Tab from the start of the page (or of `scope`) until the focus leaves it or comes back
 * round. Each element focused must match :focus-visible and show a ring: an outline of 2 px or
 * more or a box shadow, by its computed style; those without one, and every fourth of the others
 * as a sample, are also compared focused and unfocused, pixel by pixel (an SVG button draws its
 * ring as a stroke). Lists the controls in `scope` that belong in the Tab order (visible,
 * enabled, tabindex not negative, one per radio group) but were never reached.
 */
async function walk(page: Page, scope = 'body'): Promise<Walk> {
  await page.evaluate((sel) => {
    const w = window as unknown as { __tabbed: Set<Element> };
    w.__tabbed = new Set();
    // Start just before the scope: a temporary focusable element placed before it.
    const start = document.createElement('span');
    start.tabIndex = 0;
    start.id = '__walk-start';
    if (sel === 'body') document.body.prepend(start);
    else document.querySelector(sel)?.before(start);
    start.focus();
  }, scope);
  const noRing: string[] = [];
  let count = 0;
  for (let i = 0; i < 600; i++) {
    await page.keyboard.press('Tab');
    const step = await page.evaluate((sel) => {
      const w = window as unknown as { __tabbed: Set<Element> };
      const el = document.activeElement;
      const root = document.querySelector(sel);
      if (!el || el === document.body || !root?.contains(el) || w.__tabbed.has(el))
        return undefined;
      w.__tabbed.add(el);
      const style = getComputedStyle(el);
      const styled =
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
        style.boxShadow !== 'none';
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${text}"`;
      return { visible: el.matches(':focus-visible'), styled, name };
    }, scope);
    if (!step) break;
    count++;
    let ring = step.visible && step.styled;
    if (step.visible && (!step.styled || count % 4 === 0)) ring = await ringShows(page);
    if (!ring) noRing.push(step.name);
  }
  const missed = await page.evaluate((sel) => {
    const w = window as unknown as { __tabbed: Set<Element> };
    document.getElementById('__walk-start')?.remove();
    const root = document.querySelector(sel);
    if (!root) return [`no ${sel}`];
    const controls = root.querySelectorAll<HTMLElement | SVGElement>(
      'a[href], button, input, select, textarea, summary, [tabindex]',
    );
    const out: string[] = [];
    for (const el of controls) {
      if (el.tabIndex < 0 || el.matches(':disabled')) continue;
      if (el.closest('[hidden], [inert], dialog:not([open]), details:not([open]) > :not(summary)'))
        continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (getComputedStyle(el).visibility === 'hidden') continue;
      if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
        const group = [
          ...root.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${el.name}"]`),
        ];
        if ((group.find((r) => r.checked) ?? group[0]) !== el) continue;
      }
      if (!w.__tabbed.has(el)) out.push(el.outerHTML.slice(0, 140));
    }
    return out;
  }, scope);
  return { count, missed, noRing };
}
