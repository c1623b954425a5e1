// The shapes of the simulated DNS: resource records, the outcome of one lookup, and a query as
// the simulator traces it.

import { normalizeName, sameName } from './names';

export type DnsRecordType = 'MX' | 'A' | 'AAAA' | 'CNAME' | 'TXT';

export const DNS_RECORD_TYPES: readonly DnsRecordType[] = ['MX', 'A', 'AAAA', 'CNAME', 'TXT'];

/** One resource record. `value` is the MX/CNAME target, the address, or the TXT text. */
export type DnsRecord = {
  name: string;
  type: DnsRecordType;
  value: string;
  /** MX only; absent counts as 0. */
  preference?: number;
  ttl?: number;
};

/** A failure the scenario can inject for a name. */
export type DnsFailureMode = 'servfail' | 'timeout';

/**
 * The outcome of one lookup. `nxdomain`: the name does not exist; `nodata`: it exists (it owns
 * records of other types, or names exist below it) but has none of the type asked for.
 */
export type LookupResult =
  | {
      kind: 'answer';
      records: DnsRecord[];
      /**
       * The aliases followed, in order, starting with the name asked for: a query for `www.x`
       * (CNAME `host.x`) gives `['www.x']` and records owned by `host.x`. Empty without aliases.
       */
      cnameChain: string[];
    }
  | { kind: 'nxdomain' }
  | { kind: 'nodata' }
  | { kind: 'servfail' }
  | { kind: 'timeout' };

/** One lookup made while choosing next hops, in the order made, so it can be traced. */
export type DnsQuery = { name: string; type: DnsRecordType; result: LookupResult };

export function isTemporaryFailure(
  result: LookupResult,
): result is { kind: 'servfail' } | { kind: 'timeout' } {
  return result.kind === 'servfail' || result.kind === 'timeout';
}

/** Values compare like names (case and trailing dot ignored), except TXT, which is text. */
export function sameValue(type: DnsRecordType, a: string, b: string): boolean {
  return type === 'TXT' ? a === b : normalizeName(a) === normalizeName(b);
}

/** The same resource record: an RRset holds no duplicates (RFC 2181 §5). TTL does not count. */
export function sameRecord(a: DnsRecord, b: DnsRecord): boolean {
  return (
    a.type === b.type &&
    sameName(a.name, b.name) &&
    sameValue(a.type, a.value, b.value) &&
    (a.type !== 'MX' || (a.preference ?? 0) === (b.preference ?? 0))
  );
}
