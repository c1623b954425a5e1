// The fixture lesson of the player's tests (fixtures/01-fixture: the sample session in four steps
// with a predict, a quiz and a task), parsed by the core like any lesson; and what jsdom lacks for
// the simulator's views.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseLesson } from '../../../src/core/lesson/parse';
import type { Lesson } from '../../../src/core/lesson/types';

const FOLDER = join(import.meta.dirname, 'fixtures/01-fixture');

export function fixtureLesson(): Lesson {
  const files = Object.fromEntries(
    readdirSync(FOLDER).map((name) => [name, readFileSync(join(FOLDER, name), 'utf8')]),
  );
  const result = parseLesson('01-fixture', files);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.where}: ${e.message}`).join('\n'));
  return result.lesson;
}

/** ResizeObserver and a wide-screen matchMedia, which the views need and jsdom has not. */
export function polyfillBrowser(): void {
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  } as unknown as typeof ResizeObserver;
  window.matchMedia ??= ((query: string) => ({
    matches: query.includes('min-width'),
    media: query,
    onchange: null,
    addEventListener() {},
    removeEventListener() {},
    addListener() {},
    removeListener() {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
}
