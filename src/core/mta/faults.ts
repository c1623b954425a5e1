// Failures a scenario injects into a host's SMTP server: a forced reply to a command, or a
// connection dropped without a reply (`"drop"`), each a given number of times.
import type { Reply, Verb } from '../protocol/types';
import type { FaultCommand } from '../scenario/types';

interface Fault {
  command: FaultCommand;
  reply: Reply | 'drop';
  timesLeft: number;
}

type Command = Verb | 'CONNECT' | '.';

export class InjectedFaults {
  readonly #faults: Fault[] = [];

  add(command: FaultCommand, reply: Reply | 'drop', times: number | undefined): void {
    this.#faults.push({ command, reply, timesLeft: times ?? Infinity });
  }

  /** The reply to force for this command, used up as it fires (the server's `fault` hook). */
  reply(command: Command): Reply | undefined {
    const reply = this.#take(command, 'reply')?.reply;
    return reply === 'drop' ? undefined : reply;
  }

  /** What the connection glue asks: any drop left, and take one for this command. */
  readonly drops = {
    pending: (): boolean => this.#faults.some((f) => f.reply === 'drop' && f.timesLeft > 0),
    take: (command: Verb | '.'): boolean => this.#take(command, 'drop') !== undefined,
  };

  #take(command: Command, kind: 'reply' | 'drop'): Fault | undefined {
    const fault = this.#faults.find(
      (f) => f.command === command && f.timesLeft > 0 && (f.reply === 'drop') === (kind === 'drop'),
    );
    if (fault) fault.timesLeft -= 1;
    return fault;
  }
}
