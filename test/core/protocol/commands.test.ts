import { describe, expect, it } from 'vitest';
import { formatCommand, parseCommand } from '../../../src/core/protocol/commands';
import type { CommandSyntaxError } from '../../../src/core/protocol/types';
import { english } from '../../../src/core/text/message';

function command(line: string) {
  const result = parseCommand(line);
  if (!result.ok)
    throw new Error(`expected ${JSON.stringify(line)} to parse: ${result.error.detail}`);
  return result.command;
}

/** The error without its structured reason, which must say the same as the English detail. */
function error(line: string): Omit<CommandSyntaxError, 'reason'> {
  const result = parseCommand(line);
  if (result.ok) throw new Error(`expected ${JSON.stringify(line)} to fail`);
  const { reason, ...rest } = result.error;
  expect(reason && english(reason)).toBe(rest.detail);
  return rest;
}

const userx = { localPart: 'userx', domain: 'y.foo.org', address: 'userx@y.foo.org' };

describe('line length (§4.5.3.1.4)', () => {
  it('accepts 510 characters (512 with CRLF)', () => {
    expect(command(`NOOP ${'x'.repeat(505)}`)).toEqual({ verb: 'NOOP', argument: 'x'.repeat(505) });
  });

  it('refuses 511 characters as lineTooLong', () => {
    expect(error(`NOOP ${'x'.repeat(506)}`)).toEqual({
      kind: 'lineTooLong',
      detail: 'command line is 513 octets with CRLF; the limit is 512',
    });
  });

  it('checks the length before the verb', () => {
    expect(error('x'.repeat(100_000)).kind).toBe('lineTooLong');
  });
});

describe('verbs', () => {
  it.each(['quit', 'QUIT', 'Quit', 'qUiT'])('recognises %s case-insensitively', (line) => {
    expect(command(line)).toEqual({ verb: 'QUIT' });
  });

  it('accepts several spaces after the verb and trailing spaces', () => {
    expect(command('VRFY    Smith   ')).toEqual({ verb: 'VRFY', argument: 'Smith' });
    expect(command('RSET   ')).toEqual({ verb: 'RSET' });
  });

  it('refuses an unknown verb, naming it', () => {
    expect(error('TURN')).toEqual({ kind: 'unrecognized', detail: 'unknown command "TURN"' });
    expect(error('BDAT 100 LAST').detail).toBe('unknown command "BDAT"');
    expect(error('MAILFROM:<a@b>').kind).toBe('unrecognized');
  });

  it('refuses an empty or blank line', () => {
    expect(error('')).toEqual({ kind: 'unrecognized', detail: 'empty command line' });
    expect(error('   ').detail).toBe('empty command line');
  });

  it('refuses a line starting with a space', () => {
    expect(error(' QUIT')).toMatchObject({ kind: 'unrecognized', detail: /start with a command/ });
  });

  it('does not upper-case non-ASCII letters onto a verb', () => {
    // "ı".toUpperCase() is "I" and "ſ".toUpperCase() is "S".
    expect(error('QU\u0131T').kind).toBe('unrecognized');
    expect(error('R\u017fET').kind).toBe('unrecognized');
  });

  it('escapes control characters in the detail', () => {
    expect(error('QUIT\t').detail).toBe('unknown command "QUIT\\t"');
  });

  it('refuses a bare CR, LF or NUL after a known verb', () => {
    for (const line of ['VRFY a\rb', 'NOOP \n', 'HELP \0']) {
      expect(error(line)).toMatchObject({ kind: 'syntax', detail: /bare CR, LF or NUL/ });
    }
  });
});

