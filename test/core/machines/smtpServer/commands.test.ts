// What the server answers to each command in each situation (RFC 5321 §4.1, §4.2; Postfix texts).
import { describe, expect, test } from 'vitest';
import { startServer } from '../../../helpers/serverHarness';

const mx = {
  hostname: 'mx.b.example',
  localDomains: ['b.example'],
  mailboxes: ['bob@b.example', 'carol@b.example'],
  relayFrom: ['192.0.2.0/24'],
};

function ehloSession(policy = {}, clientIp = '198.51.100.7') {
  const s = startServer({ ...mx, ...policy }, {}, clientIp);
  s.send('EHLO client.example');
  return s;
}

describe('order of commands (RFC 5321 §4.1.4)', () => {
  test('a transaction needs HELO/EHLO first, but NOOP, RSET, VRFY, HELP do not', () => {
    const s = startServer(mx);
    expect(s.send('MAIL FROM:<a@client.example>')).toEqual(['503 Error: send HELO/EHLO first']);
    expect(s.send('RCPT TO:<bob@b.example>')).toEqual(['503 Error: need MAIL command']);
    expect(s.send('DATA')).toEqual(['503 Error: need RCPT command']);
    expect(s.send('NOOP')).toEqual(['250 Ok']);
    expect(s.send('RSET')).toEqual(['250 Ok']);
    expect(s.send('VRFY bob@b.example')[0]).toMatch(/^252 /);
    expect(s.send('HELP')[0]).toMatch(/^214 /);
  });

  test('a command out of order gets 503 even with a bad argument', () => {
    const s = startServer(mx);
    expect(s.send('MAIL FROM:garbage')).toEqual(['503 Error: send HELO/EHLO first']);
  });

  test('nested MAIL is refused; RSET and a new EHLO end the transaction', () => {
    const s = ehloSession();
    expect(s.send('MAIL FROM:<a@client.example>')).toEqual(['250 2.1.0 Ok']);
    expect(s.send('MAIL FROM:<a@client.example>')).toEqual([
      '503 5.5.1 Error: nested MAIL command',
    ]);
    expect(s.send('RSET')).toEqual(['250 2.0.0 Ok']);
    expect(s.send('RCPT TO:<bob@b.example>')).toEqual(['503 5.5.1 Error: need MAIL command']);
    s.send('MAIL FROM:<a@client.example>');
    s.send('EHLO again.example');
    expect(s.send('RCPT TO:<bob@b.example>')).toEqual(['503 5.5.1 Error: need MAIL command']);
  });

  test('DATA: 503 without recipients, 554 when every RCPT was refused', () => {
    const s = ehloSession();
    s.send('MAIL FROM:<a@client.example>');
    expect(s.send('DATA')).toEqual(['503 5.5.1 Error: need RCPT command']);
    expect(s.send('RCPT TO:<nobody@b.example>')[0]).toMatch(/^550 5\.1\.1 /);
    expect(s.send('DATA')).toEqual(['554 5.5.1 Error: no valid recipients']);
  });

  test('several transactions on one connection', () => {
    const s = ehloSession();
    for (const id of ['Q1', 'Q2']) {
      s.send('MAIL FROM:<a@client.example>');
      s.send('RCPT TO:<bob@b.example>');
      s.send('DATA');
      s.send('Hi');
      expect(s.send('.')).toEqual([`250 2.0.0 Ok: queued as ${id}`]);
    }
    expect(s.stored).toHaveLength(2);
  });
});

