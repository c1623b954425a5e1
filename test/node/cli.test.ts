// `smtp-sim` as a user runs it: argument errors in-process, `serve` as a child process talked to
// over TCP and by curl, stopped by PID.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/node/cli';
import type { Io } from '../../src/node/io';
import { startServe, type ServeProcess } from '../helpers/serveProcess';
import { expectedStored, listFiles, maskTrace, readMailbox } from '../helpers/storedMessage';
import { tcpConnect } from '../helpers/tcpClient';

const run = promisify(execFile);

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smtp-sim-cli-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function serve(args: string[]): Promise<ServeProcess> {
  const server = await startServe(args);
  cleanups.push(() => server.stop('SIGKILL'));
  return server;
}

async function cli(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (line) => out.push(line), err: (line) => err.push(line) };
  const code = await main(argv, io);
  return { code, out, err };
}

const SCENARIO = {
  title: 'EHLO and the SIZE extension',
  hosts: [
    { name: 'mydomain.com', ip: '192.0.2.10', role: 'client' },
    {
      name: 'serverdomain.com',
      ip: '198.51.100.25',
      role: 'mta',
      banner: ['serverdomain.com ESMTP Postfix', 'NO UCE. Terms of service apply.'],
      size: 14680064,
      extensions: ['SIZE', 'PIPELINING', 'HELP'],
      domains: ['serverdomain.com'],
      mailboxes: ['friend@serverdomain.com'],
    },
    { name: 'other.example', ip: '198.51.100.26', role: 'mta' },
  ],
  dns: [],
  events: [],
};

describe('smtp-sim', () => {
  it('prints usage, version, and refuses an unknown command with 2', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out.join('\n')).toMatch(/usage: smtp-sim COMMAND[\s\S]*serve/);
    const version = await cli(['--version']);
    expect(version.out).toEqual([JSON.parse(readFileSync('package.json', 'utf8')).version]);
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err[0]).toBe('smtp-sim: unknown command "frobnicate"');
    expect((await cli([])).code).toBe(2);
    expect((await cli(['serve', '--help'])).out[0]).toMatch(/^usage: smtp-sim serve/);
  });

  it.each([
    [['--port', '70000'], '--port: expected a whole number from 0 to 65535, got "70000"'],
    [['--port', 'abc'], '--port: expected a whole number from 0 to 65535, got "abc"'],
    [['--port'], '--port needs a value'],
    [['--bogus'], 'unknown option --bogus'],
    [['--quiet=yes'], '--quiet takes no value'],
    [['extra'], 'unexpected argument "extra"'],
    [
      ['--listen', 'example.com'],
      '--listen: expected an IP address such as 127.0.0.1, got "example.com"',
    ],
    [
      ['--max-connections', '0'],
      '--max-connections: expected a whole number from 1 to 10000, got "0"',
    ],
    [
      ['--idle-timeout', '5 minutes'],
      '--idle-timeout: expected a duration such as 300s or 5m, got "5 minutes"',
    ],
    [['--host', 'x'], '--host: needs --scenario FILE'],
  ])('serve %j: one line naming the flag, exit 2', async (args, message) => {
    const result = await cli(['serve', ...args]);
    expect(result).toEqual({ code: 2, out: [], err: [`smtp-sim serve: ${message}`] });
  });

  it('serve reports every scenario problem with its path, and unknown hosts', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        title: 'x',
        hosts: [{ name: 'a', ip: '10.0.0.300', role: 'mta', colour: 1 }],
      }),
    );
    const result = await cli(['serve', '--scenario', bad]);
    expect(result.code).toBe(2);
    expect(result.err.length).toBeGreaterThanOrEqual(2);
    expect(result.err.join('\n')).toContain(`${bad}: hosts[0].ip:`);
    expect(result.err.join('\n')).toContain('hosts[0].colour');

    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(SCENARIO));
    expect((await cli(['serve', '--scenario', good])).err).toEqual([
      '--host: choose one of the MTA hosts: serverdomain.com, other.example',
    ]);
    expect((await cli(['serve', '--scenario', good, '--host', 'mydomain.com'])).err).toEqual([
      `--host: no MTA host "mydomain.com" in ${good} (MTA hosts: serverdomain.com, other.example)`,
    ]);
    expect((await cli(['serve', '--scenario', join(dir, 'missing.json')])).err[0]).toMatch(
      /cannot read/,
    );
  });

  it('serve answers with a scenario host and exits 0 on SIGINT', async () => {
    const dir = tempDir();
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify(SCENARIO));
    const server = await serve(['--scenario', file, '--host', 'serverdomain.com']);
    const c = await tcpConnect(server.port);
    expect(await c.replies(1)).toEqual([
      '220-serverdomain.com ESMTP Postfix',
      '220 NO UCE. Terms of service apply.',
    ]);
    expect(await c.command('EHLO mydomain.com')).toEqual([
      '250-serverdomain.com Hello mydomain.com [127.0.0.1]',
      '250-SIZE 14680064',
      '250-PIPELINING',
      '250 HELP',
    ]);
    expect(await c.command('MAIL FROM:<sender@mydomain.com> SIZE=20000000')).toEqual([
      '552 Message size exceeds fixed limit',
    ]);
    expect(await server.stop('SIGINT')).toBe(0);
    expect(await c.replies(1)).toEqual(['421 4.3.2 serverdomain.com Service shutting down']);
    expect(server.stdout()).toMatch(/\[#1 127\.0\.0\.1:\d+\] C: EHLO mydomain\.com\n/);
    expect(server.stdout()).toMatch(/SIGINT: shutting down\n/);
  });

  it('serve --quiet prints only its address and stops on SIGTERM', async () => {
    const server = await serve(['--quiet']);
    const c = await tcpConnect(server.port);
    expect(await c.replies(1)).toEqual(['220 localhost ESMTP Postfix']);
    expect(await c.command('QUIT')).toEqual(['221 Bye']);
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(
      server
        .stdout()
        .split('\n')
        .filter((l) => l.includes('] ')),
    ).toEqual([]);
  });

  it('curl delivers a file that is stored byte for byte', async () => {
    const dir = tempDir();
    const maildir = join(dir, 'mail');
    const server = await serve(['--maildir', maildir, '--quiet']);
    const text =
      'Subject: from curl\r\nFrom: a@x.example\r\n\r\n.one dot\r\n..two dots\r\ncaf\xe9 \x80\xff\r\n';
    const file = join(dir, 'message.eml');
    writeFileSync(file, text, 'latin1');
    await run('curl', [
      '--silent',
      '--show-error',
      '--url',
      `smtp://127.0.0.1:${server.port}`,
      '--mail-from',
      'a@x.example',
      '--mail-rcpt',
      'bob@example.com',
      '--upload-file',
      file,
    ]);
    expect(listFiles(maildir)).toEqual([
      expect.stringMatching(/^bob@example\.com\/[0-9A-F]{12}\.eml$/),
    ]);
    const [stored = ''] = readMailbox(maildir, 'bob@example.com');
    const helo = /^Received: from (\S+) /m.exec(stored)?.[1] ?? '';
    expect(maskTrace(stored)).toBe(
      expectedStored({ from: 'a@x.example', helo, recipient: 'bob@example.com', text }),
    );
    expect(await server.stop()).toBe(0);
  });
});
