import { describe, expect, it } from 'vitest';
import {
  formatMailParams,
  formatRcptParams,
  parseMailParams,
  parseRcptParams,
  xtextDecode,
  xtextEncode,
} from '../../../src/core/protocol/params';

function expectBadParameter(
  result: { ok: true } | { ok: false; error: { kind: string; parameter?: string } },
  parameter: string,
): void {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error).toMatchObject({ kind: 'badParameter', parameter });
}

describe('xtext (RFC 3461 §4)', () => {
  it('decodes +XX to one octet and keeps other printable characters', () => {
    expect(xtextDecode('user+2Bext@example.com')).toBe('user+ext@example.com');
    expect(xtextDecode('a+3Db')).toBe('a=b');
    expect(xtextDecode('+20+7F+FF')).toBe(' \x7f\xff');
  });

  it('accepts lower-case hex leniently', () => {
    expect(xtextDecode('a+2bb')).toBe('a+b');
  });

  it('decodes the empty string to itself', () => {
    expect(xtextDecode('')).toBe('');
  });

  it.each(['+', '+2', '+2G', 'a=b', 'a b', 'caf\u00e9', '\x7f'])('refuses %j', (text) => {
    expect(xtextDecode(text)).toBeUndefined();
  });

  it('encodes +, =, space, controls and 8-bit octets as upper-case +XX', () => {
    expect(xtextEncode('a+b=c d\r\u00ff')).toBe('a+2Bb+3Dc+20d+0D+FF');
    expect(xtextEncode('<>')).toBe('<>');
  });

  it('encodes characters beyond one octet as their UTF-8 octets', () => {
    expect(xtextEncode('\u20ac')).toBe('+E2+82+AC');
  });

  it('round-trips every octet', () => {
    const all = Array.from({ length: 256 }, (_, code) => String.fromCharCode(code)).join('');
    expect(xtextDecode(xtextEncode(all))).toBe(all);
  });
});

describe('parseMailParams', () => {
  it('reads nothing from an empty string', () => {
    expect(parseMailParams('')).toEqual({ ok: true, value: { other: [] } });
  });

  it('reads every known MAIL parameter, case-insensitively', () => {
    expect(
      parseMailParams(
        'size=1000000 Body=8bitmime ret=hdrs EnVid=QQ314159+2Bx auth=e+3Dmc2@example.com',
      ),
    ).toEqual({
      ok: true,
      value: {
        size: 1000000,
        body: '8BITMIME',
        ret: 'HDRS',
        envid: 'QQ314159+x',
        auth: 'e=mc2@example.com',
        other: [],
      },
    });
  });

  it('accepts AUTH=<>', () => {
    const result = parseMailParams('AUTH=<>');
    expect(result.ok && result.value.auth).toBe('<>');
  });

  it('accepts BODY=7BIT and RET=FULL', () => {
    expect(parseMailParams('BODY=7BIT RET=FULL')).toEqual({
      ok: true,
      value: { body: '7BIT', ret: 'FULL', other: [] },
    });
  });

  it('collects unknown keywords as written, with or without a value', () => {
    expect(parseMailParams('SMTPUTF8 x-Foo=bar NOTIFY=NEVER')).toEqual({
      ok: true,
      value: {
        other: [
          { keyword: 'SMTPUTF8' },
          { keyword: 'x-Foo', value: 'bar' },
          { keyword: 'NOTIFY', value: 'NEVER' },
        ],
      },
    });
  });

  it('ignores extra spaces between parameters', () => {
    const result = parseMailParams('  SIZE=1   BODY=7BIT ');
    expect(result.ok && result.value).toEqual({ size: 1, body: '7BIT', other: [] });
  });

  it('accepts SIZE from 1 to 20 digits, leading zeros included', () => {
    expect(parseMailParams('SIZE=0')).toEqual({ ok: true, value: { size: 0, other: [] } });
    expect(parseMailParams('SIZE=007')).toEqual({ ok: true, value: { size: 7, other: [] } });
    expect(parseMailParams(`SIZE=${'9'.repeat(20)}`).ok).toBe(true);
  });

  it.each(['SIZE', 'SIZE=abc', 'SIZE=-1', 'SIZE=1.5', 'SIZE=1e6', `SIZE=${'1'.repeat(21)}`])(
    'refuses %s as badParameter SIZE',
    (text) => expectBadParameter(parseMailParams(text), 'SIZE'),
  );

  it.each([
    ['BODY=9BIT', 'BODY'],
    ['BODY=BINARYMIME', 'BODY'],
    ['BODY', 'BODY'],
    ['RET=ALL', 'RET'],
    ['RET', 'RET'],
    ['ENVID', 'ENVID'],
    ['ENVID=a+zz', 'ENVID'],
    ['AUTH', 'AUTH'],
    ['AUTH=a+', 'AUTH'],
  ])('refuses %s as badParameter %s', (text, parameter) => {
    expectBadParameter(parseMailParams(text), parameter);
  });

  it('refuses a known keyword given twice, whatever its case', () => {
    const result = parseMailParams('SIZE=1 size=2');
    expectBadParameter(result, 'SIZE');
    expect(!result.ok && result.error.detail).toBe('SIZE given more than once');
  });

  it('keeps an unknown keyword given twice', () => {
    const result = parseMailParams('X=1 X=2');
    expect(result.ok && result.value.other).toHaveLength(2);
  });

  it.each(['=1', '-X', 'X_Y', 'X=', 'X=a=b', 'SIZE==1', 'X=caf\u00e9', 'X=\x01', 'é'])(
    'refuses malformed parameter %j as syntax',
    (text) => {
      const result = parseMailParams(text);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.kind).toBe('syntax');
        expect(result.error.detail).toMatch(/expected KEYWORD or KEYWORD=value/);
      }
    },
  );
});

