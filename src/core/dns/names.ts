// Domain names as the simulator compares them. DNS names are case-insensitive (RFC 4343) and a
// trailing dot only says the name is absolute, so `MX.B.Example.` and `mx.b.example` are equal.

/** Lower-cases a name and drops one trailing dot: `MX.B.Example.` → `mx.b.example`, `.` → ``. */
export function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

/** True when `name` lies strictly below `ancestor` (both normalized; `` is the root). */
export function isBelow(name: string, ancestor: string): boolean {
  if (ancestor === '') return name !== '';
  return name.endsWith(`.${ancestor}`);
}

// Letters, digits and hyphens (RFC 1123 §2.1), underscore tolerated as resolvers do.
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/**
 * A name a mailer may look up: labels of 1–63 octets, 253 octets in all, and not numeric like an
 * IPv4 address (a top label of digits only), which is what Postfix's `valid_hostname` refuses.
 */
export function isValidDomainName(name: string): boolean {
  const normalized = normalizeName(name);
  if (normalized === '' || normalized.length > 253) return false;
  const labels = normalized.split('.');
  if (!labels.every((label) => LABEL.test(label))) return false;
  return !/^[0-9]+$/.test(labels.at(-1) ?? '');
}
