// Checks for the script (`events`) and for what must hold at the end (`expect`). Both refer to
// hosts by name, so their checks are built from the list of host names.

import {
  address,
  domainName,
  duration,
  Fields,
  integer,
  isAddress,
  isObject,
  isString,
  line,
  listOf,
  mapOf,
  nonEmpty,
  oneOf,
  scalar,
  shape,
  shown,
  text,
  wrongType,
  type Check,
} from './messages';
import { coreText } from '../text/message';
import { dnsRecord } from './world';
import {
  FAULT_COMMANDS,
  type EventAction,
  type EventKind,
  type ExpectCheck,
  type ScenarioEvent,
} from './types';
import type { Reply } from '../protocol/types';

const EVENT_KINDS = [
  'send',
  'down',
  'up',
  'linkDown',
  'linkUp',
  'dns',
  'etrn',
  'session',
  'note',
  'fault',
] as const satisfies readonly EventKind[];

/** A reference to a host; any name when the host list itself is broken (no cascade of errors). */
export function hostRef(names: readonly string[] | undefined): Check<string> {
  if (names === undefined) return nonEmpty(coreText('scenario.expected.anyHost'));
  return scalar(
    coreText('scenario.expected.knownHost', { names: names.join(', ') }),
    isString,
    (s) => (names.includes(s) ? s : undefined),
  );
}

const sender = scalar(coreText('scenario.expected.sender'), isString, (s) =>
  s === '' || isAddress(s) ? s : undefined,
);
const recipients = listOf(coreText('scenario.expected.addresses'), address, { nonEmpty: true });
const headerName = scalar(coreText('scenario.expected.headerName'), isString, (s) =>
  /^[!-9;-~]+$/.test(s) ? s : undefined,
);
const headers = mapOf(coreText('scenario.expected.headers'), headerName, line);
const port = integer(coreText('scenario.expected.port'), 1, 65535);

// RFC 3463: an enhanced status code has the class of the reply code.
const faultReply = scalar(
  coreText('scenario.expected.faultReply'),
  isString,
  (s): Reply | 'drop' | undefined => {
    // "drop": close the connection without a reply (Postfix smtp-sink -q); at "." the message
    // is stored first, which is how the RFC 1047 duplicate happens.
    if (s === 'drop') return 'drop';
    const m = /^([45])(\d\d)(?: ([45]\.\d{1,3}\.\d{1,3}))?(?: ([^\r\n]*))?$/.exec(s);
    if (m === null) return undefined;
    const [, cls = '', rest = '', enhanced, textPart = ''] = m;
    if (enhanced !== undefined && enhanced[0] !== cls) return undefined;
    const reply: Reply = { code: Number(cls + rest), lines: [textPart] };
    return enhanced === undefined ? reply : { ...reply, enhanced };
  },
);

// AUTH PLAIN credentials for submission (RFC 4954, RFC 6409).
const credentials = shape(coreText('scenario.expected.credentials'), ['user', 'password'], (f) => {
  const user = f.req('user', line);
  const password = f.req('password', line);
  return user === undefined || password === undefined ? undefined : { user, password };
});

type Reader = (f: Fields, host: Check<string>) => EventAction | undefined;

function pair(host: Check<string>): Check<[string, string]> {
  const expected = coreText('scenario.expected.hostPair');
  return {
    expected,
    read(value, path, issues) {
      if (!Array.isArray(value) || value.length !== 2) {
        const got = Array.isArray(value)
          ? coreText('scenario.got.items', { count: value.length })
          : shown(value);
        return issues.report(path, wrongType(expected, got));
      }
      const both = listOf(expected, host).read(value, path, issues);
      if (both === undefined) return undefined;
      const [a = '', b = ''] = both;
      if (a === b)
        return issues.report(path, coreText('scenario.problem.sameHostTwice', { host: shown(a) }));
      return [a, b];
    },
  };
}