describe('parseRcptParams', () => {
  it('reads NOTIFY lists and ORCPT (RFC 3461 examples)', () => {
    expect(parseRcptParams('NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;Bob@Example.COM')).toEqual({
      ok: true,
      value: {
        notify: ['SUCCESS', 'FAILURE'],
        orcpt: { type: 'rfc822', address: 'Bob@Example.COM' },
        other: [],
      },
    });
  });

  it('reads NOTIFY=never and keeps the list order', () => {
    expect(parseRcptParams('notify=never')).toEqual({
      ok: true,
      value: { notify: ['NEVER'], other: [] },
    });
    const list = parseRcptParams('NOTIFY=delay,Success');
    expect(list.ok && list.value.notify).toEqual(['DELAY', 'SUCCESS']);
  });

  it('decodes the xtext address of ORCPT', () => {
    const result = parseRcptParams('ORCPT=rfc822;a+2Bb+3Dc@example.com');
    expect(result.ok && result.value.orcpt).toEqual({
      type: 'rfc822',
      address: 'a+b=c@example.com',
    });
  });

  it('treats MAIL keywords as unknown', () => {
    const result = parseRcptParams('SIZE=10');
    expect(result.ok && result.value.other).toEqual([{ keyword: 'SIZE', value: '10' }]);
  });

  it.each([
    ['NOTIFY', 'NOTIFY'],
    ['NOTIFY=NEVER,SUCCESS', 'NOTIFY'],
    ['NOTIFY=SUCCESS,NEVER', 'NOTIFY'],
    ['NOTIFY=SUCCESS,SUCCESS', 'NOTIFY'],
    ['NOTIFY=SUCCESS,', 'NOTIFY'],
    ['NOTIFY=ALWAYS', 'NOTIFY'],
    ['ORCPT', 'ORCPT'],
    ['ORCPT=rfc822', 'ORCPT'],
    ['ORCPT=;a@b', 'ORCPT'],
    ['ORCPT=rfc822;', 'ORCPT'],
    ['ORCPT=rfc822;a+2', 'ORCPT'],
    ['NOTIFY=NEVER notify=NEVER', 'NOTIFY'],
    ['ORCPT=rfc822;a@b ORCPT=rfc822;c@d', 'ORCPT'],
  ])('refuses %s as badParameter %s', (text, parameter) => {
    expectBadParameter(parseRcptParams(text), parameter);
  });
});

describe('formatting parameters', () => {
  it('writes known MAIL parameters first, xtext-encoded, then the others', () => {
    expect(
      formatMailParams({
        other: [{ keyword: 'X-A' }, { keyword: 'y', value: 'z' }],
        auth: '<>',
        envid: 'id+1 2',
        ret: 'FULL',
        body: '8BITMIME',
        size: 42,
      }),
    ).toEqual([
      'SIZE=42',
      'BODY=8BITMIME',
      'RET=FULL',
      'ENVID=id+2B1+202',
      'AUTH=<>',
      'X-A',
      'y=z',
    ]);
  });

  it('writes nothing for empty parameters', () => {
    expect(formatMailParams({ other: [] })).toEqual([]);
    expect(formatRcptParams({ other: [] })).toEqual([]);
  });

  it('writes RCPT parameters', () => {
    expect(
      formatRcptParams({
        notify: ['SUCCESS', 'DELAY'],
        orcpt: { type: 'rfc822', address: 'a+b@example.com' },
        other: [{ keyword: 'X' }],
      }),
    ).toEqual(['NOTIFY=SUCCESS,DELAY', 'ORCPT=rfc822;a+2Bb@example.com', 'X']);
  });
});
