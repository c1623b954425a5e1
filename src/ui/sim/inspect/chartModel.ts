// A statechart as data to draw: the states and transitions of a real xstate machine, read with
// `toDirectedGraph` (plus the eventless `always` transitions it leaves out). Transitions without a
// target stay inside their state ("internal"); the others become edges, one per source and
// target, labelled with their events (and the guard when it is short).
import type { AnyStateMachine } from 'xstate';
import { toDirectedGraph, type DirectedGraphNode } from 'xstate/graph';

export type TransitionKind = 'event' | 'always' | 'after';

export interface ChartTransition {
  source: string;
  /** Undefined: the transition has no target (it runs actions and stays). */
  target?: string;
  /** The event type as the machine names it; `always` for eventless, `after <delay>` for timers. */
  event: string;
  kind: TransitionKind;
  guard?: string;
}

export interface ChartNode {
  /** The xstate id, e.g. `smtpServer.session.ready`. */
  id: string;
  /** The state's own name, e.g. `ready`. */
  key: string;
  parent?: string;
  kind: 'atomic' | 'compound' | 'final';
  /** For a compound state, the id of its initial child. */
  initial?: string;
  /** Transitions without a target, shown inside the state. */
  internal: ChartTransition[];
  /**
   * Transitions shared by many states (the same event to the same target, such as a lost
   * connection ending the session): listed inside the state instead of drawn, so that the
   * diagram stays readable.
   */
  exits: ChartTransition[];
}

export interface ChartEdge {
  id: string;
  source: string;
  target: string;
  transitions: ChartTransition[];
  /** One line per event: `MAIL`, `RCPT [recipientRefused]`, `after commandTimeout`. */
  label: string[];
}

export interface ChartModel {
  /** The machine id, e.g. `smtpServer`. */
  id: string;
  /** Its top-level initial state. */
  initial?: string;
  nodes: ChartNode[];
  edges: ChartEdge[];
  transitions: ChartTransition[];
}

/** Guards longer than this are left out of edge labels (the full list keeps them). */
export const SHORT_GUARD = 18;
/** At most this many lines on one edge label; the rest is counted. */
export const MAX_LABEL_LINES = 5;
/** An event to a hub from at least this many states is listed, not drawn… */
export const SHARED_SOURCES = 4;
/** …where a hub is a state entered from at least this many others. */
export const HUB_SOURCES = 6;

/** A guard's name: `isPositive`, `!offersAuth`, `a && b`. */
export function guardName(guard: unknown): string | undefined {
  if (guard === undefined || guard === null) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const inner = (guard as { guards?: unknown[] }).guards;
    const names = (inner ?? []).map((g) => guardName(g) ?? '?');
    if (guard.name === 'not' && names.length === 1) return `!${names[0]}`;
    if (guard.name === 'and') return names.join(' && ');
    if (guard.name === 'or') return names.join(' || ');
    return guard.name || 'guard';
  }
  if (typeof guard === 'object' && 'type' in guard)
    return String((guard as { type: unknown }).type);
  return undefined;
}

const AFTER = /^xstate\.after\.([^.]+)\./;

/** `xstate.after.commandTimeout.smtpClient.hello` → `after commandTimeout`. */
export function eventLabel(eventType: string): { event: string; kind: TransitionKind } {
  if (eventType === '') return { event: 'always', kind: 'always' };
  const after = AFTER.exec(eventType);
  if (after) return { event: `after ${after[1]}`, kind: 'after' };
  return { event: eventType, kind: 'event' };
}

interface RawTransition {
  eventType: string;
  guard?: unknown;
  target?: ReadonlyArray<{ id: string }>;
}

function toTransitions(source: string, raw: RawTransition): ChartTransition[] {
  const { event, kind } = eventLabel(raw.eventType);
  const guard = guardName(raw.guard);
  const base = { source, event, kind, ...(guard ? { guard } : {}) };
  const targets = raw.target ?? [];
  if (targets.length === 0) return [base];
  return targets.map((t) => ({ ...base, target: t.id }));
}

/** The lines of an edge label: events in definition order, each once. */
export function edgeLabel(transitions: readonly ChartTransition[]): string[] {
  const byEvent = new Map<string, ChartTransition[]>();
  for (const tr of transitions) {
    const list = byEvent.get(tr.event) ?? [];
    list.push(tr);
    byEvent.set(tr.event, list);
  }
  const lines = [...byEvent].map(([event, list]) => {
    const guards = list.map((tr) => tr.guard).filter((g): g is string => g !== undefined);
    if (guards.length === 0) return event;
    const joined = guards.length === list.length ? guards.join(' | ') : '';
    return joined !== '' && joined.length <= SHORT_GUARD ? `${event} [${joined}]` : `${event} […]`;
  });
  if (lines.length <= MAX_LABEL_LINES) return lines;
  return [...lines.slice(0, MAX_LABEL_LINES - 1), `+${lines.length - MAX_LABEL_LINES + 1}`];
}