/** The keys each kind allows besides `at` and `do`, and how to read them. */
const KINDS: Record<EventKind, { keys: readonly string[]; read: Reader }> = {
  send: {
    keys: ['host', 'via', 'port', 'auth', 'from', 'to', 'subject', 'body', 'headers', 'size'],
    read(f, host) {
      const action = {
        do: 'send' as const,
        host: f.req('host', host),
        via: f.opt('via', host),
        port: f.opt('port', port),
        auth: f.opt('auth', credentials),
        from: f.req('from', sender),
        to: f.req('to', recipients),
        subject: f.opt('subject', line),
        body: f.opt('body', text),
        headers: f.opt('headers', headers),
        size: f.opt('size', integer(coreText('scenario.expected.messageSize'), 1)),
      };
      const { host: h, from, to } = action;
      if (h === undefined || from === undefined || to === undefined) return undefined;
      return dropUndefined({ ...action, host: h, from, to });
    },
  },
  down: { keys: ['host'], read: (f, host) => upDown(f, host, 'down') },
  up: { keys: ['host'], read: (f, host) => upDown(f, host, 'up') },
  linkDown: { keys: ['between'], read: (f, host) => link(f, host, 'linkDown') },
  linkUp: { keys: ['between'], read: (f, host) => link(f, host, 'linkUp') },
  // The dns event has three forms; `dnsForm` picks the keys of the one the event uses.
  dns: { keys: [], read: readDns },
  etrn: {
    keys: ['host', 'server', 'argument'],
    read(f, host) {
      const h = f.req('host', host);
      const server = f.req('server', host);
      const argument = f.req(
        'argument',
        scalar(coreText('scenario.expected.etrnArgument'), isString, (s) =>
          /^\S+$/.test(s) ? s : undefined,
        ),
      );
      if (h === undefined || server === undefined || argument === undefined) return undefined;
      return { do: 'etrn', host: h, server, argument };
    },
  },
  session: {
    keys: ['host', 'server', 'port', 'lines'],
    read(f, host) {
      const h = f.req('host', host);
      const server = f.req('server', host);
      const p = f.opt('port', port) ?? 25;
      const lines = f.req('lines', listOf(coreText('scenario.expected.sessionLines'), line));
      if (h === undefined || server === undefined || lines === undefined) return undefined;
      return { do: 'session', host: h, server, port: p, lines };
    },
  },
  note: {
    keys: ['text'],
    read(f) {
      const t = f.req('text', text);
      return t === undefined ? undefined : { do: 'note', text: t };
    },
  },
  fault: {
    keys: ['host', 'command', 'reply', 'times'],
    read(f, host) {
      const h = f.req('host', host);
      const command = f.req('command', oneOf(FAULT_COMMANDS));
      const reply = f.req('reply', faultReply);
      const times = f.opt('times', integer(coreText('scenario.expected.times'), 1));
      if (h === undefined || command === undefined || reply === undefined) return undefined;
      return dropUndefined({ do: 'fault' as const, host: h, command, reply, times });
    },
  },
};

function upDown(f: Fields, host: Check<string>, kind: 'up' | 'down'): EventAction | undefined {
  const h = f.req('host', host);
  return h === undefined ? undefined : { do: kind, host: h };
}

function link(
  f: Fields,
  host: Check<string>,
  kind: 'linkUp' | 'linkDown',
): EventAction | undefined {
  const between = f.req('between', pair(host));
  return between === undefined ? undefined : { do: kind, between };
}

function dnsForm(f: Fields): readonly string[] {
  if (f.has('fail')) return ['fail', 'name'];
  if (f.has('restore')) return ['restore'];
  return ['action', 'record'];
}

