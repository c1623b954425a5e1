// The order in which a mailer tries a domain's mail exchangers (RFC 5321 §5.1).

import { normalizeName } from './names';
import type { DnsRecord } from './records';

export type MxTarget = { host: string; preference: number };

export type Shuffle = <T>(items: T[]) => T[];

/**
 * MX records as targets, most preferred first; targets of equal preference are put in random
 * order (the RFC's MUST, which spreads load) by the caller's seeded shuffle, one group at a time.
 * A target listed twice is kept once, at its best preference.
 */
export function orderMxTargets(records: readonly DnsRecord[], shuffle: Shuffle): MxTarget[] {
  const best = new Map<string, number>();
  for (const r of records) {
    const host = normalizeName(r.value);
    const preference = r.preference ?? 0;
    const known = best.get(host);
    if (known === undefined || preference < known) best.set(host, preference);
  }
  const sorted = [...best]
    .map(([host, preference]) => ({ host, preference }))
    .sort((a, b) => a.preference - b.preference);

  const ordered: MxTarget[] = [];
  let start = 0;
  while (start < sorted.length) {
    const preference = sorted[start]?.preference;
    let end = start;
    while (end < sorted.length && sorted[end]?.preference === preference) end++;
    const group = sorted.slice(start, end);
    ordered.push(...(group.length > 1 ? shuffle(group) : group));
    start = end;
  }
  return ordered;
}
