// Postfix's backoff (qmgr): the next attempt waits as long as the message has already been queued,
// clamped to [minimal_backoff_time, maximal_backoff_time]; RFC 5321 §4.5.4.1 gives up after days.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryDelay, retrySchedule } from '../../../src/core/mta/retry';
import { DEFAULT_RETRY } from '../../../src/core/scenario/types';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('retryDelay', () => {
  const policy = { first: 5 * MIN, max: HOUR, giveUp: 5 * 24 * HOUR };

  it('waits at least `first`, at most `max`, and otherwise the time already spent queued', () => {
    expect(retryDelay(policy, 0)).toBe(5 * MIN);
    expect(retryDelay(policy, 30_000)).toBe(5 * MIN);
    expect(retryDelay(policy, 5 * MIN)).toBe(5 * MIN);
    expect(retryDelay(policy, 12 * MIN)).toBe(12 * MIN);
    expect(retryDelay(policy, HOUR)).toBe(HOUR);
    expect(retryDelay(policy, 3 * 24 * HOUR)).toBe(HOUR);
  });

  it('has the Postfix defaults: 300 s, 4000 s, 5 days', () => {
    expect(DEFAULT_RETRY).toEqual({ first: 300_000, max: 4_000_000, giveUp: 432_000_000 });
    expect(retryDelay(DEFAULT_RETRY, 10 * HOUR)).toBe(4_000_000);
  });

  it('is clamp(time in queue, first, max) for any policy', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 * HOUR }),
        fc.integer({ min: 0, max: 10 * HOUR }),
        fc.integer({ min: 0, max: 30 * 24 * HOUR }),
        (first, extra, age) => {
          const p = { first, max: first + extra, giveUp: 5 * 24 * HOUR };
          const d = retryDelay(p, age);
          expect(d).toBeGreaterThanOrEqual(p.first);
          expect(d).toBeLessThanOrEqual(p.max);
          if (age >= p.first && age <= p.max) expect(d).toBe(age);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('retrySchedule', () => {
  it('roughly doubles the gaps until max, and ends with the first attempt past giveUp', () => {
    const times = retrySchedule({ first: 5 * MIN, max: HOUR, giveUp: 4 * HOUR });
    expect(times.slice(0, 6)).toEqual([0, 5 * MIN, 10 * MIN, 20 * MIN, 40 * MIN, 80 * MIN]);
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    expect(gaps.slice(5).every((g) => g === HOUR)).toBe(true);
    expect(times.at(-2)).toBeLessThan(4 * HOUR);
    expect(times.at(-1)).toBeGreaterThanOrEqual(4 * HOUR);
  });

  it('with Postfix defaults, tries about 110 times in five days', () => {
    const times = retrySchedule(DEFAULT_RETRY);
    expect(times.length).toBeGreaterThan(100);
    expect(times.length).toBeLessThan(120);
  });
});
