import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatCidr,
  formatIPv4,
  hasHostBits,
  inCidr,
  isIPv6,
  parseCidr,
  parseIPv4,
} from '../../../src/core/net/ip';

const ip = (s: string): number => {
  const n = parseIPv4(s);
  if (n === undefined) throw new Error(`bad test address ${s}`);
  return n;
};

describe('parseIPv4 / formatIPv4', () => {
  it.each([
    ['0.0.0.0', 0],
    ['192.0.2.10', 0xc000020a],
    ['255.255.255.255', 0xffffffff],
    ['10.0.0.1', 0x0a000001],
  ])('%s is %d', (text, n) => {
    expect(parseIPv4(text)).toBe(n);
    expect(formatIPv4(n)).toBe(text);
  });

  it.each([
    '',
    '10.0.0.300',
    '10.0.0',
    '10.0.0.1.2',
    '010.0.0.1',
    '10.0.0.01',
    '10.0.0.-1',
    '10.0.0.+1',
    '10.0..1',
    '10.0.0.1 ',
    ' 10.0.0.1',
    '1e1.0.0.1',
    '0x10.0.0.1',
    '10.0.0.1/24',
    '١٠.0.0.1',
  ])('rejects %j', (text) => {
    expect(parseIPv4(text)).toBeUndefined();
  });

  it('round-trips every 32-bit number', () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), (n) => {
        expect(parseIPv4(formatIPv4(n))).toBe(n);
      }),
    );
  });

  it('formatIPv4 rejects numbers outside 32 bits', () => {
    expect(() => formatIPv4(-1)).toThrow(RangeError);
    expect(() => formatIPv4(2 ** 32)).toThrow(RangeError);
    expect(() => formatIPv4(1.5)).toThrow(RangeError);
  });
});

describe('CIDR', () => {
  it('parses blocks and bare addresses', () => {
    expect(parseCidr('192.0.2.0/24')).toEqual({ network: ip('192.0.2.0'), prefix: 24 });
    expect(parseCidr('0.0.0.0/0')).toEqual({ network: 0, prefix: 0 });
    expect(parseCidr('192.0.2.10')).toEqual({ network: ip('192.0.2.10'), prefix: 32 });
    expect(parseCidr('192.0.2.7/24')).toEqual({ network: ip('192.0.2.0'), prefix: 24 });
    for (const bad of [
      '192.0.2.0/33',
      '192.0.2.0/',
      '192.0.2.0/024',
      '192.0.2.0/-1',
      'x/24',
      '/24',
    ]) {
      expect(parseCidr(bad)).toBeUndefined();
    }
  });

  it('tells host bits apart', () => {
    expect(hasHostBits('192.0.2.7/24')).toBe(true);
    expect(hasHostBits('192.0.2.0/24')).toBe(false);
    expect(hasHostBits('192.0.2.7')).toBe(false);
    expect(hasHostBits('nonsense')).toBe(false);
  });

  it('tests membership', () => {
    const net = parseCidr('192.0.2.0/24');
    if (net === undefined) throw new Error('unreachable');
    expect(inCidr(ip('192.0.2.0'), net)).toBe(true);
    expect(inCidr(ip('192.0.2.255'), net)).toBe(true);
    expect(inCidr(ip('192.0.3.0'), net)).toBe(false);
    expect(inCidr(ip('192.0.1.255'), net)).toBe(false);
    expect(inCidr(ip('203.0.113.9'), { network: 0, prefix: 0 })).toBe(true);
    expect(inCidr(ip('192.0.2.10'), { network: ip('192.0.2.10'), prefix: 32 })).toBe(true);
    expect(inCidr(ip('192.0.2.11'), { network: ip('192.0.2.10'), prefix: 32 })).toBe(false);
    expect(formatCidr(net)).toBe('192.0.2.0/24');
  });

  it('a block contains exactly the addresses that share its prefix', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 0xffffffff }),
        fc.nat({ max: 0xffffffff }),
        fc.nat({ max: 32 }),
        (a, b, prefix) => {
          const block = parseCidr(`${formatIPv4(a)}/${prefix}`);
          if (block === undefined) throw new Error('unreachable');
          expect(inCidr(a, block)).toBe(true);
          const shift = 32 - prefix;
          const samePrefix =
            prefix === 0 || Math.floor(a / 2 ** shift) === Math.floor(b / 2 ** shift);
          expect(inCidr(b, block)).toBe(samePrefix);
        },
      ),
    );
  });
});

describe('isIPv6', () => {
  it.each([
    '::',
    '::1',
    '2001:db8::1',
    '2001:db8:0:0:0:0:0:1',
    'fe80::1:2:3:4:5:6',
    '::ffff:192.0.2.1',
    '2001:DB8::A',
  ])('accepts %s', (s) => expect(isIPv6(s)).toBe(true));
  it.each([
    '',
    ':',
    ':::',
    '1::2::3',
    '2001:db8:0:0:0:0:0:0:1',
    '2001:db8:0:0:0:0:1',
    '12345::',
    'g::1',
    '1.2.3.4::',
    '::1.2.3',
    '1::2:',
  ])('rejects %j', (s) => expect(isIPv6(s)).toBe(false));
});
