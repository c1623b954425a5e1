// Glue between a connection and the client machine: reads reply lines into replies, hands the
// lines the machine wants written to whoever moves the bytes. No I/O here.
import {
  createActor,
  type Actor,
  type ActorOptions,
  type AnyActorLogic,
  type StateValue,
} from 'xstate';
import { LineReader } from '../../protocol/framing';
import { ReplyReader } from '../../protocol/replyFormat';
import type { Reply } from '../../protocol/types';
import { onStateChange } from '../stateValues';
import { smtpClientMachine } from './machine';
import type { ClientInput, RecipientOutcome } from './types';

const UNDECIDED: RecipientOutcome = { status: 'deferred', stage: 'mail', reason: 'not attempted' };

export interface ClientSessionOptions extends ClientInput {
  clock?: ActorOptions<AnyActorLogic>['clock'];
  id?: string;
}

export interface ClientSessionOutput {
  /** Lines to write, without CRLF; several at once when pipelining. */
  send(lines: string[]): void;
  /** The client is done and closes the connection. */
  close(): void;
  /** Every recipient's outcome, once the session has ended. */
  done(outcomes: RecipientOutcome[][]): void;
  /** One transaction's outcomes, as soon as they are decided (before QUIT). */
  decided?(transaction: number, outcomes: RecipientOutcome[]): void;
  reply?(reply: Reply): void;
  state?(value: StateValue): void;
  tlsStarted?(): void;
}

export class ClientSession {
  readonly #actor: Actor<typeof smtpClientMachine>;
  readonly #lines = new LineReader({ maxLineLength: 4096 });
  readonly #replies = new ReplyReader();
  #finished = false;

  constructor(options: ClientSessionOptions, output: ClientSessionOutput) {
    const { clock, id, ...input } = options;
    this.#actor = createActor(smtpClientMachine, {
      input,
      ...(clock ? { clock } : {}),
      ...(id ? { id } : {}),
    });
    this.#actor.on('send', (e) => output.send(e.lines));
    this.#actor.on('close', () => output.close());
    if (output.tlsStarted) this.#actor.on('tlsStarted', output.tlsStarted);
    const decided = output.decided;
    if (decided) {
      this.#actor.on('decided', (e) =>
        decided(
          e.transaction,
          e.outcomes.map((o) => o ?? UNDECIDED),
        ),
      );
    }
    const state = output.state && onStateChange(output.state);
    this.#actor.subscribe({
      next: (snapshot) => {
        state?.(snapshot.value);
        if (snapshot.status === 'done' && !this.#finished) {
          this.#finished = true;
          output.done(
            snapshot.output.map((row) =>
              row.map((o) => o ?? { status: 'deferred', stage: 'mail', reason: 'not attempted' }),
            ),
          );
        }
      },
    });
    this.#onReply = output.reply;
  }

  readonly #onReply: ((reply: Reply) => void) | undefined;

  /** The connection is open: the machine waits for the greeting. */
  start(): void {
    this.#actor.start();
  }

  get finished(): boolean {
    return this.#finished;
  }

  get state(): StateValue {
    return this.#actor.getSnapshot().value;
  }

  /** Bytes from the server, split anywhere. */
  receive(chunk: string): void {
    for (const line of this.#lines.push(chunk)) {
      if (this.#finished) return;
      const result = this.#replies.push(line.text);
      if (result === null) continue;
      if ('error' in result) {
        this.#actor.send({ type: 'BAD_REPLY', error: result.error });
      } else {
        this.#onReply?.(result);
        this.#actor.send({ type: 'REPLY', reply: result });
      }
    }
  }

  /** The connection closed or died under the client. */
  lost(reason: string): void {
    if (!this.#finished) this.#actor.send({ type: 'LOST', reason });
  }

  stop(): void {
    this.#finished = true;
    this.#actor.stop();
  }
}