describe('HELO and EHLO', () => {
  it('keeps the domain as written', () => {
    expect(command('EHLO Mail.Example.COM')).toEqual({ verb: 'EHLO', domain: 'Mail.Example.COM' });
    expect(command('helo relay.example')).toEqual({ verb: 'HELO', domain: 'relay.example' });
  });

  it('accepts address literals (§4.1.3)', () => {
    expect(command('EHLO [192.0.2.1]')).toEqual({ verb: 'EHLO', domain: '[192.0.2.1]' });
    expect(command('EHLO [IPv6:2001:db8::1]')).toEqual({
      verb: 'EHLO',
      domain: '[IPv6:2001:db8::1]',
    });
  });

  it('needs exactly one argument', () => {
    expect(error('EHLO')).toEqual({
      kind: 'syntax',
      verb: 'EHLO',
      detail: 'EHLO needs a hostname',
    });
    expect(error('HELO   ')).toMatchObject({ kind: 'syntax', verb: 'HELO' });
    expect(error('EHLO a.example b.example')).toEqual({
      kind: 'syntax',
      verb: 'EHLO',
      detail: 'EHLO takes exactly one hostname',
    });
  });

  it.each(['exa_mple.com', 'example.com.', '-a.example', '[192.0.2.256]', 'a@b', '[IPv6:1::2::3]'])(
    'refuses the malformed hostname %s as syntax',
    (name) => {
      expect(error(`EHLO ${name}`)).toMatchObject({
        kind: 'syntax',
        verb: 'EHLO',
        detail: /hostname or address literal/,
      });
    },
  );

  it('refuses a hostname longer than 255 octets', () => {
    const name = (length: number) => `${'a'.repeat(length - 4)}.com`;
    expect(command(`EHLO ${name(255)}`)).toEqual({ verb: 'EHLO', domain: name(255) });
    expect(error(`EHLO ${name(256)}`)).toMatchObject({ kind: 'syntax', detail: /256 octets/ });
  });
});

