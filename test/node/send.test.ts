// `smtp-sim send`: the client machine over real TCP, against the smtp-server npm package (with
// STARTTLS and AUTH) and against our own bridge, checking what arrives byte for byte.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../src/core/machines/smtpServer/policy';
import { startBridge } from '../../src/node/bridge';
import { main } from '../../src/node/cli';
import { parseServer } from '../../src/node/commands/send';
import type { Io } from '../../src/node/io';
import { expectedStored, maskTrace, readMailbox } from '../helpers/storedMessage';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smtp-sim-send-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function send(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (line) => out.push(line), err: (line) => err.push(line) };
  const code = await main(['send', ...args], io);
  return { code, out, err };
}

/** A body with lines that must be dot-stuffed, 8-bit octets, bare LF and no final newline. */
const BODY_OCTETS =
  'Line one\n.starts with a dot\n..two dots\n.\n8-bit: \xe9t\xe9 \x80\xff\r\nlast line';
const BODY_ON_WIRE =
  'Line one\r\n.starts with a dot\r\n..two dots\r\n.\r\n8-bit: \xe9t\xe9 \x80\xff\r\nlast line\r\n';

function bodyFile(): string {
  const file = join(tempDir(), 'body.txt');
  writeFileSync(file, Buffer.from(BODY_OCTETS, 'latin1'));
  return file;
}

/** The message `send` composes, with its Date and Message-ID masked (see maskMessage). */
function expectedText(from: string, to: string[], subject: string, body: string): string {
  return (
    `From: ${from}\r\nTo: ${to.join(', ')}\r\nSubject: ${subject}\r\nDate: DATE\r\n` +
    'Message-ID: MESSAGE-ID\r\nMIME-Version: 1.0\r\n' +
    'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n' +
    body
  );
}

function maskMessage(text: string): string {
  return text
    .replace(/^Date: [^\r\n]+\r\n/m, 'Date: DATE\r\n')
    .replace(/^Message-ID: <[^>\r\n]+@[^>\r\n]+>\r\n/m, 'Message-ID: MESSAGE-ID\r\n');
}

interface Received {
  from: string | false;
  to: string[];
  mailArgs: unknown;
  helo: string;
  secure: boolean;
  user: unknown;
  text: string;
}

/** An in-process smtp-server (nodemailer's) on a free port; `nobody@…` is refused with 550. */
async function smtpServer(options: Partial<SMTPServerOptions> = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    authMethods: ['PLAIN'],
    onAuth(auth, _session, callback) {
      if (auth.username === 'alice' && auth.password === 'wonderland') {
        callback(null, { user: 'alice' });
      } else {
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      }
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('nobody@')) {
        callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      } else {
        callback();
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom && session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          mailArgs: session.envelope.mailFrom && session.envelope.mailFrom.args,
          helo: session.hostNameAppearsAs,
          secure: session.secure,
          user: session.user,
          text: Buffer.concat(chunks).toString('latin1'),
        });
        callback(null, 'Queued as TEST1');
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received };
}

async function bridge(overrides = {}) {
  const maildir = tempDir();
  const started = await startBridge({
    policy: defaultPolicy('localhost', {
      localDomains: ['example.com'],
      mailboxes: ['alice@example.com', 'bob@example.com'],
      relayFrom: ['127.0.0.0/8'],
      ...overrides,
    }),
    port: 0,
    maildir,
  });
  cleanups.push(() => started.close());
  return { port: started.port, maildir };
}

