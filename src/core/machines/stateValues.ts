// The `state` events of the sessions: one event each time the machine's state value changes, and
// one object per distinct value, shared by every event that shows it. A long run records hundreds
// of thousands of these events; XState builds a new value object for every snapshot, and keeping
// each one would hold as many small objects as the trace has state events.
import type { StateValue } from 'xstate';

// Bounded by the machines' states (a few dozen values), so it is never cleared.
const byKey = new Map<string, StateValue>();

/** The shared value for `key` (the JSON of `value`), or `value` itself the first time. */
export function internStateValue(key: string, value: StateValue): StateValue {
  const known = byKey.get(key);
  if (known !== undefined) return known;
  byKey.set(key, value);
  return value;
}

/** Equal state values (nested objects of strings), without serialising them. */
export function sameStateValue(a: StateValue, b: StateValue): boolean {
  if (a === b) return true;
  if (typeof a === 'string' || typeof b === 'string') return false;
  for (const key in a) {
    const x = a[key];
    const y = b[key];
    if (x === undefined || y === undefined || !sameStateValue(x, y)) return false;
  }
  for (const key in b) if (!(key in a)) return false;
  return true;
}

/** A snapshot listener that calls `report` with the shared value whenever the value changes. */
export function onStateChange(report: (value: StateValue) => void): (value: StateValue) => void {
  let last: StateValue | undefined;
  return (value) => {
    if (last !== undefined && sameStateValue(last, value)) return;
    last = value;
    report(internStateValue(JSON.stringify(value), value));
  };
}
