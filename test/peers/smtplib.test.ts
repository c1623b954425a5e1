// Python's smtplib against `smtp-sim serve`. It lives with the peers although any python3 has
// smtplib (it is in the standard library): like swaks it is a real client outside this project,
// and it runs where the peers run. /usr/bin/python3 when present, else python3 from PATH.
import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectedStored, listFiles, maskTrace, readMailbox } from '../helpers/storedMessage';
import { SIZE_LIMIT, startPeerServer, type PeerServer } from './peerServer';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const CLIENT = fileURLToPath(new URL('./smtplibClient.py', import.meta.url));

let peer: PeerServer;
beforeAll(async () => {
  peer = await startPeerServer();
});
afterAll(async () => {
  await peer?.stop();
});
beforeEach(() => rmSync(peer.maildir, { recursive: true, force: true }));

interface Job {
  from: string;
  to: string[];
  message: string;
  mail_options?: string[];
  login?: [string, string];
}

interface Outcome {
  refused?: Record<string, [number, string]>;
  error?: {
    type: string;
    code?: number;
    text?: string;
    recipients?: Record<string, [number, string]>;
  };
}

function smtplib(job: Job): Promise<Outcome> {
  const arg = JSON.stringify({ port: peer.server.port, ...job });
  return new Promise((resolve, reject) => {
    execFile(PYTHON, [CLIENT, arg], (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as Outcome);
    });
  });
}

const TEXT =
  'Subject: smtplib\r\nFrom: a@x.example\r\n\r\n.dot first\r\n..\r\n8-bit: \xe9t\xe9 \x80\xff\r\n';

describe('python smtplib', () => {
  it('delivers an 8-bit message with BODY=8BITMIME; the unknown recipient is refused', async () => {
    const outcome = await smtplib({
      from: 'a@x.example',
      to: ['bob@example.com', 'nobody@example.com', 'alice@example.com'],
      message: TEXT,
      mail_options: ['BODY=8BITMIME'],
    });
    expect(outcome).toEqual({
      refused: {
        'nobody@example.com': [
          550,
          '5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in local recipient table',
        ],
      },
    });
    const expected = expectedStored({
      from: 'a@x.example',
      helo: 'client.example',
      text: TEXT,
      by: 'mx.example.com',
    });
    expect(readMailbox(peer.maildir, 'bob@example.com').map(maskTrace)).toEqual([expected]);
    expect(readMailbox(peer.maildir, 'alice@example.com').map(maskTrace)).toEqual([expected]);
    expect(peer.server.stdout()).toMatch(/C: mail FROM:<a@x\.example> size=\d+ BODY=8BITMIME\n/);
  });

  it('is refused at MAIL when the SIZE it declares is over the limit', async () => {
    const message = 'Subject: big\r\n\r\n' + 'x'.repeat(SIZE_LIMIT) + '\r\n';
    const outcome = await smtplib({ from: 'a@x.example', to: ['bob@example.com'], message });
    expect(outcome.error).toEqual({
      type: 'SMTPSenderRefused',
      code: 552,
      text: '5.3.4 Message size exceeds fixed limit',
    });
    expect(listFiles(peer.maildir)).toEqual([]);
  });

  it('logs in with AUTH PLAIN and may then relay', async () => {
    const job = { from: 'alice@example.com', to: ['carol@elsewhere.example'], message: TEXT };
    expect((await smtplib(job)).error).toEqual({
      type: 'SMTPRecipientsRefused',
      recipients: {
        'carol@elsewhere.example': [550, '5.7.1 <carol@elsewhere.example>: Relay access denied'],
      },
    });
    expect((await smtplib({ ...job, login: ['alice', 'wrong'] })).error).toMatchObject({
      type: 'SMTPAuthenticationError',
      code: 535,
    });
    expect(await smtplib({ ...job, login: ['alice', 'wonderland'] })).toEqual({ refused: {} });
    expect(peer.server.stdout()).toMatch(
      /C: AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=\n.*S: 235 2\.7\.0 Authentication successful/,
    );
    expect(readMailbox(peer.maildir, 'carol@elsewhere.example').map(maskTrace)).toEqual([
      expectedStored({
        from: 'alice@example.com',
        helo: 'client.example',
        text: TEXT,
        by: 'mx.example.com',
        protocol: 'ESMTPA',
        recipient: 'carol@elsewhere.example',
      }),
    ]);
  });
});