describe('smtp-sim send to the smtp-server package', () => {
  it('starts TLS, authenticates and delivers the text byte for byte, dot-stuffing included', async () => {
    const server = await smtpServer();
    const { code, out, err } = await send([
      '--server',
      `127.0.0.1:${server.port}`,
      '--from',
      'sender@client.test',
      '--to',
      'bob@example.com',
      '--subject',
      'Dots and bytes',
      '--body-file',
      bodyFile(),
      '--helo',
      'client.test',
      '--auth',
      'alice:wonderland',
    ]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(server.received).toHaveLength(1);
    const got = server.received[0] as Received;
    expect(got.from).toBe('sender@client.test');
    expect(got.to).toEqual(['bob@example.com']);
    expect(got.helo).toBe('client.test');
    expect(got.secure).toBe(true);
    expect(got.user).toBe('alice');
    expect(got.mailArgs).toMatchObject({ BODY: '8BITMIME' });
    expect(maskMessage(got.text)).toBe(
      expectedText('sender@client.test', ['bob@example.com'], 'Dots and bytes', BODY_ON_WIRE),
    );
    // The dialogue: STARTTLS, EHLO again, AUTH, and the stuffed lines as they went out.
    expect(out).toContain('C: STARTTLS');
    expect(out.some((l) => /^-- TLS started: TLSv1\.[23] /.test(l))).toBe(true);
    expect(out.filter((l) => l === 'C: EHLO client.test')).toHaveLength(2);
    expect(out).toContain(`C: AUTH PLAIN ${btoa('\0alice\0wonderland')}`);
    expect(out).toContain('C: ..starts with a dot');
    expect(out).toContain('C: ...two dots');
    expect(out).toContain('C: ..');
    expect(out).toContain('C: 8-bit: \\xe9t\\xe9 \\x80\\xff');
    expect(out.at(-1)).toMatch(/^bob@example\.com: accepted \(250 .*Queued as TEST1\)$/);
  });

  it('reports a refused recipient and exits 1; the other one still gets the message', async () => {
    const server = await smtpServer();
    const { code, out } = await send([
      '--server',
      `127.0.0.1:${server.port}`,
      '--from',
      'sender@client.test',
      '--to',
      'bob@example.com',
      '--to',
      'nobody@example.com',
      '--subject',
      'Two',
      '--body',
      'Hi\n.\nthere',
      '--helo',
      'client.test',
      '--starttls',
      'never',
    ]);
    expect(code).toBe(1);
    expect(out).not.toContain('C: STARTTLS');
    expect(out.slice(-2)).toEqual([
      expect.stringMatching(/^bob@example\.com: accepted \(250 /),
      'nobody@example.com: refused at RCPT TO (550 No such user here)',
    ]);
    expect(server.received).toHaveLength(1);
    const got = server.received[0] as Received;
    expect(got.secure).toBe(false);
    expect(got.to).toEqual(['bob@example.com']);
    expect(maskMessage(got.text)).toBe(
      expectedText(
        'sender@client.test',
        ['bob@example.com', 'nobody@example.com'],
        'Two',
        'Hi\r\n.\r\nthere\r\n',
      )
        .replace('charset=utf-8', 'charset=us-ascii')
        .replace('8bit', '7bit'),
    );
  });

  it('exits 1 when every recipient is refused, and sends no text', async () => {
    const server = await smtpServer();
    const { code, out } = await send([
      '--server',
      `127.0.0.1:${server.port}`,
      '--from',
      'sender@client.test',
      '--to',
      'nobody@example.com',
      '--helo',
      'client.test',
    ]);
    expect(code).toBe(1);
    expect(out.at(-1)).toBe('nobody@example.com: refused at RCPT TO (550 No such user here)');
    expect(server.received).toHaveLength(0);
  });
});

describe('smtp-sim send to our own bridge', () => {
  it('stores exactly the text that was sent, dot-stuffing undone, 8-bit octets kept', async () => {
    const { port, maildir } = await bridge();
    const { code, out } = await send([
      '--server',
      `127.0.0.1:${port}`,
      '--from',
      'sender@client.test',
      '--to',
      'bob@example.com',
      '--subject',
      'Dots and bytes',
      '--body-file',
      bodyFile(),
      '--helo',
      'client.test',
    ]);
    expect(code).toBe(0);
    expect(out).toContain('C: ..starts with a dot');
    const stored = readMailbox(maildir, 'bob@example.com');
    expect(stored).toHaveLength(1);
    expect(maskMessage(maskTrace(stored[0] as string))).toBe(
      expectedStored({
        from: 'sender@client.test',
        helo: 'client.test',
        recipient: 'bob@example.com',
        text: expectedText(
          'sender@client.test',
          ['bob@example.com'],
          'Dots and bytes',
          BODY_ON_WIRE,
        ),
      }),
    );
  });

  it('authenticates with AUTH PLAIN and refuses an unknown recipient (exit 1)', async () => {
    const { port, maildir } = await bridge({
      users: { alice: 'wonderland' },
      extensions: ['SIZE', 'PIPELINING', '8BITMIME', 'ENHANCEDSTATUSCODES', 'AUTH'],
    });
    const { code, out } = await send([
      '--server',
      `127.0.0.1:${port}`,
      '--from',
      'sender@client.test',
      '--to',
      'nobody@example.com',
      '--to',
      'bob@example.com',
      '--body',
      'Ünïcödé body',
      '--helo',
      'client.test',
      '--auth',
      'alice:wonderland',
    ]);
    expect(code).toBe(1);
    expect(out).toContain(`C: AUTH PLAIN ${btoa('\0alice\0wonderland')}`);
    expect(out).toContain('C: Ünïcödé body');
    expect(out.slice(-2)).toEqual([
      expect.stringMatching(
        /^nobody@example\.com: refused at RCPT TO \(550 5\.1\.1 .*User unknown/,
      ),
      expect.stringMatching(/^bob@example\.com: accepted \(250 2\.0\.0 Ok: queued as /),
    ]);
    const stored = readMailbox(maildir, 'bob@example.com');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toContain('with ESMTPA id');
    // The UTF-8 octets of the argument, as they went out.
    expect(stored[0]).toContain(
      `\r\n\r\n${Buffer.from('Ünïcödé body', 'utf8').toString('latin1')}\r\n`,
    );
  });

  it('says when --auth could not be used, and gives up without TLS under --starttls required', async () => {
    const { port } = await bridge();
    const common = [
      '--server',
      `127.0.0.1:${port}`,
      '--from',
      'a@client.test',
      '--to',
      'bob@example.com',
    ];
    const noAuth = await send([...common, '--auth', 'alice:wonderland', '--quiet']);
    expect(noAuth.code).toBe(0);
    expect(noAuth.out).toEqual([
      '-- --auth was given but the server did not offer AUTH: the message went without login',
      expect.stringMatching(/^bob@example\.com: accepted /),
    ]);
    const tls = await send([...common, '--starttls', 'required']);
    expect(tls.code).toBe(1);
    expect(tls.out).not.toContain('C: MAIL FROM:<a@client.test>');
    expect(tls.out.at(-1)).toBe(
      'bob@example.com: deferred at STARTTLS (TLS is required but the server does not offer it)',
    );
  });

  it('runs as a child process with the right exit status', async () => {
    const { port, maildir } = await bridge();
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(
        process.execPath,
        [
          'bin/smtp-sim.mjs',
          'send',
          '--server',
          `127.0.0.1:${port}`,
          '--from',
          'sender@client.test',
          '--to',
          'alice@example.com',
          '--subject',
          'From a child',
          '--helo',
          'client.test',
          '--quiet',
        ],
        { cwd: ROOT },
        (error, stdout) => resolve({ code: error ? (error.code as number) : 0, stdout }),
      );
    });
    expect(result.stdout).toMatch(
      /^alice@example\.com: accepted \(250 2\.0\.0 Ok: queued as \w+\)\n$/,
    );
    expect(result.code).toBe(0);
    expect(readMailbox(maildir, 'alice@example.com')).toHaveLength(1);
  });
});

describe('smtp-sim send when things go wrong', () => {
  it('exits 1 when the connection is refused', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const { code, out } = await send([
      '--server',
      `127.0.0.1:${port}`,
      '--from',
      'a@client.test',
      '--to',
      'bob@example.com',
    ]);
    expect(code).toBe(1);
    expect(out[0]).toMatch(/^-- cannot connect to 127\.0\.0\.1:\d+: .*ECONNREFUSED/);
    expect(out[1]).toMatch(/^bob@example\.com: deferred at connect \(/);
  });

  it('gives up after --timeout when the server never greets (exit 1)', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          silent.close(() => resolve());
        }),
    );
    const port = (silent.address() as AddressInfo).port;
    const started = Date.now();
    const { code, out } = await send([
      '--server',
      `127.0.0.1:${port}`,
      '--from',
      'a@client.test',
      '--to',
      'bob@example.com',
      '--timeout',
      '300ms',
    ]);
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(out.at(-1)).toBe('bob@example.com: deferred at the greeting (timeout)');
  });

  it.each([
    [[], '--server is required'],
    [
      ['--server', 'x:99999', '--from', 'a@b.c', '--to', 'd@e.f'],
      '--server: expected a whole number from 1 to 65535',
    ],
    [
      ['--server', 'a b', '--from', 'a@b.c', '--to', 'd@e.f'],
      '--server: expected HOST or HOST:PORT',
    ],
    [['--server', 'x', '--to', 'd@e.f'], '--from is required'],
    [['--server', 'x', '--from', 'a@b.c'], '--to is required'],
    [['--server', 'x', '--from', 'nope', '--to', 'd@e.f'], '--from: expected an email address'],
    [
      ['--server', 'x', '--from', 'a@b.c', '--to', 'd@e.f', '--to', 'bad'],
      '--to: expected an email address',
    ],
    [
      ['--server', 'x', '--from', 'a@b.c', '--to', 'd@e.f', '--starttls', 'always'],
      '--starttls: expected never, opportunistic, required',
    ],
    [
      ['--server', 'x', '--from', 'a@b.c', '--to', 'd@e.f', '--timeout', 'soon'],
      '--timeout: expected a duration',
    ],
    [
      ['--server', 'x', '--from', 'a@b.c', '--to', 'd@e.f', '--auth', 'alice'],
      '--auth: expected USER:PASSWORD',
    ],
    [
      ['--server', 'x', '--from', 'a@b.c', '--to', 'd@e.f', '--helo', 'bad name'],
      '--helo: expected a host name',
    ],
    [
      ['--server', 'x', '--from', 'a@b.c', '--to', 'd@e.f', '--body', 'x', '--body-file', 'y'],
      '--body and --body-file',
    ],
    [
      ['--server', 'x', '--from', 'a@b.c', '--to', 'd@e.f', '--body-file', '/nonexistent/body'],
      '--body-file: cannot read /nonexistent/body',
    ],
    [['--server', 'x', '--from', 'a@b.c', '--to', 'd@e.f', '--colour'], 'unknown option --colour'],
  ])('refuses bad arguments with exit 2: %j', async (args, message) => {
    const { code, out, err } = await send(args);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err[0]).toContain(`smtp-sim send: ${message}`);
  });

  it('reads HOST, HOST:PORT and [IPv6]:PORT', () => {
    expect(parseServer('mx.example')).toEqual({ host: 'mx.example', port: 25 });
    expect(parseServer('127.0.0.1:2525')).toEqual({ host: '127.0.0.1', port: 2525 });
    expect(parseServer('[::1]:2525')).toEqual({ host: '::1', port: 2525 });
    expect(parseServer('[::1]')).toEqual({ host: '::1', port: 25 });
  });
});
