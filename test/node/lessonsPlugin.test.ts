// The Vite plugin's hooks called as Vite calls them: a build with a broken lesson fails listing
// every problem; a good one passes; the dev server only warns.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Plugin, ResolvedConfig } from 'vite';
import { lessonsCheck } from '../../src/node/lessonsPlugin';

const FIXTURE = fileURLToPath(new URL('../fixtures/lessons/01-fixture-basics', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'smtp-sim-plugin-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function project(name: string, broken: boolean): string {
  const root = join(temp, name);
  mkdirSync(join(root, 'lessons'), { recursive: true });
  cpSync(FIXTURE, join(root, 'lessons', '01-fixture'), { recursive: true });
  if (broken)
    writeFileSync(join(root, 'lessons', '01-fixture', 'exercises.json'), '{ "exercises": 3 }');
  return root;
}

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const hook = (plugin: Plugin, name: 'configResolved' | 'buildStart') =>
  plugin[name] as unknown as Hook;

async function build(root: string, watchMode = false) {
  const plugin = lessonsCheck();
  const warnings: string[] = [];
  hook(plugin, 'configResolved').call(undefined, { root, logger: {} } as unknown as ResolvedConfig);
  const context = {
    meta: { watchMode },
    error(message: string): never {
      throw new Error(message);
    },
    warn(message: string) {
      warnings.push(message);
    },
  };
  await hook(plugin, 'buildStart').call(context, {});
  return warnings;
}

describe('lessonsCheck', () => {
  it('applies to builds, and to the dev server but not under Vitest', () => {
    const apply = lessonsCheck().apply as (
      c: unknown,
      env: { command: string; mode: string },
    ) => boolean;
    expect(apply({}, { command: 'build', mode: 'production' })).toBe(true);
    expect(apply({}, { command: 'serve', mode: 'test' })).toBe(false);
  });

  it('lets a build with good lessons through', async () => {
    expect(await build(project('good', false))).toEqual([]);
  });

  it('fails a build on a broken lesson, listing each problem with file and field', async () => {
    await expect(build(project('broken', true))).rejects.toThrow(
      'lessons: 1 problem (npx smtp-sim lesson check shows them too):\n' +
        '  lessons/01-fixture/exercises.json: exercises: expected a list of exercises, got 3',
    );
  });

  it('only warns in a watching build', async () => {
    const warnings = await build(join(temp, 'broken'), true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^lessons: 1 problem \(/);
  });
});