/**
 * Transitions to a hub (a state entered from HUB_SOURCES states or more) whose event recurs from
 * SHARED_SOURCES states or more, such as a lost connection ending the session from anywhere.
 * A state whose every way out would be hidden keeps them drawn, and an edge drawn anyway carries
 * all its events.
 */
export function sharedTransitions(transitions: readonly ChartTransition[]): Set<ChartTransition> {
  const targeted = transitions.filter((tr) => tr.target !== undefined && tr.target !== tr.source);
  const group = <K>(key: (tr: ChartTransition) => K) => {
    const map = new Map<K, Set<string>>();
    for (const tr of targeted) {
      const set = map.get(key(tr)) ?? new Set<string>();
      set.add(tr.source);
      map.set(key(tr), set);
    }
    return map;
  };
  const byEvent = group((tr) => `${tr.event}→${tr.target}`);
  const byTarget = group((tr) => tr.target);
  const hidden = new Set(
    targeted.filter(
      (tr) =>
        (byEvent.get(`${tr.event}→${tr.target}`)?.size ?? 0) >= SHARED_SOURCES &&
        (byTarget.get(tr.target)?.size ?? 0) >= HUB_SOURCES,
    ),
  );
  for (const source of new Set(targeted.map((tr) => tr.source))) {
    const out = targeted.filter((tr) => tr.source === source);
    if (out.every((tr) => hidden.has(tr))) for (const tr of out) hidden.delete(tr);
  }
  // An edge drawn anyway carries every event of its pair of states.
  const drawn = new Set(
    targeted.filter((tr) => !hidden.has(tr)).map((tr) => `${tr.source}→${tr.target}`),
  );
  for (const tr of [...hidden]) if (drawn.has(`${tr.source}→${tr.target}`)) hidden.delete(tr);
  return hidden;
}

function kindOf(node: DirectedGraphNode): ChartNode['kind'] {
  const type = node.stateNode.type;
  if (type === 'final') return 'final';
  return node.children.length > 0 ? 'compound' : 'atomic';
}

/** The drawable model of a machine, from its real definition. */
export function chartModel(machine: AnyStateMachine): ChartModel {
  const root = toDirectedGraph(machine);
  const nodes: ChartNode[] = [];
  const transitions: ChartTransition[] = [];

  const visit = (node: DirectedGraphNode, parent: string | undefined) => {
    const stateNode = node.stateNode;
    const own: ChartTransition[] = [];
    for (const edge of node.edges) {
      const tr = edge.transition as unknown as RawTransition;
      // toDirectedGraph draws a targetless transition as a loop to its own source.
      const targetless = !tr.target || tr.target.length === 0;
      const { event, kind } = eventLabel(tr.eventType);
      const guard = guardName(tr.guard);
      own.push({
        source: node.id,
        ...(targetless ? {} : { target: edge.target.id }),
        event,
        kind,
        ...(guard ? { guard } : {}),
      });
    }
    for (const tr of (stateNode.always ?? []) as unknown as RawTransition[]) {
      own.push(...toTransitions(node.id, { ...tr, eventType: '' }));
    }
    transitions.push(...own);
    if (parent !== undefined) {
      const initialChild = stateNode.initial?.target?.[0]?.id;
      nodes.push({
        id: node.id,
        key: stateNode.key,
        ...(parent !== root.id ? { parent } : {}),
        kind: kindOf(node),
        ...(initialChild ? { initial: initialChild } : {}),
        internal: own.filter((tr) => tr.target === undefined),
        exits: [],
      });
    }
    for (const child of node.children) visit(child, node.id);
  };
  visit(root, undefined);

  const shared = sharedTransitions(transitions);
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const grouped = new Map<string, ChartTransition[]>();
  for (const tr of transitions) {
    if (tr.target === undefined) continue;
    if (shared.has(tr)) {
      nodeById.get(tr.source)?.exits.push(tr);
      continue;
    }
    const key = `${tr.source}→${tr.target}`;
    const list = grouped.get(key) ?? [];
    list.push(tr);
    grouped.set(key, list);
  }
  const edges = [...grouped].map(([id, list]) => ({
    id,
    source: (list[0] as ChartTransition).source,
    target: (list[0] as ChartTransition).target as string,
    transitions: list,
    label: edgeLabel(list),
  }));
  const initial = root.stateNode.initial?.target?.[0]?.id;
  return { id: root.id, ...(initial ? { initial } : {}), nodes, edges, transitions };
}
