// A rerun that replaces rather than adds: the world of a base scenario with one event at a
// fixed time, run again each time that event changes (the console's session grows by a line).
// Additive to the Simulator store, through its public methods only.
import { scenarioToJson } from '../../core/scenario/serialize';
import type { EventAction } from '../../core/scenario/types';
import { validateScenario } from '../../core/scenario/validate';
import { forkIndex, withEvent, type Simulation } from '../../core/world/simulate';
import type { Fork, Simulator } from './simulator.svelte';

export interface RerunBase {
  /** The run before the event was added. */
  simulation: Simulation;
  /** The forks recorded before it (a load would forget them). */
  forks: readonly Fork[];
}

/**
 * Runs `base` with `action` at virtual time `at` and records one fork for it, after the earlier
 * ones. Returns the new run, or undefined when the scenario did not validate (nothing changes).
 */
export function rerunWith(
  sim: Simulator,
  base: RerunBase,
  at: number,
  action: EventAction,
  label: string,
): Simulation | undefined {
  const json = scenarioToJson(withEvent(base.simulation.scenario, at, action));
  // Checked first, so that a failure leaves the simulator as it was.
  if (!validateScenario(json).ok || !sim.loadJson(json)) return undefined;
  const simulation = sim.simulation;
  if (!simulation) return undefined;
  const index = forkIndex(base.simulation.trace, simulation.trace);
  sim.forks = [...base.forks, { index, t: at, label }];
  return simulation;
}