describe('syntax (RFC 5321 §4.2.4, §4.3.2)', () => {
  test('unknown command, too long, arguments where none are allowed', () => {
    const s = ehloSession();
    expect(s.send('FOO bar')).toEqual(['500 5.5.2 Error: command not recognized']);
    expect(s.send(`NOOP ${'x'.repeat(600)}`)).toEqual(['500 5.5.2 Error: command line too long']);
    expect(s.send('RSET now')).toEqual(['501 5.5.4 Syntax: RSET']);
    expect(s.send('QUIT please')).toEqual(['501 5.5.4 Syntax: QUIT']);
    expect(s.send('HELO')).toEqual(['501 5.5.4 Syntax: HELO hostname']);
    expect(s.closed()).toBe(false);
  });

  test('bad addresses and parameters', () => {
    const s = ehloSession();
    expect(s.send('MAIL FROM:<not an address>')).toEqual(['501 5.1.7 Bad sender address syntax']);
    expect(s.send('MAIL FROM:<a@client.example> SIZE=abc')[0]).toMatch(/^501 5\.5\.4 /);
    expect(s.send('MAIL FROM:<a@client.example> FOO=1')).toEqual([
      '555 5.5.4 Unsupported option: FOO',
    ]);
    expect(s.send('MAIL FROM:<a@client.example>')).toEqual(['250 2.1.0 Ok']);
    expect(s.send('RCPT TO:<bad address>')).toEqual(['501 5.1.3 Bad recipient address syntax']);
    expect(s.send(`RCPT TO:<${'a'.repeat(65)}@b.example>`)).toEqual(['501 5.5.4 Path too long']);
  });

  test('ESMTP parameters after HELO are refused with 555', () => {
    const s = startServer(mx);
    s.send('HELO client.example');
    expect(s.send('MAIL FROM:<a@client.example> BODY=8BITMIME')).toEqual([
      '555 Unsupported option: BODY',
    ]);
  });

  test('a malformed value of a parameter the server did not offer is 555 too, not 501', () => {
    const s = startServer(mx);
    s.send('HELO client.example');
    expect(s.send('MAIL FROM:<a@client.example> SIZE=abc')).toEqual([
      '555 Unsupported option: SIZE',
    ]);
    const noSize = startServer({ ...mx, extensions: ['PIPELINING', '8BITMIME'] as const });
    noSize.send('EHLO client.example');
    expect(noSize.send('MAIL FROM:<a@client.example> SIZE=abc')).toEqual(
      noSize.send('MAIL FROM:<a@client.example> SIZE=100'),
    );
    expect(noSize.send('MAIL FROM:<a@client.example> SIZE=abc')[0]).toMatch(/^555 /);
  });

  test('a hard error limit closes with 421', () => {
    const s = startServer({ ...mx, hardErrorLimit: 3 });
    s.send('X');
    s.send('X');
    expect(s.send('X')).toEqual([
      '500 Error: command not recognized',
      '421 mx.b.example Error: too many errors',
    ]);
    expect(s.closed()).toBe(true);
  });
});

