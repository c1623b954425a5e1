// Loading and running scenario files, and small readers over the trace, shared by the world tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDsn, type ParsedDsn } from '../../../src/core/mail/dsn';
import { parseMessage } from '../../../src/core/mail/message';
import { parseScenarioText } from '../../../src/core/scenario/validate';
import type { Scenario } from '../../../src/core/scenario/types';
import type { StoredMessage, Summary, TraceEvent } from '../../../src/core/trace/types';
import { World } from '../../../src/core/world/world';

export const SHARED_DIR = join(import.meta.dirname, '../../../../shared/scenarios');
export const LOCAL_DIR = join(import.meta.dirname, '../../scenarios');

export interface ScenarioFile {
  /** `shared/NAME.json` or `test/NAME.json`. */
  label: string;
  /** The file name without `.json`. */
  name: string;
  path: string;
}

function filesIn(dir: string, prefix: string): ScenarioFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ label: `${prefix}/${f}`, name: f.slice(0, -5), path: join(dir, f) }));
}

export const sharedScenarios = (): ScenarioFile[] => filesIn(SHARED_DIR, 'shared');
export const localScenarios = (): ScenarioFile[] => filesIn(LOCAL_DIR, 'test');
export const allScenarios = (): ScenarioFile[] => [...sharedScenarios(), ...localScenarios()];

export function loadScenario(path: string): Scenario {
  const result = parseScenarioText(readFileSync(path, 'utf8'));
  if (!result.ok) {
    throw new Error(`${path}:\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  return result.scenario;
}

export interface Run {
  scenario: Scenario;
  world: World;
  trace: readonly TraceEvent[];
  summary: Summary;
}

export function runScenario(scenario: Scenario, until?: number): Run {
  const world = new World(scenario);
  world.run(until);
  return { scenario, world, trace: world.trace, summary: world.summary() };
}

export const runFile = (path: string, until?: number): Run =>
  runScenario(loadScenario(path), until);

export const runLocal = (name: string): Run => runFile(join(LOCAL_DIR, `${name}.json`));
export const runShared = (name: string): Run => runFile(join(SHARED_DIR, `${name}.json`));

// --- Trace readers -------------------------------------------------------------------------------

type Of<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

export function eventsOf<T extends TraceEvent['type']>(
  trace: readonly TraceEvent[],
  type: T,
): Of<T>[] {
  return trace.filter((e): e is Of<T> => e.type === type);
}

export const queueEvents = (
  trace: readonly TraceEvent[],
  action?: Of<'queue'>['action'],
  host?: string,
): Of<'queue'>[] =>
  eventsOf(trace, 'queue').filter(
    (e) => (action === undefined || e.action === action) && (host === undefined || e.host === host),
  );

export const connects = (trace: readonly TraceEvent[], from?: string): Of<'connect'>[] =>
  eventsOf(trace, 'connect').filter((e) => from === undefined || e.from === from);

/** The lines of one connection, in order, as `C: …` / `S: …`. */
export function linesOf(trace: readonly TraceEvent[], conn: number): string[] {
  return eventsOf(trace, 'line')
    .filter((e) => e.conn === conn)
    .map((e) => `${e.dir}: ${e.text}`);
}

/** The connection on which a client sent this exact line. */
export function connWithClientLine(trace: readonly TraceEvent[], text: string): number[] {
  return eventsOf(trace, 'line')
    .filter((e) => e.dir === 'C' && e.text === text)
    .map((e) => e.conn);
}

export function mailbox(run: Run, address: string): StoredMessage[] {
  for (const mta of run.world.mtas.values()) {
    const box = mta.mailboxes.get(address.toLowerCase());
    if (box) return box;
  }
  return [];
}

export function dsnsIn(
  run: Run,
  address: string,
): Array<{ message: StoredMessage; dsn: ParsedDsn }> {
  return mailbox(run, address).flatMap((message) => {
    const dsn = parseDsn(message.raw);
    return dsn ? [{ message, dsn }] : [];
  });
}

/** A header's values in order (all occurrences), unfolded. */
export function headerValues(message: StoredMessage, name: string): string[] {
  return parseMessage(message.raw)
    .headers.filter(([n]) => n.toLowerCase() === name.toLowerCase())
    .map(([, v]) => v.replace(/\s+/g, ' ').trim());
}

/** Every deliver event must be for a (message, recipient) pair some MTA accepted. */
export function deliveriesNotAccepted(run: Run): string[] {
  return eventsOf(run.trace, 'deliver')
    .filter((e) => !run.world.ledger.knows(e.messageId, e.mailbox))
    .map((e) => `${e.mailbox} ${e.messageId} at ${e.host}`);
}
