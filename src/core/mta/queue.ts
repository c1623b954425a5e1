// A host's mail queue: entries with per-recipient state (RFC 5321 §4.5.4.1; Postfix's queue file).
import type { TimerId } from '../net/scheduler';

export interface QueueRecipient {
  address: string;
  status: 'pending' | 'sent' | 'failed';
  /** The last reply or error for this recipient, as Postfix logs it. */
  lastError?: string;
  /** The enhanced status code that decided a failure (for the DSN). */
  status5?: string;
  /** `dns; host` of the server that answered, for the DSN's Remote-MTA. */
  remoteMta?: string;
}

export interface QueueEntry {
  id: string;
  /** The reverse path; '' for a bounce (null sender, RFC 5321 §4.5.5). */
  from: string;
  text: string;
  messageId: string;
  subject: string;
  arrivedAt: number;
  attempts: number;
  nextAttemptAt?: number;
  warned: boolean;
  recipients: QueueRecipient[];
  /** The timer of the next attempt. */
  timer?: TimerId;
  /** An attempt is under way (connections open). */
  inFlight: boolean;
}

export const pendingRecipients = (entry: QueueEntry) =>
  entry.recipients.filter((r) => r.status === 'pending');

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** What the queue inspector and the trace summary show of an entry. */
export function describeEntry(entry: QueueEntry) {
  return {
    id: entry.id,
    from: entry.from,
    messageId: entry.messageId,
    subject: entry.subject,
    arrivedAt: entry.arrivedAt,
    attempts: entry.attempts,
    nextAttemptAt: entry.nextAttemptAt,
    recipients: entry.recipients.map((r) => ({
      address: r.address,
      status: r.status,
      lastError: r.lastError,
    })),
  };
}
