// The TCP bridge in-process on a free port, driven by node's own sockets.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPolicy, type ServerPolicy } from '../../src/core/machines/smtpServer/policy';
import { startBridge, type Bridge, type BridgeOptions } from '../../src/node/bridge';
import { mailboxFolder } from '../../src/node/maildir';
import { tcpConnect } from '../helpers/tcpClient';
import { listFiles, readMailbox } from '../helpers/storedMessage';

const MARCH_3_2026_10H = Date.UTC(2026, 2, 3, 10, 0, 0);
/** The first queue id the bridge hands out at that time: the clock in 1/16 ms, in hex. */
const FIRST_ID = (MARCH_3_2026_10H * 16).toString(16).toUpperCase();

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Polls until `check` holds (server-side events can trail what the client sees). */
async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smtp-sim-bridge-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function examplePolicy(overrides: Partial<ServerPolicy> = {}): ServerPolicy {
  return defaultPolicy('localhost', {
    localDomains: ['example.com'],
    mailboxes: ['alice@example.com', 'bob@example.com', 'friend@example.com'],
    relayFrom: ['127.0.0.0/8'],
    ...overrides,
  });
}

async function bridge(options: Partial<BridgeOptions> = {}): Promise<Bridge> {
  const started = await startBridge({
    policy: examplePolicy(),
    port: 0,
    now: () => MARCH_3_2026_10H,
    ...options,
  });
  cleanups.push(() => started.close());
  return started;
}