function readDns(f: Fields): EventAction | undefined {
  if (f.has('fail')) {
    const fail = f.req('fail', oneOf(['servfail', 'timeout'] as const));
    const name = f.req('name', domainName);
    if (fail === undefined || name === undefined) return undefined;
    return { do: 'dns', action: 'fail', fail, name };
  }
  if (f.has('restore')) {
    const name = f.req('restore', domainName);
    return name === undefined ? undefined : { do: 'dns', action: 'restore', name };
  }
  const action = f.req('action', oneOf(['add', 'remove', 'replace'] as const));
  const record = f.req('record', dnsRecord);
  if (action === undefined || record === undefined) return undefined;
  return { do: 'dns', action, record };
}

/** Leaves optional keys out rather than present as undefined, so results compare and print cleanly. */
function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function eventCheck(hostNames: readonly string[] | undefined): Check<ScenarioEvent> {
  const host = hostRef(hostNames);
  const expected = coreText('scenario.expected.event');
  return {
    expected,
    read(value, path, issues) {
      if (!isObject(value)) return issues.report(path, wrongType(expected, shown(value)));
      const f = new Fields(value, path, issues);
      const raw = value.do;
      const kind = EVENT_KINDS.find((k) => k === raw);
      if (kind !== undefined) {
        const keys = kind === 'dns' ? dnsForm(f) : KINDS[kind].keys;
        f.allowOnly(['at', 'do', ...keys]);
      }
      const at = f.req('at', duration);
      f.req('do', oneOf(EVENT_KINDS));
      if (kind === undefined) return undefined;
      const action = KINDS[kind].read(f, host);
      return at === undefined || action === undefined ? undefined : { at, ...action };
    },
  };
}

const CHECK_KINDS = ['delivered', 'deliveredBefore', 'queueEmpty', 'session'] as const;

export function expectCheck(hostNames: readonly string[] | undefined): Check<ExpectCheck> {
  const host = hostRef(hostNames);
  const expected = coreText('scenario.expected.check', { kinds: CHECK_KINDS.join(', ') });
  return {
    expected,
    read(value, path, issues) {
      if (!isObject(value)) return issues.report(path, wrongType(expected, shown(value)));
      const f = new Fields(value, path, issues);
      const kind = CHECK_KINDS.find((k) => f.has(k));
      switch (kind) {
        case undefined:
          return issues.report(path, wrongType(expected, coreText('scenario.got.noneOfThem')));
        case 'delivered': {
          f.allowOnly(['delivered', 'subject', 'subjectContains']);
          const mailbox = f.req('delivered', address);
          const subject = f.opt('subject', line);
          const subjectContains = f.opt('subjectContains', line);
          if (mailbox === undefined) return undefined;
          return dropUndefined({ check: kind, mailbox, subject, subjectContains });
        }
        case 'deliveredBefore': {
          f.allowOnly(['deliveredBefore', 'mailbox']);
          const before = f.req('deliveredBefore', duration);
          const mailbox = f.req('mailbox', address);
          if (before === undefined || mailbox === undefined) return undefined;
          return { check: kind, mailbox, before };
        }
        case 'queueEmpty': {
          f.allowOnly(['queueEmpty']);
          const h = f.req('queueEmpty', host);
          return h === undefined ? undefined : { check: kind, host: h };
        }
        case 'session': {
          f.allowOnly(['session', 'codes', 'replyLines']);
          const session = f.req('session', integer(coreText('scenario.expected.connection'), 1));
          const codes = f.opt(
            'codes',
            listOf(
              coreText('scenario.expected.replyCodes'),
              integer(coreText('scenario.expected.replyCode'), 200, 599),
            ),
          );
          const replyLines = f.opt(
            'replyLines',
            listOf(coreText('scenario.expected.replyLines'), line),
          );
          if (!f.has('codes') && !f.has('replyLines')) {
            return issues.report(path, coreText('scenario.problem.sessionCheck'));
          }
          if (session === undefined) return undefined;
          return dropUndefined({ check: kind, session, codes, replyLines });
        }
      }
    },
  };
}
