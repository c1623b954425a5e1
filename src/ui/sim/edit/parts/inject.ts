// Changes at the cursor from the sandbox's small forms: the event is checked against the
// scenario's hosts first; only a valid one reaches the simulator, which reruns the world.
import type { Simulator } from '../../../../app/simulator/simulator.svelte';
import { checkAction } from '../../../../core/scenario/edit';
import type { ScenarioError } from '../../../../core/scenario/types';
import { isUnder } from '../form/paths';

/** Injects the event at the cursor; returns its problems (nothing was injected) or []. */
export function injectChecked(
  sim: Simulator,
  json: Record<string, unknown>,
  label: string,
): ScenarioError[] {
  const names = sim.scenario?.hosts.map((h) => h.name) ?? [];
  const result = checkAction(json, names);
  if (!result.ok) return result.errors;
  sim.inject(result.action, label);
  return [];
}

/** Errors by the form field that shows them: the longest key holding the path, else ''. */
export function byField(
  errors: readonly ScenarioError[],
  keys: readonly string[],
): Map<string, ScenarioError[]> {
  const out = new Map<string, ScenarioError[]>();
  for (const error of errors) {
    const key = keys
      .filter((k) => isUnder(error.path, k))
      .reduce((best, k) => (k.length > best.length ? k : best), '');
    out.set(key, [...(out.get(key) ?? []), error]);
  }
  return out;
}

/** aria-describedby for a control with an optional hint and errors. */
export function describedBy(id: string, hint: boolean, errors: number): string | undefined {
  return (
    [hint ? `${id}-hint` : '', errors > 0 ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined
  );
}
