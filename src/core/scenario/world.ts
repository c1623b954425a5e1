// Checks for the world as it stands at time 0: hosts and DNS records.

import { formatDuration, parseDuration } from '../net/duration';
import { isIPv6 } from '../net/ip';
import {
  address,
  childPath,
  cidr,
  domainName,
  duration,
  flag,
  hostName,
  integer,
  ipv4,
  isBoolean,
  isDomain,
  isString,
  line,
  listOf,
  mapOf,
  oneOf,
  scalar,
  shape,
  show,
  text,
  type Check,
} from './messages';
import {
  DEFAULT_GREYLIST_DELAY_MS,
  DEFAULT_PORTS,
  DEFAULT_RETRY,
  DEFAULT_SIZE,
  DNS_TYPES,
  EXTENSIONS,
  HOST_ROLES,
  defaultExtensions,
  type DnsRecord,
  type Host,
  type RetryPolicy,
} from './types';

const HOST_KEYS = [
  'name',
  'ip',
  'role',
  'domains',
  'mailboxes',
  'relayFrom',
  'backupFor',
  'etrn',
  'retry',
  'banner',
  'size',
  'extensions',
  'greylisting',
  'users',
  'ports',
] as const;

const positiveDuration = scalar('a duration longer than 0s (like "5m")', isString, (s) => {
  const ms = parseDuration(s);
  return ms !== undefined && ms > 0 ? ms : undefined;
});

const retry: Check<RetryPolicy> = shape(
  'an object with durations first, max, giveUp and warnAfter',
  ['first', 'max', 'giveUp', 'warnAfter'],
  (f) => {
    const first = f.opt('first', positiveDuration) ?? DEFAULT_RETRY.first;
    const max = f.opt('max', positiveDuration) ?? DEFAULT_RETRY.max;
    const giveUp = f.opt('giveUp', duration) ?? DEFAULT_RETRY.giveUp;
    const warnAfter = f.opt('warnAfter', positiveDuration);
    if (first > max) {
      return f.issues.report(
        f.path,
        `first (${formatDuration(first)}) is longer than max (${formatDuration(max)})`,
      );
    }
    return warnAfter === undefined ? { first, max, giveUp } : { first, max, giveUp, warnAfter };
  },
);

const lines = listOf('a list of lines', line, { nonEmpty: true });

const banner: Check<string[]> = {
  expected: 'a line of text or a list of lines',
  read(value, path, issues) {
    if (Array.isArray(value)) return lines.read(value, path, issues);
    if (!isString(value))
      return issues.report(path, `expected ${this.expected}, got ${show(value)}`);
    const single = line.read(value, path, issues);
    return single === undefined ? undefined : [single];
  },
};

const greylistObject = shape('true, false or an object with a delay', ['delay'], (f) => ({
  delay: f.opt('delay', duration) ?? DEFAULT_GREYLIST_DELAY_MS,
}));

const greylisting: Check<{ delay: number } | false> = {
  expected: greylistObject.expected,
  read: (value, path, issues) =>
    isBoolean(value)
      ? value && { delay: DEFAULT_GREYLIST_DELAY_MS }
      : greylistObject.read(value, path, issues),
};

const domains = listOf('a list of domain names', domainName, { unique: true });
const mailboxes = listOf('a list of email addresses', address, { unique: true });
const relayFrom = listOf('a list of CIDR blocks', cidr);
const size = integer('a size in octets (0 or more; 0: no limit)', 0);
const extensions = listOf('a list of EHLO keywords', oneOf(EXTENSIONS), { unique: true });
const userName = scalar('a user name (no spaces)', isString, (s) =>
  /^\S+$/.test(s) ? s : undefined,
);
const users = mapOf('an object from user names to passwords', userName, text);
const port = integer('a port number (1 to 65535)', 1, 65535);
const ports = listOf('a list of port numbers', port, { nonEmpty: true, unique: true });

export const host: Check<Host> = shape(
  'a host (an object with name, ip and role)',
  HOST_KEYS,
  (f) => {
    const name = f.req('name', hostName);
    const ip = f.req('ip', ipv4);
    const role = f.req('role', oneOf(HOST_ROLES));
    const fields = {
      domains: f.opt('domains', domains) ?? [],
      mailboxes: f.opt('mailboxes', mailboxes) ?? [],
      relayFrom: f.opt('relayFrom', relayFrom) ?? [],
      backupFor: f.opt('backupFor', domains) ?? [],
      etrn: f.opt('etrn', flag) ?? false,
      retry: f.opt('retry', retry) ?? { ...DEFAULT_RETRY },
      banner: f.opt('banner', banner),
      size: f.opt('size', size) ?? DEFAULT_SIZE,
      extensions: f.opt('extensions', extensions),
      greylisting: f.opt('greylisting', greylisting),
      users: f.opt('users', users) ?? {},
      ports: f.opt('ports', ports) ?? [...DEFAULT_PORTS],
    };
    if (name === undefined || ip === undefined || role === undefined) return undefined;
    const { banner: lines, extensions: offered, greylisting: grey, ...rest } = fields;
    return {
      name,
      ip,
      role,
      ...rest,
      banner: lines ?? [`${name} ESMTP Postfix`],
      extensions: offered ?? defaultExtensions(fields),
      ...(grey === undefined || grey === false ? {} : { greylisting: grey }),
    };
  },
);

const RECORD_KEYS = ['name', 'type', 'preference', 'value'] as const;

const recordValue = {
  A: ipv4,
  AAAA: scalar('an IPv6 address', isString, (s) => (isIPv6(s) ? s : undefined)),
  CNAME: hostName,
  // RFC 7505 null MX: "." says the domain accepts no mail.
  MX: scalar('a host name, or "." for a null MX', isString, (s) =>
    s === '.' || isDomain(s) ? s : undefined,
  ),
  TXT: text,
} as const;

export const dnsRecord: Check<DnsRecord> = shape(
  'a DNS record (an object with name, type and value)',
  RECORD_KEYS,
  (f) => {
    const name = f.req('name', domainName);
    const type = f.req('type', oneOf(DNS_TYPES));
    if (type === undefined) return undefined;
    const value = f.req('value', recordValue[type]);
    if (type === 'MX') {
      const preference = f.req('preference', integer('an MX preference (0 to 65535)', 0, 65535));
      if (name === undefined || value === undefined || preference === undefined) return undefined;
      return { name, type, preference, value };
    }
    if (f.has('preference')) {
      f.issues.report(childPath(f.path, 'preference'), 'only MX records have a preference');
    }
    if (name === undefined || value === undefined) return undefined;
    return { name, type, value };
  },
);
