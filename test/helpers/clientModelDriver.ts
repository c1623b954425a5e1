// Drives a real ClientSession from server acts (wire text in, a SimulatedClock for time) and
// records what it writes, when it closes and what it reports.
//
// ClientSession keeps its actor private, so transitions cannot be inspected on it directly. A
// shadow actor of the same machine, with the same input, inspected from its creation, gets the
// same events (the replies as the session's reader parses them, LOST, BAD_REPLY, the same clock
// advances); after every step the driver's caller checks that the shadow and the session are in
// the same state and wrote the same lines, so the transitions recorded on the shadow are the
// ones the session took.
import {
  SimulatedClock,
  createActor,
  type Actor,
  type AnyTransitionDefinition,
  type StateValue,
} from 'xstate';
import { ClientSession } from '../../src/core/machines/smtpClient/session';
import { smtpClientMachine } from '../../src/core/machines/smtpClient/machine';
import type { ClientEvent, RecipientOutcome } from '../../src/core/machines/smtpClient/types';
import { wireOf, type ClientFixture, type Letter } from './clientModelFixtures';
import { inputOf } from './clientModelGraph';

/** `source|event|candidate`, e.g. `smtpClient.hello|REPLY|2`; `always` for eventless ones. */
export function transitionKey(t: AnyTransitionDefinition): string {
  const always = t.source.always ?? [];
  const index = always.includes(t)
    ? always.indexOf(t)
    : (t.source.transitions.get(t.eventType) ?? []).indexOf(t);
  return `${t.source.id}|${always.includes(t) ? 'always' : t.eventType}|${index}`;
}

type StateNode = typeof smtpClientMachine.root;

/** Every transition of the machine definition, by the key above. */
export function allTransitionKeys(): string[] {
  const keys: string[] = [];
  const visit = (node: StateNode) => {
    (node.always ?? []).forEach((_, i) => keys.push(`${node.id}|always|${i}`));
    for (const [eventType, list] of node.transitions) {
      list.forEach((_, i) => keys.push(`${node.id}|${eventType}|${i}`));
    }
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(smtpClientMachine.root);
  return keys;
}

/** Every state node of the machine definition, root included. */
export function allStateNodeIds(): string[] {
  const ids: string[] = [];
  const visit = (node: StateNode) => {
    ids.push(node.id);
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(smtpClientMachine.root);
  return ids;
}

/** The ids of the state nodes active in a state value, root included. */
export function activeNodeIds(value: StateValue, prefix = smtpClientMachine.root.id): string[] {
  if (typeof value === 'string') return [prefix, `${prefix}.${value}`];
  return [
    prefix,
    ...Object.entries(value).flatMap(([key, child]) =>
      child === undefined ? [`${prefix}.${key}`] : activeNodeIds(child, `${prefix}.${key}`),
    ),
  ];
}

export interface Coverage {
  transitions: Set<string>;
  nodes: Set<string>;
}

export function emptyCoverage(): Coverage {
  return { transitions: new Set(), nodes: new Set() };
}

export class ClientDriver {
  readonly clock = new SimulatedClock();
  readonly session: ClientSession;
  /** Every line the session wrote, in order. */
  readonly writes: string[] = [];
  closeCalls = 0;
  doneCalls = 0;
  outcomes: RecipientOutcome[][] | undefined;
  readonly #shadowClock = new SimulatedClock();
  readonly #shadow: Actor<typeof smtpClientMachine>;
  readonly shadowWrites: string[] = [];

  constructor(fixture: ClientFixture, coverage?: Coverage) {
    const input = inputOf(fixture);
    this.session = new ClientSession(
      { ...input, clock: this.clock },
      {
        send: (lines) => this.writes.push(...lines),
        close: () => (this.closeCalls += 1),
        done: (outcomes) => {
          this.doneCalls += 1;
          this.outcomes = outcomes;
        },
      },
    );
    this.#shadow = createActor(smtpClientMachine, {
      input,
      clock: this.#shadowClock,
      ...(coverage
        ? {
            inspect: (event) => {
              if (event.type !== '@xstate.microstep') return;
              for (const t of event._transitions) {
                coverage.transitions.add(transitionKey(t));
                coverage.nodes.add(t.source.id);
                for (const target of t.target ?? []) coverage.nodes.add(target.id);
              }
            },
          }
        : {}),
    });
    this.#shadow.on('send', (e) => this.shadowWrites.push(...e.lines));
    if (coverage) {
      this.#shadow.subscribe((s) => {
        for (const id of activeNodeIds(s.value)) coverage.nodes.add(id);
      });
    }
    this.#shadow.start();
    this.session.start();
  }

  get closed(): boolean {
    return this.closeCalls > 0;
  }

  get shadowState(): StateValue {
    return this.#shadow.getSnapshot().value;
  }

  get shadowDone(): boolean {
    return this.#shadow.getSnapshot().status === 'done';
  }

  /** Advances both clocks. */
  advance(ms: number): void {
    this.#shadowClock.increment(ms);
    this.clock.increment(ms);
  }

  /** A reply, a malformed line or a loss (timeouts go through `advance`). */
  apply(letter: Letter): void {
    const act = letter.act;
    if (act.kind === 'timeout') throw new Error('advance the clocks for a timeout');
    if (act.kind === 'lost') this.session.lost('connection lost');
    else this.session.receive(wireOf(act));
    if (this.#shadow.getSnapshot().status === 'active')
      this.#shadow.send(letter.event as ClientEvent);
  }
}
