// One complete run of a scenario, as the browser views and the lesson player use it, and forks:
// the same scenario with one more event at a chosen moment (a fault injected at the cursor).
import type { EventAction, Scenario, ScenarioEvent } from '../scenario/types';
import type { StoredMessage, Summary, TraceEvent } from '../trace/types';
import { World } from './world';

export interface Simulation {
  scenario: Scenario;
  trace: TraceEvent[];
  summary: Summary;
  /** Every message delivered, by mailbox, in delivery order (raw text included). */
  messages: Record<string, StoredMessage[]>;
}

export function simulate(scenario: Scenario, until?: number): Simulation {
  const world = new World(scenario);
  world.run(until);
  const messages: Record<string, StoredMessage[]> = {};
  for (const mta of world.mtas.values()) {
    for (const [box, list] of mta.mailboxes) messages[box] = [...list];
  }
  return { scenario, trace: [...world.trace], summary: world.summary(), messages };
}

/** The scenario with `action` added at virtual time `at`, after the events already at that time. */
export function withEvent(scenario: Scenario, at: number, action: EventAction): Scenario {
  const event = { at, ...action } as ScenarioEvent;
  const events = [...scenario.events];
  let i = events.length;
  while (i > 0 && (events[i - 1] as ScenarioEvent).at > at) i -= 1;
  events.splice(i, 0, event);
  return { ...scenario, events };
}

/** Index of the first trace event where two runs differ (their common prefix length). */
export function forkIndex(a: readonly TraceEvent[], b: readonly TraceEvent[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) return i;
  }
  return n;
}
