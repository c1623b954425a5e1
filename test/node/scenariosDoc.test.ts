// docs/scenarios.md teaches the format by example, so every example must be right: each
// ```json scenario block loads, runs and passes its own checks; each host, record, event and
// check fragment is valid where the page says it goes; the sample transcript is what `run` prints.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, validateScenario } from '../../src/core/scenario/validate';
import { runFailed } from '../../src/core/trace/transcript';
import { World } from '../../src/core/world/world';
import { main } from '../../src/node/cli';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOC = readFileSync(join(ROOT, 'docs/scenarios.md'), 'utf8');

interface Block {
  kind: string;
  text: string;
  line: number;
}

function blocks(language: string): Block[] {
  const found: Block[] = [];
  const fence = new RegExp(`^\`\`\`${language}(?: (\\w+))?\\n([\\s\\S]*?)^\`\`\`$`, 'gm');
  for (const m of DOC.matchAll(fence)) {
    found.push({
      kind: m[1] ?? '',
      text: m[2] ?? '',
      line: DOC.slice(0, m.index).split('\n').length,
    });
  }
  return found;
}

const json = blocks('json');
const scenarios = json.filter((b) => b.kind === 'scenario');
const byKind = (kind: string) => json.filter((b) => b.kind === kind);
const label = (b: Block) => `line ${b.line}`;

function errorsOf(value: unknown): string[] {
  const result = validateScenario(value);
  return result.ok ? [] : result.errors.map((e) => e.message);
}

/** The page's backup MX scenario: the fragments below it are written for its hosts. */
function backupMx(): Record<string, unknown> {
  const block = scenarios.find((b) => b.text.includes('"Backup MX and ETRN"'));
  if (!block) throw new Error('docs/scenarios.md has no "Backup MX and ETRN" scenario');
  return JSON.parse(block.text) as Record<string, unknown>;
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

describe('docs/scenarios.md', () => {
  it('has complete scenarios and fragments of every kind, all marked', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(4);
    for (const kind of ['host', 'record', 'event', 'check'])
      expect(byKind(kind).length).toBeGreaterThan(0);
    expect(
      json.filter((b) => !['scenario', 'host', 'record', 'event', 'check'].includes(b.kind)),
    ).toEqual([]);
  });

  it.each(json.map((b) => [label(b), b] as const))('block at %s is JSON', (_, block) => {
    expect(() => JSON.parse(block.text) as unknown).not.toThrow();
  });

  it.each(scenarios.map((b) => [label(b), b] as const))(
    'scenario at %s loads, runs and passes its checks',
    (_, block) => {
      const parsed = parseScenarioText(block.text);
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      if (!parsed.ok) return;
      const world = new World(parsed.scenario);
      world.run();
      const summary = world.summary();
      expect(summary.expect.filter((c) => !c.ok)).toEqual([]);
      expect(summary.expect.length).toBeGreaterThan(0);
      expect(runFailed(summary)).toBe(false);
    },
  );

  it('shows the backup MX scenario exactly as the shared reference file has it', () => {
    const shared = join(ROOT, '../shared/scenarios/backup-mx-etrn.json');
    if (!existsSync(shared)) return;
    expect(backupMx()).toEqual(JSON.parse(readFileSync(shared, 'utf8')));
  });

  it.each(byKind('host').map((b) => [label(b), b] as const))('host at %s is valid', (_, block) => {
    expect(errorsOf({ title: 'host', hosts: [JSON.parse(block.text)] })).toEqual([]);
  });

  it.each(byKind('record').map((b) => [label(b), b] as const))(
    'record at %s is valid',
    (_, block) => {
      const hosts = [{ name: 'x', ip: '192.0.2.1', role: 'mta' }];
      expect(errorsOf({ title: 'record', hosts, dns: [JSON.parse(block.text)] })).toEqual([]);
    },
  );

  it.each(byKind('event').map((b) => [label(b), b] as const))(
    'event at %s is valid in the backup MX world',
    (_, block) => {
      expect(errorsOf({ ...backupMx(), events: asList(JSON.parse(block.text)) })).toEqual([]);
    },
  );

  it.each(byKind('check').map((b) => [label(b), b] as const))(
    'check at %s is valid in the backup MX world',
    (_, block) => {
      expect(errorsOf({ ...backupMx(), expect: asList(JSON.parse(block.text)) })).toEqual([]);
    },
  );

  it('prints the sample transcript that `smtp-sim run` prints for the first scenario', async () => {
    const first = scenarios[0] as Block;
    const sample = blocks('text')[0] as Block;
    const dir = mkdtempSync(join(tmpdir(), 'smtp-sim-doc-'));
    try {
      const file = join(dir, 'first.json');
      writeFileSync(file, first.text);
      const out: string[] = [];
      const code = await main(['run', file], { out: (l) => out.push(l), err: (l) => out.push(l) });
      expect(code).toBe(0);
      const printed = out.join('\n').split('\n');
      const shown = sample.text
        .trimEnd()
        .split('\n')
        .filter((l) => l !== '…');
      // The sample leaves lines out (…) but keeps the order of those it shows.
      let at = 0;
      for (const line of shown) {
        const found = printed.indexOf(line, at);
        expect(found, `sample line not printed in this order: ${line}`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
