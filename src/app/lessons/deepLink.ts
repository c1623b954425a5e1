// The address follows the step shown, without adding to the history: the browser's Back leaves
// the lesson (to the index, or wherever the student came from) instead of walking back through
// every step, and a reload or a shared link opens the same step. A step typed into the address
// bar (or reached with Back/Forward) is followed too.
import { href } from '../router.svelte';
import { stepFromHash } from './links';

/** Replaces the address with `path` (a path inside the app) unless it already shows it. */
export function showPath(path: string, win: Window = window): void {
  const target = href(path);
  if (win.location.hash === target) return;
  win.history.replaceState(win.history.state, '', target);
}

/**
 * Calls `onstep` when the address changes to another step of lesson `slug` (0 = the intro);
 * returns the function that stops listening.
 */
export function followSteps(
  slug: string,
  count: number,
  onstep: (step: number) => void,
  win: Window = window,
): () => void {
  const listener = () => {
    const step = stepFromHash(win.location.hash, slug, count);
    if (step !== undefined) onstep(step);
  };
  win.addEventListener('hashchange', listener);
  return () => win.removeEventListener('hashchange', listener);
}
