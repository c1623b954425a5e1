// `smtp-sim send` against Python's aiosmtpd (Debian package `python3-aiosmtpd`), a server
// outside this project. The handler in fixtures/recorder.py writes each envelope and the raw
// content it received to a JSON-lines file; what arrives must be what was sent, byte for byte.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));
const PYTHON = '/usr/bin/python3';

interface Record {
  helo: string;
  mail_from: string;
  mail_options: string[];
  rcpt_tos: string[];
  content: string;
}

let dir: string;
let out: string;
let port: number;
let server: ChildProcess | undefined;
let serverLog = '';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const free = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return free;
}

/** Resolves once something accepts connections on the port (aiosmtpd has started). */
async function listening(at: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (server?.exitCode !== null) throw new Error(`aiosmtpd exited: ${serverLog}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect({ port: at, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`aiosmtpd did not listen on ${at} within 10 s: ${serverLog}`);
}

beforeAll(async () => {
  if (!existsSync(PYTHON))
    throw new Error(`${PYTHON} not found (apt-get install python3-aiosmtpd)`);
  dir = mkdtempSync(join(tmpdir(), 'smtp-sim-aiosmtpd-'));
  out = join(dir, 'received.jsonl');
  port = await freePort();
  server = spawn(
    PYTHON,
    ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c', 'recorder.Recorder', out],
    { env: { ...process.env, PYTHONPATH: FIXTURES }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  await listening(port);
});

afterAll(async () => {
  const child = server;
  if (child?.pid !== undefined && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(child.pid, 'SIGTERM');
    const timer = setTimeout(
      () => child.pid !== undefined && process.kill(child.pid, 'SIGKILL'),
      5_000,
    );
    await exited;
    clearTimeout(timer);
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => rmSync(out, { force: true }));

function received(): Record[] {
  if (!existsSync(out)) return [];
  return readFileSync(out, 'utf8')
    .trimEnd()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record);
}

function send(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        'bin/smtp-sim.mjs',
        'send',
        '--server',
        `127.0.0.1:${port}`,
        '--helo',
        'client.test',
        ...args,
      ],
      { cwd: ROOT },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

function maskMessage(text: string): string {
  return text
    .replace(/^Date: [^\r\n]+\r\n/m, 'Date: DATE\r\n')
    .replace(/^Message-ID: <[^>\r\n]+>\r\n/m, 'Message-ID: MESSAGE-ID\r\n');
}

const BODY_OCTETS = '.leading dot\n..two\n.\nmiddle\r\n8-bit: caf\xe9 \x80\xfe\xff\nend';

describe('smtp-sim send to aiosmtpd', () => {
  it('delivers the text byte for byte, dot-stuffing undone, with BODY=8BITMIME', async () => {
    const body = join(dir, 'body.txt');
    writeFileSync(body, Buffer.from(BODY_OCTETS, 'latin1'));
    const { code, stdout, stderr } = await send([
      '--from',
      'sender@client.test',
      '--to',
      'bob@example.com',
      '--to',
      'alice@example.com',
      '--subject',
      'aiosmtpd',
      '--body-file',
      body,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^S: 220 .*Python SMTP/m);
    expect(stdout).toContain('\nC: ..leading dot\nC: ...two\nC: ..\nC: middle\n');
    expect(stdout).toMatch(/\nbob@example\.com: accepted \(250 Message accepted for delivery\)\n/);
    const records = received();
    expect(records).toHaveLength(1);
    const got = records[0] as Record;
    expect(got.helo).toBe('client.test');
    expect(got.mail_from).toBe('sender@client.test');
    expect(got.mail_options).toEqual(['BODY=8BITMIME']);
    expect(got.rcpt_tos).toEqual(['bob@example.com', 'alice@example.com']);
    expect(maskMessage(got.content)).toBe(
      'From: sender@client.test\r\nTo: bob@example.com, alice@example.com\r\nSubject: aiosmtpd\r\n' +
        'Date: DATE\r\nMessage-ID: MESSAGE-ID\r\nMIME-Version: 1.0\r\n' +
        'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n' +
        '.leading dot\r\n..two\r\n.\r\nmiddle\r\n8-bit: caf\xe9 \x80\xfe\xff\r\nend\r\n',
    );
  });

  it('reports a refused recipient and exits 1; the accepted one gets the message', async () => {
    const { code, stdout } = await send([
      '--from',
      'sender@client.test',
      '--to',
      'nobody@example.com',
      '--to',
      'carol@example.com',
      '--body',
      'short',
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      '\nnobody@example.com: refused at RCPT TO (550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown)\n',
    );
    expect(stdout).toMatch(
      /\ncarol@example\.com: accepted \(250 Message accepted for delivery\)\n$/,
    );
    const records = received();
    expect(records.map((r) => r.rcpt_tos)).toEqual([['carol@example.com']]);
    expect(records[0]?.content.endsWith('\r\n\r\nshort\r\n')).toBe(true);
  });

  it('exits 1 without sending the text when every recipient is refused', async () => {
    const { code, stdout } = await send(['--from', '', '--to', 'nobody@example.com']);
    expect(code).toBe(1);
    expect(stdout).toContain('C: MAIL FROM:<>');
    expect(stdout).not.toContain('C: DATA');
    expect(received()).toEqual([]);
  });
});
