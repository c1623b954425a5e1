// Where an actor's machine stands at the cursor: its state (from the `state` trace events), the
// transition that led there, and the transitions it may take next. Actors are named
// `host/server#conn` and `host/client#conn`.
import type { TraceEvent } from '../../../core/trace/types';
import type { ChartModel, ChartTransition } from './chartModel';

export type Role = 'server' | 'client';

export interface ActorId {
  host: string;
  role: Role;
  conn: number;
}

const ACTOR = /^(.+)\/(server|client)#(\d+)$/;

export function parseActor(actor: string): ActorId | undefined {
  const m = ACTOR.exec(actor);
  if (!m) return undefined;
  return { host: m[1] as string, role: m[2] as Role, conn: Number(m[3]) };
}

/**
 * The active state ids of a state value, outermost first: `{ session: 'ready' }` in machine
 * `smtpServer` gives `['smtpServer.session', 'smtpServer.session.ready']`.
 */
export function statePath(value: unknown, machineId: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown, prefix: string) => {
    if (typeof v === 'string') {
      out.push(`${prefix}.${v}`);
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    for (const [key, inner] of Object.entries(v)) {
      out.push(`${prefix}.${key}`);
      walk(inner, `${prefix}.${key}`);
    }
  };
  walk(value, machineId);
  return out;
}

/** A state id and its ancestors (not the machine root), innermost first. */
export function selfAndAncestors(id: string, machineId: string): string[] {
  const out: string[] = [];
  let current = id;
  while (current !== machineId && current.includes('.')) {
    out.push(current);
    current = current.slice(0, current.lastIndexOf('.'));
  }
  return out;
}

/** `smtpServer.session.transaction.hasRecipients` → `session › transaction › hasRecipients`. */
export function stateLabel(id: string, machineId: string): string {
  return id.startsWith(`${machineId}.`)
    ? id.slice(machineId.length + 1).replaceAll('.', ' › ')
    : id;
}

/** Indexes of the `state` events of every actor, in trace order (cached per trace). */
const stateIndexCache = new WeakMap<readonly TraceEvent[], Map<string, number[]>>();

export function stateIndexes(events: readonly TraceEvent[]): Map<string, number[]> {
  let map = stateIndexCache.get(events);
  if (!map) {
    map = new Map();
    events.forEach((e, i) => {
      if (e.type !== 'state') return;
      const list = map?.get(e.actor) ?? [];
      list.push(i);
      map?.set(e.actor, list);
    });
    stateIndexCache.set(events, map);
  }
  return map;
}

