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
  /** How long the message has waited, for the delay notice's subject. */
  delayedFor?: number;
}

/**
 * Sendmail's wording for a delay notice (`Timeout.queuewarn`); Postfix says "Delayed Mail (still
 * being retried)", which stays in the body of the notice.
 */
export function delaySubject(ms: number): string {
  const hours = Math.max(1, Math.round(ms / 3_600_000));
  return `Warning: could not send message for past ${hours} hour${hours === 1 ? '' : 's'}`;
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
    ...(o.kind === 'delay' && o.delayedFor !== undefined
      ? { subject: delaySubject(o.delayedFor) }
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
