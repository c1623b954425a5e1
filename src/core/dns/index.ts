// The DNS layer: zone data, lookups, and next-hop (MX) selection.

export { DNS_RECORD_TYPES, isTemporaryFailure, sameRecord, sameValue } from './records';
export type { DnsFailureMode, DnsQuery, DnsRecord, DnsRecordType, LookupResult } from './records';
export { isBelow, isValidDomainName, normalizeName, sameName } from './names';
export { MAX_CNAME_HOPS, ZoneStore } from './zone';
export type { ReplacementRecord } from './zone';
export { orderMxTargets } from './mxOrder';
export type { MxTarget, Shuffle } from './mxOrder';
export { NEXT_HOP_STATUS, nameServiceError } from './mxDiagnostics';
export { selectNextHops } from './mx';
export type {
  Lookup,
  NextHop,
  NextHopOptions,
  NextHopOutcome,
  NextHopResult,
  PermanentReason,
  TemporaryReason,
} from './mx';
