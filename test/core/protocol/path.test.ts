import { describe, expect, it } from 'vitest';
import {
  formatForwardPath,
  formatMailbox,
  formatReversePath,
  isAddressLiteral,
  isDomain,
  parseForwardPath,
  parseMailbox,
  parseReversePath,
} from '../../../src/core/protocol/path';
import { DOMAIN_MAX, LOCAL_PART_MAX, PATH_MAX } from '../../../src/core/protocol/limits';

function errorKind(result: { ok: boolean; error?: { kind: string } }): string | undefined {
  return result.ok ? undefined : result.error?.kind;
}

describe('isDomain', () => {
  it.each(['y.foo.org', 'example.com', 'a', 'x-1.example', '3com.com', 'EXAMPLE.Org', 'a1-b2'])(
    'accepts %s',
    (name) => expect(isDomain(name)).toBe(true),
  );

  it.each([
    '',
    '.',
    'example.com.',
    '.example.com',
    'a..b',
    '-a.example',
    'a-.example',
    'exa_mple.com',
    'exa mple.com',
    'ex\u00e9mple.com',
    '[192.0.2.1]',
  ])('rejects %j', (name) => expect(isDomain(name)).toBe(false));
});

describe('isAddressLiteral', () => {
  it.each([
    '[192.0.2.1]',
    '[0.0.0.0]',
    '[255.255.255.255]',
    '[001.02.3.4]',
    '[IPv6:2001:db8::1]',
    '[ipv6:2001:DB8::1]',
    '[IPv6:1:2:3:4:5:6:7:8]',
    '[IPv6:::1]',
    '[IPv6:::]',
    '[IPv6:1::]',
    '[IPv6:1:2:3:4:5:6::]',
    '[IPv6:::ffff:192.0.2.1]',
    '[IPv6:1:2:3:4:5:6:192.0.2.1]',
    '[IPv6:1:2:3:4::192.0.2.1]',
    '[x-tag:anything-but-brackets]',
    '[tag:a@b]',
  ])('accepts %s', (literal) => expect(isAddressLiteral(literal)).toBe(true));

  it.each([
    '[]',
    '192.0.2.1',
    '[192.0.2.256]',
    '[192.0.2]',
    '[192.0.2.1.5]',
    '[1234.0.2.1]',
    '[IPv6:2001:db8::1::2]',
    '[IPv6:1:2:3:4:5:6:7]',
    '[IPv6:1:2:3:4:5:6:7:8:9]',
    '[IPv6:1:2:3:4:5:6:7::]',
    '[IPv6:12345::1]',
    '[IPv6:g::1]',
    '[IPv6:::1:2:3:4:5:192.0.2.1]',
    '[IPv6:::ffff:192.0.2.256]',
    '[IPv6:1:2:3:4:5:192.0.2.1]',
    '[IPv6:]',
    '[IPv6:garbage]',
    '[-:content]',
    '[tag-:content]',
    '[tag:]',
    '[tag:a[b]',
    '[tag:a\\b]',
    '[tag:a b]',
  ])('rejects %s', (literal) => expect(isAddressLiteral(literal)).toBe(false));
});

