// The delivery status notification an MTA sends back to the sender (RFC 3464): one report for all
// the recipients that failed in one attempt, or a delay warning for those still waiting.
import { buildDsn } from '../mail/dsn';
import { makeMessageId } from '../mail/messageId';
import type { QueueEntry, QueueRecipient } from './queue';

export interface NoticeInput {
  kind: 'failure' | 'delay';
  reportingMta: string;
  entry: QueueEntry;
  recipients: QueueRecipient[];
  /** Epoch ms of the virtual clock's zero. */
  epochMs: number;
  now: number;
  queueId: string;
  willRetryUntil?: number;
  /** The configured delay warning time, for the delay notice's subject. */
  warnAfter?: number;
}

/**
 * Sendmail's wording for a delay notice: the configured warning time (`Timeout.queuewarn`), not
 * the time actually waited, which the body states. Postfix says "Delayed Mail (still being
 * retried)", which stays in the body of the notice.
 */
export function delaySubject(warnAfterMs: number): string {
  return `Warning: could not send message for past ${interval(warnAfterMs)}`;
}

/** "4 hours", "1 day", "30 minutes": the largest unit that measures it exactly, as Sendmail's pintvl. */
function interval(ms: number): string {
  const units: Array<[string, number]> = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
    ['second', 1000],
  ];
  const [name, size] = units.find(([, size]) => ms >= size && ms % size === 0) ?? ['second', 1000];
  const n = Math.max(1, Math.round(ms / size));
  return `${n} ${name}${n === 1 ? '' : 's'}`;
}

export function buildNotice(o: NoticeInput): { text: string; messageId: string } {
  const messageId = makeMessageId({
    host: o.reportingMta,
    queueId: o.queueId,
    time: o.epochMs + o.now,
  });
  const text = buildDsn({
    kind: o.kind,
    reportingMta: o.reportingMta,
    to: o.entry.from,
    date: o.epochMs + o.now,
    messageId,
    boundary: `${o.queueId}.${o.now}/${o.reportingMta}`,
    queueId: o.entry.id,
    arrivalDate: o.epochMs + o.entry.arrivedAt,
    original: { text: o.entry.text, messageId: o.entry.messageId },
    returnContent: o.kind === 'failure' ? 'full' : 'headers',
    ...(o.kind === 'delay' && o.warnAfter !== undefined
      ? { subject: delaySubject(o.warnAfter) }
      : {}),
    recipients: o.recipients.map((r) => {
      const recipient = {
        address: r.address,
        action: o.kind === 'failure' ? ('failed' as const) : ('delayed' as const),
        status: r.status5 ?? (o.kind === 'failure' ? '5.0.0' : '4.0.0'),
        lastAttempt: o.epochMs + o.now,
        ...(r.lastError ? { diagnostic: diagnosticOf(r.lastError) } : {}),
        ...(r.remoteMta ? { remoteMta: r.remoteMta } : {}),
        ...(o.willRetryUntil !== undefined ? { willRetryUntil: o.epochMs + o.willRetryUntil } : {}),
      };
      return recipient;
    }),
  });
  return { text, messageId };
}

/** `host X[ip] said: 550 …` → `smtp; 550 …`; anything else is reported as given. */
function diagnosticOf(error: string): string {
  const said = /said: (.*)$/.exec(error);
  return said ? `smtp; ${said[1]}` : `X-Postfix; ${error}`;
}
