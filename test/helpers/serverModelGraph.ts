// Test paths over the server machine, generated with xstate/graph.
//
// The model state is abstracted to what decides the next replies: the state value, the greeting
// verb, TLS, the authenticated user, a pending AUTH LOGIN user, the transaction (sender, has
// accepted recipients, has refused recipients), and the error count when the fixture's hard
// error limit is small. That keeps the graph finite and small.
//
// Paths cover every edge (abstract state × letter) of the adjacency map from `getAdjacencyMap`:
// each path starts with the shortest path (`getShortestPaths`) to a state that still has an
// edge not taken, then keeps taking edges not yet taken from wherever it is, computing the next
// model state with the machine's pure transition function, until it reaches a state with none left (often
// `closed`). Every step of every path is a real model transition.
import { createActor, type ActorLogic, type AnyActorScope, type SnapshotFrom } from 'xstate';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import { smtpServerMachine } from '../../src/core/machines/smtpServer/machine';
import type { ServerEvent, ServerInput } from '../../src/core/machines/smtpServer/types';
import type { Letter, ServerFixture } from './serverModelFixtures';

export type ModelSnapshot = SnapshotFrom<typeof smtpServerMachine>;

export interface ModelStep {
  letter: Letter;
  /** The model's state after the letter. */
  state: ModelSnapshot;
}

export interface ModelPath {
  steps: ModelStep[];
}

export function stateKey(fixture: ServerFixture, s: ModelSnapshot): string {
  if (s.status !== 'active') return 'closed';
  const c = s.context;
  const t = c.transaction;
  return JSON.stringify([
    s.value,
    c.hello?.verb ?? null,
    c.tls,
    c.authUser ?? null,
    c.pendingLoginUser ?? null,
    t
      ? [
          t.reversePath.kind === 'mailbox' ? t.reversePath.mailbox.address : '<>',
          t.recipients.length > 0,
          t.refusedRecipients > 0,
        ]
      : null,
    fixture.countErrors ? c.errorCount : null,
  ]);
}

/** The letters a client can send in this state: commands, AUTH responses or message text. */
export function lettersFor(fixture: ServerFixture, s: ModelSnapshot): Letter[] {
  if (s.status !== 'active') return [];
  if (s.hasTag('data')) return [...fixture.text, ...fixture.always];
  if (s.hasTag('authResponse')) return [...fixture.authResponses, ...fixture.always];
  return [...fixture.commands, ...fixture.always];
}

export interface ModelGraph {
  paths: ModelPath[];
  /** Abstract states and edges of the adjacency map. */
  states: number;
  edges: number;
}

export function generatePaths(fixture: ServerFixture): ModelGraph {
  const letterOf = new Map<ServerEvent, Letter>();
  for (const l of [
    ...fixture.commands,
    ...fixture.authResponses,
    ...fixture.text,
    ...fixture.always,
  ]) {
    letterOf.set(l.event, l);
  }
  const letter = (event: ServerEvent): Letter => {
    const found = letterOf.get(event);
    if (!found) throw new Error(`no letter for event ${JSON.stringify(event).slice(0, 80)}`);
    return found;
  };
  const options = {
    input: { policy: fixture.policy, hooks: fixture.hooks, clientIp: fixture.clientIp },
    events: (s: ModelSnapshot) => lettersFor(fixture, s).map((l) => l.event),
    serializeState: (s: ModelSnapshot) => stateKey(fixture, s),
  };
  // getAdjacencyMap's ActorLogic parameter does not accept the machine's emitted event types.
  const logic = smtpServerMachine as unknown as ActorLogic<ModelSnapshot, ServerEvent, ServerInput>;
  const adjacency = getAdjacencyMap(logic, options);
  // One inert actor scope for every pure transition, as xstate/graph does (xstate's `transition()`
  // builds a new actor per call, which costs ~300 µs here). Actions are not executed.
  const inert = createActor(smtpServerMachine, { input: options.input });
  const scope = {
    self: inert,
    logger: () => undefined,
    id: '',
    sessionId: 'model',
    defer: () => undefined,
    system: inert.system,
    stopChild: () => undefined,
    emit: () => undefined,
    actionExecutor: () => undefined,
  } as unknown as AnyActorScope;
  const transition = (s: ModelSnapshot, event: ServerEvent): ModelSnapshot =>
    smtpServerMachine.transition(s, event, scope);
  const initial = smtpServerMachine.getInitialSnapshot(scope, options.input);
  const shortest = new Map(
    getShortestPaths(smtpServerMachine, options).map((p) => [stateKey(fixture, p.state), p]),
  );

  // Edges not taken yet, by state key; the ones that end the session are taken last.
  const open = new Map<string, Letter[]>();
  let edges = 0;
  for (const [key, { transitions }] of Object.entries(adjacency)) {
    // The map is keyed by a branded string that Object.values does not see through.
    const out = Object.values(transitions) as Array<{ event: ServerEvent; state: ModelSnapshot }>;
    edges += out.length;
    const ending = (t: { state: ModelSnapshot }) => (t.state.status === 'active' ? 0 : 1);
    open.set(
      key,
      out.sort((a, b) => ending(a) - ending(b)).map((t) => letter(t.event)),
    );
  }
  const take = (key: string, l: Letter) => {
    const list = open.get(key);
    const i = list?.indexOf(l) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
  };

  const paths: ModelPath[] = [];
  for (const [key, list] of open) {
    while (list.length > 0) {
      const head = shortest.get(key);
      if (!head) throw new Error(`no shortest path to ${key}`);
      const steps: ModelStep[] = [];
      // The path's own states come from the abstract graph, whose snapshots may differ in context
      // the key leaves out (getShortestPaths keeps the last snapshot seen for each key, even for
      // the initial one): replay its events from a genuine initial snapshot instead.
      let current: ModelSnapshot = initial;
      for (const step of head.steps) {
        if ((step.event.type as string) === 'xstate.init') continue;
        const l = letter(step.event);
        take(stateKey(fixture, current), l);
        const state = transition(current, l.event);
        steps.push({ letter: l, state });
        current = state;
      }
      for (;;) {
        const next = open.get(stateKey(fixture, current))?.shift();
        if (!next) break;
        const state = transition(current, next.event);
        steps.push({ letter: next, state });
        current = state;
      }
      paths.push({ steps });
    }
  }
  // A server that closes at once (a 421 greeting) still gets its greeting checked.
  if (paths.length === 0) paths.push({ steps: [] });
  return { paths, states: Object.keys(adjacency).length, edges };
}
