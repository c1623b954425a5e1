import { describe, expect, it } from 'vitest';
import { isBelow, isValidDomainName, normalizeName, sameName } from '../../../src/core/dns/names';

describe('normalizeName', () => {
  it('lower-cases and drops one trailing dot', () => {
    expect(normalizeName('MX.B.Example.')).toBe('mx.b.example');
    expect(normalizeName('mx.b.example')).toBe('mx.b.example');
    expect(normalizeName('.')).toBe('');
  });

  it('compares names case-insensitively, trailing dot ignored', () => {
    expect(sameName('B.EXAMPLE.', 'b.example')).toBe(true);
    expect(sameName('a.example', 'b.example')).toBe(false);
  });
});

describe('isBelow', () => {
  it('holds for names strictly below, on label boundaries', () => {
    expect(isBelow('mx.b.example', 'b.example')).toBe(true);
    expect(isBelow('b.example', 'b.example')).toBe(false);
    expect(isBelow('ab.example', 'b.example')).toBe(false);
    expect(isBelow('b.example', '')).toBe(true);
  });
});

describe('isValidDomainName', () => {
  it.each(['b.example', 'MX1.B.Example.', 'localhost', '_dmarc.b.example', 'a-b.example'])(
    'accepts %s',
    (name) => expect(isValidDomainName(name)).toBe(true),
  );

  it.each([
    '',
    '.',
    'a..example',
    'bad domain.example',
    '-a.example',
    'a-.example',
    '192.0.2.1',
    `${'a'.repeat(64)}.example`,
    `${'abcdefghi.'.repeat(25)}example`,
  ])('refuses %j', (name) => expect(isValidDomainName(name)).toBe(false));
});
