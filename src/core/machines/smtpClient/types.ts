// The client machine's input, context, events and results.
import type { Reply } from '../../protocol/types';

/** One message to send in this connection: a mail transaction (RFC 5321 §3.3). */
export interface OutgoingTransaction {
  /** The reverse path; '' for the null sender `<>` of bounces. */
  from: string;
  recipients: string[];
  /** The message text with CRLF line ends (headers, blank line, body). */
  text: string;
  /** RFC 3461 requests, sent only when the server offers DSN. */
  dsn?: { ret?: 'FULL' | 'HDRS'; envid?: string; notify?: string[] };
}

export interface ClientOptions {
  /** The name this client gives in EHLO/HELO. */
  hostname: string;
  /** STARTTLS (RFC 3207): never, when offered, or refuse to go on without it. */
  starttls: 'never' | 'opportunistic' | 'required';
  /** AUTH PLAIN with these credentials when the server offers AUTH (RFC 4954). */
  auth?: { user: string; password: string };
  /** Use PIPELINING (RFC 2920) when the server offers it. */
  pipelining: boolean;
  /** RFC 5321 §4.5.3.2 client timeouts in ms. */
  timeouts: ClientTimeouts;
}

export interface ClientTimeouts {
  greeting: number;
  command: number;
  dataInit: number;
  dataDone: number;
}

/** RFC 5321 §4.5.3.2 minimums (Postfix uses the same values). */
export const RFC_TIMEOUTS: ClientTimeouts = {
  greeting: 300_000,
  command: 300_000,
  dataInit: 120_000,
  dataDone: 600_000,
};

export interface ClientInput {
  options: ClientOptions;
  transactions: OutgoingTransaction[];
}

/** Where an attempt stopped; before `mail` the whole session failed and the next MX may help. */
export type Stage = 'greeting' | 'hello' | 'tls' | 'auth' | 'mail' | 'rcpt' | 'data' | 'text';

export interface RecipientOutcome {
  status: 'delivered' | 'deferred' | 'failed';
  stage: Stage;
  /** The reply that decided it, when there was one. */
  reply?: Reply;
  /** Why, when no reply decided it: a timeout or a lost connection. */
  reason?: string;
  /** The connection went away after the final dot was written and before the reply (RFC 1047). */
  afterDot?: boolean;
}

export type PendingCommand =
  | { kind: 'mail' }
  | { kind: 'rcpt'; index: number }
  | { kind: 'data' }
  | { kind: 'dot'; empty: boolean };

export interface ClientContext {
  options: ClientOptions;
  transactions: OutgoingTransaction[];
  /** Index of the transaction in progress. */
  current: number;
  /** outcomes[t][r]: what became of recipient r of transaction t (undefined: not decided). */
  outcomes: Array<Array<RecipientOutcome | undefined>>;
  /** EHLO keywords offered, upper-case, with their parameters. */
  extensions: Record<string, string>;
  esmtp: boolean;
  tls: boolean;
  tlsRefused: boolean;
  authenticated: boolean;
  /** Commands sent and waiting for their replies, oldest first (several with PIPELINING). */
  pending: PendingCommand[];
  /** Indexes of recipients accepted in the current transaction. */
  accepted: number[];
  mailAccepted: boolean;
  /** The current transaction ended before the final dot: RSET before the next MAIL. */
  needsReset: boolean;
}

export type ClientEvent =
  | { type: 'REPLY'; reply: Reply }
  | { type: 'BAD_REPLY'; error: string }
  | { type: 'LOST'; reason: string };

export type ClientEmitted =
  | { type: 'send'; lines: string[] }
  /** A transaction's recipients are all decided (its dot was answered, or it ended before). */
  | { type: 'decided'; transaction: number; outcomes: Array<RecipientOutcome | undefined> }
  | { type: 'tlsStarted' }
  | { type: 'close' };
