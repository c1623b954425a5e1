import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../../src/core/net/rng';

const draw = (rng: Rng, n: number, bound: number): number[] =>
  Array.from({ length: n }, () => rng.int(bound));

describe('Rng', () => {
  it('produces a fixed sequence for a seed (changing these values changes every trace)', () => {
    const rng = new Rng(1);
    expect(Array.from({ length: 3 }, () => rng.next())).toEqual([
      0.04195550852455199, 0.5595282781869173, 0.7825606742408127,
    ]);
    expect(draw(new Rng(42), 8, 100)).toEqual([95, 45, 77, 52, 72, 44, 79, 21]);
    expect(draw(new Rng(0), 3, 1000)).toEqual([927, 0, 245]);
    expect(new Rng(7).shuffle([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([
      7, 3, 5, 10, 8, 6, 4, 1, 2, 9,
    ]);
    expect(new Rng(7).pick(['a', 'b', 'c', 'd'])).toBe('d');
  });

  it('gives the same sequence for the same seed and different ones for nearby seeds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (seed) => {
        expect(draw(new Rng(seed), 20, 2 ** 32)).toEqual(draw(new Rng(seed), 20, 2 ** 32));
        expect(draw(new Rng(seed), 4, 2 ** 32)).not.toEqual(draw(new Rng(seed + 1), 4, 2 ** 32));
      }),
    );
  });

  it('next() stays in [0, 1) and int(n) in 0..n-1, roughly uniformly', () => {
    const rng = new Rng(3);
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.next();
      if (!(x >= 0 && x < 1)) outside++;
      const k = rng.int(10);
      buckets[k] = (buckets[k] ?? 0) + 1;
    }
    expect(outside).toBe(0);
    expect(buckets.reduce((a, b) => a + b)).toBe(100_000);
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('shuffles in place into a permutation', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer()), (seed, items) => {
        const copy = [...items];
        const result = new Rng(seed).shuffle(copy);
        expect(result).toBe(copy);
        expect([...result].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
    );
  });

  it('forks deterministic streams that do not depend on how much the parent was used', () => {
    const parent = new Rng(5);
    const before = draw(parent.fork('dns'), 5, 1000);
    draw(parent, 100, 10);
    expect(draw(parent.fork('dns'), 5, 1000)).toEqual(before);
    expect(draw(new Rng(5).fork('dns'), 5, 1000)).toEqual(before);
    expect(draw(parent.fork('net'), 5, 1000)).not.toEqual(before);
    expect(draw(new Rng(6).fork('dns'), 5, 1000)).not.toEqual(before);
    expect(draw(parent.fork('dns').fork('a'), 5, 1000)).not.toEqual(
      draw(parent.fork('a'), 5, 1000),
    );
  });

  it('rejects bad arguments', () => {
    const rng = new Rng(1);
    expect(() => new Rng(NaN)).toThrow('seed must be a finite number');
    expect(() => rng.int(0)).toThrow('Rng.int');
    expect(() => rng.int(2.5)).toThrow('Rng.int');
    expect(() => rng.pick([])).toThrow('empty array');
  });
});
