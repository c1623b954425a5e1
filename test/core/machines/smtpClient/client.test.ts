import { describe, expect, test } from 'vitest';
import { runPair } from '../../../helpers/linkedPair';

const hello = {
  from: 'alice@a.example',
  recipients: ['bob@b.example'],
  text: 'Subject: Hi\r\n\r\nHi Bob!\r\n',
};

describe('client machine against the server machine', () => {
  test('a pipelined delivery: MAIL, RCPT and DATA in one group', () => {
    const r = runPair({ transactions: [hello] });
    expect(r.transcript).toEqual([
      'S: 220 mx.b.example ESMTP Postfix',
      'C: EHLO mail.a.example',
      'S: 250-mx.b.example Hello mail.a.example [192.0.2.10]',
      'S: 250-SIZE 10240000',
      'S: 250-PIPELINING',
      'S: 250-8BITMIME',
      'S: 250-ENHANCEDSTATUSCODES',
      'S: 250-DSN',
      'S: 250 HELP',
      'C: MAIL FROM:<alice@a.example> SIZE=24',
      'C: RCPT TO:<bob@b.example>',
      'C: DATA',
      'S: 250 2.1.0 Ok',
      'S: 250 2.1.5 Ok',
      'S: 354 End data with <CR><LF>.<CR><LF>',
      'C: Subject: Hi',
      'C: ',
      'C: Hi Bob!',
      'C: .',
      'S: 250 2.0.0 Ok: queued as Q1',
      'C: QUIT',
      'S: 221 2.0.0 Bye',
    ]);
    expect(r.outcomes?.[0]?.[0]).toMatchObject({ status: 'delivered', stage: 'text' });
    expect(r.stored[0]?.text).toBe(hello.text);
  });

  test('without PIPELINING, one command at a time; one recipient refused', () => {
    const r = runPair({
      policy: { extensions: ['SIZE'] },
      transactions: [{ ...hello, recipients: ['nobody@b.example', 'bob@b.example'] }],
    });
    const client = r.transcript.filter((l) => l.startsWith('C: ')).slice(0, 4);
    expect(client).toEqual([
      'C: EHLO mail.a.example',
      'C: MAIL FROM:<alice@a.example> SIZE=24',
      'C: RCPT TO:<nobody@b.example>',
      'C: RCPT TO:<bob@b.example>',
    ]);
    expect(r.outcomes?.[0]?.map((o) => o.status)).toEqual(['failed', 'delivered']);
    expect(r.outcomes?.[0]?.[0]?.reply?.code).toBe(550);
  });

  test('HELO fallback when EHLO is not understood', () => {
    const r = runPair({ policy: { ehlo: false }, transactions: [hello] });
    expect(r.transcript.slice(0, 5)).toEqual([
      'S: 220 mx.b.example ESMTP Postfix',
      'C: EHLO mail.a.example',
      'S: 500 Error: command not recognized',
      'C: HELO mail.a.example',
      'S: 250 Hello mail.a.example',
    ]);
    expect(r.transcript).toContain('C: MAIL FROM:<alice@a.example>');
    expect(r.outcomes?.[0]?.[0]?.status).toBe('delivered');
    expect(r.stored[0]?.protocol).toBe('SMTP');
  });

  test('several transactions; RSET after one that failed before the dot', () => {
    const r = runPair({
      transactions: [
        { ...hello, recipients: ['nobody@b.example'] },
        { ...hello, recipients: ['carol@b.example'] },
      ],
    });
    expect(r.transcript).toContain('C: RSET');
    expect(r.outcomes?.map((row) => row.map((o) => o.status))).toEqual([['failed'], ['delivered']]);
  });

  test('dot-stuffing on the way out, undone on the way in', () => {
    const text = 'Subject: dots\r\n\r\n.hidden\r\n..two\r\n';
    const r = runPair({ transactions: [{ ...hello, text }] });
    expect(r.transcript).toContain('C: ..hidden');
    expect(r.stored[0]?.text).toBe(text);
  });

  test('a size refusal at MAIL fails every recipient', () => {
    const r = runPair({ policy: { sizeLimit: 10 }, transactions: [hello] });
    expect(r.outcomes?.[0]?.[0]).toMatchObject({ status: 'failed', stage: 'mail' });
    expect(r.outcomes?.[0]?.[0]?.reply?.code).toBe(552);
  });

  test('a connection lost after the final dot: deferred, in the RFC 1047 window', () => {
    const r = runPair({
      client: { pipelining: false },
      transactions: [hello],
      cutAfterClientLines: 8,
    });
    expect(r.transcript.at(-1)).toBe('C: .');
    expect(r.stored).toHaveLength(1);
    expect(r.outcomes?.[0]?.[0]).toMatchObject({ status: 'deferred', afterDot: true });
  });

  test('a connection lost in the middle of DATA: deferred, nothing stored', () => {
    const r = runPair({
      client: { pipelining: false },
      transactions: [{ ...hello, text: 'a\r\nb\r\nc\r\n' }],
      cutAfterClientLines: 6,
    });
    expect(r.stored).toHaveLength(0);
    expect(r.outcomes?.[0]?.[0]).toMatchObject({ status: 'deferred', stage: 'text' });
  });

  test('AUTH PLAIN before MAIL on a submission server', () => {
    const r = runPair({
      policy: {
        extensions: ['PIPELINING', 'AUTH', 'ENHANCEDSTATUSCODES'],
        users: { alice: 'pw' },
        authRequired: true,
      },
      client: { auth: { user: 'alice', password: 'pw' } },
      transactions: [{ ...hello, recipients: ['x@far.example'] }],
    });
    expect(r.transcript).toContain('S: 235 2.7.0 Authentication successful');
    expect(r.outcomes?.[0]?.[0]?.status).toBe('delivered');
    expect(r.stored[0]?.protocol).toBe('ESMTPA');
  });

  test('STARTTLS: the client says EHLO again after the handshake', () => {
    const r = runPair({
      policy: { extensions: ['STARTTLS', 'PIPELINING'] },
      client: { starttls: 'required' },
      transactions: [hello],
    });
    const ehlos = r.transcript.filter((l) => l === 'C: EHLO mail.a.example');
    expect(ehlos).toHaveLength(2);
    expect(r.stored[0]?.protocol).toBe('ESMTPS');
  });

  test('TLS required but not offered: nothing sent, deferred', () => {
    const r = runPair({ client: { starttls: 'required' }, transactions: [hello] });
    expect(r.stored).toHaveLength(0);
    expect(r.outcomes?.[0]?.[0]).toMatchObject({ status: 'deferred', stage: 'tls' });
  });

  test('a refused greeting (554) defers at the greeting stage and says QUIT', () => {
    const r = runPair({ policy: { refuseConnections: true }, transactions: [hello] });
    expect(r.transcript).toEqual([
      'S: 554 mx.b.example ESMTP not accepting connections',
      'C: QUIT',
      'S: 221 Bye',
    ]);
    expect(r.outcomes?.[0]?.[0]).toMatchObject({ status: 'deferred', stage: 'greeting' });
  });

  test('greylisting: 450 at RCPT defers', () => {
    const r = runPair({
      policy: { greylisting: true },
      hooks: { greylist: () => 'defer' },
      transactions: [hello],
    });
    expect(r.outcomes?.[0]?.[0]).toMatchObject({ status: 'deferred', stage: 'rcpt' });
    expect(r.transcript.slice(-2)).toEqual(['C: QUIT', 'S: 221 2.0.0 Bye']);
  });

  test('each transaction is reported as soon as its dot is answered, before QUIT', () => {
    const r = runPair({ transactions: [hello, { ...hello, recipients: ['carol@b.example'] }] });
    const queued = r.transcript.flatMap((l, i) =>
      l.startsWith('S: 250 2.0.0 Ok: queued') ? [i + 1] : [],
    );
    expect(r.decidedAt).toEqual(queued);
    expect(r.transcript.indexOf('C: QUIT')).toBeGreaterThanOrEqual(queued.at(-1) ?? 0);
  });
});
