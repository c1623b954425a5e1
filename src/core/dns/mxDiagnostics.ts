// What a failed next-hop selection reports: an enhanced status code (RFC 3463) and text worded
// as Postfix words it (src/smtp/smtp_addr.c, src/dns/dns_lookup.c, dns_strerror.c), so that
// bounces and queue entries read like the real thing.

import type { DnsRecordType, LookupResult } from './records';

export const NEXT_HOP_STATUS = {
  /** X.1.2 bad destination system address. Postfix itself reports 5.4.4 here. */
  nxdomain: '5.1.2',
  /** X.1.10 recipient address has null MX (RFC 7505 §4.2). Postfix's client reports 5.1.0. */
  nullMx: '5.1.10',
  noAddress: '5.4.4',
  invalidName: '5.4.4',
  loopsBackToMyself: '5.4.6',
  servfail: '4.4.3',
  timeout: '4.4.3',
  noPrimaryRelay: '4.4.4',
} as const;

// Resolver error texts (h_errno), as Postfix's dns_strerror() prints them.
const RESOLVER_TEXT = {
  nxdomain: 'Host not found',
  nodata: 'Host found but no data record of requested type',
  servfail: 'Host not found, try again',
  timeout: 'Host not found, try again',
} as const;

type FailedKind = Exclude<LookupResult['kind'], 'answer'>;

export function nameServiceError(name: string, type: DnsRecordType, kind: FailedKind): string {
  return `Host or domain name not found. Name service error for name=${name} type=${type}: ${RESOLVER_TEXT[kind]}`;
}

export function invalidNameMessage(name: string): string {
  return `Name service error for ${name}: invalid host or domain name`;
}

export function nullMxMessage(domain: string): string {
  return `Domain ${domain} does not accept mail (nullMX)`;
}

export function loopsBackMessage(domain: string): string {
  return `mail for ${domain} loops back to myself`;
}

export function noPrimaryRelayMessage(domain: string): string {
  return `unable to find primary relay for ${domain}`;
}
