// The choices of a prediction or a question in an order of the student's own: shuffled with a
// seed made of a random value kept in this browser, the lesson and the exercise, so that the
// right answer is not always first and the order stays the same across reloads. The print view
// keeps the file's order (it is the teacher's answer key).
import { readSetting, writeSetting } from '../../ui/storage';

export const SEED_KEY = 'smtp-sim.lessons.seed.v1';

let seed: string | undefined;

/** This browser's seed: made once, kept in storage (a new one per page when storage fails). */
export function browserSeed(): string {
  if (seed !== undefined) return seed;
  const stored = readSetting(SEED_KEY);
  if (stored && /^[0-9a-z]{4,32}$/.test(stored)) return (seed = stored);
  seed = Math.random().toString(36).slice(2, 12).padEnd(4, '0');
  writeSetting(SEED_KEY, seed);
  return seed;
}

/** Forgets the seed read (tests). */
export function forgetSeed(): void {
  seed = undefined;
}

/** FNV-1a of a string, 32 bits. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Indices 0 … count-1 in an order fixed by `key` (Fisher–Yates with a small seeded PRNG). */
export function shuffledOrder(count: number, key: string): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  let state = hash(key) || 1;
  const next = () => {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** The order to show the choices of exercise `id` of lesson `slug` in, for this browser. */
export function choiceOrder(
  slug: string,
  id: string,
  count: number,
  key = browserSeed(),
): number[] {
  return shuffledOrder(count, `${key}:${slug}:${id}`);
}
