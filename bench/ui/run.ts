// `npm run bench:ui [-- --json]`: the simulator in Chromium, as shipped. Builds the site
// (vite build, production) into a temporary folder, serves it with `vite preview` on a free
// port, drives Debian's Chromium through playwright-core and measures:
//
// - js_gzip_kb      gzip size (level 9) of the JavaScript that `#/` loads: every script response
//                   of a cold load (the manifest's entry and its static imports are reported too);
// - first_paint_ms  first-contentful-paint of `#/`, median of 5 cold loads (fresh contexts);
// - frame_p95_ms    95th percentile of requestAnimationFrame intervals while `#/sandbox` plays a
//                   50-host, 500-message scenario at 4× for 10 s, after every panel was opened once;
// - seek_ms         median over 20 random seeks in a trace of 100,000+ events of the time from
//                   moving the scrubber to the end of the next painted frame.
//
// Prints one JSON object with --json, a table otherwise. See bench/ui/README.md.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { shareQuery } from '../../src/core/scenario/share';
import { validateScenario } from '../../src/core/scenario/validate';
import { simulate } from '../../src/core/world/simulate';
import { launchChromium } from '../../test/e2e/helpers/browser';
import { playScenario, seekScenario } from './scenarios';

const ROOT = resolve(import.meta.dirname, '../..');
const VITE = join(ROOT, 'node_modules/.bin/vite');
const JSON_OUTPUT = process.argv.includes('--json');
const VIEWPORT = { width: 1280, height: 720 };

export const GOALS = { js_gzip_kb: 150, frame_p95_ms: 20, seek_ms: 100 } as const;

/**
 * A new browser context. tsx compiles this file keeping function names (esbuild's `__name`
 * helper), which then appears in the functions handed to page.evaluate: define it in the page.
 */
async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return context;
}

const log = (line: string) => {
  if (!JSON_OUTPUT) process.stderr.write(`${line}\n`);
};

// ------------------------------------------------------------------------------- build, serve

function build(outDir: string): void {
  const result = spawnSync(
    VITE,
    ['build', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'warn'],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}${result.stderr}`);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

interface Preview {
  url: string;
  child: ChildProcess;
}

async function preview(outDir: string): Promise<Preview> {
  const port = await freePort();
  const child = spawn(
    VITE,
    ['preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: ROOT, env: { ...process.env, BROWSER: 'none' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited:\n${output}`);
    try {
      if ((await fetch(url)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop(child);
  throw new Error(`vite preview did not answer at ${url}:\n${output}`);
}

/** Stops the process we started, by its PID: SIGTERM, then SIGKILL after 5 s. */
function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.pid === undefined) return done();
    const pid = child.pid;
    const timer = setTimeout(() => {
      if (child.exitCode === null) process.kill(pid, 'SIGKILL');
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    process.kill(pid, 'SIGTERM');
  });
}

// ------------------------------------------------------------------------------- statistics

const median = (xs: readonly number[]) => quantile(xs, 0.5);

function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (i - lo);
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const gzipKb = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length / 1024;

// ------------------------------------------------------------------------------- measurements

interface Manifest {
  [key: string]: { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] };
}

/** The entry chunk and its static imports, from the build manifest. */
function entryJs(outDir: string): { files: string[]; kb: number } {
  const manifest = JSON.parse(
    readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'),
  ) as Manifest;
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error('no entry in the build manifest');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const dep of manifest[key]?.imports ?? []) visit(dep);
  };
  visit(entry);
  const files = [...seen].map((k) => manifest[k]?.file as string);
  const kb = files.reduce((sum, f) => sum + gzipKb(readFileSync(join(outDir, f))), 0);
  return { files, kb };
}

/** The scripts a cold load of `#/` fetches (until the network is idle), gzipped. */
async function homeJs(
  browser: Browser,
  url: string,
  outDir: string,
): Promise<{ files: string[]; kb: number }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const files = new Set<string>();
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (response.request().resourceType() === 'script' || path.endsWith('.js')) files.add(path);
  });
  await page.goto(`${url}#/`, { waitUntil: 'networkidle' });
  await context.close();
  const list = [...files].filter((f) => !f.endsWith('/sw.js')).map((f) => f.replace(/^\//, ''));
  const kb = list.reduce((sum, f) => sum + gzipKb(readFileSync(join(outDir, f))), 0);
  return { files: list.sort(), kb };
}

async function firstPaint(browser: Browser, url: string, runs = 5): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${url}#/`, { waitUntil: 'load' });
    const fcp = await page.waitForFunction(() => {
      const entry = performance
        .getEntriesByType('paint')
        .find((e) => e.name === 'first-contentful-paint');
      return entry ? entry.startTime : false;
    });
    out.push(Number(await fcp.jsonValue()));
    await context.close();
  }
  return out;
}

