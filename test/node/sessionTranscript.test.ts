import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../src/core/machines/smtpServer/policy';
import { ServerSession } from '../../src/core/machines/smtpServer/session';
import { SessionTranscript } from '../../src/node/sessionTranscript';

function transcribed(chunks: string[]): string[] {
  const log: string[] = [];
  const session = new ServerSession(
    {
      policy: defaultPolicy('localhost', {
        localDomains: ['example.com'],
        mailboxes: ['bob@example.com'],
      }),
      hooks: { store: () => ({ ok: true, queueId: 'Q1' }) },
      clientIp: '127.0.0.1',
      clock: new SimulatedClock(),
    },
    { reply: (lines) => transcript.replied(lines), close: () => {} },
  );
  const transcript = new SessionTranscript(session, (line) => log.push(line));
  session.start();
  for (const chunk of chunks) transcript.receive(chunk);
  session.stop();
  return log;
}

describe('SessionTranscript', () => {
  it('logs each command before its reply and sums up the text however it is split', () => {
    const dialogue =
      'HELO x\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<bob@example.com>\r\nDATA\r\n' +
      'Subject: hi\r\n\r\n..dot\r\n\x1b[31m\r\n.\r\nQUIT\r\n';
    const expected = [
      'S: 220 localhost ESMTP Postfix',
      'C: HELO x',
      'S: 250 Hello x',
      'C: MAIL FROM:<a@b.example>',
      'S: 250 Ok',
      'C: RCPT TO:<bob@example.com>',
      'S: 250 Ok',
      'C: DATA',
      'S: 354 End data with <CR><LF>.<CR><LF>',
      'C: <message text: 4 lines, 28 octets>',
      'C: .',
      'S: 250 Ok: queued as Q1',
      'C: QUIT',
      'S: 221 Bye',
    ];
    expect(transcribed([dialogue])).toEqual(expected);
    expect(transcribed(dialogue.split(''))).toEqual(expected);
    const dot = dialogue.indexOf('\r\n.\r\n') + 4; // between the dot's CR and LF
    expect(transcribed([dialogue.slice(0, dot), dialogue.slice(dot)])).toEqual(expected);
  });

  it('shows control characters in commands as escapes', () => {
    expect(transcribed(['NOOP \x1b[2J\r\n'])[1]).toBe('C: NOOP \\x1b[2J');
  });
});
