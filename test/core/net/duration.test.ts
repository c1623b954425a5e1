import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatClock, formatDuration, parseDuration } from '../../../src/core/net/duration';

describe('parseDuration', () => {
  it.each([
    ['0s', 0],
    ['40ms', 40],
    ['1.5s', 1500],
    ['1.04s', 1040],
    ['90s', 90_000],
    ['5m', 300_000],
    ['1.5m', 90_000],
    ['2h', 7_200_000],
    ['2h1m', 7_260_000],
    ['1d12h', 129_600_000],
    ['1m30.5s', 90_500],
    ['1m40ms', 60_040],
    ['1d2h3m4s5ms', 93_784_005],
    ['0.001s', 1],
    ['1.10s', 1100],
    ['5d', 432_000_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    '',
    ' ',
    '5',
    '-5s',
    '+5s',
    '5 s',
    ' 5s',
    '5s ',
    '5x',
    '5sec',
    '1m2h',
    '1s1s',
    '1h 1m',
    '.5s',
    '5.s',
    '1.5ms',
    '0.0001s',
    '1e3ms',
    'ms',
    'Infinitys',
    '99999999999999999999d',
  ])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [40, '40ms'],
    [1000, '1s'],
    [1500, '1.5s'],
    [1040, '1.04s'],
    [60_040, '1m40ms'],
    [90_500, '1m30.5s'],
    [7_260_000, '2h1m'],
    [86_400_000, '1d'],
    [129_600_000, '1d12h'],
    [93_784_005, '1d2h3m4.005s'],
    [39.6, '40ms'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('reads back as the same number of milliseconds', () => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (ms) => {
        expect(parseDuration(formatDuration(ms))).toBe(ms);
      }),
    );
    fc.assert(
      fc.property(fc.nat({ max: 40 * 86_400_000 }), (ms) => {
        expect(parseDuration(formatDuration(ms))).toBe(ms);
      }),
    );
  });

  it('rejects negative and non-finite values', () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
    expect(() => formatDuration(NaN)).toThrow(RangeError);
    expect(() => formatDuration(Infinity)).toThrow(RangeError);
  });
});

describe('formatClock', () => {
  it.each([
    [0, '0.000s'],
    [12_040, '12.040s'],
    [59_999, '59.999s'],
    [60_000, '00:01:00.000'],
    [300_000, '00:05:00.000'],
    [7_260_040, '02:01:00.040'],
    [86_399_999, '23:59:59.999'],
    [86_400_000, '1d 00:00:00.000'],
    [93_784_005, '1d 02:03:04.005'],
    [30 * 86_400_000, '30d 00:00:00.000'],
    [1.4, '0.001s'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });

  it('rejects negative times', () => {
    expect(() => formatClock(-1)).toThrow(RangeError);
  });
});
