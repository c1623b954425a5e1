// A mail transfer agent on one simulated host: its SMTP server on each port, its queue with
// retries and bounces, local mailboxes, relaying, backup MX and ETRN (RFC 1985). The server and
// client machines do the talking; this class decides what happens to the mail.
import { isBelow } from '../dns/names';
import { makeMessageId, withMessageId } from '../mail/messageId';
import { parseMessage } from '../mail/message';
import {
  formatRfc5322Date,
  prependHeaders,
  receivedHeader,
  returnPathHeader,
} from '../mail/traceHeaders';
import type { ClientOptions } from '../machines/smtpClient/types';
import type {
  AcceptedMessage,
  EtrnOutcome,
  EtrnRequest,
  ServerHooks,
  StoreResult,
} from '../machines/smtpServer/types';
import { formatDuration } from '../net/duration';
import type { Rng } from '../net/rng';
import type { Scheduler } from '../net/scheduler';
import type { Reply } from '../protocol/types';
import type { FaultCommand, Host } from '../scenario/types';
import type { StoredMessage } from '../trace/types';
import { serveConnection, type SessionDeps, type Stoppable } from '../world/connections';
import { policyForHost } from '../world/hostPolicy';
import type { Ledger } from '../world/ledger';
import type { Resolver } from '../world/resolver';
import { buildNotice } from './bounce';
import { InjectedFaults } from './faults';
import { Greylist } from './greylist';
import { deliver, type RecipientResult } from './delivery';
import { domainOf, pendingRecipients, type QueueEntry, type QueueRecipient } from './queue';
import { retryDelay } from './retry';

export interface MtaDeps extends SessionDeps {
  scheduler: Scheduler;
  resolver: Resolver;
  ledger: Ledger;
  rng: Rng;
  epochMs: number;
  clientOptions: ClientOptions;
}

export class Mta {
  readonly host: Host;
  readonly queue = new Map<string, QueueEntry>();
  readonly mailboxes = new Map<string, StoredMessage[]>();
  readonly #deps: MtaDeps;
  readonly #sessions = new Set<Stoppable>();
  readonly #faults = new InjectedFaults();
  readonly #greylist: Greylist | undefined;
  #up = true;
  /** Bumped when the host goes down, so callbacks from before the crash are ignored. */
  #generation = 0;

