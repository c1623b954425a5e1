// IPv4 addresses as unsigned 32-bit numbers, CIDR blocks, and an IPv6 syntax check for AAAA
// records (the simulated network itself is IPv4 only).

/** A CIDR block; `network` has no host bits set. */
export interface Cidr {
  network: number;
  prefix: number;
}

const OCTET = /^(?:0|[1-9]\d{0,2})$/;

/** Strict dotted quad: four decimal octets 0–255, no leading zeros, no spaces. */
export function parseIPv4(s: string): number | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const part of parts) {
    if (!OCTET.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    n = n * 256 + octet;
  }
  return n;
}

export function formatIPv4(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
    throw new RangeError(`formatIPv4: expected an integer from 0 to 2^32-1, got ${n}`);
  }
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/**
 * `192.0.2.0/24`, or a bare address meaning `/32`. Host bits are cleared (`192.0.2.7/24` gives
 * the network 192.0.2.0); use `hasHostBits` to warn about them.
 */
export function parseCidr(s: string): Cidr | undefined {
  const slash = s.indexOf('/');
  const ip = parseIPv4(slash < 0 ? s : s.slice(0, slash));
  if (ip === undefined) return undefined;
  if (slash < 0) return { network: ip, prefix: 32 };
  const prefixText = s.slice(slash + 1);
  if (!/^(?:0|[1-9]\d?)$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > 32) return undefined;
  return { network: (ip & mask(prefix)) >>> 0, prefix };
}

/** True when the address part of a CIDR text has bits beyond its prefix (`192.0.2.7/24`). */
export function hasHostBits(s: string): boolean {
  const cidr = parseCidr(s);
  const ip = parseIPv4(s.split('/')[0] ?? '');
  return cidr !== undefined && ip !== cidr.network;
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIPv4(cidr.network)}/${cidr.prefix}`;
}

export function inCidr(ip: number, cidr: Cidr): boolean {
  return (ip & mask(cidr.prefix)) >>> 0 === cidr.network;
}

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** RFC 4291 §2.2 text forms: eight groups, one `::`, an IPv4 tail (`::ffff:192.0.2.1`). */
export function isIPv6(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
  let all = groups.flat();
  let count = all.length;
  const tail = groups[groups.length - 1] ?? [];
  const lastGroup = tail[tail.length - 1];
  if (lastGroup?.includes('.') === true) {
    if (parseIPv4(lastGroup) === undefined) return false;
    all = all.slice(0, -1);
    count += 1;
  }
  if (!all.every((g) => HEX_GROUP.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}