const PANEL_IDS = [
  'transcript',
  'explain',
  'statechart',
  'queue',
  'dns',
  'mailboxes',
  'log',
  'accounting',
  'faults',
  'console',
  'send',
  'editor',
];

async function openSandbox(page: Page, url: string, json: unknown, cursor: number): Promise<void> {
  await page.goto(`${url}#/sandbox?${shareQuery(json, cursor)}`);
  await page.getByTestId('sim-now').waitFor({ timeout: 120_000 });
}

/** Opens every panel once (as a student looking around does), then the transcript again. */
async function visitPanels(page: Page): Promise<void> {
  for (const id of PANEL_IDS) {
    await page.locator(`#sim-panels-tab-${id}`).click();
    await page.locator(`#sim-panels-panel-${id} > *`).first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(300); // lazy chunks, the statechart's layout
  }
  await page.locator('#sim-panels-tab-transcript').click();
  await page.waitForTimeout(300);
}

interface FrameResult {
  p95: number;
  p50: number;
  max: number;
  frames: number;
  events: number;
}

/** Plays at `speed` for `seconds`, recording every requestAnimationFrame interval. */
async function play(page: Page, speed: string, seconds: number): Promise<FrameResult> {
  await page.locator('#sim-speed').selectOption(speed);
  const before = await cursorOf(page);
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  });
  await page.locator('.time-controls button.play').click();
  await page.waitForTimeout(seconds * 1000);
  await page.locator('.time-controls button.play').click();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
  const events = (await cursorOf(page)) - before;
  return {
    p95: quantile(frames, 0.95),
    p50: median(frames),
    max: Math.max(...frames),
    frames: frames.length,
    events,
  };
}

async function cursorOf(page: Page): Promise<number> {
  const text = (await page.locator('.time-controls .count').textContent()) ?? '';
  return Number(/(\d+)/.exec(text.replace(/[,.\s](?=\d{3})/g, ''))?.[1] ?? NaN);
}

/** Moves the scrubber to each target in turn; each time, until the next frame has painted. */
async function seeks(page: Page, targets: readonly number[]): Promise<number[]> {
  return page.evaluate(async (list) => {
    const input = document.querySelector<HTMLInputElement>('input[data-sim-scrubber]');
    if (!input) throw new Error('no scrubber');
    // The end of the next frame: a task queued from its animation-frame callback runs after
    // that frame's style, layout and paint.
    const afterPaint = () =>
      new Promise<number>((done) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => done(performance.now());
          channel.port2.postMessage(0);
        }),
      );
    const out: number[] = [];
    for (const target of list) {
      await new Promise((r) => setTimeout(r, 150));
      await afterPaint();
      const start = performance.now();
      input.value = String(target);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      out.push((await afterPaint()) - start);
    }
    return out;
  }, targets);
}

function traceLength(json: unknown): number {
  const result = validateScenario(json);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return simulate(result.scenario).trace.length;
}

function randomTargets(count: number, length: number, seed = 7): number[] {
  let a = seed;
  const next = () => {
    a = (a * 1103515245 + 12345) % 2 ** 31;
    return a / 2 ** 31;
  };
  return Array.from({ length: count }, () => Math.floor(next() * length));
}

