// Test paths over the SMTP client machine, generated with xstate/graph.
//
// The model state is the state value plus the context facts that decide the next transitions:
// the transaction index, the commands waiting for replies, the accepted recipients, whether MAIL
// was accepted, whether RSET is due, ESMTP, the EHLO keywords that steer the machine (PIPELINING,
// STARTTLS, AUTH), TLS and AUTH progress. Outcomes are left out: they never decide a transition.
// With that key the abstract graph is exact (two snapshots with one key take the same
// transitions), finite and small.
//
// Paths cover every edge (abstract state × letter) of the adjacency map from `getAdjacencyMap`:
// each path starts with the shortest path (`getShortestPaths`) to a state that still has an edge
// not taken, then keeps taking edges not yet taken from wherever it is, computing the next model
// state with the machine's pure transition function, until it reaches a state with none left
// (usually `done`). Edges into `done` are taken last, so paths run long.
import { createActor, type ActorLogic, type AnyActorScope, type SnapshotFrom } from 'xstate';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import { smtpClientMachine } from '../../src/core/machines/smtpClient/machine';
import type { ClientEvent, ClientInput } from '../../src/core/machines/smtpClient/types';
import {
  ALPHABET,
  BAD,
  LOST,
  timeoutLetter,
  type ClientFixture,
  type Letter,
  type ModelEvent,
} from './clientModelFixtures';

export type ClientSnapshot = SnapshotFrom<typeof smtpClientMachine>;

export interface ModelStep {
  letter: Letter;
  /** The model's state after the letter. */
  state: ClientSnapshot;
}

export interface ModelPath {
  steps: ModelStep[];
}

const STEERING = ['PIPELINING', 'STARTTLS', 'AUTH'];

export function stateKey(s: ClientSnapshot): string {
  if (s.status !== 'active') return s.status;
  const c = s.context;
  return JSON.stringify([
    s.value,
    c.current,
    c.pending,
    c.accepted,
    c.mailAccepted,
    c.needsReset,
    c.esmtp,
    STEERING.filter((k) => k in c.extensions),
    c.tls,
    c.tlsRefused,
    c.authenticated,
  ]);
}

/** The id of the innermost active state node (`smtpClient.transaction.envelope`). */
export function leafId(value: ClientSnapshot['value']): string {
  let id = smtpClientMachine.root.id;
  let v: unknown = value;
  while (v !== undefined) {
    if (typeof v === 'string') return `${id}.${v}`;
    const [key, child] = Object.entries(v as Record<string, unknown>)[0] ?? [];
    if (key === undefined) break;
    id = `${id}.${key}`;
    v = child;
  }
  return id;
}

/** The delayed (`after`) event types of a state node, read from the machine definition. */
function delayedEvents(nodeId: string): string[] {
  const node = smtpClientMachine.getStateNodeById(nodeId);
  return [...node.transitions.keys()].filter((k) => k.startsWith('xstate.after.'));
}

const timeoutLetters = new Map<string, Letter>();
function timeoutFor(eventType: string): Letter {
  let l = timeoutLetters.get(eventType);
  if (!l) {
    l = timeoutLetter(eventType);
    timeoutLetters.set(eventType, l);
  }
  return l;
}

/** What a server can do while the client is in this state. */
export function lettersFor(s: ClientSnapshot): Letter[] {
  if (s.status !== 'active') return [];
  const id = leafId(s.value);
  const common = [BAD, LOST, ...delayedEvents(id).map(timeoutFor)];
  const head = s.context.pending[0]?.kind;
  const replies: readonly Letter[] = (() => {
    switch (id) {
      case 'smtpClient.greeting':
        return ALPHABET.greeting;
      case 'smtpClient.hello':
        return ALPHABET.ehlo;
      case 'smtpClient.heloFallback':
        return ALPHABET.helo;
      case 'smtpClient.startingTls':
        return ALPHABET.starttls;
      case 'smtpClient.authenticating':
        return ALPHABET.auth;
      case 'smtpClient.transaction.envelope':
        return head === 'mail' ? ALPHABET.mail : head === 'rcpt' ? ALPHABET.rcpt : ALPHABET.data;
      case 'smtpClient.transaction.awaitingDataResult':
        return ALPHABET.dot;
      case 'smtpClient.resetting':
        return ALPHABET.rset;
      case 'smtpClient.quitting':
        return ALPHABET.quit;
      default:
        throw new Error(`no letters for ${id}: a state the client waits in without a timeout?`);
    }
  })();
  return [...replies, ...common];
}