describe('recipients and relaying (RFC 5321 §3.6, §4.5.1)', () => {
  test('local, unknown, postmaster, relay refused', () => {
    const s = ehloSession();
    s.send('MAIL FROM:<a@client.example>');
    expect(s.send('RCPT TO:<Bob@B.example>')).toEqual(['250 2.1.5 Ok']);
    expect(s.send('RCPT TO:<nobody@b.example>')).toEqual([
      '550 5.1.1 <nobody@b.example>: Recipient address rejected: User unknown in local recipient table',
    ]);
    expect(s.send('RCPT TO:<Postmaster>')).toEqual(['250 2.1.5 Ok']);
    expect(s.send('RCPT TO:<someone@elsewhere.example>')).toEqual([
      '550 5.7.1 <someone@elsewhere.example>: Relay access denied',
    ]);
  });

  test('clients in relayFrom may relay; backup domains are queued', () => {
    const s = ehloSession({ backupFor: ['c.example'] }, '192.0.2.10');
    s.send('MAIL FROM:<a@a.example>');
    expect(s.send('RCPT TO:<x@elsewhere.example>')).toEqual(['250 2.1.5 Ok']);
    expect(s.send('RCPT TO:<y@c.example>')).toEqual(['250 2.1.5 Ok']);
    s.send('DATA');
    s.send('.');
    expect(s.stored[0]?.recipients.map((r) => r.route)).toEqual(['relay', 'backup']);
  });

  test('too many recipients is 452 (RFC 5321 §4.5.3.1.10)', () => {
    const s = ehloSession({ maxRecipients: 1, mailboxes: ['bob@b.example', 'carol@b.example'] });
    s.send('MAIL FROM:<a@client.example>');
    s.send('RCPT TO:<bob@b.example>');
    expect(s.send('RCPT TO:<carol@b.example>')).toEqual(['452 4.5.3 Error: too many recipients']);
  });

  test('greylisting defers with 450 until the host lets the triplet pass', () => {
    let seen = false;
    const s = startServer(
      { ...mx, greylisting: true },
      {
        greylist: () => {
          const verdict = seen ? 'pass' : 'defer';
          seen = true;
          return verdict;
        },
      },
      '198.51.100.7',
    );
    s.send('EHLO client.example');
    s.send('MAIL FROM:<a@client.example>');
    expect(s.send('RCPT TO:<bob@b.example>')[0]).toMatch(
      /^450 4\.7\.1 <bob@b\.example>: .*Greylisted/,
    );
    expect(s.send('RCPT TO:<bob@b.example>')).toEqual(['250 2.1.5 Ok']);
  });

  test("the server's own relay clients are never greylisted", () => {
    const s = startServer({ ...mx, greylisting: true }, { greylist: () => 'defer' }, '192.0.2.10');
    s.send('EHLO client.example');
    s.send('MAIL FROM:<a@client.example>');
    expect(s.send('RCPT TO:<bob@b.example>')).toEqual(['250 2.1.5 Ok']);
  });

  test('a recipient given twice is accepted and kept once', () => {
    const s = ehloSession();
    s.send('MAIL FROM:<a@client.example>');
    expect(s.send('RCPT TO:<bob@b.example>')).toEqual(['250 2.1.5 Ok']);
    expect(s.send('RCPT TO:<BOB@b.example>')).toEqual(['250 2.1.5 Ok']);
    s.send('DATA');
    s.send('.');
    expect(s.stored[0]?.recipients.map((r) => r.address)).toEqual(['bob@b.example']);
  });
});

describe('message text (RFC 5321 §4.5.2, §4.1.1.4)', () => {
  test('dot-stuffing is undone and the message is stored before the 250', () => {
    const repliesWhenStored: string[][] = [];
    const s = startServer(mx, {
      store: (message) => {
        repliesWhenStored.push([...s.replies]);
        expect(message.text).toBe('.leading dot\r\n');
        return { ok: true, queueId: 'ABC123' };
      },
    });
    s.send('EHLO client.example');
    s.send('MAIL FROM:<a@client.example>');
    s.send('RCPT TO:<bob@b.example>');
    s.send('DATA');
    s.send('..leading dot');
    expect(s.send('.')).toEqual(['250 2.0.0 Ok: queued as ABC123']);
    expect(repliesWhenStored).toHaveLength(1);
    expect(repliesWhenStored[0]?.at(-1)).toBe('354 End data with <CR><LF>.<CR><LF>');
  });

  test('a store that fails gives its own reply and no 250', () => {
    const s = startServer(mx, {
      store: () => ({
        ok: false,
        reply: { code: 452, enhanced: '4.3.1', lines: ['Insufficient system storage'] },
      }),
    });
    s.send('EHLO client.example');
    s.send('MAIL FROM:<a@client.example>');
    s.send('RCPT TO:<bob@b.example>');
    s.send('DATA');
    expect(s.send('.')).toEqual(['452 4.3.1 Insufficient system storage']);
  });

  test('a message over the size limit is refused after the dot with 552', () => {
    const s = ehloSession({ sizeLimit: 100 });
    s.send('MAIL FROM:<a@client.example>');
    s.send('RCPT TO:<bob@b.example>');
    s.send('DATA');
    for (let i = 0; i < 10; i += 1) s.send('0123456789abcdef');
    expect(s.send('.')).toEqual(['552 5.3.4 Message size exceeds fixed limit']);
    expect(s.stored).toHaveLength(0);
  });

  test('bare LF before the dot does not end the data (smuggling defence)', () => {
    const s = ehloSession();
    s.send('MAIL FROM:<a@client.example>');
    s.send('RCPT TO:<bob@b.example>');
    s.send('DATA');
    expect(s.raw('line\n.\nMAIL FROM:<evil@x>\r\n')).toEqual([]);
    expect(s.send('.')).toEqual(['250 2.0.0 Ok: queued as Q1']);
    expect(s.stored[0]?.text).toContain('MAIL FROM:<evil@x>');
  });

  test('pipelined commands are answered in order', () => {
    const s = ehloSession();
    const replies = s.raw(
      'MAIL FROM:<a@client.example>\r\nRCPT TO:<bob@b.example>\r\nRCPT TO:<zz@b.example>\r\nDATA\r\n',
    );
    expect(replies.map((l) => l.slice(0, 3))).toEqual(['250', '250', '550', '354']);
    expect(s.raw('Subject: x\r\n\r\nbody\r\n.\r\nQUIT\r\n')).toEqual([
      '250 2.0.0 Ok: queued as Q1',
      '221 2.0.0 Bye',
    ]);
  });
});

