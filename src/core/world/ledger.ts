// Mail accounting: every (message, recipient) pair an MTA accepted must end delivered, bounced
// or still queued. A pair is known by its Message-ID and recipient, so a relay hop is not a new
// acceptance, and a second delivery of the same pair is an RFC 1047 duplicate.
import type { Accounting } from '../trace/types';

interface Pair {
  deliveries: number;
  bounced: boolean;
}

const key = (messageId: string, recipient: string) => `${messageId}\n${recipient.toLowerCase()}`;

export class Ledger {
  readonly #pairs = new Map<string, Pair>();

  /** An MTA took responsibility for these recipients (a 250 after the dot, or a local submission). */
  accept(messageId: string, recipients: readonly string[]): void {
    for (const r of recipients) {
      const k = key(messageId, r);
      if (!this.#pairs.has(k)) this.#pairs.set(k, { deliveries: 0, bounced: false });
    }
  }

  delivered(messageId: string, recipient: string): void {
    const pair = this.#pairs.get(key(messageId, recipient));
    if (pair) pair.deliveries += 1;
    else this.#pairs.set(key(messageId, recipient), { deliveries: 1, bounced: false });
  }

  /** The recipient failed for good (a DSN went back, or, for a bounce, it was dropped). */
  bounced(messageId: string, recipient: string): void {
    const pair = this.#pairs.get(key(messageId, recipient));
    if (pair) pair.bounced = true;
  }

  /** Was this pair ever accepted? A delivery to a pair never accepted is a bug. */
  knows(messageId: string, recipient: string): boolean {
    return this.#pairs.has(key(messageId, recipient));
  }

  /** `queued`: the pairs still waiting in some queue, as `messageId\nrecipient` keys. */
  account(queued: ReadonlySet<string>): Accounting {
    const result: Accounting = {
      accepted: 0,
      delivered: 0,
      bounced: 0,
      queued: 0,
      duplicated: 0,
      lost: 0,
    };
    for (const [k, pair] of this.#pairs) {
      result.accepted += 1;
      if (pair.deliveries > 0) {
        result.delivered += 1;
        result.duplicated += pair.deliveries - 1;
      } else if (pair.bounced) result.bounced += 1;
      else if (queued.has(k)) result.queued += 1;
      else result.lost += 1;
    }
    return result;
  }

  static key = key;
}
