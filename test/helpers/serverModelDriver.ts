// Drives a real ServerSession from wire steps (text in, SimulatedClock for time), records which
// machine transitions it took (inspection microsteps) and checks reply lines on the way out.
import { SimulatedClock, createActor, type AnyTransitionDefinition, type StateValue } from 'xstate';
import { ServerSession } from '../../src/core/machines/smtpServer/session';
import { smtpServerMachine } from '../../src/core/machines/smtpServer/machine';
import type { ServerFixture, WireStep } from './serverModelFixtures';

/** `source|event|candidate`, e.g. `smtpServer.session|AUTH|3`; `always` for eventless ones. */
export function transitionKey(t: AnyTransitionDefinition): string {
  const always = t.source.always ?? [];
  const index = always.includes(t)
    ? always.indexOf(t)
    : (t.source.transitions.get(t.eventType) ?? []).indexOf(t);
  return `${t.source.id}|${always.includes(t) ? 'always' : t.eventType}|${index}`;
}

/** Every transition of the machine definition, by the key above. */
export function allTransitionKeys(): string[] {
  const keys: string[] = [];
  const visit = (node: typeof smtpServerMachine.root) => {
    (node.always ?? []).forEach((_, i) => keys.push(`${node.id}|always|${i}`));
    for (const [eventType, list] of node.transitions) {
      list.forEach((_, i) => keys.push(`${node.id}|${eventType}|${i}`));
    }
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(smtpServerMachine.root);
  return keys;
}

/** Every state node of the machine definition, root included. */
export function allStateNodeIds(): string[] {
  const ids: string[] = [];
  const visit = (node: typeof smtpServerMachine.root) => {
    ids.push(node.id);
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(smtpServerMachine.root);
  return ids;
}

/** The ids of the state nodes active in a state value (`{ session: 'ready' }` → root, session, ready). */
export function activeNodeIds(value: StateValue, prefix = smtpServerMachine.root.id): string[] {
  if (typeof value === 'string') return [`${prefix}.${value}`];
  return Object.entries(value).flatMap(([key, child]) => [
    `${prefix}.${key}`,
    ...(child === undefined ? [] : activeNodeIds(child, `${prefix}.${key}`)),
  ]);
}

export interface Coverage {
  transitions: Set<string>;
  nodes: Set<string>;
}

export function emptyCoverage(): Coverage {
  return { transitions: new Set(), nodes: new Set() };
}

/** The wire text for one step (null for steps that are not text). */
export function wireText(step: WireStep): string | null {
  switch (step.kind) {
    case 'line':
      return `${step.text}\r\n`;
    case 'text':
      return step.lines.map((l) => `${l}\r\n`).join('');
    case 'message':
      return [...step.lines, '.'].map((l) => `${l}\r\n`).join('');
    default:
      return null;
  }
}

export class WireDriver {
  readonly clock = new SimulatedClock();
  readonly session: ServerSession;
  /** Every reply line written so far. */
  readonly lines: string[] = [];
  closed = false;
  /** Reply lines written when the server closed. */
  linesAtClose = -1;
  readonly #coverage: Coverage | undefined;

  constructor(
    readonly fixture: ServerFixture,
    coverage?: Coverage,
  ) {
    this.session = new ServerSession(
      {
        policy: fixture.policy,
        hooks: fixture.hooks,
        clientIp: fixture.clientIp,
        clock: this.clock,
      },
      {
        reply: (lines) => this.lines.push(...lines),
        close: () => {
          this.closed = true;
          this.linesAtClose = this.lines.length;
        },
      },
    );
    if (coverage) {
      this.session.actor.system.inspect((event) => {
        if (event.type !== '@xstate.microstep') return;
        for (const t of event._transitions) {
          coverage.transitions.add(transitionKey(t));
          coverage.nodes.add(t.source.id);
        }
      });
    }
    this.session.start();
    if (coverage) {
      // The greeting's eventless transition runs while the session creates its actor, before
      // anyone can inspect it. A shadow actor of the same machine with the same input, inspected
      // from its creation, takes the same initial transition; it must land in the same state.
      const initial: AnyTransitionDefinition[] = [];
      const shadow = createActor(smtpServerMachine, {
        input: { policy: fixture.policy, hooks: fixture.hooks, clientIp: fixture.clientIp },
        inspect: (event) => {
          if (event.type === '@xstate.microstep') initial.push(...event._transitions);
        },
      });
      if (JSON.stringify(shadow.getSnapshot().value) !== JSON.stringify(this.session.state)) {
        throw new Error('the shadow actor did not start like the session');
      }
      for (const t of initial) {
        coverage.transitions.add(transitionKey(t));
        coverage.nodes.add(t.source.id);
      }
    }
    this.#coverage = coverage;
    if (coverage) this.#noteNodes(coverage);
  }

  #noteNodes(coverage: Coverage): void {
    coverage.nodes.add(smtpServerMachine.root.id);
    for (const id of activeNodeIds(this.session.state)) coverage.nodes.add(id);
  }

  /** Performs one step; returns the reply lines it produced. */
  apply(step: WireStep): string[] {
    const before = this.lines.length;
    const text = wireText(step);
    if (text !== null) this.session.receive(text);
    else if (step.kind === 'close') this.session.peerClosed();
    else this.clock.increment(this.fixture.policy.idleTimeoutMs);
    if (this.#coverage) this.#noteNodes(this.#coverage);
    return this.lines.slice(before);
  }
}

// --- reply lines ----------------------------------------------------------------------------

export interface WireReply {
  code: number;
  lines: string[];
}

const REPLY_LINE = /^[2-5]\d\d([- ].*)?$/;

/**
 * Groups reply lines into replies and lists what is wrong with them: each line matches
 * `^[2-5]\d\d([- ].*)?$`, is at most 510 characters (512 with CRLF, RFC 5321 §4.5.3.1.5), every
 * line but the last of a reply uses `-`, the last a space, and all share the code (§4.2.1).
 */
export function readReplies(lines: readonly string[]): {
  replies: WireReply[];
  problems: string[];
} {
  const replies: WireReply[] = [];
  const problems: string[] = [];
  let current: WireReply | undefined;
  for (const line of lines) {
    if (!REPLY_LINE.test(line))
      problems.push(`malformed reply line ${JSON.stringify(line.slice(0, 80))}`);
    if (line.length > 510) problems.push(`reply line of ${line.length} characters`);
    const code = Number(line.slice(0, 3));
    if (current && current.code !== code) {
      problems.push(
        `reply line ${JSON.stringify(line.slice(0, 40))} continues a ${current.code} reply`,
      );
    }
    current ??= { code, lines: [] };
    current.lines.push(line);
    if (line[3] !== '-') {
      if (line.length > 3 && line[3] !== ' ')
        problems.push(`bad separator in ${JSON.stringify(line)}`);
      replies.push(current);
      current = undefined;
    }
  }
  if (current) problems.push(`unfinished multi-line ${current.code} reply (last line uses "-")`);
  return { replies, problems };
}

/** RFC 5321 §4.2 textstring: HT, SP and printable US-ASCII only. */
export function isTextstring(line: string): boolean {
  return /^[\t\x20-\x7e]*$/.test(line);
}

/** The RFC 3463 code at the start of a reply line's text, if any. */
export function enhancedCodeOf(line: string): string | undefined {
  return /^\d{3}[- ]([245]\.\d{1,3}\.\d{1,3})(?= |$)/.exec(line)?.[1];
}
