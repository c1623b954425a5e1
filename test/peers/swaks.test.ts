// swaks (Debian package `swaks`) against `smtp-sim serve`: what it sends must be stored byte for
// byte. swaks sends the --data file, dot-stuffed, then CRLF . CRLF: the stored text is the file
// plus one CRLF.
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectedStored, listFiles, maskTrace, readMailbox } from '../helpers/storedMessage';
import { SIZE_LIMIT, startPeerServer, type PeerServer } from './peerServer';

let peer: PeerServer;
beforeAll(async () => {
  peer = await startPeerServer();
});
afterAll(async () => {
  await peer?.stop();
});
beforeEach(() => rmSync(peer.maildir, { recursive: true, force: true }));

interface SwaksResult {
  code: number;
  output: string;
}

function swaks(args: string[], data?: string): Promise<SwaksResult> {
  const file = join(peer.dir, 'data.eml');
  if (data !== undefined) writeFileSync(file, data, 'latin1');
  const all = [
    '--server',
    `127.0.0.1:${peer.server.port}`,
    '--helo',
    'client.example',
    '--timeout',
    '10',
    ...(data !== undefined ? ['--data', `@${file}`] : []),
    ...args,
  ];
  return new Promise((resolve, reject) => {
    execFile('swaks', all, { encoding: 'latin1' }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr });
    });
  });
}

const TEXT =
  'Subject: swaks\r\nFrom: a@x.example\r\n\r\n.a dot-stuffed line\r\n.\r\n8-bit: caf\xe9 \x80\xfe\xff\r\nend';

describe('swaks', () => {
  it('delivers with pipelining to the accepted recipients; the unknown one gets 550', async () => {
    const to = 'bob@example.com,nobody@example.com,alice@example.com';
    const { code, output } = await swaks(['--from', 'a@x.example', '--to', to, '--pipeline'], TEXT);
    expect(code).toBe(0);
    expect(output).toContain('250-PIPELINING');
    expect(output).toMatch(/ -> RCPT TO:<alice@example\.com>\n -> DATA\n<- {2}250 2\.1\.0 Ok\n/);
    expect(output).toContain(
      '<** 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in local recipient table',
    );
    expect(output).toMatch(/<- {2}250 2\.0\.0 Ok: queued as [0-9A-F]{12}/);

    const expected = expectedStored({
      from: 'a@x.example',
      helo: 'client.example',
      text: TEXT + '\r\n',
      by: 'mx.example.com',
    });
    expect(listFiles(peer.maildir).map((f) => f.split('/')[0])).toEqual([
      'alice@example.com',
      'bob@example.com',
    ]);
    expect(readMailbox(peer.maildir, 'alice@example.com').map(maskTrace)).toEqual([expected]);
    expect(readMailbox(peer.maildir, 'bob@example.com')).toEqual(
      readMailbox(peer.maildir, 'alice@example.com'),
    );
    expect(peer.server.stdout()).toContain(`C: <message text: 7 lines, ${TEXT.length + 2} octets>`);
  });

  it('is refused with 552 when the message is over the size limit, and nothing is stored', async () => {
    const big = 'Subject: big\r\n\r\n' + 'x'.repeat(SIZE_LIMIT);
    const { code, output } = await swaks(['--from', 'a@x.example', '--to', 'bob@example.com'], big);
    expect(output).toContain(`250-SIZE ${SIZE_LIMIT}`);
    expect(output).toContain('<** 552 5.3.4 Message size exceeds fixed limit');
    expect(code).toBe(26);
    expect(listFiles(peer.maildir)).toEqual([]);
  });

  it('relays only after AUTH PLAIN, and the Received line says ESMTPA', async () => {
    const base = ['--from', 'alice@example.com', '--to', 'carol@elsewhere.example'];
    const refused = await swaks(base, TEXT);
    expect(refused.output).toContain(
      '<** 550 5.7.1 <carol@elsewhere.example>: Relay access denied',
    );
    expect(refused.code).toBe(24);

    const wrong = await swaks(
      [...base, '--auth', 'PLAIN', '--auth-user', 'alice', '--auth-password', 'nope'],
      TEXT,
    );
    expect(wrong.output).toContain('<** 535 5.7.8 Error: authentication failed');
    expect(wrong.code).not.toBe(0);

    const auth = ['--auth', 'PLAIN', '--auth-user', 'alice', '--auth-password', 'wonderland'];
    const ok = await swaks([...base, ...auth], TEXT);
    expect(ok.output).toContain('<-  235 2.7.0 Authentication successful');
    expect(ok.code).toBe(0);
    expect(readMailbox(peer.maildir, 'carol@elsewhere.example').map(maskTrace)).toEqual([
      expectedStored({
        from: 'alice@example.com',
        helo: 'client.example',
        text: TEXT + '\r\n',
        by: 'mx.example.com',
        protocol: 'ESMTPA',
        recipient: 'carol@elsewhere.example',
      }),
    ]);
  });
});
