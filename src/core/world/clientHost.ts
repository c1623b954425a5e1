// A host with the `client` role: a mail program with no queue. It hands a message to its
// submission server (`via`), or, without one, to the recipients' MX directly. What is refused
// is reported in the trace; nothing is retried.
import { composeMessage } from '../mail/message';
import { formatRfc5322Date } from '../mail/traceHeaders';
import type { ClientOptions, RecipientOutcome } from '../machines/smtpClient/types';
import { deliver } from '../mta/delivery';
import { domainOf } from '../mta/queue';
import type { EventAction, Host } from '../scenario/types';
import { openClientSession, type SessionDeps } from './connections';
import type { Resolver } from './resolver';
import type { Scheduler } from '../net/scheduler';

export type SendEvent = Extract<EventAction, { do: 'send' }>;

export interface ClientHostDeps extends SessionDeps {
  scheduler: Scheduler;
  resolver: Resolver;
  epochMs: number;
  clientOptions: ClientOptions;
}

/** The message a `send` event describes, padded to `size` octets when asked. */
export function messageFor(event: SendEvent, date: number): string {
  const text = composeMessage({
    from: event.from,
    to: event.to,
    date: formatRfc5322Date(date),
    ...(event.subject !== undefined ? { subject: event.subject } : {}),
    ...(event.body !== undefined ? { body: event.body } : {}),
    ...(event.headers ? { extraHeaders: Object.entries(event.headers) } : {}),
  });
  if (event.size === undefined || event.size <= text.length) return text;
  const filler = `${'x'.repeat(76)}\r\n`;
  return text + filler.repeat(Math.ceil((event.size - text.length) / filler.length));
}

export class ClientHost {
  readonly host: Host;
  readonly #deps: ClientHostDeps;
  #busy = 0;

  constructor(host: Host, deps: ClientHostDeps) {
    this.host = host;
    this.#deps = deps;
  }

  /** Sends still under way (the world waits for them before it calls the run finished). */
  get busy(): number {
    return this.#busy;
  }

  send(event: SendEvent): void {
    const text = messageFor(event, this.#deps.epochMs + this.#deps.scheduler.now());
    this.#busy += 1;
    const finished = () => (this.#busy -= 1);
    if (event.via) this.#submit(event, text, event.via, finished);
    else this.#direct(event, text, finished);
  }

  #note(text: string): void {
    this.#deps.tracer.record({ type: 'note', text: `${this.host.name}: ${text}` });
  }

  #submit(event: SendEvent, text: string, via: string, finished: () => void): void {
    this.#deps.resolver.address(this.host.name, via, (ip) => {
      const toIp = ip ?? this.#deps.network.host(via)?.ip;
      if (!toIp) {
        this.#note(`cannot find ${via}`);
        return finished();
      }
      const options = event.auth
        ? { ...this.#deps.clientOptions, auth: event.auth }
        : this.#deps.clientOptions;
      openClientSession(
        this.#deps,
        {
          from: this.host.name,
          toIp,
          port: event.port ?? 25,
          options,
          transactions: [{ from: event.from, recipients: event.to, text }],
          failed: (why) => {
            this.#note(`could not connect to ${via}: ${why}; the message was not sent`);
            finished();
          },
          done: (outcomes) => {
            this.#report(event.to, outcomes[0] ?? []);
            finished();
          },
        },
        () => {},
      );
    });
  }

  #report(recipients: string[], row: RecipientOutcome[]): void {
    recipients.forEach((address, i) => {
      const o = row[i];
      if (o && o.status !== 'delivered') {
        const why = o.reply
          ? `${o.reply.code} ${o.reply.lines.join(' ')}`
          : (o.reason ?? 'no reply');
        this.#note(`${address} was not accepted (${why})`);
      }
    });
  }

  #direct(event: SendEvent, text: string, finished: () => void): void {
    const domains = [...new Set(event.to.map(domainOf))];
    let open = domains.length;
    for (const domain of domains) {
      const recipients = event.to.filter((r) => domainOf(r) === domain);
      deliver(
        { ...this.#deps, host: this.host.name, selfIps: [this.host.ip], track: () => {} },
        { from: event.from, domain, recipients, text },
        (results) => {
          for (const r of results)
            if (r.status !== 'sent') this.#note(`${r.address} was not accepted (${r.error})`);
          open -= 1;
          if (open === 0) finished();
        },
      );
    }
    if (domains.length === 0) finished();
  }
}