  constructor(host: Host, deps: MtaDeps) {
    this.host = host;
    if (host.greylisting) this.#greylist = new Greylist(host.greylisting.delay);
    this.#deps = deps;
    for (const port of host.ports) {
      const policy = policyForHost(host, { port });
      deps.network.listen(host.name, port, (end) =>
        this.#up
          ? serveConnection(deps, end, policy, this.#hooks, this.#track, this.#faults.drops)
          : { data: () => {}, closed: () => {} },
      );
    }
  }

  get up(): boolean {
    return this.#up;
  }

  /** Pending (message, recipient) pairs, for the accounting. */
  queuedKeys(into: Set<string>, key: (messageId: string, rcpt: string) => string): void {
    for (const entry of this.queue.values()) {
      for (const r of pendingRecipients(entry)) into.add(key(entry.messageId, r.address));
    }
  }

  addFault(command: FaultCommand, reply: Reply | 'drop', times: number | undefined): void {
    this.#faults.add(command, reply, times);
  }

  /** The host crashes (sessions die, nothing is said) or comes back (due mail is retried). */
  setUp(up: boolean): void {
    if (up === this.#up) return;
    this.#up = up;
    if (!up) {
      this.#generation += 1;
      for (const session of this.#sessions) session.stop();
      this.#sessions.clear();
      for (const entry of this.queue.values()) entry.inFlight = false;
      return;
    }
    for (const entry of this.queue.values()) {
      if (entry.nextAttemptAt === undefined || entry.nextAttemptAt <= this.#now())
        this.#schedule(entry, this.#now());
    }
  }

  /** A message written on this host (like the `sendmail` command): no SMTP to get in. */
  submit(from: string, recipients: string[], text: string): string {
    const queueId = this.#newQueueId();
    const received = `Received: by ${this.host.name} (smtp-sim, from local submission)\r\n\tid ${queueId}; ${this.#date()}`;
    const { raw, messageId, subject } = withMessageId(
      prependHeaders(text, [received]),
      makeMessageId({ host: this.host.name, queueId, time: this.#deps.epochMs + this.#now() }),
    );
    this.#deps.ledger.accept(messageId, recipients);
    this.#route(queueId, from, recipients, raw, messageId, subject);
    return queueId;
  }

  readonly #track = (session: Stoppable, active: boolean) => {
    if (active) this.#sessions.add(session);
    else this.#sessions.delete(session);
  };

  readonly #hooks: ServerHooks = {
    store: (message) => this.#store(message),
    etrn: (request) => this.#etrn(request),
    greylist: (triplet) => this.#greylist?.check(triplet, this.#now()) ?? 'pass',
    fault: (command) => this.#faults.reply(command),
  };

  #now(): number {
    return this.#deps.scheduler.now();
  }

  #date(): string {
    return formatRfc5322Date(this.#deps.epochMs + this.#now());
  }

  #newQueueId(): string {
    const hex = (n: number) => n.toString(16).toUpperCase().padStart(5, '0');
    return hex(this.#deps.rng.int(0x100000)) + hex(this.#deps.rng.int(0x100000));
  }

  // --- Receiving -----------------------------------------------------------------------------

  /** RFC 5321 §4.2.5 and §6.1: once this returns, the message is ours and must not be lost. */
  #store(message: AcceptedMessage): StoreResult {
    const queueId = this.#newQueueId();
    const recipients = message.recipients.map((r) => r.address);
    const received = receivedHeader({
      helo: message.helo,
      clientIp: message.clientIp,
      ...(this.#rdns(message.clientIp) ? { rdns: this.#rdns(message.clientIp) } : {}),
      by: this.host.name,
      protocol: message.protocol,
      queueId,
      ...(recipients.length === 1 ? { recipient: recipients[0] } : {}),
      date: this.#deps.epochMs + this.#now(),
    });
    const { raw, messageId, subject } = withMessageId(
      prependHeaders(message.text, [received]),
      makeMessageId({ host: this.host.name, queueId, time: this.#deps.epochMs + this.#now() }),
    );
    const from = message.reversePath.kind === 'null' ? '' : message.reversePath.mailbox.address;
    this.#deps.ledger.accept(messageId, recipients);
    this.#route(queueId, from, recipients, raw, messageId, subject);
    return { ok: true, queueId };
  }

  #rdns(ip: string): string | undefined {
    return this.#deps.network.hostByIp(ip)?.name;
  }

  #isLocal(address: string): boolean {
    const domain = domainOf(address);
    return (
      this.host.domains.some((d) => d.toLowerCase() === domain) ||
      domain === this.host.name.toLowerCase()
    );
  }

  #mailboxExists(address: string): boolean {
    const a = address.toLowerCase();
    return a.startsWith('postmaster@') || this.host.mailboxes.some((m) => m.toLowerCase() === a);
  }

  /** Local recipients get it now; the others wait in the queue for the next hop. */
  #route(
    queueId: string,
    from: string,
    recipients: string[],
    raw: string,
    messageId: string,
    /** The Subject when the caller has already parsed `raw`. */
    subject?: string,
  ): void {
    const remote: string[] = [];
    const unknown: QueueRecipient[] = [];
    for (const address of recipients) {
      if (!this.#isLocal(address)) remote.push(address);
      else if (this.#mailboxExists(address))
        this.#deliverLocal(address, from, raw, messageId, queueId);
      else
        unknown.push({
          address,
          status: 'failed',
          status5: '5.1.1',
          lastError: `<${address}>: unknown user`,
        });
    }
    const entry = this.#newEntry(
      queueId,
      from,
      raw,
      messageId,
      [...remote.map((address) => ({ address, status: 'pending' as const })), ...unknown],
      subject,
    );
    if (unknown.length > 0) this.#fail(entry, unknown);
    if (remote.length === 0) return;
    this.queue.set(queueId, entry);
    this.#deps.tracer.record({
      type: 'queue',
      host: this.host.name,
      id: queueId,
      action: 'enqueue',
      rcpt: remote,
    });
    this.#schedule(entry, this.#now());
  }