describe('MAIL', () => {
  it('reads the §4.1.1.2 example', () => {
    expect(command('MAIL FROM:<userx@y.foo.org>')).toEqual({
      verb: 'MAIL',
      path: { kind: 'mailbox', mailbox: userx, sourceRoute: [] },
      params: { other: [] },
    });
  });

  it('is case-insensitive in the verb and FROM:', () => {
    expect(command('mail from:<userx@y.foo.org>')).toEqual(command('MAIL FROM:<userx@y.foo.org>'));
    expect(command('Mail From:<userx@y.foo.org>').verb).toBe('MAIL');
  });

  it('accepts one space after the colon, like Postfix', () => {
    expect(command('MAIL FROM: <userx@y.foo.org>')).toEqual(command('MAIL FROM:<userx@y.foo.org>'));
  });

  it('reads the null reverse path', () => {
    expect(command('MAIL FROM:<>')).toEqual({
      verb: 'MAIL',
      path: { kind: 'null' },
      params: { other: [] },
    });
  });

  it('accepts a source route and records it (§3.6)', () => {
    expect(command('MAIL FROM:<@a.example,@b.example:user@c.example>')).toEqual({
      verb: 'MAIL',
      path: {
        kind: 'mailbox',
        mailbox: { localPart: 'user', domain: 'c.example', address: 'user@c.example' },
        sourceRoute: ['a.example', 'b.example'],
      },
      params: { other: [] },
    });
  });

  it('keeps a quoted local part with spaces and > inside', () => {
    const parsed = command('MAIL FROM:<"John Doe >"@example.com> SIZE=10');
    expect(parsed).toEqual({
      verb: 'MAIL',
      path: {
        kind: 'mailbox',
        mailbox: {
          localPart: '"John Doe >"',
          domain: 'example.com',
          address: '"John Doe >"@example.com',
        },
        sourceRoute: [],
      },
      params: { size: 10, other: [] },
    });
  });

  it('finds the closing > after an address literal that contains one', () => {
    expect(command('MAIL FROM:<user@[x-tag:a>b]> SIZE=1')).toMatchObject({
      path: { mailbox: { domain: '[x-tag:a>b]' } },
      params: { size: 1 },
    });
  });

  it('reads parameters after the path', () => {
    expect(command('MAIL FROM:<> SIZE=500 BODY=8BITMIME RET=HDRS ENVID=QQ314159 XYZ=1')).toEqual({
      verb: 'MAIL',
      path: { kind: 'null' },
      params: {
        size: 500,
        body: '8BITMIME',
        ret: 'HDRS',
        envid: 'QQ314159',
        other: [{ keyword: 'XYZ', value: '1' }],
      },
    });
  });

  it.each([
    'MAIL',
    'MAIL userx@y.foo.org',
    'MAIL FROM:userx@y.foo.org',
    'MAIL FROM:',
    'MAIL FROM:  <userx@y.foo.org>',
    'MAIL FROM :<userx@y.foo.org>',
    'MAIL TO:<userx@y.foo.org>',
    'MAIL FROM:<userx@y.foo.org',
  ])('refuses %j with "MAIL needs FROM:<address>"', (line) => {
    expect(error(line)).toEqual({
      kind: 'syntax',
      verb: 'MAIL',
      detail: 'MAIL needs FROM:<address>',
    });
  });

  it('refuses text glued to the closing bracket', () => {
    expect(error('MAIL FROM:<a@b.example>SIZE=1')).toEqual({
      kind: 'syntax',
      verb: 'MAIL',
      detail: 'unexpected "SIZE=1" after the address',
    });
  });

  it.each([
    'MAIL FROM:<userx>',
    'MAIL FROM:<Postmaster>',
    'MAIL FROM:<a..b@example.com>',
    'MAIL FROM:<user@exa_mple.com>',
    'MAIL FROM:<"unclosed@example.com>',
    'MAIL FROM:<user@[300.1.1.1]>',
    'MAIL FROM:<@a.example:>',
  ])('refuses %j as badAddress', (line) => {
    expect(error(line)).toMatchObject({ kind: 'badAddress', verb: 'MAIL' });
  });

  it('enforces the local-part limit at 64 octets', () => {
    expect(command(`MAIL FROM:<${'a'.repeat(64)}@example.com>`).verb).toBe('MAIL');
    expect(error(`MAIL FROM:<${'a'.repeat(65)}@example.com>`)).toEqual({
      kind: 'addressTooLong',
      verb: 'MAIL',
      detail: 'local part is 65 octets; the limit is 64',
    });
  });

  it('reports a domain over 255 octets as such, not only as a long path', () => {
    // In a path, the 256-octet path limit bites first: <u@ + 252 octets + > is the most.
    const domain = (length: number) => `${'d'.repeat(length - 4)}.com`;
    expect(command(`MAIL FROM:<u@${domain(252)}>`).verb).toBe('MAIL');
    expect(error(`MAIL FROM:<u@${domain(253)}>`)).toMatchObject({ detail: /path is 257/ });
    expect(error(`MAIL FROM:<u@${domain(256)}>`)).toMatchObject({
      kind: 'addressTooLong',
      detail: /domain is 256 octets/,
    });
  });

  it('enforces the path limit at 256 octets including < and >', () => {
    const path = (length: number) => `<${'l'.repeat(64)}@${'d'.repeat(length - 71)}.com>`;
    expect(path(256)).toHaveLength(256);
    expect(command(`MAIL FROM:${path(256)}`).verb).toBe('MAIL');
    expect(error(`MAIL FROM:${path(257)}`)).toMatchObject({
      kind: 'addressTooLong',
      verb: 'MAIL',
      detail: /path is 257 octets/,
    });
  });

  it('reports parameter errors with the verb', () => {
    expect(error('MAIL FROM:<> SIZE=abc')).toMatchObject({
      kind: 'badParameter',
      verb: 'MAIL',
      parameter: 'SIZE',
    });
    expect(error('MAIL FROM:<> BODY=9BIT')).toMatchObject({
      kind: 'badParameter',
      parameter: 'BODY',
    });
    expect(error('MAIL FROM:<> =x')).toMatchObject({ kind: 'syntax', verb: 'MAIL' });
  });

  it('reports a bad address before bad parameters', () => {
    expect(error('MAIL FROM:<a..b@example.com> SIZE=abc').kind).toBe('badAddress');
  });
});