describe('EHLO, VRFY, EXPN, HELP', () => {
  test('EHLO lists exactly the configured extensions', () => {
    const s = startServer(
      {
        ...mx,
        extensions: ['SIZE', '8BITMIME', 'ETRN', 'STARTTLS', 'AUTH'],
        etrn: true,
        sizeLimit: 0,
      },
      {},
      '198.51.100.7',
    );
    expect(s.send('EHLO c.example')).toEqual([
      '250-mx.b.example Hello c.example [198.51.100.7]',
      '250-SIZE 0',
      '250-8BITMIME',
      '250-ETRN',
      '250-STARTTLS',
      '250 AUTH PLAIN LOGIN',
    ]);
  });

  test('VRFY and EXPN by policy', () => {
    const s = ehloSession({ expn: 'enabled' });
    expect(s.send('VRFY bob@b.example')).toEqual(['252 2.0.0 bob@b.example']);
    expect(s.send('VRFY nobody')[0]).toMatch(/^550 5\.1\.1/);
    expect(s.send('EXPN bob')).toEqual(['250 2.1.5 <bob@b.example>']);
    const off = ehloSession({ vrfy: 'disabled' });
    expect(off.send('VRFY bob')).toEqual(['502 5.5.1 VRFY command is disabled']);
    expect(off.send('EXPN bob')).toEqual(['502 5.5.1 EXPN command is disabled']);
  });

  test('HELP lists commands and explains one', () => {
    const s = ehloSession();
    expect(s.send('HELP')[0]).toMatch(/^214 2\.0\.0 Commands: HELO EHLO MAIL RCPT DATA/);
    expect(s.send('HELP MAIL')[0]).toMatch(/^214 2\.0\.0 MAIL FROM:/);
    expect(s.send('HELP FROB')[0]).toMatch(/^504 /);
  });
});

describe('ETRN (RFC 1985)', () => {
  const etrnPolicy = { extensions: ['ETRN' as const], etrn: true, backupFor: ['c.example'] };

  test('each outcome code', () => {
    const outcomes = [
      { code: 250 as const, line: '250 OK, queuing for node c.example started' },
      { code: 251 as const, line: '251 OK, no messages waiting for node c.example' },
      { code: 252 as const, line: '252 OK, pending messages for node c.example started' },
      {
        code: 253 as const,
        count: 3,
        line: '253 OK, 3 pending messages for node c.example started',
      },
      { code: 458 as const, line: '458 Unable to queue messages for node c.example' },
      {
        code: 459 as const,
        reason: 'not a backup domain',
        line: '459 Node c.example not allowed: not a backup domain',
      },
    ];
    for (const outcome of outcomes) {
      const s = startServer({ ...mx, ...etrnPolicy }, { etrn: () => outcome });
      s.send('EHLO client.example');
      expect(s.send('ETRN c.example')).toEqual([outcome.line]);
    }
  });

  test('the hook sees the kind of argument; errors and order', () => {
    const seen: string[] = [];
    const s = startServer(
      { ...mx, ...etrnPolicy },
      { etrn: (r) => (seen.push(`${r.kind}:${r.argument}`), { code: 250 }) },
    );
    expect(s.send('ETRN c.example')[0]).toMatch(/^503 /);
    s.send('EHLO client.example');
    s.send('ETRN @c.example');
    s.send('ETRN #queue1');
    expect(seen).toEqual(['domain:c.example', 'queue:queue1']);
    expect(s.send('ETRN')).toEqual(['500 Syntax Error: ETRN needs one domain']);
    expect(s.send('ETRN bad..domain')).toEqual(['501 Syntax Error in Parameters']);
    s.send('MAIL FROM:<a@client.example>');
    expect(s.send('ETRN c.example')).toEqual(['503 Error: MAIL transaction in progress']);
    const off = ehloSession();
    expect(off.send('ETRN c.example')).toEqual(['502 5.5.1 Error: command not implemented']);
  });
});