  #newEntry(
    id: string,
    from: string,
    text: string,
    messageId: string,
    recipients: QueueRecipient[],
    subject = parseMessage(text).subject,
  ): QueueEntry {
    return {
      id,
      from,
      text,
      messageId,
      subject,
      arrivedAt: this.#now(),
      attempts: 0,
      warned: false,
      recipients,
      inFlight: false,
    };
  }

  #deliverLocal(
    address: string,
    from: string,
    raw: string,
    messageId: string,
    queueId: string,
  ): void {
    const stored = prependHeaders(raw, [returnPathHeader(from)]);
    const parsed = parseMessage(stored);
    const box = address.toLowerCase();
    const list = this.mailboxes.get(box) ?? [];
    list.push({
      messageId,
      subject: parsed.subject,
      headers: parsed.headers,
      body: parsed.body,
      raw: stored,
    });
    this.mailboxes.set(box, list);
    this.#deps.ledger.delivered(messageId, address);
    this.#deps.tracer.record({
      type: 'deliver',
      host: this.host.name,
      mailbox: box,
      id: queueId,
      messageId,
      subject: parsed.subject,
    });
  }

  // --- ETRN (RFC 1985) -------------------------------------------------------------------------

  /** Start a queue run for the domain: a new connection to its MX, never this session. */
  #etrn(request: EtrnRequest): EtrnOutcome {
    if (request.kind === 'queue') return { code: 458 };
    const node = request.argument.toLowerCase();
    const matches = (domain: string) =>
      domain === node || (request.kind === 'domain' && isBelow(domain, node));
    if (!this.host.backupFor.some((d) => matches(d.toLowerCase()))) {
      return { code: 459, reason: 'not a domain this server queues for' };
    }
    const waiting = [...this.queue.values()].filter((e) =>
      pendingRecipients(e).some((r) => matches(domainOf(r.address))),
    );
    if (waiting.length === 0) return { code: 251 };
    for (const entry of waiting) this.#schedule(entry, this.#now());
    return { code: 253, count: waiting.length };
  }

  // --- The queue -------------------------------------------------------------------------------

  #schedule(entry: QueueEntry, at: number): void {
    if (entry.timer !== undefined) this.#deps.scheduler.cancel(entry.timer);
    entry.nextAttemptAt = at;
    entry.timer = this.#deps.scheduler.at(
      at,
      () => this.#attempt(entry),
      `${this.host.name} queue ${entry.id}`,
    );
  }

  #attempt(entry: QueueEntry): void {
    entry.timer = undefined;
    if (!this.#up || entry.inFlight || !this.queue.has(entry.id)) return;
    const pending = pendingRecipients(entry);
    entry.attempts += 1;
    entry.inFlight = true;
    entry.nextAttemptAt = undefined;
    this.#deps.tracer.record({
      type: 'queue',
      host: this.host.name,
      id: entry.id,
      action: 'attempt',
      rcpt: pending.map((r) => r.address),
    });
    const byDomain = new Map<string, string[]>();
    for (const r of pending)
      byDomain.set(domainOf(r.address), [...(byDomain.get(domainOf(r.address)) ?? []), r.address]);
    const generation = this.#generation;
    const results: RecipientResult[] = [];
    let open = byDomain.size;
    for (const [domain, recipients] of byDomain) {
      deliver(
        {
          ...this.#deps,
          host: this.host.name,
          selfIps: [this.host.ip],
          track: this.#track,
          alive: () => generation === this.#generation,
        },
        { from: entry.from, domain, recipients, text: entry.text },
        (groupResults) => {
          if (generation !== this.#generation) return;
          // Like Postfix (smtp_rcpt_done → deliver_completed), a recipient that got through is
          // marked done at once: a crash before the other domains' sessions end must not send
          // it again. Failures wait for the end of the attempt, for one DSN.
          for (const result of groupResults)
            if (result.status === 'sent') this.#sent(entry, result);
          results.push(...groupResults.filter((result) => result.status !== 'sent'));
          open -= 1;
          if (open === 0) this.#finish(entry, results);
        },
      );
    }
  }

  /** The pending recipient a result is about, with the result's details recorded. */
  #recipientFor(entry: QueueEntry, result: RecipientResult): QueueRecipient | undefined {
    const r = entry.recipients.find((x) => x.address === result.address && x.status === 'pending');
    if (!r) return undefined;
    r.lastError = result.error;
    r.status5 = result.enhanced;
    if (result.remoteMta) r.remoteMta = result.remoteMta;
    return r;
  }

  #sent(entry: QueueEntry, result: RecipientResult): void {
    const r = this.#recipientFor(entry, result);
    if (!r) return;
    r.status = 'sent';
    this.#deps.tracer.record({
      type: 'queue',
      host: this.host.name,
      id: entry.id,
      action: 'deliver',
      rcpt: [r.address],
      reason: result.error,
    });
  }

  /** The attempt is over (every domain's session ended): fail, expire, warn or defer the rest. */
  #finish(entry: QueueEntry, results: RecipientResult[]): void {
    entry.inFlight = false;
    const failed: QueueRecipient[] = [];
    for (const result of results) {
      const r = this.#recipientFor(entry, result);
      if (r && result.status === 'failed') {
        r.status = 'failed';
        failed.push(r);
      }
    }
    const pending = pendingRecipients(entry);
    const age = this.#now() - entry.arrivedAt;
    const retry = this.host.retry;
    if (pending.length > 0 && age >= retry.giveUp) {
      for (const r of pending) {
        r.status = 'failed';
        r.status5 = '4.4.7';
        r.lastError = `delivery temporarily suspended: ${r.lastError ?? 'no answer'}; message expired after ${formatDuration(age - (age % 60_000))} in the queue`;
      }
      this.#deps.tracer.record({
        type: 'queue',
        host: this.host.name,
        id: entry.id,
        action: 'expire',
        rcpt: pending.map((r) => r.address),
        reason: 'delivery time expired',
      });
      // One DSN per attempt for every recipient that failed in it, expired ones included.
      this.#fail(entry, [...failed, ...pending]);
      return this.#remove(entry);
    }
    if (failed.length > 0) this.#fail(entry, failed);
    if (pending.length === 0) return this.#remove(entry);
    if (
      retry.warnAfter !== undefined &&
      !entry.warned &&
      age >= retry.warnAfter &&
      entry.from !== ''
    ) {
      entry.warned = true;
      this.#notify('delay', entry, pending);
      this.#deps.tracer.record({
        type: 'queue',
        host: this.host.name,
        id: entry.id,
        action: 'warn',
        rcpt: pending.map((r) => r.address),
        reason: 'delayed mail warning sent',
      });
    }
    const next = this.#now() + retryDelay(retry, age);
    // One defer event per distinct reason, so no recipient's reason is hidden behind another's
    // (say one domain greylisted, the other lost after the final dot).
    const byReason = new Map<string, string[]>();
    for (const r of pending) {
      const reason = r.lastError ?? '';
      byReason.set(reason, [...(byReason.get(reason) ?? []), r.address]);
    }
    for (const [reason, rcpt] of byReason) {
      this.#deps.tracer.record({
        type: 'queue',
        host: this.host.name,
        id: entry.id,
        action: 'defer',
        rcpt,
        reason,
        next,
      });
    }
    this.#schedule(entry, next);
  }

  #remove(entry: QueueEntry): void {
    if (entry.timer !== undefined) this.#deps.scheduler.cancel(entry.timer);
    this.queue.delete(entry.id);
  }

  /** Recipients that failed for good: one DSN to the sender; a bounce's own failure is dropped. */
  #fail(entry: QueueEntry, failed: QueueRecipient[]): void {
    for (const r of failed) this.#deps.ledger.bounced(entry.messageId, r.address);
    const reason =
      entry.from === ''
        ? 'undeliverable bounce dropped (never bounce a bounce)'
        : (failed[0]?.lastError ?? '');
    this.#deps.tracer.record({
      type: 'queue',
      host: this.host.name,
      id: entry.id,
      action: 'bounce',
      rcpt: failed.map((r) => r.address),
      reason,
    });
    if (entry.from !== '') this.#notify('failure', entry, failed);
  }

  #notify(kind: 'failure' | 'delay', entry: QueueEntry, recipients: QueueRecipient[]): void {
    const queueId = this.#newQueueId();
    const { text, messageId } = buildNotice({
      kind,
      reportingMta: this.host.name,
      entry,
      recipients,
      epochMs: this.#deps.epochMs,
      now: this.#now(),
      queueId,
      ...(kind === 'delay'
        ? {
            willRetryUntil: entry.arrivedAt + this.host.retry.giveUp,
            ...(this.host.retry.warnAfter !== undefined && {
              warnAfter: this.host.retry.warnAfter,
            }),
          }
        : {}),
    });
    this.#deps.ledger.accept(messageId, [entry.from]);
    this.#route(queueId, '', [entry.from], text, messageId);
  }
}
