// What of the mail accounting can be read at the cursor from the trace itself: deliveries so far
// (and second deliveries of the same message to the same mailbox, RFC 1047 duplicates),
// recipients bounced or expired so far, and recipients waiting in some queue now. Running totals
// are computed once per trace, so any cursor costs the same.
import type { WorldView } from '../../../core/trace/timeline';
import type { TraceEvent } from '../../../core/trace/types';

export interface AccountingAt {
  delivered: number;
  duplicated: number;
  bounced: number;
  queued: number;
}

interface Totals {
  delivered: Uint32Array;
  duplicated: Uint32Array;
  bounced: Uint32Array;
}

const cache = new WeakMap<readonly TraceEvent[], Totals>();

/** Running totals: entry i holds the counts after the first i events. */
function totals(events: readonly TraceEvent[]): Totals {
  let found = cache.get(events);
  if (found) return found;
  const n = events.length;
  found = {
    delivered: new Uint32Array(n + 1),
    duplicated: new Uint32Array(n + 1),
    bounced: new Uint32Array(n + 1),
  };
  const seen = new Set<string>();
  events.forEach((e, i) => {
    let delivered = 0;
    let duplicated = 0;
    let bounced = 0;
    if (e.type === 'deliver') {
      const key = `${e.messageId}\n${e.mailbox.toLowerCase()}`;
      if (e.messageId !== '' && seen.has(key)) duplicated = 1;
      else delivered = 1;
      seen.add(key);
    } else if (e.type === 'queue' && (e.action === 'bounce' || e.action === 'expire')) {
      bounced = e.rcpt?.length ?? 0;
    }
    const t = found as Totals;
    t.delivered[i + 1] = (t.delivered[i] as number) + delivered;
    t.duplicated[i + 1] = (t.duplicated[i] as number) + duplicated;
    t.bounced[i + 1] = (t.bounced[i] as number) + bounced;
  });
  cache.set(events, found);
  return found;
}

export function accountingAt(
  events: readonly TraceEvent[],
  cursor: number,
  view: WorldView | undefined,
): AccountingAt {
  const c = Math.max(0, Math.min(events.length, cursor));
  const t = totals(events);
  let queued = 0;
  for (const host of Object.values(view?.hosts ?? {})) {
    for (const entry of host.queue) queued += entry.rcpt.length;
  }
  return {
    delivered: t.delivered[c] ?? 0,
    duplicated: t.duplicated[c] ?? 0,
    bounced: t.bounced[c] ?? 0,
    queued,
  };
}