describe('STARTTLS (RFC 3207) and AUTH (RFC 4954)', () => {
  const secure = {
    extensions: ['ENHANCEDSTATUSCODES' as const, 'STARTTLS' as const, 'AUTH' as const],
    users: { alice: 'secret' },
  };
  const plain = (user: string, password: string) => btoa(`\0${user}\0${password}`);

  test('STARTTLS resets the session and discards pipelined text', () => {
    const s = ehloSession(secure);
    s.send('MAIL FROM:<a@client.example>');
    expect(s.send('STARTTLS')).toEqual(['503 5.5.1 Error: MAIL transaction in progress']);
    s.send('RSET');
    expect(s.raw('STARTTLS\r\nMAIL FROM:<injected@x>\r\n')).toEqual([
      '220 2.0.0 Ready to start TLS',
    ]);
    expect(s.send('MAIL FROM:<a@client.example>')).toEqual(['503 Error: send HELO/EHLO first']);
    const ehlo = s.send('EHLO client.example');
    expect(ehlo).not.toContain('250-STARTTLS');
    expect(s.send('STARTTLS')).toEqual(['554 5.5.1 Error: TLS already active']);
  });

  test('AUTH PLAIN with an initial response, and a failure', () => {
    const s = ehloSession(secure);
    expect(s.send(`AUTH PLAIN ${plain('alice', 'wrong')}`)).toEqual([
      '535 5.7.8 Error: authentication failed',
    ]);
    expect(s.send(`AUTH PLAIN ${plain('alice', 'secret')}`)).toEqual([
      '235 2.7.0 Authentication successful',
    ]);
    expect(s.send(`AUTH PLAIN ${plain('alice', 'secret')}`)).toEqual([
      '503 5.5.1 Error: already authenticated',
    ]);
    s.send('MAIL FROM:<alice@client.example>');
    s.send('RCPT TO:<x@far.example>');
    s.send('DATA');
    s.send('.');
    expect(s.stored[0]?.protocol).toBe('ESMTPA');
    expect(s.stored[0]?.authUser).toBe('alice');
  });

  test('AUTH LOGIN dialogue and cancelling', () => {
    const s = ehloSession(secure);
    expect(s.send('AUTH LOGIN')).toEqual(['334 VXNlcm5hbWU6']);
    expect(s.send(btoa('alice'))).toEqual(['334 UGFzc3dvcmQ6']);
    expect(s.send(btoa('secret'))).toEqual(['235 2.7.0 Authentication successful']);
    const c = ehloSession(secure);
    expect(c.send('AUTH PLAIN')).toEqual(['334 ']);
    expect(c.send('*')).toEqual(['501 5.7.0 Authentication aborted']);
    expect(c.send('AUTH CRAM-MD5')).toEqual(['504 5.5.4 Unrecognized authentication type']);
  });

  test('submission: MAIL needs AUTH (530); AUTH in the clear refused when TLS is required (538)', () => {
    const s = ehloSession({ ...secure, authRequired: true, authRequiresTls: true });
    expect(s.send('MAIL FROM:<a@client.example>')).toEqual(['530 5.7.0 Authentication required']);
    expect(s.send('AUTH LOGIN')).toEqual([
      '538 5.7.11 Encryption required for requested authentication mechanism',
    ]);
  });
});