/** How many entries of a sorted list are below `limit`. */
export function countBelow(sorted: readonly number[], limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface ActorMoment {
  /** Trace index of the actor's last state event before the cursor. */
  index: number;
  value: unknown;
  /** The state event before that one, if any. */
  previous?: { index: number; value: unknown };
}

/** The actor's state at the cursor (the first `cursor` events applied), or undefined. */
export function actorAt(
  events: readonly TraceEvent[],
  cursor: number,
  actor: string,
): ActorMoment | undefined {
  const list = stateIndexes(events).get(actor) ?? [];
  const n = countBelow(list, cursor);
  if (n === 0) return undefined;
  const valueAt = (i: number) => (events[i] as Extract<TraceEvent, { type: 'state' }>).value;
  const index = list[n - 1] as number;
  const moment: ActorMoment = { index, value: valueAt(index) };
  if (n >= 2) {
    const prev = list[n - 2] as number;
    moment.previous = { index: prev, value: valueAt(prev) };
  }
  return moment;
}

export interface TransitionStep {
  source: string;
  target: string;
  /** The events that lead this way (each once, in definition order). */
  events: string[];
}

export interface LastTransition {
  from: string;
  to: string;
  /**
   * The way taken: usually one step; more when it went through states that are left at once by
   * an eventless transition (never reported as a state of their own).
   */
  steps: TransitionStep[];
  /** The steps drawn as edges (not listed exits). */
  edgeIds: string[];
}

/** The most steps through passing (eventless) states that lastTransition looks for. */
const MAX_PASSING = 4;

/**
 * How the machine got from one active leaf to another: a transition whose source is the old
 * leaf or an ancestor and whose target is the new leaf or an ancestor (the innermost source
 * first, as xstate gives inner states priority), or else such a way through passing states.
 */
export function lastTransition(model: ChartModel, from: string, to: string): LastTransition {
  const targets = new Set(selfAndAncestors(to, model.id));
  const fromState = (state: string, eventless: boolean) => {
    const sources = selfAndAncestors(state, model.id);
    return model.transitions
      .filter((tr) => tr.target !== undefined && sources.includes(tr.source))
      .filter((tr) => !eventless || tr.kind === 'always')
      .sort((a, b) => sources.indexOf(a.source) - sources.indexOf(b.source));
  };
  // Breadth first: the first step on any event, the next ones only eventless.
  let paths: ChartTransition[][] = fromState(from, false).map((tr) => [tr]);
  let found: ChartTransition[] | undefined;
  for (let depth = 0; depth <= MAX_PASSING && paths.length > 0 && !found; depth += 1) {
    found = paths.find((path) => targets.has(path.at(-1)?.target as string));
    if (found) break;
    paths = paths.flatMap((path) =>
      fromState(path.at(-1)?.target as string, true)
        .filter((tr) => !path.some((p) => p.target === tr.target))
        .map((tr) => [...path, tr]),
    );
  }
  const steps = (found ?? []).map((tr) => {
    const target = tr.target as string;
    const same = model.transitions.filter((o) => o.source === tr.source && o.target === target);
    return { source: tr.source, target, events: [...new Set(same.map((o) => o.event))] };
  });
  const drawn = new Set(model.edges.map((e) => e.id));
  const edgeIds = steps.map((st) => `${st.source}→${st.target}`).filter((id) => drawn.has(id));
  return { from, to, steps, edgeIds };
}

/** The transitions the machine may take from a leaf state: its own first, then its ancestors'. */
export function availableTransitions(model: ChartModel, leaf: string): ChartTransition[] {
  const sources = selfAndAncestors(leaf, model.id);
  return model.transitions
    .filter((tr) => sources.includes(tr.source))
    .sort((a, b) => sources.indexOf(a.source) - sources.indexOf(b.source));
}

export interface ActorChoice {
  /** An explicitly selected actor. */
  selected?: string;
  /** The connection in focus (selected, or the current event's). */
  conn?: number;
  role: Role;
  /** Actors with a state at the cursor. */
  known: readonly string[];
  /** The actor of the last state event before the cursor. */
  lastActor?: string;
}

/**
 * The actor to draw: the selected one; else, in the connection in focus, the chosen side (or
 * the other one); with no connection in focus, the chosen side of the last actor that moved.
 */
export function pickActor(choice: ActorChoice): string | undefined {
  if (choice.selected !== undefined && parseActor(choice.selected)) return choice.selected;
  if (choice.conn !== undefined) {
    const inConn = choice.known.filter((a) => parseActor(a)?.conn === choice.conn);
    return inConn.find((a) => parseActor(a)?.role === choice.role) ?? inConn[0];
  }
  if (choice.lastActor === undefined) return undefined;
  const last = parseActor(choice.lastActor);
  const peer = choice.known.find((a) => {
    const p = parseActor(a);
    return p?.conn === last?.conn && p?.role === choice.role;
  });
  return peer ?? choice.lastActor;
}

/** The actor of the last `state` event before the cursor (a backwards scan, bounded). */
export function lastStateActor(
  events: readonly TraceEvent[],
  cursor: number,
  limit = 5000,
): string | undefined {
  for (let i = Math.min(cursor, events.length) - 1, n = 0; i >= 0 && n < limit; i -= 1, n += 1) {
    const e = events[i] as TraceEvent;
    if (e.type === 'state') return e.actor;
  }
  return undefined;
}

/** The last line of a connection before a trace index: what likely triggered a transition. */
export function lineBefore(
  events: readonly TraceEvent[],
  lines: readonly number[],
  index: number,
): Extract<TraceEvent, { type: 'line' }> | undefined {
  const n = countBelow(lines, index);
  if (n === 0) return undefined;
  const e = events[lines[n - 1] as number];
  return e?.type === 'line' ? e : undefined;
}
