// `smtp-sim run FILE` as a user runs it: `node bin/smtp-sim.mjs run …` in a child process, its
// exit status, stdout and stderr.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Summary, TraceEvent } from '../../src/core/trace/types';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHARED = join(ROOT, '../shared/scenarios');
const BACKUP_MX = join(SHARED, 'backup-mx-etrn.json');
const SEED_SESSION = join(SHARED, 'seed-session.json');

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/smtp-sim.mjs', ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? ((error as { code?: number }).code ?? null) : 0;
        resolve({ code: typeof code === 'number' ? code : null, stdout, stderr });
      },
    );
  });
}

const dir = mkdtempSync(join(tmpdir(), 'smtp-sim-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scenarioFile(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

const SESSION_SCENARIO = {
  title: 'One message',
  hosts: [
    { name: 'mydomain.com', ip: '192.0.2.10', role: 'client' },
    {
      name: 'www.example.com',
      ip: '198.51.100.25',
      role: 'mta',
      domains: ['example.com'],
      mailboxes: ['friend@example.com'],
    },
  ],
  dns: [{ name: 'www.example.com', type: 'A', value: '198.51.100.25' }],
  events: [
    {
      at: '0s',
      do: 'send',
      host: 'mydomain.com',
      via: 'www.example.com',
      from: 'me@mydomain.com',
      to: ['friend@example.com'],
      subject: 'test message',
    },
  ],
  expect: [{ delivered: 'friend@example.com', subject: 'another subject' }],
};

describe('smtp-sim run', () => {
  const shared = readdirSync(SHARED).filter((f) => f.endsWith('.json'));

  it('finds the shared scenarios', () => {
    expect(shared.length).toBeGreaterThanOrEqual(4);
  });

  it.each(shared)('runs %s green (exit 0)', async (name) => {
    const result = await cli(['run', join(SHARED, name)]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/\nOK: (all \d+ checks hold|the check holds)\n$/);
    expect(result.stdout).not.toContain('✗');
    expect(result.code).toBe(0);
  });

  it('prints the backup-MX story as a human transcript', async () => {
    const { code, stdout } = await cli(['run', BACKUP_MX]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('# Backup MX and ETRN');
    expect(lines[1]).toBe('0.000s mx.b.example is down');
    expect(lines).toContain('1.160s alice-pc → mail.a.example  C: EHLO alice-pc');
    expect(lines).toContain(
      '1.440s mail.a.example DNS MX b.example? → 10 mx.b.example, 20 backup.b.example',
    );
    expect(stdout).toMatch(/\n31\.600s connect mail\.a\.example → mx\.b\.example:25 timeout/);
    expect(stdout).toMatch(
      /\n\d\d:\d\d:\d\d\.\d{3} backup\.b\.example queue \w+ defer bob@b\.example: connect to mx\.b\.example\[198\.51\.100\.25\]:25: Connection timed out; next try at \d\d:\d\d:\d\d\.\d{3}\n/,
    );
    expect(lines).toContain('02:00:00.000 mx.b.example is up');
    expect(stdout).toMatch(
      /\n02:01:00\.\d{3} mx\.b\.example delivered to bob@b\.example: "Hello" <[^>]+>\n/,
    );
    expect(stdout).not.toMatch(/ state /);
    expect(stdout).toContain('\n── summary ──\nmailboxes:\n  bob@b.example: 1 message\n');
    expect(stdout).toContain('queues: all empty');
    expect(stdout).toContain(
      'accounting: accepted 1, delivered 1, bounced 0, queued 0, duplicated 0, lost 0',
    );
    expect(stdout).toContain(
      '  ✓ delivered to bob@b.example with subject "Hello": bob@b.example has it',
    );
  });

  it('--json: one event per line, every type, then the summary', async () => {
    const { code, stdout, stderr } = await cli(['run', BACKUP_MX, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    const parsed = lines.map((l) => JSON.parse(l) as TraceEvent | Summary);
    const summary = parsed.pop() as Summary;
    const events = parsed as TraceEvent[];
    expect(summary.type).toBe('summary');
    expect(Object.keys(summary)).toEqual(['type', 'mailboxes', 'queues', 'accounting', 'expect']);
    expect(summary.accounting.lost).toBe(0);
    expect(summary.expect.length).toBe(3);
    expect(summary.expect.every((c) => c.ok)).toBe(true);
    expect(summary.mailboxes['bob@b.example']?.[0]?.subject).toBe('Hello');
    const types = new Set(events.map((e) => e.type));
    for (const type of ['connect', 'line', 'close', 'state', 'dns', 'queue', 'deliver', 'host']) {
      expect(types).toContain(type);
    }
    for (const event of events) expect(typeof event.t).toBe('number');
    expect(events.every((e, i) => i === 0 || e.t >= (events[i - 1] as TraceEvent).t)).toBe(true);
  });

  it('--quiet prints only the summary; --states shows the machines', async () => {
    const quiet = await cli(['run', SEED_SESSION, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout.split('\n')[0]).toBe('── summary ──');
    const json = await cli(['run', SEED_SESSION, '--quiet', '--json']);
    expect(json.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(json.stdout).type).toBe('summary');
    const states = await cli(['run', SEED_SESSION, '--states']);
    expect(states.stdout).toMatch(/ www\.example\.com\/server#1 state /);
  });

  it('exits 1 when an expect check fails, and says which', async () => {
    const file = scenarioFile('failing.json', SESSION_SCENARIO);
    const { code, stdout, stderr } = await cli(['run', file]);
    expect(stderr).toBe('');
    expect(stdout).toContain(
      '  ✗ delivered to friend@example.com with subject "another subject": friend@example.com received "test message"',
    );
    expect(stdout).toMatch(/\nFAILED: 1 of 1 check failed\n$/);
    expect(code).toBe(1);
    const json = await cli(['run', file, '--json']);
    expect(json.code).toBe(1);
    const summary = JSON.parse(json.stdout.trimEnd().split('\n').pop() as string) as Summary;
    expect(summary.expect[0]?.ok).toBe(false);
  });

  it('--until 1h on the backup-MX scenario leaves the mail queued (exit 1)', async () => {
    const { code, stdout } = await cli(['run', BACKUP_MX, '--until', '1h']);
    expect(stdout).toContain(
      '  ✗ delivered to bob@b.example with subject "Hello": bob@b.example received nothing',
    );
    expect(stdout).toContain(
      '  ✗ queue of backup.b.example empty: backup.b.example has 1 message(s) in its queue',
    );
    expect(stdout).toMatch(/\nqueues:\n {2}backup\.b\.example: 1 message\n/);
    expect(stdout).not.toContain('mx.b.example is up');
    expect(stdout).toMatch(/\nFAILED: 3 of 3 checks failed\n$/);
    expect(code).toBe(1);
    const json = await cli(['run', BACKUP_MX, '--until', '1h', '--json']);
    const events = json.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { t?: number });
    expect(Math.max(...events.map((e) => e.t ?? 0))).toBeLessThanOrEqual(3_600_000);
  });

  it('refuses a broken scenario with one line per problem and exit 2; nothing runs', async () => {
    const file = scenarioFile('broken.json', {
      title: 'Broken',
      hosts: [
        { name: 'a', ip: '192.0.2.1', role: 'mta' },
        { name: 'b', ip: '192.0.2.2', role: 'client' },
        { name: 'c', ip: '10.0.0.300', role: 'mta', colour: 'blue' },
      ],
      events: [{ at: 'soon', do: 'up', host: 'z' }],
    });
    const { code, stdout, stderr } = await cli(['run', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const problems = stderr.trimEnd().split('\n');
    expect(problems).toContain(`${file}: hosts[2].ip: "10.0.0.300" is not an IPv4 address`);
    expect(problems.some((p) => p.startsWith(`${file}: hosts[2].colour: unknown key`))).toBe(true);
    expect(
      problems.some((p) => p.startsWith(`${file}: events[0].at: "soon" is not a duration`)),
    ).toBe(true);
    expect(
      problems.some((p) => p.startsWith(`${file}: events[0].host: "z" is not one of the hosts`)),
    ).toBe(true);
    expect(problems).toHaveLength(4);
  });

  it('gives line:column for a JSON syntax error', async () => {
    const file = scenarioFile('syntax.json', '{\n  "title": "x",\n  "hosts": [1,]\n}\n');
    const { code, stderr } = await cli(['run', file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: .*comma`),
    );
  });

  it('exits 2 for a missing file, a directory, bad flags', async () => {
    const missing = await cli(['run', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`${join(dir, 'nope.json')}: cannot read: no such file\n`);
    const directory = await cli(['run', dir]);
    expect(directory.code).toBe(2);
    expect(directory.stderr).toContain(`${dir}: is a directory`);
    const until = await cli(['run', BACKUP_MX, '--until', 'tomorrow']);
    expect(until.code).toBe(2);
    expect(until.stderr).toContain(
      '--until: expected a duration such as 6d, 2h1m or 90s, got "tomorrow"',
    );
    expect(until.stdout).toBe('');
    const none = await cli(['run']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no scenario file given');
    const unknown = await cli(['run', BACKUP_MX, '--colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown option --colour');
  });
});