// ------------------------------------------------------------------------------- main

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'smtp-sim-bench-ui-'));
  let server: Preview | undefined;
  let browser: Browser | undefined;
  try {
    log('building…');
    build(outDir);
    server = await preview(outDir);
    browser = await launchChromium();
    const url = server.url;

    log('JavaScript of #/ …');
    const entry = entryJs(outDir);
    const home = await homeJs(browser, url, outDir);

    log('first paint (5 cold loads)…');
    const paints = await firstPaint(browser, url);

    const playJson = playScenario();
    const playLength = traceLength(playJson);
    log(`playing 50 hosts, 500 messages (${playLength} events) at 4× for 10 s…`);
    const context = await newContext(browser);
    const page = await context.newPage();
    await openSandbox(page, url, playJson, Math.floor(playLength * 0.3));
    const freshPlay = await play(page, '4', 10);
    await visitPanels(page);
    const visitedPlay = await play(page, '4', 10);
    await context.close();

    const seekJson = seekScenario();
    const seekLength = traceLength(seekJson);
    log(`seeking in ${seekLength} events…`);
    const seekContext = await newContext(browser);
    const seekPage = await seekContext.newPage();
    await openSandbox(seekPage, url, seekJson, 0);
    const targets = randomTargets(20, seekLength);
    const freshSeeks = await seeks(seekPage, targets);
    await visitPanels(seekPage);
    const visitedSeeks = await seeks(seekPage, targets);
    await seekContext.close();

    const result = {
      js_gzip_kb: round(home.kb),
      first_paint_ms: round(median(paints)),
      frame_p95_ms: round(visitedPlay.p95),
      seek_ms: round(median(visitedSeeks)),
      goals: {
        js_gzip_kb: { goal: GOALS.js_gzip_kb, met: home.kb <= GOALS.js_gzip_kb },
        frame_p95_ms: { goal: GOALS.frame_p95_ms, met: visitedPlay.p95 <= GOALS.frame_p95_ms },
        seek_ms: { goal: GOALS.seek_ms, met: median(visitedSeeks) <= GOALS.seek_ms },
      },
      details: {
        js_files: home.files,
        entry_static_gzip_kb: round(entry.kb),
        first_paint_runs_ms: paints.map((x) => round(x)),
        play: {
          trace_events: playLength,
          all_panels_visited: roundAll(visitedPlay),
          transcript_only: roundAll(freshPlay),
        },
        seek: {
          trace_events: seekLength,
          all_panels_visited: seekStats(visitedSeeks),
          transcript_only: seekStats(freshSeeks),
        },
        chromium: browser.version(),
      },
    };
    if (JSON_OUTPUT) process.stdout.write(`${JSON.stringify(result)}\n`);
    else printTable(result);
  } finally {
    await browser?.close();
    if (server) await stop(server.child);
    rmSync(outDir, { recursive: true, force: true });
  }
}

function roundAll(r: FrameResult): FrameResult {
  return {
    p95: round(r.p95),
    p50: round(r.p50),
    max: round(r.max),
    frames: r.frames,
    events: r.events,
  };
}

function seekStats(xs: number[]): { median: number; p95: number; max: number } {
  return { median: round(median(xs)), p95: round(quantile(xs, 0.95)), max: round(Math.max(...xs)) };
}

function printTable(r: {
  js_gzip_kb: number;
  first_paint_ms: number;
  frame_p95_ms: number;
  seek_ms: number;
  goals: Record<string, { goal: number; met: boolean }>;
  details: {
    entry_static_gzip_kb: number;
    play: { all_panels_visited: FrameResult; transcript_only: FrameResult };
    seek: {
      trace_events: number;
      all_panels_visited: { median: number };
      transcript_only: { median: number };
    };
  };
}): void {
  const goal = (key: string) => {
    const g = r.goals[key];
    return g ? `≤ ${g.goal}  ${g.met ? 'met' : 'MISSED'}` : '';
  };
  const rows: Array<[string, string, string]> = [
    ['js_gzip_kb', String(r.js_gzip_kb), goal('js_gzip_kb')],
    ['first_paint_ms', String(r.first_paint_ms), ''],
    ['frame_p95_ms', String(r.frame_p95_ms), goal('frame_p95_ms')],
    ['seek_ms', String(r.seek_ms), goal('seek_ms')],
  ];
  const d = r.details;
  console.log('figure           value     goal');
  for (const [name, value, g] of rows) console.log(`${name.padEnd(16)} ${value.padEnd(9)} ${g}`);
  console.log('');
  console.log(`entry + static imports (manifest): ${d.entry_static_gzip_kb} KB gzip`);
  console.log(
    `play at 4×: p95 ${d.play.all_panels_visited.p95} ms with every panel visited, ` +
      `${d.play.transcript_only.p95} ms with the transcript only ` +
      `(${d.play.all_panels_visited.events} events in 10 s)`,
  );
  console.log(
    `seek in ${d.seek.trace_events} events: median ${d.seek.all_panels_visited.median} ms ` +
      `with every panel visited, ${d.seek.transcript_only.median} ms with the transcript only`,
  );
}

await main();
