// Glue between bytes and the server machine: frames lines, parses commands into events, reads
// message text after 354, and hands replies to whoever moves the bytes (the virtual network in
// the browser, a real socket in the bridge). No I/O here: output goes through callbacks.
import {
  createActor,
  type Actor,
  type ActorOptions,
  type AnyActorLogic,
  type StateValue,
} from 'xstate';
import { parseCommand } from '../../protocol/commands';
import { DataReader, LineReader, type FramedLine } from '../../protocol/framing';
import type { Reply } from '../../protocol/types';
import { smtpServerMachine } from './machine';
import type { AcceptedMessage, ServerEvent, ServerHooks } from './types';
import type { ServerPolicy } from './policy';
import { onStateChange } from '../stateValues';

export interface ServerSessionOptions {
  policy: ServerPolicy;
  hooks: ServerHooks;
  clientIp: string;
  /** The virtual clock for timeouts; real time when absent (the bridge). */
  clock?: ActorOptions<AnyActorLogic>['clock'];
  /** A name for the actor in traces, e.g. `mx.b.example/server#3`. */
  id?: string;
}

export interface ServerSessionOutput {
  /** One reply, already formatted as wire lines without CRLF. */
  reply(lines: string[], reply: Reply): void;
  /** The server closes the connection (after 221 or 421). */
  close(): void;
  state?(value: StateValue): void;
  accepted?(queueId: string, message: AcceptedMessage): void;
}

/** Lines longer than this are cut by the reader; commands are limited to 512 by the parser. */
const MAX_LINE = 65_536;

export class ServerSession {
  readonly #actor: Actor<typeof smtpServerMachine>;
  readonly #output: ServerSessionOutput;
  readonly #hooks: ServerHooks;
  readonly #reader = new LineReader({ maxLineLength: MAX_LINE });
  #data: DataReader | undefined;
  #overlongText = false;
  #discardInput = false;
  #closed = false;
  #idleTimer: unknown;
  readonly #idleTimeoutMs: number;

  constructor(options: ServerSessionOptions, output: ServerSessionOutput) {
    this.#output = output;
    this.#hooks = options.hooks;
    this.#idleTimeoutMs = options.policy.idleTimeoutMs;
    const actorOptions = {
      input: { policy: options.policy, hooks: options.hooks, clientIp: options.clientIp },
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.id ? { id: options.id } : {}),
    };
    this.#actor = createActor(smtpServerMachine, actorOptions);
    this.#actor.on('reply', (e) => output.reply(e.lines, e.reply));
    this.#actor.on('close', () => this.#markClosed());
    this.#actor.on('tlsStarted', () => {
      // RFC 3207 §4.2 / CVE-2011-0411: text pipelined before the handshake is discarded.
      this.#discardInput = true;
    });
    if (output.accepted) {
      const accepted = output.accepted;
      this.#actor.on('accepted', (e) => accepted(e.queueId, e.message));
    }
    if (output.state) {
      const state = onStateChange(output.state);
      this.#actor.subscribe((snapshot) => state(snapshot.value));
    }
  }

  /** Opens the session: the machine sends its greeting (220 or 554). */
  start(): void {
    this.#actor.start();
    this.#armIdleTimer();
  }

  /**
   * RFC 5321 §4.5.3.2.7: the server gives up after this long without input. The timer runs on the
   * actor's clock (virtual in the simulator) and is re-armed once per chunk received, which is
   * far cheaper than a delayed event per reply; its expiry is the machine's IDLE_TIMEOUT event.
   */
  #armIdleTimer(): void {
    if (this.#closed) return;
    const clock = this.#actor.clock;
    if (this.#idleTimer !== undefined) clock.clearTimeout(this.#idleTimer);
    this.#idleTimer = clock.setTimeout(this.#idleExpired, this.#idleTimeoutMs);
  }

  /** One callback for every arming of the idle timer, not a new closure per chunk. */
  readonly #idleExpired = (): void => {
    this.#idleTimer = undefined;
    if (!this.#closed) this.#send({ type: 'IDLE_TIMEOUT' });
  };

  #clearIdleTimer(): void {
    if (this.#idleTimer !== undefined) this.#actor.clock.clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Reading message text (between 354 and the final dot), not commands. */
  get inData(): boolean {
    return this.#data !== undefined;
  }

  /** Which state the machine is in, for inspectors and tests. */
  get state(): StateValue {
    return this.#actor.getSnapshot().value;
  }

  get actor(): Actor<typeof smtpServerMachine> {
    return this.#actor;
  }

  /** Bytes from the client (as a latin1 string: one char per octet), split anywhere. */
  receive(chunk: string): void {
    if (this.#closed) return;
    const lines = this.#reader.push(chunk);
    for (const line of lines) {
      if (this.#closed || this.#discardInput) break;
      if (this.#data) {
        this.#receiveText(line);
      } else {
        this.#receiveCommandLine(line);
      }
    }
    if (this.#discardInput) {
      this.#discardInput = false;
      this.#reader.push('\n'); // drop any partial line still buffered
    }
    this.#armIdleTimer();
  }

  /** The client closed its side or the connection died. */
  peerClosed(): void {
    if (this.#closed) return;
    this.#send({ type: 'CLOSED' });
  }

  /** Stops the actor (and its timers) without a reply, e.g. when the host goes down. */
  stop(): void {
    this.#closed = true;
    this.#clearIdleTimer();
    this.#actor.stop();
  }

  #receiveCommandLine(line: FramedLine): void {
    const snapshot = this.#actor.getSnapshot();
    if (snapshot.hasTag('authResponse')) {
      this.#send({ type: 'AUTH_RESPONSE', text: line.text });
      return;
    }
    const parsed = line.overlong
      ? {
          ok: false as const,
          error: { kind: 'lineTooLong' as const, detail: 'command line too long' },
        }
      : parseCommand(line.text);
    const forced = parsed.ok ? this.#hooks.fault?.(parsed.command.verb) : undefined;
    const event: ServerEvent = forced
      ? { type: 'FAULT', reply: forced }
      : parsed.ok
        ? ({ type: parsed.command.verb, command: parsed.command } as ServerEvent)
        : { type: 'SYNTAX_ERROR', error: parsed.error };
    this.#send(event);
    if (this.#actor.getSnapshot().hasTag('data')) {
      const limit = this.#actor.getSnapshot().context.policy.sizeLimit;
      this.#data = new DataReader({
        afterLine: line.ending,
        ...(limit > 0 ? { maxOctets: limit } : {}),
      });
      this.#overlongText = false;
    }
  }

  #receiveText(line: FramedLine): void {
    const data = this.#data;
    if (!data) return;
    if (line.overlong) this.#overlongText = true;
    if (!data.push(line).done) return;
    this.#data = undefined;
    const forced = this.#hooks.fault?.('.');
    if (forced) {
      this.#send({ type: 'FAULT', reply: forced });
      return;
    }
    this.#send({
      type: 'END_OF_DATA',
      text: data.text(),
      octets: data.octets(),
      tooBig: data.exceeded(),
      overlong: this.#overlongText,
    });
  }

  #send(event: ServerEvent): void {
    this.#actor.send(event);
  }

  #markClosed(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#clearIdleTimer();
    this.#output.close();
  }
}
