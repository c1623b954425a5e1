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
  shown,
  text,
  wrongType,
  type Check,
} from './messages';
import { coreText } from '../text/message';
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

const positiveDuration = scalar(coreText('scenario.expected.positiveDuration'), isString, (s) => {
  const ms = parseDuration(s);
  return ms !== undefined && ms > 0 ? ms : undefined;
});

const retry: Check<RetryPolicy> = shape(
  coreText('scenario.expected.retry'),
  ['first', 'max', 'giveUp', 'warnAfter'],
  (f) => {
    const first = f.opt('first', positiveDuration) ?? DEFAULT_RETRY.first;
    const max = f.opt('max', positiveDuration) ?? DEFAULT_RETRY.max;
    const giveUp = f.opt('giveUp', duration) ?? DEFAULT_RETRY.giveUp;
    const warnAfter = f.opt('warnAfter', positiveDuration);
    if (first > max) {
      return f.issues.report(
        f.path,
        coreText('scenario.problem.retryOrder', {
          first: formatDuration(first),
          max: formatDuration(max),
        }),
      );
    }
    return warnAfter === undefined ? { first, max, giveUp } : { first, max, giveUp, warnAfter };
  },
);

const lines = listOf(coreText('scenario.expected.lines'), line, { nonEmpty: true });

const banner: Check<string[]> = {
  expected: coreText('scenario.expected.banner'),
  read(value, path, issues) {
    if (Array.isArray(value)) return lines.read(value, path, issues);
    if (!isString(value)) return issues.report(path, wrongType(this.expected, shown(value)));
    const single = line.read(value, path, issues);
    return single === undefined ? undefined : [single];
  },
};

const greylistObject = shape(coreText('scenario.expected.greylisting'), ['delay'], (f) => ({
  delay: f.opt('delay', duration) ?? DEFAULT_GREYLIST_DELAY_MS,
}));

const greylisting: Check<{ delay: number } | false> = {
  expected: greylistObject.expected,
  read: (value, path, issues) =>
    isBoolean(value)
      ? value && { delay: DEFAULT_GREYLIST_DELAY_MS }
      : greylistObject.read(value, path, issues),
};

const domains = listOf(coreText('scenario.expected.domains'), domainName, { unique: true });
const mailboxes = listOf(coreText('scenario.expected.addresses'), address, { unique: true });
const relayFrom = listOf(coreText('scenario.expected.cidrs'), cidr);
const size = integer(coreText('scenario.expected.hostSize'), 0);
const extensions = listOf(coreText('scenario.expected.extensions'), oneOf(EXTENSIONS), {
  unique: true,
});
const userName = scalar(coreText('scenario.expected.userName'), isString, (s) =>
  /^\S+$/.test(s) ? s : undefined,
);
const users = mapOf(coreText('scenario.expected.users'), userName, text);
const port = integer(coreText('scenario.expected.port'), 1, 65535);
const ports = listOf(coreText('scenario.expected.ports'), port, { nonEmpty: true, unique: true });

export const host: Check<Host> = shape(coreText('scenario.expected.host'), HOST_KEYS, (f) => {
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
});

const RECORD_KEYS = ['name', 'type', 'preference', 'value'] as const;

const recordValue = {
  A: ipv4,
  AAAA: scalar(coreText('scenario.expected.ipv6'), isString, (s) => (isIPv6(s) ? s : undefined)),
  CNAME: hostName,
  // RFC 7505 null MX: "." says the domain accepts no mail.
  MX: scalar(coreText('scenario.expected.mxTarget'), isString, (s) =>
    s === '.' || isDomain(s) ? s : undefined,
  ),
  TXT: text,
} as const;

export const dnsRecord: Check<DnsRecord> = shape(
  coreText('scenario.expected.dnsRecord'),
  RECORD_KEYS,
  (f) => {
    const name = f.req('name', domainName);
    const type = f.req('type', oneOf(DNS_TYPES));
    if (type === undefined) return undefined;
    const value = f.req('value', recordValue[type]);
    if (type === 'MX') {
      const preference = f.req(
        'preference',
        integer(coreText('scenario.expected.mxPreference'), 0, 65535),
      );
      if (name === undefined || value === undefined || preference === undefined) return undefined;
      return { name, type, preference, value };
    }
    if (f.has('preference')) {
      f.issues.report(childPath(f.path, 'preference'), coreText('scenario.problem.preference'));
    }
    if (name === undefined || value === undefined) return undefined;
    return { name, type, value };
  },
);
