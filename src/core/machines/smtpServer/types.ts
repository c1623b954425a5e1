// The server machine's context, events, emitted events, and the hooks its host provides.
import type {
  Command,
  CommandSyntaxError,
  ForwardPath,
  MailParams,
  RcptParams,
  Reply,
  ReversePath,
  Verb,
} from '../../protocol/types';
import type { ServerPolicy } from './policy';

/** How an accepted recipient will be handled by the host. */
export type RecipientRoute = 'local' | 'relay' | 'backup';

export interface AcceptedRecipient {
  path: ForwardPath;
  /** Canonical address (`<Postmaster>` becomes `postmaster@<first local domain or hostname>`). */
  address: string;
  params: RcptParams;
  route: RecipientRoute;
}

/** RFC 3848 `with` keywords for the Received header. */
export type ReceivedProtocol = 'SMTP' | 'ESMTP' | 'ESMTPS' | 'ESMTPA' | 'ESMTPSA';

/** What the server hands to its host after the final dot, before it answers 250. */
export interface AcceptedMessage {
  helo: string;
  clientIp: string;
  protocol: ReceivedProtocol;
  authUser?: string;
  reversePath: ReversePath;
  mailParams: MailParams;
  recipients: AcceptedRecipient[];
  /** The message text, dot-stuffing undone, lines joined with CRLF, final CRLF included. */
  text: string;
  octets: number;
}

export type StoreResult = { ok: true; queueId: string } | { ok: false; reply: Reply };

export interface EtrnRequest {
  kind: 'node' | 'domain' | 'queue';
  argument: string;
}

/** RFC 1985 §5 outcome; `count` goes with 253, `reason` with 459. */
export interface EtrnOutcome {
  code: 250 | 251 | 252 | 253 | 458 | 459;
  count?: number;
  reason?: string;
}

export interface ServerHooks {
  /** Store the message (queue or mailbox). Called before the 250 is sent. */
  store(message: AcceptedMessage): StoreResult;
  /** Start a queue run for a node (RFC 1985). Absent: 458. */
  etrn?(request: EtrnRequest): EtrnOutcome;
  /** Greylisting (RFC 6647): 'defer' for a triplet seen too recently or never. Absent: pass. */
  greylist?(triplet: { ip: string; sender: string; recipient: string }): 'pass' | 'defer';
  /**
   * Failure injection: a reply to force instead of the normal one for a command verb, `CONNECT`
   * (the greeting) or `.` (the end of the message text). A forced reply changes no state, except
   * that 421 closes the connection and a refused `.` drops the message.
   */
  fault?(command: Verb | 'CONNECT' | '.'): Reply | undefined;
}

export interface ServerInput {
  policy: ServerPolicy;
  hooks: ServerHooks;
  clientIp: string;
}

export interface Transaction {
  reversePath: ReversePath;
  params: MailParams;
  recipients: AcceptedRecipient[];
  /** RCPT commands refused in this transaction (to tell 503 from 554 at DATA). */
  refusedRecipients: number;
}

export interface ServerContext {
  policy: ServerPolicy;
  hooks: ServerHooks;
  clientIp: string;
  hello?: { verb: 'HELO' | 'EHLO'; domain: string };
  tls: boolean;
  authUser?: string;
  /** The user name given to AUTH LOGIN, waiting for the password. */
  pendingLoginUser?: string;
  transaction?: Transaction;
  errorCount: number;
  messagesAccepted: number;
  /** The reply forced on the greeting (asked once: a fault is used up when it fires). */
  greetingFault?: Reply;
}

type CommandEvents = { [V in Verb]: { type: V; command: Extract<Command, { verb: V }> } }[Verb];

/** The message text as the data reader assembled it after the final dot. */
export interface EndOfData {
  type: 'END_OF_DATA';
  text: string;
  octets: number;
  /** More octets than the size limit: not stored. */
  tooBig: boolean;
  /** A line longer than the reader keeps. */
  overlong: boolean;
}

export type ServerEvent =
  | CommandEvents
  | { type: 'SYNTAX_ERROR'; error: CommandSyntaxError }
  | { type: 'FAULT'; reply: Reply }
  | EndOfData
  | { type: 'AUTH_RESPONSE'; text: string }
  | { type: 'CLOSED' }
  /** RFC 5321 §4.5.3.2.7: no input for the idle timeout (the session glue keeps the timer). */
  | { type: 'IDLE_TIMEOUT' }
  | { type: 'TOO_MANY_ERRORS' };

export type ServerEmitted =
  | { type: 'reply'; reply: Reply; lines: string[] }
  | { type: 'close' }
  | { type: 'tlsStarted' }
  | { type: 'accepted'; queueId: string; message: AcceptedMessage };
