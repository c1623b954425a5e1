import { describe, expect, test } from 'vitest';
import { startServer } from '../../../helpers/serverHarness';

describe('the sample session of the seed document, line for line', () => {
  test('HELO session', () => {
    const s = startServer({
      hostname: 'www.example.com',
      localDomains: ['example.com'],
      mailboxes: ['friend@example.com'],
    });
    expect(s.replies).toEqual(['220 www.example.com ESMTP Postfix']);
    expect(s.send('HELO mydomain.com')).toEqual(['250 Hello mydomain.com']);
    expect(s.send('MAIL FROM:<sender@mydomain.com>')).toEqual(['250 Ok']);
    expect(s.send('RCPT TO:<friend@example.com>')).toEqual(['250 Ok']);
    expect(s.send('DATA')).toEqual(['354 End data with <CR><LF>.<CR><LF>']);
    for (const line of [
      'Subject: test message',
      'From: sender@mydomain.com',
      'To: friend@example.com',
      '',
      'Hello,',
      'This is a test.',
      'Goodbye.',
    ]) {
      expect(s.send(line)).toEqual([]);
    }
    expect(s.send('.')).toEqual(['250 Ok: queued as Q1']);
    expect(s.send('QUIT')).toEqual(['221 Bye']);
    expect(s.closed()).toBe(true);
    expect(s.stored[0]?.text).toBe(
      'Subject: test message\r\nFrom: sender@mydomain.com\r\nTo: friend@example.com\r\n\r\nHello,\r\nThis is a test.\r\nGoodbye.\r\n',
    );
  });

  test('EHLO with SIZE', () => {
    const s = startServer(
      {
        hostname: 'serverdomain.com',
        banner: ['serverdomain.com ESMTP Postfix', 'NO UCE. Terms of service apply.'],
        sizeLimit: 14680064,
        extensions: ['SIZE', 'PIPELINING', 'HELP'],
      },
      {},
      '127.0.0.1',
    );
    expect(s.replies).toEqual([
      '220-serverdomain.com ESMTP Postfix',
      '220 NO UCE. Terms of service apply.',
    ]);
    expect(s.send('EHLO mydomain.com')).toEqual([
      '250-serverdomain.com Hello mydomain.com [127.0.0.1]',
      '250-SIZE 14680064',
      '250-PIPELINING',
      '250 HELP',
    ]);
    expect(s.send('MAIL FROM:<sender@mydomain.com> SIZE=20000000')).toEqual([
      '552 Message size exceeds fixed limit',
    ]);
    expect(s.send('MAIL FROM:<sender@mydomain.com> SIZE=2000')).toEqual(['250 Ok']);
  });
});