describe('RCPT', () => {
  it('reads a mailbox with parameters', () => {
    expect(
      command('RCPT TO:<Jones@XYZ.COM> NOTIFY=FAILURE,DELAY ORCPT=rfc822;Jones@XYZ.COM'),
    ).toEqual({
      verb: 'RCPT',
      path: {
        kind: 'mailbox',
        mailbox: { localPart: 'Jones', domain: 'XYZ.COM', address: 'Jones@XYZ.COM' },
        sourceRoute: [],
      },
      params: {
        notify: ['FAILURE', 'DELAY'],
        orcpt: { type: 'rfc822', address: 'Jones@XYZ.COM' },
        other: [],
      },
    });
  });

  it.each(['RCPT TO:<Postmaster>', 'rcpt to:<postmaster>', 'RCPT TO: <POSTMASTER>'])(
    'reads %j as the special postmaster recipient (§4.5.1)',
    (line) => {
      expect(command(line)).toEqual({
        verb: 'RCPT',
        path: { kind: 'postmaster' },
        params: { other: [] },
      });
    },
  );

  it('treats <postmaster@domain> as a normal mailbox', () => {
    expect(command('RCPT TO:<postmaster@example.com>')).toMatchObject({
      path: { kind: 'mailbox', mailbox: { address: 'postmaster@example.com' } },
    });
  });

  it('accepts an address-literal domain', () => {
    expect(command('RCPT TO:<user@[IPv6:2001:db8::ff00:42:8329]>')).toMatchObject({
      path: { mailbox: { domain: '[IPv6:2001:db8::ff00:42:8329]' } },
    });
  });

  it('refuses the null path', () => {
    expect(error('RCPT TO:<>')).toMatchObject({ kind: 'badAddress', verb: 'RCPT' });
  });

  it.each(['RCPT', 'RCPT FROM:<a@b.example>', 'RCPT TO:a@b.example', 'RCPT TO:'])(
    'refuses %j with "RCPT needs TO:<address>"',
    (line) => {
      expect(error(line)).toEqual({
        kind: 'syntax',
        verb: 'RCPT',
        detail: 'RCPT needs TO:<address>',
      });
    },
  );

  it('reports parameter errors', () => {
    expect(error('RCPT TO:<a@b.example> NOTIFY=NEVER,DELAY')).toMatchObject({
      kind: 'badParameter',
      verb: 'RCPT',
      parameter: 'NOTIFY',
    });
  });

  it('enforces the local-part limit', () => {
    expect(error(`RCPT TO:<${'a'.repeat(65)}@example.com>`)).toMatchObject({
      kind: 'addressTooLong',
      verb: 'RCPT',
    });
  });
});

describe('commands without arguments', () => {
  it.each(['DATA', 'RSET', 'QUIT', 'STARTTLS'] as const)('%s parses alone', (verb) => {
    expect(command(verb)).toEqual({ verb });
    expect(command(verb.toLowerCase())).toEqual({ verb });
  });

  it.each(['DATA', 'RSET', 'QUIT', 'STARTTLS'] as const)('%s refuses an argument', (verb) => {
    expect(error(`${verb} now`)).toEqual({
      kind: 'syntax',
      verb,
      detail: `${verb} takes no argument`,
    });
  });
});

describe('NOOP, HELP, VRFY, EXPN', () => {
  it('takes an optional argument for NOOP and HELP', () => {
    expect(command('NOOP')).toEqual({ verb: 'NOOP' });
    expect(command('NOOP  hello there ')).toEqual({ verb: 'NOOP', argument: 'hello there' });
    expect(command('HELP')).toEqual({ verb: 'HELP' });
    expect(command('HELP MAIL')).toEqual({ verb: 'HELP', argument: 'MAIL' });
  });

  it('needs an argument for VRFY and EXPN (§3.5 examples)', () => {
    expect(command('VRFY Smith')).toEqual({ verb: 'VRFY', argument: 'Smith' });
    expect(command('VRFY <jones@foo.com>')).toEqual({ verb: 'VRFY', argument: '<jones@foo.com>' });
    expect(command('EXPN Example-People')).toEqual({ verb: 'EXPN', argument: 'Example-People' });
    expect(error('VRFY')).toMatchObject({ kind: 'syntax', verb: 'VRFY', detail: /VRFY needs/ });
    expect(error('EXPN  ')).toMatchObject({ kind: 'syntax', verb: 'EXPN', detail: /EXPN needs/ });
  });
});

