// Next-hop selection for a mail domain (RFC 5321 §5.1, RFC 7505 null MX): which hosts to try, in
// which order, or why there are none. Pure: lookups and randomness come from the caller.

import {
  NEXT_HOP_STATUS,
  invalidNameMessage,
  loopsBackMessage,
  nameServiceError,
  noPrimaryRelayMessage,
  nullMxMessage,
} from './mxDiagnostics';
import { orderMxTargets } from './mxOrder';
import type { MxTarget, Shuffle } from './mxOrder';
import { isValidDomainName, normalizeName } from './names';
import type { DnsQuery, DnsRecordType, LookupResult } from './records';
import { isTemporaryFailure } from './records';

export { normalizeName } from './names';

export type Lookup = (name: string, type: DnsRecordType) => LookupResult;

export type NextHop = {
  /** The MX target (or, for an implicit MX, the domain), normalized. */
  host: string;
  /** IPv4 addresses, in the order the lookup returned them. */
  ips: string[];
  preference: number;
  /** True for the implicit MX of a domain without MX records (§5.1: its own address). */
  implicit: boolean;
};

export type NextHopOptions = {
  /** The caller's seeded shuffle, used for MX records of equal preference. */
  shuffle: Shuffle;
  /** Names of the host doing the selection, for §5.1's rule against mailing oneself. */
  selfNames?: readonly string[];
  /** Its addresses, for the same rule. */
  selfIps?: readonly string[];
};

export type PermanentReason =
  'nxdomain' | 'nullMx' | 'noAddress' | 'loopsBackToMyself' | 'invalidName';
/** `noPrimaryRelay`: this host is a backup MX and no better MX host resolves (Postfix defers). */
export type TemporaryReason = 'servfail' | 'timeout' | 'noPrimaryRelay';

export type NextHopOutcome =
  | { kind: 'hops'; hops: NextHop[] }
  | {
      kind: 'permanent';
      reason: PermanentReason;
      status: (typeof NEXT_HOP_STATUS)[PermanentReason];
      message: string;
    }
  | {
      kind: 'temporary';
      reason: TemporaryReason;
      status: (typeof NEXT_HOP_STATUS)[TemporaryReason];
      message: string;
    };

/** The outcome plus every lookup made, in order, so the simulator can trace each query. */
export type NextHopResult = NextHopOutcome & { queries: DnsQuery[] };

type Ask = (name: string, type: DnsRecordType) => LookupResult;

type Self = { name: (host: string) => boolean; ip: (ip: string) => boolean };

export function selectNextHops(
  domain: string,
  lookup: Lookup,
  opts: NextHopOptions,
): NextHopResult {
  const queries: DnsQuery[] = [];
  const ask: Ask = (name, type) => {
    const result = lookup(name, type);
    queries.push({ name, type, result });
    return result;
  };
  const selfNames = new Set((opts.selfNames ?? []).map(normalizeName));
  const selfIps = new Set(opts.selfIps ?? []);
  const self: Self = { name: (host) => selfNames.has(host), ip: (ip) => selfIps.has(ip) };
  return { ...select(normalizeName(domain), ask, opts.shuffle, self), queries };
}

function select(domain: string, ask: Ask, shuffle: Shuffle, self: Self): NextHopOutcome {
  if (!isValidDomainName(domain)) return permanent('invalidName', invalidNameMessage(domain));
  const mx = ask(domain, 'MX');
  if (mx.kind === 'nxdomain') {
    return permanent('nxdomain', nameServiceError(domain, 'MX', 'nxdomain'));
  }
  if (isTemporaryFailure(mx)) return temporary(mx.kind, nameServiceError(domain, 'MX', mx.kind));
  const records = mx.kind === 'answer' ? mx.records.filter((r) => r.type === 'MX') : [];
  if (records.length === 0) return implicitMx(domain, ask, self);
  const [only] = records;
  if (records.length === 1 && only !== undefined && normalizeName(only.value) === '') {
    return permanent('nullMx', nullMxMessage(domain));
  }
  return resolveTargets(domain, orderMxTargets(records, shuffle), ask, self);
}

// No MX records: the domain is its own mail exchanger, at preference 0 (§5.1). This simulator
// speaks IPv4 only, so only A is asked for and a domain with nothing but AAAA has no address.
function implicitMx(domain: string, ask: Ask, self: Self): NextHopOutcome {
  const result = ask(domain, 'A');
  if (isTemporaryFailure(result)) {
    return temporary(result.kind, nameServiceError(domain, 'A', result.kind));
  }
  const ips = addressesOf(result);
  if (ips.length === 0) {
    const kind = result.kind === 'nxdomain' ? 'nxdomain' : 'nodata';
    return permanent('noAddress', nameServiceError(domain, 'A', kind));
  }
  if (self.name(domain) || ips.some(self.ip)) {
    return permanent('loopsBackToMyself', loopsBackMessage(domain));
  }
  return { kind: 'hops', hops: [{ host: domain, ips, preference: 0, implicit: true }] };
}

function resolveTargets(domain: string, targets: MxTarget[], ask: Ask, self: Self): NextHopOutcome {
  const hops: NextHop[] = [];
  let selfPreference = Infinity;
  let lastError = '';
  let lastTemporary: { kind: 'servfail' | 'timeout'; message: string } | undefined;

  for (const { host, preference } of targets) {
    if (self.name(host)) selfPreference = Math.min(selfPreference, preference);
    // A target must be a host name (§5.1): `.` beside other records, or an address, is skipped.
    if (!isValidDomainName(host)) {
      lastError = invalidNameMessage(host === '' ? '.' : host);
      continue;
    }
    const result = ask(host, 'A');
    const ips = addressesOf(result);
    if (ips.length > 0) {
      if (ips.some(self.ip)) selfPreference = Math.min(selfPreference, preference);
      hops.push({ host, ips, preference, implicit: false });
      continue;
    }
    const kind = result.kind === 'answer' ? 'nodata' : result.kind;
    lastError = nameServiceError(host, 'A', kind);
    if (kind === 'servfail' || kind === 'timeout') lastTemporary = { kind, message: lastError };
  }

  // §5.1: a relay that finds itself in the list drops itself and everything it prefers less.
  if (selfPreference !== Infinity) {
    const better = hops.filter((hop) => hop.preference < selfPreference);
    if (better.length > 0) return { kind: 'hops', hops: better };
    // Better exchangers exist but none resolves: a backup waits for its primary, as Postfix does.
    return targets.some((t) => t.preference < selfPreference)
      ? temporary('noPrimaryRelay', noPrimaryRelayMessage(domain))
      : permanent('loopsBackToMyself', loopsBackMessage(domain));
  }
  if (hops.length > 0) return { kind: 'hops', hops };
  // A temporary failure might hide a usable host, so it outweighs the permanent ones.
  if (lastTemporary !== undefined) return temporary(lastTemporary.kind, lastTemporary.message);
  return permanent('noAddress', lastError);
}

function addressesOf(result: LookupResult): string[] {
  return result.kind === 'answer'
    ? result.records.filter((r) => r.type === 'A').map((r) => r.value)
    : [];
}

function permanent(reason: PermanentReason, message: string): NextHopOutcome {
  return { kind: 'permanent', reason, status: NEXT_HOP_STATUS[reason], message };
}

function temporary(reason: TemporaryReason, message: string): NextHopOutcome {
  return { kind: 'temporary', reason, status: NEXT_HOP_STATUS[reason], message };
}