export interface ModelGraph {
  paths: ModelPath[];
  /** Abstract states and edges of the adjacency map. */
  states: number;
  edges: number;
}

const eventKey = (e: ModelEvent) => JSON.stringify(e);

export function inputOf(fixture: ClientFixture): ClientInput {
  return { options: fixture.options, transactions: fixture.transactions };
}

export function generatePaths(fixture: ClientFixture): ModelGraph {
  const letterOf = new Map<string, Letter>();
  const letter = (event: ModelEvent): Letter => {
    const found = letterOf.get(eventKey(event));
    if (!found) throw new Error(`no letter for event ${eventKey(event).slice(0, 80)}`);
    return found;
  };
  const options = {
    input: inputOf(fixture),
    events: (s: ClientSnapshot) =>
      lettersFor(s).map((l) => {
        const seen = letterOf.get(eventKey(l.event));
        if (seen && seen !== l)
          throw new Error(`letters ${seen.label} and ${l.label} share an event`);
        letterOf.set(eventKey(l.event), l);
        return l.event;
      }),
    serializeState: (s: ClientSnapshot) => stateKey(s),
  };
  // The graph functions want logic over ModelEvent (delayed events included); the machine's
  // declared event type has only the three client events.
  const logic = smtpClientMachine as unknown as ActorLogic<ClientSnapshot, ModelEvent, ClientInput>;
  const adjacency = getAdjacencyMap(logic, options);
  // One inert actor scope for every pure transition, as xstate/graph does: actions (emit) are
  // not executed.
  const inert = createActor(smtpClientMachine, { input: options.input });
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
  const transition = (s: ClientSnapshot, event: ModelEvent): ClientSnapshot =>
    smtpClientMachine.transition(s, event as ClientEvent, scope);
  const initial = smtpClientMachine.getInitialSnapshot(scope, options.input);
  const shortest = new Map(getShortestPaths(logic, options).map((p) => [stateKey(p.state), p]));

  // Edges not taken yet, by state key; the ones that end the session are taken last.
  const open = new Map<string, Letter[]>();
  let edges = 0;
  for (const [key, { transitions }] of Object.entries(adjacency)) {
    const out = Object.values(transitions) as Array<{ event: ModelEvent; state: ClientSnapshot }>;
    edges += out.length;
    const ending = (t: { state: ClientSnapshot }) => (t.state.status === 'active' ? 0 : 1);
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
      // Replay the shortest path's events from a genuine initial snapshot (getShortestPaths keeps
      // the last snapshot seen for each key, whose outcomes may differ).
      let current: ClientSnapshot = initial;
      for (const step of head.steps) {
        if ((step.event.type as string) === 'xstate.init') continue;
        const l = letter(step.event);
        take(stateKey(current), l);
        const state = transition(current, l.event);
        steps.push({ letter: l, state });
        current = state;
      }
      if (stateKey(current) !== key) {
        throw new Error(`the shortest path to ${key} ends in ${stateKey(current)}`);
      }
      for (;;) {
        const next = open.get(stateKey(current))?.shift();
        if (!next) break;
        const state = transition(current, next.event);
        steps.push({ letter: next, state });
        current = state;
      }
      paths.push({ steps });
    }
  }
  return { paths, states: Object.keys(adjacency).length, edges };
}
