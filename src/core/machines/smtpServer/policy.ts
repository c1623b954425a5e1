// What one SMTP server host allows and offers. The machine reads it from `input`; nothing in it
// changes during a session.

/** EHLO keywords the server can offer; each one is fully implemented when offered. */
export type Extension =
  | 'SIZE'
  | 'PIPELINING'
  | '8BITMIME'
  | 'ENHANCEDSTATUSCODES'
  | 'DSN'
  | 'ETRN'
  | 'STARTTLS'
  | 'AUTH'
  | 'HELP'
  | 'VRFY';

export const KNOWN_EXTENSIONS: readonly Extension[] = [
  'SIZE',
  'PIPELINING',
  '8BITMIME',
  'ENHANCEDSTATUSCODES',
  'DSN',
  'ETRN',
  'STARTTLS',
  'AUTH',
  'HELP',
  'VRFY',
];

export interface ServerPolicy {
  hostname: string;
  /** Greeting text lines after `220`; several lines make a multi-line greeting. */
  banner: string[];
  /** Answer the connection with 554 instead of 220 (RFC 5321 §3.1). */
  refuseConnections: boolean;
  /** Domains this host is the final destination for. */
  localDomains: string[];
  /** Mailboxes that exist (`user@domain`, compared case-insensitively). */
  mailboxes: string[];
  /** CIDR ranges whose clients may relay to any domain. */
  relayFrom: string[];
  /** Domains this host queues for as a backup MX. */
  backupFor: string[];
  /** Fixed message size limit in octets (0: none). Enforced when SIZE is offered or not. */
  sizeLimit: number;
  /** Accepted recipients per transaction; more get 452 (RFC 5321 §4.5.3.1.10). */
  maxRecipients: number;
  extensions: Extension[];
  /** An RFC 821 server that knows only HELO answers EHLO with 500 (clients fall back to HELO). */
  ehlo: boolean;
  /** VRFY: `verify` checks local mailboxes (Postfix answers 252 for a known one); `disabled`: 502. */
  vrfy: 'verify' | 'disabled';
  /** EXPN: `disabled` gives 502 (Postfix has no EXPN and answers 500: see the catalogue). */
  expn: 'enabled' | 'disabled';
  /** Accept ETRN (RFC 1985); only meaningful with the ETRN extension offered. */
  etrn: boolean;
  /** Ask the host about an unknown (ip, sender, recipient) triplet at RCPT (RFC 6647). */
  greylisting: boolean;
  /** AUTH users: name → password. */
  users: Record<string, string>;
  /** Submission (RFC 6409): MAIL needs AUTH first (530). */
  authRequired: boolean;
  /** Offer AUTH only over TLS and refuse it in the clear with 538. */
  authRequiresTls: boolean;
  /** Seconds of silence before `421 timeout` (RFC 5321 §4.5.3.2.7: at least 5 minutes). */
  idleTimeoutMs: number;
  /** After this many 4xx/5xx replies the server says 421 and closes (Postfix: 20). */
  hardErrorLimit: number;
  /** Reply text templates by reply name, replacing the defaults (see replies.ts). */
  texts: Partial<Record<string, string>>;
}

export const POSTFIX_SIZE_LIMIT = 10_240_000;

export function defaultPolicy(
  hostname: string,
  overrides: Partial<ServerPolicy> = {},
): ServerPolicy {
  return {
    hostname,
    banner: [`${hostname} ESMTP Postfix`],
    refuseConnections: false,
    localDomains: [],
    mailboxes: [],
    relayFrom: [],
    backupFor: [],
    sizeLimit: POSTFIX_SIZE_LIMIT,
    maxRecipients: 100,
    extensions: ['SIZE', 'PIPELINING', '8BITMIME', 'ENHANCEDSTATUSCODES', 'DSN', 'HELP'],
    ehlo: true,
    vrfy: 'verify',
    expn: 'disabled',
    etrn: false,
    greylisting: false,
    users: {},
    authRequired: false,
    authRequiresTls: false,
    idleTimeoutMs: 300_000,
    hardErrorLimit: 20,
    texts: {},
    ...overrides,
  };
}

export function offers(policy: ServerPolicy, extension: Extension): boolean {
  return policy.extensions.includes(extension);
}