describe('greeting, refusal, timeouts, QUIT', () => {
  test('554 greeting: QUIT answered, everything else 503 (RFC 5321 §3.1)', () => {
    const s = startServer({ ...mx, refuseConnections: true });
    expect(s.replies).toEqual(['554 mx.b.example ESMTP not accepting connections']);
    expect(s.send('EHLO client.example')).toEqual(['503 Error: this server is not accepting mail']);
    expect(s.send('QUIT')).toEqual(['221 Bye']);
    expect(s.closed()).toBe(true);
  });

  test('421 after five minutes of silence, on the virtual clock', () => {
    const s = ehloSession();
    s.clock.increment(299_999);
    expect(s.closed()).toBe(false);
    s.send('NOOP');
    s.clock.increment(299_999);
    expect(s.closed()).toBe(false);
    s.clock.increment(1);
    expect(s.replies.at(-1)).toBe('421 4.4.2 mx.b.example Error: timeout exceeded');
    expect(s.closed()).toBe(true);
  });

  test('the peer closing in the middle of DATA stores nothing', () => {
    const s = ehloSession();
    s.send('MAIL FROM:<a@client.example>');
    s.send('RCPT TO:<bob@b.example>');
    s.send('DATA');
    s.send('half a message');
    s.session.peerClosed();
    expect(s.stored).toHaveLength(0);
    expect(s.closed()).toBe(true);
  });
});

describe('failure injection (a chosen reply to a chosen command)', () => {
  const reply = (code: number, text: string) => ({ code, lines: [text] });

  test('a fault at RCPT answers instead of the policy and changes nothing', () => {
    const s = startServer(mx, {
      fault: (c) => (c === 'RCPT' ? reply(451, 'Try again later') : undefined),
    });
    s.send('EHLO client.example');
    s.send('MAIL FROM:<a@client.example>');
    expect(s.send('RCPT TO:<bob@b.example>')).toEqual(['451 Try again later']);
    expect(s.send('DATA')).toEqual(['503 5.5.1 Error: need RCPT command']);
  });

  test('a fault at the final dot refuses the message; 421 closes', () => {
    const s = startServer(mx, {
      fault: (c) => (c === '.' ? reply(554, 'Transaction failed') : undefined),
    });
    s.send('EHLO client.example');
    s.send('MAIL FROM:<a@client.example>');
    s.send('RCPT TO:<bob@b.example>');
    s.send('DATA');
    expect(s.send('.')).toEqual(['554 Transaction failed']);
    expect(s.stored).toHaveLength(0);
    const closing = startServer(mx, {
      fault: (c) => (c === 'MAIL' ? reply(421, 'mx.b.example Service not available') : undefined),
    });
    closing.send('EHLO client.example');
    expect(closing.send('MAIL FROM:<a@client.example>')).toEqual([
      '421 mx.b.example Service not available',
    ]);
    expect(closing.closed()).toBe(true);
  });

  test('a fault at CONNECT replaces the greeting', () => {
    const busy = startServer(mx, {
      fault: (c) => (c === 'CONNECT' ? reply(421, 'mx.b.example busy') : undefined),
    });
    expect(busy.replies).toEqual(['421 mx.b.example busy']);
    expect(busy.closed()).toBe(true);
    const refuse = startServer(mx, {
      fault: (c) => (c === 'CONNECT' ? reply(554, 'go away') : undefined),
    });
    expect(refuse.replies).toEqual(['554 go away']);
    expect(refuse.send('QUIT')).toEqual(['221 Bye']);
  });
});

describe('a fault at CONNECT is used once', () => {
  test('times: 1 refuses exactly one connection', () => {
    let left = 1;
    const fault = (c: string) =>
      c === 'CONNECT' && left-- > 0 ? { code: 554, lines: ['go away'] } : undefined;
    expect(startServer(mx, { fault }).replies).toEqual(['554 go away']);
    expect(startServer(mx, { fault }).replies).toEqual(['220 mx.b.example ESMTP Postfix']);
  });
});