describe('ETRN (RFC 1985)', () => {
  it('reads the three forms, dropping the prefix', () => {
    expect(command('ETRN mail.example.com')).toEqual({
      verb: 'ETRN',
      kind: 'node',
      argument: 'mail.example.com',
    });
    expect(command('ETRN @example.com')).toEqual({
      verb: 'ETRN',
      kind: 'domain',
      argument: 'example.com',
    });
    expect(command('etrn #queue-1')).toEqual({ verb: 'ETRN', kind: 'queue', argument: 'queue-1' });
  });

  it.each(['ETRN', 'ETRN a.example b.example'])('refuses %j as syntax', (line) => {
    expect(error(line)).toMatchObject({ kind: 'syntax', verb: 'ETRN', detail: /exactly one/ });
  });

  it.each(['ETRN @', 'ETRN #', 'ETRN exa_mple.com', 'ETRN @[192.0.2.1]', 'ETRN #a"b', 'ETRN @@x'])(
    'refuses %j as badParameter ETRN',
    (line) => {
      expect(error(line)).toMatchObject({ kind: 'badParameter', verb: 'ETRN', parameter: 'ETRN' });
    },
  );
});

describe('AUTH (RFC 4954)', () => {
  it('upper-cases the mechanism and keeps the initial response', () => {
    expect(command('AUTH plain')).toEqual({ verb: 'AUTH', mechanism: 'PLAIN' });
    expect(command('AUTH PLAIN dGVzdAB0ZXN0ADEyMzQ=')).toEqual({
      verb: 'AUTH',
      mechanism: 'PLAIN',
      initialResponse: 'dGVzdAB0ZXN0ADEyMzQ=',
    });
    expect(command('AUTH EXTERNAL =')).toEqual({
      verb: 'AUTH',
      mechanism: 'EXTERNAL',
      initialResponse: '=',
    });
    expect(command('AUTH scram-sha-256')).toEqual({ verb: 'AUTH', mechanism: 'SCRAM-SHA-256' });
  });

  it('accepts a 20-character mechanism and refuses 21', () => {
    expect(command(`AUTH ${'X'.repeat(20)}`)).toEqual({ verb: 'AUTH', mechanism: 'X'.repeat(20) });
    expect(error(`AUTH ${'X'.repeat(21)}`)).toMatchObject({ kind: 'syntax', verb: 'AUTH' });
  });

  it.each(['AUTH', 'AUTH PLAIN a b', 'AUTH PL@IN'])('refuses %j as syntax', (line) => {
    expect(error(line)).toMatchObject({ kind: 'syntax', verb: 'AUTH' });
  });
});

describe('formatCommand', () => {
  it.each([
    'EHLO mail.example.com',
    'HELO [192.0.2.1]',
    'MAIL FROM:<userx@y.foo.org>',
    'MAIL FROM:<> SIZE=500 BODY=8BITMIME RET=FULL ENVID=a+2Bb AUTH=<> X-Y=z',
    'MAIL FROM:<@a.example,@b.example:user@c.example>',
    'RCPT TO:<Postmaster>',
    'RCPT TO:<"John Doe"@example.com> NOTIFY=SUCCESS,DELAY ORCPT=rfc822;a+2Bb@example.com',
    'DATA',
    'RSET',
    'QUIT',
    'STARTTLS',
    'NOOP',
    'NOOP hi',
    'HELP',
    'HELP RCPT',
    'VRFY Smith',
    'EXPN list',
    'ETRN host.example',
    'ETRN @example.com',
    'ETRN #queue',
    'AUTH PLAIN',
    'AUTH LOGIN dXNlcg==',
  ])('writes %j back unchanged', (line) => {
    expect(formatCommand(command(line))).toBe(line);
  });

  it('normalises case and spacing', () => {
    expect(formatCommand(command('mail from: <a@b.example>   size=7  body=7bit'))).toBe(
      'MAIL FROM:<a@b.example> SIZE=7 BODY=7BIT',
    );
    expect(formatCommand(command('rcpt to:<postmaster>'))).toBe('RCPT TO:<Postmaster>');
  });
});
