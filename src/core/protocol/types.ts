// The shapes shared by the protocol layer: parsed commands, their syntax errors, and replies.
// Text on the wire is handled as JS strings; the TCP bridge decodes bytes as latin1 so that one
// character is one octet and every 8-bit byte survives a round trip unchanged.
import type { CoreText } from '../text/message';

export type Verb =
  | 'HELO'
  | 'EHLO'
  | 'MAIL'
  | 'RCPT'
  | 'DATA'
  | 'RSET'
  | 'VRFY'
  | 'EXPN'
  | 'HELP'
  | 'NOOP'
  | 'QUIT'
  | 'ETRN'
  | 'STARTTLS'
  | 'AUTH';

/** A mailbox `local-part@domain` (RFC 5321 §4.1.2). */
export interface Mailbox {
  /** As written, quotes included when the local part was a quoted string. */
  localPart: string;
  /** A domain name, or an address literal with its brackets (`[192.0.2.1]`, `[IPv6:…]`). */
  domain: string;
  /** `localPart@domain`, the canonical text used for routing and display. */
  address: string;
}

/** MAIL FROM: the null reverse path `<>` or a mailbox. Source routes are accepted and ignored. */
export type ReversePath =
  { kind: 'null' } | { kind: 'mailbox'; mailbox: Mailbox; sourceRoute: string[] };

/** RCPT TO: `<Postmaster>` (no domain, §4.5.1) or a mailbox. */
export type ForwardPath =
  { kind: 'postmaster' } | { kind: 'mailbox'; mailbox: Mailbox; sourceRoute: string[] };

/** An ESMTP parameter the parser does not interpret (`KEYWORD` or `KEYWORD=value`). */
export interface OtherParam {
  keyword: string;
  value?: string;
}

export interface MailParams {
  /** RFC 1870 SIZE=n. */
  size?: number;
  /** RFC 6152 BODY=7BIT | 8BITMIME. */
  body?: '7BIT' | '8BITMIME';
  /** RFC 3461 RET=FULL | HDRS. */
  ret?: 'FULL' | 'HDRS';
  /** RFC 3461 ENVID=xtext (decoded). */
  envid?: string;
  /** RFC 4954 AUTH=mailbox or <> (decoded xtext). */
  auth?: string;
  /** Any other keyword; a server answers 555 for these. */
  other: OtherParam[];
}

export type NotifyKeyword = 'NEVER' | 'SUCCESS' | 'FAILURE' | 'DELAY';

export interface RcptParams {
  /** RFC 3461 NOTIFY=NEVER or a comma list of SUCCESS, FAILURE, DELAY. */
  notify?: NotifyKeyword[];
  /** RFC 3461 ORCPT=addr-type;xtext (decoded). */
  orcpt?: { type: string; address: string };
  other: OtherParam[];
}

export type Command =
  | { verb: 'HELO'; domain: string }
  | { verb: 'EHLO'; domain: string }
  | { verb: 'MAIL'; path: ReversePath; params: MailParams }
  | { verb: 'RCPT'; path: ForwardPath; params: RcptParams }
  | { verb: 'DATA' }
  | { verb: 'RSET' }
  | { verb: 'QUIT' }
  | { verb: 'STARTTLS' }
  | { verb: 'NOOP'; argument?: string }
  | { verb: 'HELP'; argument?: string }
  | { verb: 'VRFY'; argument: string }
  | { verb: 'EXPN'; argument: string }
  /** RFC 1985: `ETRN node`, `ETRN @domain` (domain and subdomains), `ETRN #queue`. */
  | { verb: 'ETRN'; kind: 'node' | 'domain' | 'queue'; argument: string }
  /** RFC 4954: `AUTH mechanism [initial-response]`; mechanism upper-cased. */
  | { verb: 'AUTH'; mechanism: string; initialResponse?: string };

/**
 * Why a line is not a valid command. The server turns each kind into a reply:
 * - `unrecognized`: not a verb we know → 500
 * - `lineTooLong`: longer than 512 octets with CRLF (§4.5.3.1.4) → 500
 * - `syntax`: wrong shape for the verb (missing `FROM:`, arguments where none are allowed) → 501
 * - `badAddress`: the path is not RFC 5321 §4.1.2 syntax → 501 (5.1.7 sender / 5.1.3 recipient)
 * - `addressTooLong`: local part > 64, domain > 255 or path > 256 (§4.5.3.1) → 501
 * - `badParameter`: a known ESMTP parameter with a malformed value (SIZE=abc, BODY=9BIT) → 501
 */
export type SyntaxErrorKind =
  'unrecognized' | 'lineTooLong' | 'syntax' | 'badAddress' | 'addressTooLong' | 'badParameter';

export interface CommandSyntaxError {
  kind: SyntaxErrorKind;
  /** The verb when it was recognised. */
  verb?: Verb;
  /** For `badParameter`: the keyword at fault. */
  parameter?: string;
  /** What is wrong, for a student: "MAIL needs FROM:<address>", "local part longer than 64 octets". */
  detail: string;
  /** `detail` as a structured text, for the page to show in its language. */
  reason?: CoreText;
}

export type ParseResult = { ok: true; command: Command } | { ok: false; error: CommandSyntaxError };

/** A reply before formatting: one code, an optional enhanced status code, one or more text lines. */
export interface Reply {
  code: number;
  /** RFC 3463 `class.subject.detail`, e.g. `2.1.0`; sent only when ENHANCEDSTATUSCODES is in use. */
  enhanced?: string;
  /** Text lines without the code; at least one (may be the empty string). */
  lines: string[];
}
