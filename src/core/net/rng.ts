// A seeded pseudo-random generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator),
// its 128-bit state filled by splitmix32 from the seed. Every random choice in a run comes from
// here, so the same seed gives the same trace.

const TWO_32 = 0x1_0000_0000;

/** The splitmix32 output function; callers step the state by GAMMA between calls. */
function splitmix32(state: number): number {
  let z = state | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const GAMMA = 0x9e3779b9;

/** FNV-1a over the UTF-16 code units of a label. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  /** Identifies this stream; forks derive their seeds from it. */
  private readonly key: number;
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Any finite number; integers up to 2^53 all give distinct streams in practice. */
  constructor(seed: number) {
    if (!Number.isFinite(seed))
      throw new RangeError(`Rng: seed must be a finite number, got ${seed}`);
    const hi = Math.floor(seed / TWO_32) >>> 0;
    const lo = seed >>> 0;
    let s = splitmix32(hi + GAMMA) ^ lo;
    const word = (): number => splitmix32((s = (s + GAMMA) | 0));
    this.key = word();
    this.a = word();
    this.b = word();
    this.c = word();
    this.d = 1;
    // The first outputs of sfc32 are still close to its seed words.
    for (let i = 0; i < 12; i++) this.next32();
  }

  /** A uniform 32-bit unsigned integer. */
  private next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A number in [0, 1), in steps of 2^-32. */
  next(): number {
    return this.next32() / TWO_32;
  }

  /** An integer in 0..n-1; n is a positive integer up to 2^32. */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_32) {
      throw new RangeError(`Rng.int: n must be an integer from 1 to 2^32, got ${n}`);
    }
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Rng.pick: cannot pick from an empty array');
    return items[this.int(items.length)] as T;
  }

  /** Shuffles `items` in place (Fisher-Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /**
   * An independent stream named `label`. It depends only on this stream's seed (and the labels of
   * the forks that led to it), not on how much of this stream was used: adding draws somewhere
   * does not disturb the others, and forking the same label twice gives the same stream.
   */
  fork(label: string): Rng {
    return new Rng(splitmix32(this.key ^ hashLabel(label)));
  }
}