describe('the bridge', () => {
  it('answers the seed dialogue over TCP and logs it', async () => {
    const log: string[] = [];
    const policy = examplePolicy({
      hostname: 'www.example.com',
      banner: ['www.example.com ESMTP Postfix'],
    });
    const { port } = await bridge({ policy, log: (line) => log.push(line) });
    const c = await tcpConnect(port);
    expect(await c.replies(1)).toEqual(['220 www.example.com ESMTP Postfix']);
    expect(await c.command('HELO mydomain.com')).toEqual(['250 Hello mydomain.com']);
    expect(await c.command('MAIL FROM:<sender@mydomain.com>')).toEqual(['250 Ok']);
    expect(await c.command('RCPT TO:<friend@example.com>')).toEqual(['250 Ok']);
    expect(await c.command('DATA')).toEqual(['354 End data with <CR><LF>.<CR><LF>']);
    c.write('Subject: test message\r\nFrom: sender@mydomain.com\r\nTo: friend@example.com\r\n\r\n');
    c.write('Hello,\r\nThis is a test.\r\nGoodbye.\r\n');
    expect(await c.command('.')).toEqual([`250 Ok: queued as ${FIRST_ID}`]);
    expect(await c.command('QUIT')).toEqual(['221 Bye']);
    await c.closed;
    await eventually(() => log.at(-1)?.endsWith('-- closed') === true);

    const transcript = log.map((line) =>
      line.replace(/^\d\d:\d\d:\d\d\.\d{3} \[#1 127\.0\.0\.1:\d+\] /, ''),
    );
    expect(transcript).toEqual([
      '-- connected',
      'S: 220 www.example.com ESMTP Postfix',
      'C: HELO mydomain.com',
      'S: 250 Hello mydomain.com',
      'C: MAIL FROM:<sender@mydomain.com>',
      'S: 250 Ok',
      'C: RCPT TO:<friend@example.com>',
      'S: 250 Ok',
      'C: DATA',
      'S: 354 End data with <CR><LF>.<CR><LF>',
      'C: <message text: 7 lines, 111 octets>',
      'C: .',
      `-- ${FIRST_ID}: accepted for friend@example.com (no --maildir: not kept)`,
      `S: 250 Ok: queued as ${FIRST_ID}`,
      'C: QUIT',
      'S: 221 Bye',
      '-- closed',
    ]);
  });

  it('answers commands pipelined in one write, in order', async () => {
    const { port } = await bridge();
    const c = await tcpConnect(port);
    await c.replies(1);
    c.write(
      'EHLO client.example\r\nMAIL FROM:<a@x.example>\r\nRCPT TO:<bob@example.com>\r\n' +
        'RCPT TO:<nobody@example.com>\r\nRCPT TO:<alice@example.com>\r\nDATA\r\n',
    );
    const lines = await c.replies(6);
    expect(lines.filter((l) => l[3] === ' ')).toEqual([
      '250 HELP',
      '250 2.1.0 Ok',
      '250 2.1.5 Ok',
      '550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in local recipient table',
      '250 2.1.5 Ok',
      '354 End data with <CR><LF>.<CR><LF>',
    ]);
    c.write('Subject: x\r\n\r\nhi\r\n.\r\nQUIT\r\n');
    expect(await c.replies(2)).toEqual([`250 2.0.0 Ok: queued as ${FIRST_ID}`, '221 2.0.0 Bye']);
  });

  it('stores a dot-stuffed, 8-bit message byte for byte in the maildir', async () => {
    const maildir = tempDir();
    const { port } = await bridge({ maildir });
    const c = await tcpConnect(port);
    await c.replies(1);
    c.write(
      'EHLO client.example\r\nMAIL FROM:<a@x.example> BODY=8BITMIME\r\nRCPT TO:<Bob@Example.com>\r\nDATA\r\n',
    );
    await c.replies(4);
    const body =
      'Subject: caf\xe9\r\n\r\n..leading dot\r\n...\r\nbytes \x80\xff\x00 and a bare \r inside\r\n';
    c.write(body + '.\r\n');
    expect(await c.replies(1)).toEqual([`250 2.0.0 Ok: queued as ${FIRST_ID}`]);

    expect(listFiles(maildir)).toEqual([`bob@example.com/${FIRST_ID}.eml`]);
    expect(readMailbox(maildir, 'bob@example.com')).toEqual([
      'Return-Path: <a@x.example>\r\n' +
        'Received: from client.example (unknown [127.0.0.1])\r\n' +
        `\tby localhost (smtp-sim) with ESMTP id ${FIRST_ID}\r\n` +
        '\tfor <Bob@Example.com>; Tue, 3 Mar 2026 10:00:00 +0000\r\n' +
        'Subject: caf\xe9\r\n\r\n.leading dot\r\n..\r\nbytes \x80\xff\x00 and a bare \r inside\r\n',
    ]);
  });

  it('gives each accepted recipient a copy and keeps a path in the address inside the maildir', async () => {
    const root = tempDir();
    const maildir = join(root, 'mail');
    const { port } = await bridge({ maildir });
    const c = await tcpConnect(port);
    await c.replies(1);
    c.write(
      'EHLO x\r\nMAIL FROM:<>\r\nRCPT TO:<"../../../escape"@elsewhere.example>\r\n' +
        'RCPT TO:<"/etc/passwd"@elsewhere.example>\r\nRCPT TO:<.hidden@example.com>\r\nRCPT TO:<alice@example.com>\r\nDATA\r\n',
    );
    const lines = await c.replies(7);
    expect(lines.slice(-6).map((l) => l.slice(0, 3))).toEqual([
      '250',
      '250',
      '250',
      '501',
      '250',
      '354',
    ]);
    c.write('hi\r\n.\r\n');
    await c.replies(1);
    expect(listFiles(root)).toEqual(
      [
        `mail/_.._.._.._escape_@elsewhere.example/${FIRST_ID}.eml`,
        `mail/__etc_passwd_@elsewhere.example/${FIRST_ID}.eml`,
        `mail/alice@example.com/${FIRST_ID}.eml`,
      ].sort(),
    );
    expect(readMailbox(maildir, 'alice@example.com')[0]).toMatch(/^Return-Path: <>\r\n/);
  });

  it('refuses connections beyond the limit with 421', async () => {
    const log: string[] = [];
    const { port } = await bridge({ maxConnections: 2, log: (line) => log.push(line.slice(13)) });
    const first = await tcpConnect(port);
    const second = await tcpConnect(port);
    await first.replies(1);
    await second.replies(1);
    const third = await tcpConnect(port);
    expect(await third.replies(1)).toEqual(['421 4.7.0 localhost Error: too many connections']);
    await third.closed;
    expect(await first.command('NOOP')).toEqual(['250 Ok']);
    second.write('QUIT\r\n');
    await second.closed;
    await eventually(() =>
      log.some((line) => line.startsWith('[#2') && line.endsWith('-- closed')),
    );
    const fourth = await tcpConnect(port);
    expect(await fourth.replies(1)).toEqual(['220 localhost ESMTP Postfix']);
  });

  it('says 421 to open sessions on close and accepts no more connections', async () => {
    const started = await startBridge({ policy: examplePolicy(), port: 0 });
    const c = await tcpConnect(started.port);
    await c.replies(1);
    await c.command('EHLO x');
    c.write('MAIL FROM:<a@b.example>\r\n');
    await c.replies(1);
    await started.close();
    expect(await c.replies(1)).toEqual(['421 4.3.2 localhost Service shutting down']);
    await c.closed;
    await expect(tcpConnect(started.port)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('closes an idle connection with the machine timeout', async () => {
    const { port } = await bridge({ policy: examplePolicy({ idleTimeoutMs: 150 }) });
    const c = await tcpConnect(port);
    await c.replies(1);
    expect(await c.replies(1)).toEqual(['421 localhost Error: timeout exceeded']);
    await c.closed;
  });

  it('cuts an endless line and survives a reset', async () => {
    const { port } = await bridge();
    const c = await tcpConnect(port);
    await c.replies(1);
    const megabyte = 'A'.repeat(1 << 20);
    for (let i = 0; i < 4; i++) c.write(megabyte);
    c.write('\r\n');
    expect(await c.replies(1)).toEqual(['500 Error: command line too long']);
    expect(await c.command('NOOP')).toEqual(['250 Ok']);

    const rude = await tcpConnect(port);
    await rude.replies(1);
    rude.write('EHLO x\r\nMAIL FROM:<a@b.example>\r\n');
    rude.socket.resetAndDestroy();
    await rude.closed;
    const after = await tcpConnect(port);
    expect(await after.replies(1)).toEqual(['220 localhost ESMTP Postfix']);
  });
});

describe('mailboxFolder', () => {
  it('never gives a path, a dot name or a hidden folder', () => {
    for (const address of ['../../etc@x', '..@x', '.', '..', 'a/b@c', 'a\\b@c', '\x00@x', '']) {
      const folder = mailboxFolder(address);
      expect(/[/\\]/.test(folder) || folder.includes('\0')).toBe(false);
      expect(folder.startsWith('.')).toBe(false);
      expect(folder.length).toBeGreaterThan(0);
    }
    expect(mailboxFolder('Bob@Example.COM')).toBe('bob@example.com');
  });
});