describe('parseMailbox', () => {
  it('splits a dot-string mailbox', () => {
    expect(parseMailbox('userx@y.foo.org')).toEqual({
      ok: true,
      value: { localPart: 'userx', domain: 'y.foo.org', address: 'userx@y.foo.org' },
    });
  });

  it('keeps the quotes of a quoted local part (RFC 5321 §4.1.2)', () => {
    expect(parseMailbox('"John Doe"@example.com')).toEqual({
      ok: true,
      value: {
        localPart: '"John Doe"',
        domain: 'example.com',
        address: '"John Doe"@example.com',
      },
    });
  });

  it('accepts quoted pairs and @ inside a quoted local part', () => {
    const result = parseMailbox('"a\\"b@c"@example.com');
    expect(result.ok && result.value.localPart).toBe('"a\\"b@c"');
  });

  it('accepts an empty quoted string, which the grammar allows', () => {
    expect(parseMailbox('""@example.com').ok).toBe(true);
  });

  it('keeps the case of the local part and domain', () => {
    const result = parseMailbox('John.Smith@Example.COM');
    expect(result.ok && result.value.address).toBe('John.Smith@Example.COM');
  });

  it('accepts every atext character', () => {
    expect(parseMailbox("!#$%&'*+-/=?^_`{|}~@example.com").ok).toBe(true);
  });

  it('accepts address literals as the domain (§4.1.3)', () => {
    const v4 = parseMailbox('postmaster@[192.0.2.1]');
    expect(v4.ok && v4.value.domain).toBe('[192.0.2.1]');
    const v6 = parseMailbox('user@[IPv6:2001:db8::1]');
    expect(v6.ok && v6.value.domain).toBe('[IPv6:2001:db8::1]');
  });

  it.each([
    ['', /empty/],
    ['userx', /no @domain/],
    ['user@', /after @/],
    ['@example.com', /local part ""/],
    ['a..b@example.com', /local part "a\.\.b"/],
    ['.a@example.com', /local part/],
    ['a.@example.com', /local part/],
    ['John Doe@example.com', /local part/],
    ['a(b)@example.com', /local part/],
    ['"unclosed@example.com', /closing quote/],
    ['"a"b@example.com', /@ right after/],
    ['"a\u00e9"@example.com', /local part/],
    ['"tab\there"@example.com', /local part/],
    ['a@b@example.com', /domain "b@example.com"/],
    ['user@exa_mple.com', /domain/],
    ['user@[192.0.2.300]', /domain/],
    ['user@example.com.', /domain/],
  ])('rejects %j as badAddress', (text, detail) => {
    const result = parseMailbox(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('badAddress');
      expect(result.error.detail).toMatch(detail);
    }
  });

  it(`accepts a ${LOCAL_PART_MAX}-octet local part and refuses ${LOCAL_PART_MAX + 1}`, () => {
    expect(parseMailbox(`${'a'.repeat(64)}@example.com`).ok).toBe(true);
    const result = parseMailbox(`${'a'.repeat(65)}@example.com`);
    expect(errorKind(result)).toBe('addressTooLong');
    expect(!result.ok && result.error.detail).toBe('local part is 65 octets; the limit is 64');
  });

  it('counts the quotes of a quoted local part', () => {
    expect(parseMailbox(`"${'a'.repeat(62)}"@example.com`).ok).toBe(true);
    expect(errorKind(parseMailbox(`"${'a'.repeat(63)}"@example.com`))).toBe('addressTooLong');
  });

  it(`accepts a ${DOMAIN_MAX}-octet domain and refuses ${DOMAIN_MAX + 1}`, () => {
    const domain = (length: number) => `${'a'.repeat(length - 4)}.com`;
    expect(domain(255)).toHaveLength(255);
    expect(parseMailbox(`u@${domain(255)}`).ok).toBe(true);
    const result = parseMailbox(`u@${domain(256)}`);
    expect(errorKind(result)).toBe('addressTooLong');
    expect(!result.ok && result.error.detail).toMatch(/domain is 256 octets/);
  });

  it('reports bad syntax before length', () => {
    expect(errorKind(parseMailbox(`${'a'.repeat(70)}..b@example.com`))).toBe('badAddress');
  });
});

