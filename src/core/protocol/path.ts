// RFC 5321 §4.1.2 paths and mailboxes, and the §4.1.3 address literals.
import { DOMAIN_MAX, LOCAL_PART_MAX, PATH_MAX } from './limits';
import { coreText, english, type TextValue } from '../text/message';
import type { CoreTextKey } from '../text/english';
import type { CommandSyntaxError, ForwardPath, Mailbox, ReversePath } from './types';

export type PathResult<T> = { ok: true; value: T } | { ok: false; error: CommandSyntaxError };

type RoutedMailbox = { mailbox: Mailbox; sourceRoute: string[] };

const ATOM = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+$/;
const QUOTED_STRING = /^"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*"$/;
const LDH = /^[A-Za-z0-9-]+$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const DCONTENT = /^[\x21-\x5a\x5e-\x7e]+$/;

function fail<T>(
  kind: 'badAddress' | 'addressTooLong',
  key: CoreTextKey,
  values?: Record<string, TextValue>,
): PathResult<T> {
  const reason = coreText(key, values);
  return { ok: false, error: { kind, detail: english(reason), reason } };
}

/** `sub-domain *("." sub-domain)`, sub-domain = Let-dig [Ldh-str]. Grammar only, no length check. */
export function isDomain(text: string): boolean {
  return text.split('.').every(isSubDomain);
}

function isSubDomain(label: string): boolean {
  return LDH.test(label) && !label.startsWith('-') && !label.endsWith('-');
}

/** `[192.0.2.1]`, `[IPv6:2001:db8::1]` or a General-address-literal `[tag:content]`. */
export function isAddressLiteral(text: string): boolean {
  if (text.length < 3 || !text.startsWith('[') || !text.endsWith(']')) return false;
  const inner = text.slice(1, -1);
  const colon = inner.indexOf(':');
  if (colon < 0) return isIPv4(inner);
  const tag = inner.slice(0, colon);
  const content = inner.slice(colon + 1);
  // An IPv6 tag with a bad address must not slip through as a general literal.
  if (tag.toUpperCase() === 'IPV6') return isIPv6(content);
  return LDH.test(tag) && !tag.endsWith('-') && DCONTENT.test(content);
}

function isIPv4(text: string): boolean {
  const match = IPV4.exec(text);
  return match !== null && match.slice(1).every((octet) => Number(octet) <= 255);
}

// RFC 5321 §4.1.3: eight groups, or at most six besides a "::"; a trailing IPv4 counts as two.
function isIPv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const tokens = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  const last = tokens.at(-1);
  const endsInIPv4 = last !== undefined && last.includes('.');
  if (endsInIPv4 && !isIPv4(last)) return false;
  const hexGroups = endsInIPv4 ? tokens.slice(0, -1) : tokens;
  if (!hexGroups.every((group) => HEX_GROUP.test(group))) return false;
  const groups = hexGroups.length + (endsInIPv4 ? 2 : 0);
  return halves.length === 2 ? groups <= 6 : groups === 8;
}

/** A bare `local-part@domain`, as in VRFY arguments or scenario files. */
export function parseMailbox(text: string): PathResult<Mailbox> {
  if (text === '') return fail('badAddress', 'syntax.path.empty');
  const at = localPartEnd(text);
  if (at === undefined) return fail('badAddress', 'syntax.path.unclosedQuote');
  if (at === text.length) {
    return fail('badAddress', 'syntax.path.noDomain', { address: JSON.stringify(text) });
  }
  if (text[at] !== '@') return fail('badAddress', 'syntax.path.atAfterQuote');
  const localPart = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (!isDotString(localPart) && !QUOTED_STRING.test(localPart)) {
    return fail('badAddress', 'syntax.path.badLocalPart', {
      localPart: JSON.stringify(localPart),
    });
  }
  if (domain === '') return fail('badAddress', 'syntax.path.nothingAfterAt');
  if (!isDomain(domain) && !isAddressLiteral(domain)) {
    return fail('badAddress', 'syntax.path.badDomain', { domain: JSON.stringify(domain) });
  }
  if (localPart.length > LOCAL_PART_MAX) {
    return fail('addressTooLong', 'syntax.path.localPartTooLong', {
      length: localPart.length,
      limit: LOCAL_PART_MAX,
    });
  }
  if (domain.length > DOMAIN_MAX) {
    return fail('addressTooLong', 'syntax.path.domainTooLong', {
      length: domain.length,
      limit: DOMAIN_MAX,
    });
  }
  return { ok: true, value: { localPart, domain, address: `${localPart}@${domain}` } };
}

