// Scenarios run for the view helper tests: the app's presets and the test scenarios, as the
// simulator page would run them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateScenario } from '../../../src/core/scenario/validate';
import type { Scenario } from '../../../src/core/scenario/types';
import { Timeline } from '../../../src/core/trace/timeline';
import type { TraceEvent } from '../../../src/core/trace/types';
import { simulate } from '../../../src/core/world/simulate';

const ROOT = join(import.meta.dirname, '../../..');

export interface Run {
  scenario: Scenario;
  events: readonly TraceEvent[];
  timeline: Timeline;
}

export function run(path: string): Run {
  const result = validateScenario(JSON.parse(readFileSync(join(ROOT, path), 'utf8')));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  const simulation = simulate(result.scenario);
  const timeline = new Timeline(
    simulation.trace,
    result.scenario.hosts.map((h) => h.name),
  );
  return { scenario: result.scenario, events: simulation.trace, timeline };
}

export const backupMx = () => run('src/app/simulator/presets/backup-mx-etrn.json');

/** The index of the first event matching. */
export function find(events: readonly TraceEvent[], match: (e: TraceEvent) => boolean): number {
  const i = events.findIndex(match);
  if (i < 0) throw new Error('no such event');
  return i;
}

export const isLine = (text: string) => (e: TraceEvent) => e.type === 'line' && e.text === text;
