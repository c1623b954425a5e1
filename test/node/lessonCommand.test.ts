// `smtp-sim lesson check`: in-process with given folders, and as a user runs it (no DIR: lessons/
// in the current folder) as a child process.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/node/cli';
import type { Io } from '../../src/node/io';

const FIXTURE = fileURLToPath(new URL('../fixtures/lessons/01-fixture-basics', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/smtp-sim.mjs', import.meta.url));
const exec = promisify(execFile);

const temp = mkdtempSync(join(tmpdir(), 'smtp-sim-lessons-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function cli(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (line) => out.push(line), err: (line) => err.push(line) };
  const code = await main(argv, io);
  return { code, out, err };
}

/** A copy of the fixture lesson as `root/folder`, with lesson.md changed by `edit`. */
function lessonCopy(root: string, folder: string, edit: (md: string) => string = (md) => md) {
  const dir = join(root, folder);
  mkdirSync(root, { recursive: true });
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, 'lesson.md'), edit(readFileSync(join(dir, 'lesson.md'), 'utf8')));
  return dir;
}

describe('smtp-sim lesson check DIR', () => {
  it('prints one OK line per good lesson and exits 0', async () => {
    expect(await cli(['lesson', 'check', FIXTURE])).toEqual({
      code: 0,
      out: [`${FIXTURE}: OK (6 steps, 3 exercises)`],
      err: [],
    });
  });

  it('prints every problem with file, place and message, and exits 1', async () => {
    const root = join(temp, 'broken');
    const dir = lessonCopy(root, '02-broken', (md) =>
      md
        .replace('at: { note: Alice writes }', 'at: { note: Bob writes }')
        .replace('panel: mailboxes', 'panel: mailbox'),
    );
    const good = lessonCopy(root, '03-good');
    const first = await cli(['lesson', 'check', `${dir}/`, good]);
    expect(first).toEqual({
      code: 1,
      out: [
        `${root}/02-broken/lesson.md: step 5 (Delivered) panel: "mailbox" is not one of transcript, explain, queue, dns, mailboxes, log, accounting, statechart, faults, console, send, editor`,
        `${good}: OK (6 steps, 3 exercises)`,
      ],
      err: ['1 problem'],
    });
    const fixed = lessonCopy(root, '04-fixed', (md) =>
      md.replace('at: { note: Alice writes }', 'at: { note: Bob writes }'),
    );
    expect((await cli(['lesson', 'check', fixed])).out).toEqual([
      `${root}/04-fixed/lesson.md: step 2 (The script begins) at: no note containing "Bob writes" after step 1`,
    ]);
  });

  it('reports two lessons with the same number', async () => {
    const root = join(temp, 'clash');
    const a = lessonCopy(root, '05-alpha');
    const b = lessonCopy(root, '05-beta');
    const result = await cli(['lesson', 'check', a, b]);
    expect(result.code).toBe(1);
    expect(result.out.at(-1)).toBe(`${root}/05-beta: folder name: 05-alpha has the same number`);
  });

  it('exits 2 on a bad command line or a folder that is not there', async () => {
    for (const argv of [
      ['lesson'],
      ['lesson', 'lint'],
      ['lesson', 'check', '--fix'],
      ['lesson', 'check', join(temp, 'nowhere')],
    ]) {
      const result = await cli(argv);
      expect(result.code).toBe(2);
      expect(result.err[0]).toMatch(/^smtp-sim lesson: /);
    }
  });

  it('explains itself with --help and is listed by smtp-sim --help', async () => {
    const help = await cli(['lesson', '--help']);
    expect(help.code).toBe(0);
    expect(help.out[0]).toMatch(/^usage: smtp-sim lesson check \[DIR \.\.\.\]/);
    expect((await cli(['--help'])).out[0]).toMatch(/\n {2}lesson {2}check lesson folders/);
  });
});

describe('smtp-sim lesson check, run where lessons/ is', () => {
  async function inFolder(cwd: string) {
    try {
      const { stdout, stderr } = await exec(process.execPath, [BIN, 'lesson', 'check'], { cwd });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('checks every lesson folder of lessons/, and says so when there are none', async () => {
    const project = join(temp, 'project');
    lessonCopy(join(project, 'lessons'), '01-first');
    writeFileSync(join(project, 'lessons', 'teachers.md'), '# For teachers\n');
    expect(await inFolder(project)).toMatchObject({
      code: 0,
      stdout: 'lessons/01-first: OK (6 steps, 3 exercises)\n',
    });
    const empty = join(temp, 'empty');
    mkdirSync(join(empty, 'lessons'), { recursive: true });
    expect(await inFolder(empty)).toMatchObject({ code: 0, stdout: 'lessons: no lessons yet\n' });
    expect(await inFolder(temp)).toMatchObject({ code: 2 });
  });
});