function isDotString(text: string): boolean {
  return text.split('.').every((atom) => ATOM.test(atom));
}

/** Where the local part ends (the `@` if well formed); undefined for an unclosed quoted string. */
function localPartEnd(text: string): number | undefined {
  if (!text.startsWith('"')) {
    const at = text.indexOf('@');
    return at < 0 ? text.length : at;
  }
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return undefined;
}

/** MAIL FROM's path, angle brackets included: `<>` or `<[A-d-l:]mailbox>`. */
export function parseReversePath(text: string): PathResult<ReversePath> {
  if (text === '<>') return { ok: true, value: { kind: 'null' } };
  const path = parsePath(text);
  return path.ok ? { ok: true, value: { kind: 'mailbox', ...path.value } } : path;
}

/** RCPT TO's path, angle brackets included: `<Postmaster>` or `<[A-d-l:]mailbox>`. */
export function parseForwardPath(text: string): PathResult<ForwardPath> {
  if (text === '<>') {
    return fail('badAddress', 'syntax.path.nullRecipient');
  }
  if (/^<postmaster>$/i.test(text)) return { ok: true, value: { kind: 'postmaster' } };
  const path = parsePath(text);
  return path.ok ? { ok: true, value: { kind: 'mailbox', ...path.value } } : path;
}

function parsePath(text: string): PathResult<RoutedMailbox> {
  if (text.length < 2 || !text.startsWith('<') || !text.endsWith('>')) {
    return fail('badAddress', 'syntax.path.angleBrackets');
  }
  const inner = text.slice(1, -1);
  let sourceRoute: string[] = [];
  let mailboxText = inner;
  // §3.6 / §4.1.2 source route `@a,@b:user@c`: must be accepted, the hops are then ignored.
  if (inner.startsWith('@')) {
    const colon = inner.indexOf(':');
    if (colon < 0) return fail('badAddress', 'syntax.path.routeColon');
    sourceRoute = inner.slice(0, colon).split(',');
    const badHop = sourceRoute.find((hop) => !hop.startsWith('@') || !isDomain(hop.slice(1)));
    if (badHop !== undefined) {
      return fail('badAddress', 'syntax.path.routeHop', { hop: JSON.stringify(badHop) });
    }
    sourceRoute = sourceRoute.map((hop) => hop.slice(1));
    mailboxText = inner.slice(colon + 1);
  }
  const mailbox = parseMailbox(mailboxText);
  if (!mailbox.ok) return mailbox;
  if (text.length > PATH_MAX) {
    return fail('addressTooLong', 'syntax.path.tooLong', { length: text.length, limit: PATH_MAX });
  }
  return { ok: true, value: { mailbox: mailbox.value, sourceRoute } };
}

/** `local-part@domain`. */
export function formatMailbox(mailbox: Mailbox): string {
  return `${mailbox.localPart}@${mailbox.domain}`;
}

export function formatReversePath(path: ReversePath): string {
  return path.kind === 'null' ? '<>' : formatPath(path.mailbox, path.sourceRoute);
}

export function formatForwardPath(path: ForwardPath): string {
  return path.kind === 'postmaster' ? '<Postmaster>' : formatPath(path.mailbox, path.sourceRoute);
}

function formatPath(mailbox: Mailbox, sourceRoute: string[]): string {
  const route = sourceRoute.length > 0 ? `${sourceRoute.map((hop) => `@${hop}`).join(',')}:` : '';
  return `<${route}${formatMailbox(mailbox)}>`;
}
