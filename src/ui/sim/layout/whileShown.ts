// A panel kept mounted but hidden (Tabs keeps what was typed or chosen in it) need not follow the
// cursor: its copy of the simulator reads the values that change at every step without
// subscribing to them while it is hidden. It still reads the current values (a command run from
// it acts at the right moment), and the moment it is shown it subscribes again and catches up in
// one update. Without this, every panel ever opened re-rendered at every step while playing.
import { untrack } from 'svelte';
import type { Simulator } from '../../../app/simulator/simulator.svelte';

/** The simulator's properties that change when the cursor moves. */
const MOVING: ReadonlySet<PropertyKey> = new Set(['cursor', 'view', 'current', 'time']);

/** `sim` as seen by a panel that is on screen only while `shown()` says so. */
export function whileShown(sim: Simulator, shown: () => boolean): Simulator {
  // Methods bound once, so that a panel sees the same function at every read.
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(sim, {
    get(target, key) {
      if (MOVING.has(key) && !shown()) return untrack(() => Reflect.get(target, key, target));
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      let method = bound.get(key);
      if (method === undefined) {
        method = (value as (...args: unknown[]) => unknown).bind(target);
        bound.set(key, method);
      }
      return method;
    },
    set(target, key, value) {
      return Reflect.set(target, key, value, target);
    },
  });
}
