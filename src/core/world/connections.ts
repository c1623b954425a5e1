// Sessions on virtual connections: the server machine behind a listening port, the client
// machine on an outbound connection. Both trace their state changes as `state` events.
import type { XStateClock } from '../net/scheduler';
import type { Endpoint, EndpointHandlers, Network } from '../net/network';
import { ClientSession } from '../machines/smtpClient/session';
import type {
  ClientOptions,
  OutgoingTransaction,
  RecipientOutcome,
} from '../machines/smtpClient/types';
import { ServerSession } from '../machines/smtpServer/session';
import type { ServerPolicy } from '../machines/smtpServer/policy';
import type { ServerHooks } from '../machines/smtpServer/types';
import type { Tracer } from './tracer';
import { parseCommand } from '../protocol/commands';
import type { Verb } from '../protocol/types';

export interface SessionDeps {
  network: Network;
  clock: XStateClock;
  tracer: Tracer;
}

/** Anything a host must be able to stop when it goes down. */
export interface Stoppable {
  stop(): void;
}

/** Accept one inbound connection with a fresh server actor. */
export function serveConnection(
  deps: SessionDeps,
  end: Endpoint,
  policy: ServerPolicy,
  hooks: ServerHooks,
  track: (session: Stoppable, active: boolean) => void,
  /** Injected "drop" faults: `pending` says whether any are left, `take` uses one up. */
  drops: { pending(): boolean; take(command: Verb | '.'): boolean } = NO_DROPS,
): EndpointHandlers {
  const actor = `${end.local.name}/server#${end.conn}`;
  let silenced = false;
  const session = new ServerSession(
    { policy, hooks, clientIp: end.remote.ip, clock: deps.clock, id: actor },
    {
      reply: (lines) => {
        if (silenced) return;
        for (const line of lines) end.send(line);
      },
      close: () => {
        if (silenced) return;
        end.close('server closed the connection');
        track(session, false);
      },
      state: (value) => deps.tracer.record({ type: 'state', actor, value }),
    },
  );
  track(session, true);
  session.start();
  return {
    data: (line) => {
      // Parsing twice only when a drop fault is waiting (it is rare; lines are not).
      const command = !drops.pending()
        ? undefined
        : session.inData
          ? line === '.'
            ? '.'
            : undefined
          : verbOf(line);
      if (command !== undefined && drops.take(command)) {
        // The server hangs up at this command without a reply; the client sees the close one
        // latency later. At the final dot the message is stored first and only the reply is
        // lost (the RFC 1047 duplicate window).
        silenced = true;
        if (command === '.') session.receive(`${line}\r\n`);
        end.close('connection dropped without a reply');
        session.stop();
        track(session, false);
        return;
      }
      session.receive(`${line}\r\n`);
    },
    closed: () => session.peerClosed(),
  };
}

const NO_DROPS = { pending: () => false, take: () => false };

function verbOf(line: string): Verb | undefined {
  const parsed = parseCommand(line);
  return parsed.ok ? parsed.command.verb : undefined;
}

export interface OutboundRequest {
  from: string;
  toIp: string;
  port: number;
  options: ClientOptions;
  transactions: OutgoingTransaction[];
  /** The connection could not be opened. */
  failed(result: 'refused' | 'timeout'): void;
  /** The session ended; one outcome per recipient per transaction. */
  done(outcomes: RecipientOutcome[][]): void;
  /** A transaction was decided (its dot answered), before the session ends. */
  decided?(transaction: number, outcomes: RecipientOutcome[]): void;
}

/** Open a connection and run the client machine over it. */
export function openClientSession(
  deps: SessionDeps,
  request: OutboundRequest,
  track: (session: Stoppable, active: boolean) => void,
): void {
  deps.network.connect({
    from: request.from,
    toIp: request.toIp,
    port: request.port,
    failed: request.failed,
    opened: (end) => {
      const actor = `${request.from}/client#${end.conn}`;
      const session = new ClientSession(
        {
          options: request.options,
          transactions: request.transactions,
          clock: deps.clock,
          id: actor,
        },
        {
          send: (lines) => {
            for (const line of lines) end.send(line);
          },
          close: () => end.close('client closed the connection'),
          done: (outcomes) => {
            track(session, false);
            request.done(outcomes);
          },
          ...(request.decided ? { decided: request.decided } : {}),
          state: (value) => deps.tracer.record({ type: 'state', actor, value }),
        },
      );
      track(session, true);
      session.start();
      return {
        data: (line) => session.receive(`${line}\r\n`),
        closed: (reason) => session.lost(reason),
      };
    },
  });
}