describe('parseReversePath', () => {
  it('reads <> as the null path', () => {
    expect(parseReversePath('<>')).toEqual({ ok: true, value: { kind: 'null' } });
  });

  it('reads a mailbox with an empty source route', () => {
    expect(parseReversePath('<userx@y.foo.org>')).toEqual({
      ok: true,
      value: {
        kind: 'mailbox',
        mailbox: { localPart: 'userx', domain: 'y.foo.org', address: 'userx@y.foo.org' },
        sourceRoute: [],
      },
    });
  });

  it('accepts and records a source route (§3.6, §4.1.2)', () => {
    const result = parseReversePath('<@a.example,@b.example:user@c.example>');
    expect(result).toEqual({
      ok: true,
      value: {
        kind: 'mailbox',
        mailbox: { localPart: 'user', domain: 'c.example', address: 'user@c.example' },
        sourceRoute: ['a.example', 'b.example'],
      },
    });
  });

  it.each([
    ['userx@y.foo.org', /angle brackets/],
    ['<userx@y.foo.org', /angle brackets/],
    ['<', /angle brackets/],
    ['<Postmaster>', /no @domain/],
    ['< >', /no @domain/],
    ['<@a.example user@c.example>', /must end with ":"/],
    ['<@a.example,b.example:user@c.example>', /hop "b.example"/],
    ['<@a_b:user@c.example>', /hop "@a_b"/],
    ['<@[192.0.2.1]:user@c.example>', /hop/],
    ['<@a.example:>', /empty/],
  ])('rejects %j as badAddress', (text, detail) => {
    const result = parseReversePath(text);
    expect(errorKind(result)).toBe('badAddress');
    expect(!result.ok && result.error.detail).toMatch(detail);
  });

  it(`accepts a ${PATH_MAX}-octet path and refuses ${PATH_MAX + 1}, counting < and >`, () => {
    // 64-octet local part, "@", then a domain sized to make the whole path the wanted length.
    const path = (length: number) => `<${'l'.repeat(64)}@${'d'.repeat(length - 2 - 65 - 4)}.com>`;
    expect(path(256)).toHaveLength(256);
    expect(parseReversePath(path(256)).ok).toBe(true);
    const result = parseReversePath(path(257));
    expect(errorKind(result)).toBe('addressTooLong');
    expect(!result.ok && result.error.detail).toMatch(/path is 257 octets; the limit is 256/);
  });

  it('counts the source route in the path length', () => {
    const mailbox = `${'l'.repeat(60)}@${'d'.repeat(150)}.com`;
    expect(parseReversePath(`<${mailbox}>`).ok).toBe(true);
    const routed = parseReversePath(`<@${'r'.repeat(40)}.example:${mailbox}>`);
    expect(errorKind(routed)).toBe('addressTooLong');
  });
});

describe('parseForwardPath', () => {
  it.each(['<Postmaster>', '<postmaster>', '<POSTMASTER>', '<PostMaster>'])(
    'reads %s as the special postmaster path (§4.5.1)',
    (text) => expect(parseForwardPath(text)).toEqual({ ok: true, value: { kind: 'postmaster' } }),
  );

  it('treats postmaster@domain as a normal mailbox', () => {
    const result = parseForwardPath('<postmaster@example.com>');
    expect(result.ok && result.value).toEqual({
      kind: 'mailbox',
      mailbox: {
        localPart: 'postmaster',
        domain: 'example.com',
        address: 'postmaster@example.com',
      },
      sourceRoute: [],
    });
  });

  it('refuses the null path', () => {
    const result = parseForwardPath('<>');
    expect(errorKind(result)).toBe('badAddress');
    expect(!result.ok && result.error.detail).toMatch(/only allowed in MAIL FROM/);
  });

  it('does not treat a routed Postmaster as the special path', () => {
    expect(errorKind(parseForwardPath('<@a.example:Postmaster>'))).toBe('badAddress');
  });
});

describe('formatting', () => {
  it('formats a mailbox as local-part@domain', () => {
    expect(formatMailbox({ localPart: '"a b"', domain: '[192.0.2.1]', address: 'x' })).toBe(
      '"a b"@[192.0.2.1]',
    );
  });

  it('formats paths with brackets and source routes', () => {
    expect(formatReversePath({ kind: 'null' })).toBe('<>');
    expect(formatForwardPath({ kind: 'postmaster' })).toBe('<Postmaster>');
    const mailbox = { localPart: 'user', domain: 'c.example', address: 'user@c.example' };
    expect(formatForwardPath({ kind: 'mailbox', mailbox, sourceRoute: [] })).toBe(
      '<user@c.example>',
    );
    expect(
      formatReversePath({ kind: 'mailbox', mailbox, sourceRoute: ['a.example', 'b.example'] }),
    ).toBe('<@a.example,@b.example:user@c.example>');
  });
});
