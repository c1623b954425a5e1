// A scenario after validation: durations in virtual milliseconds, defaults filled in, every host
// reference checked. The JSON a teacher writes is described in shared/spec/scenario-and-trace.md;
// `validateScenario` turns it into these shapes.

import type { Cidr } from '../net/ip';
import type { CoreText } from '../text/message';
import type { Reply, Verb } from '../protocol/types';
import { KNOWN_EXTENSIONS, type Extension } from '../machines/smtpServer/policy';

export const HOST_ROLES = ['client', 'mta', 'dns'] as const;
export type HostRole = (typeof HOST_ROLES)[number];

/** EHLO keywords a host may offer: exactly those the server machine implements. */
export const EXTENSIONS = KNOWN_EXTENSIONS;
export type { Extension };

export const DNS_TYPES = ['MX', 'A', 'AAAA', 'CNAME', 'TXT'] as const;
export type DnsType = (typeof DNS_TYPES)[number];

/** What a fault can answer: a command verb, `CONNECT` (the greeting) or `.` (end of data). */
export const FAULT_COMMANDS = [
  'CONNECT',
  'HELO',
  'EHLO',
  'MAIL',
  'RCPT',
  'DATA',
  '.',
  'RSET',
  'VRFY',
  'EXPN',
  'HELP',
  'NOOP',
  'QUIT',
  'ETRN',
  'STARTTLS',
  'AUTH',
] as const satisfies readonly (Verb | 'CONNECT' | '.')[];
export type FaultCommand = (typeof FAULT_COMMANDS)[number];

/** Retry schedule in ms (Postfix: minimal/maximal_backoff_time, maximal_queue_lifetime, delay_warning_time). */
export interface RetryPolicy {
  first: number;
  max: number;
  giveUp: number;
  /** Send a "delayed mail" warning after this long in the queue; undefined: never. */
  warnAfter?: number;
}

export const DEFAULT_RETRY: Readonly<RetryPolicy> = {
  first: 300_000,
  max: 4_000_000,
  giveUp: 5 * 24 * 3_600_000,
};
export const DEFAULT_SEED = 1;
export const DEFAULT_LATENCY_MS = 40;
/** Postfix message_size_limit. */
export const DEFAULT_SIZE = 10_240_000;
/** Postgrey's default delay. */
export const DEFAULT_GREYLIST_DELAY_MS = 300_000;
export const DEFAULT_PORTS: readonly number[] = [25];

/** What EHLO offers when a host has no `extensions` (Postfix's order). */
export function defaultExtensions(host: {
  etrn: boolean;
  users: Record<string, string>;
}): Extension[] {
  return [
    'PIPELINING',
    'SIZE',
    ...(host.etrn ? (['ETRN'] as const) : []),
    ...(Object.keys(host.users).length > 0 ? (['AUTH'] as const) : []),
    'ENHANCEDSTATUSCODES',
    '8BITMIME',
    'DSN',
  ];
}

export interface Host {
  name: string;
  /** Dotted quad, unique among hosts. */
  ip: string;
  role: HostRole;
  /** Final destination for these domains. */
  domains: string[];
  mailboxes: string[];
  /** Clients allowed to relay through this host. */
  relayFrom: Cidr[];
  /** Domains this host queues for as a backup MX. */
  backupFor: string[];
  /** Accepts ETRN. */
  etrn: boolean;
  retry: RetryPolicy;
  /** Greeting text lines (without the code); default `<name> ESMTP Postfix`. */
  banner: string[];
  /** Message size limit in octets; 0: no limit. */
  size: number;
  extensions: Extension[];
  /** Greylisting: unknown (ip, sender, recipient) triplets are deferred for `delay` ms. */
  greylisting?: { delay: number };
  /** AUTH user name to password. */
  users: Record<string, string>;
  ports: number[];
}

export type DnsRecord =
  | { name: string; type: 'MX'; preference: number; value: string }
  | { name: string; type: Exclude<DnsType, 'MX'>; value: string };

/** What an event does; a `ScenarioEvent` adds when. */
export type EventAction =
  | {
      do: 'send';
      host: string;
      /** The submission server; without it the host delivers by MX itself. */
      via?: string;
      /** The port at `via` (default 25; 587 for submission, RFC 6409). */
      port?: number;
      /** AUTH PLAIN credentials for `via` (RFC 4954). */
      auth?: { user: string; password: string };
      /** Sender address; `""` is the null reverse path `<>`. */
      from: string;
      to: string[];
      subject?: string;
      body?: string;
      headers?: Record<string, string>;
      /** Pad the message to this many octets. */
      size?: number;
    }
  | { do: 'down' | 'up'; host: string }
  | { do: 'linkDown' | 'linkUp'; between: [string, string] }
  | { do: 'dns'; action: 'add' | 'remove' | 'replace'; record: DnsRecord }
  | { do: 'dns'; action: 'fail'; name: string; fail: 'servfail' | 'timeout' }
  | { do: 'dns'; action: 'restore'; name: string }
  | { do: 'etrn'; host: string; server: string; argument: string }
  | { do: 'session'; host: string; server: string; port: number; lines: string[] }
  | { do: 'note'; text: string }
  | {
      do: 'fault';
      host: string;
      command: FaultCommand;
      /** The reply to force, or `drop`: close the connection silently (after storing, at `.`). */
      reply: Reply | 'drop';
      /** How many times the fault fires; undefined: every time. */
      times?: number;
    };

export type ScenarioEvent = { at: number } & EventAction;

export type EventKind = EventAction['do'];

export type ExpectCheck =
  | { check: 'delivered'; mailbox: string; subject?: string; subjectContains?: string }
  | { check: 'deliveredBefore'; mailbox: string; before: number }
  | { check: 'queueEmpty'; host: string }
  | { check: 'session'; session: number; codes?: number[]; replyLines?: string[] };

export interface Scenario {
  title: string;
  description?: string;
  seed: number;
  /** Default one-way latency between hosts, ms. */
  latency: number;
  /** End of the run, ms; undefined: when nothing is left to happen (at most 30 days). */
  until?: number;
  hosts: Host[];
  dns: DnsRecord[];
  events: ScenarioEvent[];
  expect: ExpectCheck[];
}

export interface ScenarioError {
  /** Where the problem is, like `hosts[2].ip`; empty for the document as a whole. */
  path: string;
  /** A full sentence that starts with the path: `hosts[2].ip: "10.0.0.300" is not an IPv4 address`. */
  message: string;
  /**
   * The problem without the path, as a structured text for the page to show in its language;
   * absent when a check reported plain English (then `message` is all there is).
   */
  problem?: CoreText;
  /** For JSON syntax errors: 1-based position in the text. */
  line?: number;
  column?: number;
}

export type ValidationResult =
  { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };
