// What reply codes, enhanced status codes and commands mean, for the UI and the lessons.
// Meanings follow the RFC wording where it is clear enough for a student, and explain it where not.
// `rfc` always names the section that defines the code, written `RFC nnnn §x.y`.

import type { Verb } from './types';
import { replyClass, type ReplyClass } from './replyFormat';

export interface CodeInfo {
  meaning: string;
  rfc: string;
}

export interface CommandInfo extends CodeInfo {
  syntax: string;
}

/** The four reply classes by first digit (RFC 5321 §4.2.1). */
export const REPLY_CLASSES: Record<ReplyClass, { digit: string; name: string; meaning: string }> = {
  'positive-completion': {
    digit: '2',
    name: 'Positive Completion',
    meaning: 'The requested action was completed; the client may send a new command',
  },
  'positive-intermediate': {
    digit: '3',
    name: 'Positive Intermediate',
    meaning: 'Accepted so far; the server is waiting for more information (such as the message)',
  },
  'transient-negative': {
    digit: '4',
    name: 'Transient Negative Completion',
    meaning: 'Not done, but the problem is temporary: the client should try again later',
  },
  'permanent-negative': {
    digit: '5',
    name: 'Permanent Negative Completion',
    meaning: 'Not done, and repeating the same command will fail again',
  },
};

const S5321 = 'RFC 5321 §4.2.3';

/** Reply codes with their general meaning (RFC 5321 §4.2.3 and the extensions). */
export const REPLY_CODES: Record<number, CodeInfo> = {
  211: { meaning: 'System status, or system help reply', rfc: S5321 },
  214: { meaning: 'Help message, meant for the human reading it', rfc: S5321 },
  220: { meaning: 'Service ready: the server greets the client and is ready', rfc: S5321 },
  221: { meaning: 'Service closing transmission channel: goodbye', rfc: S5321 },
  235: { meaning: 'Authentication succeeded', rfc: 'RFC 4954 §6' },
  250: { meaning: 'Requested mail action okay, completed', rfc: S5321 },
  251: {
    meaning: 'User not local; the server will forward the mail to <forward-path>',
    rfc: S5321,
  },
  252: {
    meaning: 'Cannot verify the user, but will accept the message and attempt delivery',
    rfc: S5321,
  },
  253: { meaning: 'ETRN: OK, <n> pending messages for node <x> started', rfc: 'RFC 1985 §5' },
  334: {
    meaning: 'Authentication challenge: the server waits for the next (base64) response',
    rfc: 'RFC 4954 §4',
  },
  354: {
    meaning: 'Start mail input; end it with a line holding only "." (<CRLF>.<CRLF>)',
    rfc: S5321,
  },
  421: {
    meaning: 'Service not available, closing transmission channel (try again later)',
    rfc: S5321,
  },
  432: { meaning: 'A password transition is needed', rfc: 'RFC 4954 §6' },
  450: {
    meaning:
      'Requested mail action not taken: mailbox unavailable for now (busy, or temporarily blocked by policy)',
    rfc: S5321,
  },
  451: {
    meaning: 'Requested action aborted: local error in processing (temporary)',
    rfc: S5321,
  },
  452: {
    meaning: 'Requested action not taken: insufficient system storage, or too many recipients',
    rfc: S5321,
  },
  454: {
    meaning: 'Temporarily unavailable: TLS or authentication cannot be offered right now',
    rfc: 'RFC 3207 §4',
  },
  455: { meaning: 'Server unable to accommodate the parameters right now', rfc: S5321 },
  458: { meaning: 'ETRN: unable to queue messages for node <x>', rfc: 'RFC 1985 §5' },
  459: { meaning: 'ETRN: node <x> not allowed: <reason>', rfc: 'RFC 1985 §5' },
  500: {
    meaning: 'Syntax error, command unrecognized (this includes a command line too long)',
    rfc: S5321,
  },
  501: { meaning: 'Syntax error in parameters or arguments', rfc: S5321 },
  502: {
    meaning: 'Command not implemented (recognised, but this server does not do it)',
    rfc: S5321,
  },
  503: {
    meaning: 'Bad sequence of commands: not allowed at this point of the session',
    rfc: S5321,
  },
  504: { meaning: 'Command parameter not implemented', rfc: S5321 },
  521: { meaning: 'This host does not accept mail at all', rfc: 'RFC 7504 §2' },
  530: {
    meaning: 'Authentication required before this command (some servers: STARTTLS first)',
    rfc: 'RFC 4954 §6',
  },
  534: { meaning: 'Authentication mechanism is too weak', rfc: 'RFC 4954 §6' },
  535: { meaning: 'Authentication credentials invalid', rfc: 'RFC 4954 §6' },
  538: {
    meaning: 'Encryption required for the requested authentication mechanism',
    rfc: 'RFC 4954 §6',
  },
  550: {
    meaning:
      'Requested action not taken: mailbox unavailable (not found, no access, or refused by policy)',
    rfc: S5321,
  },
  551: { meaning: 'User not local; please try <forward-path>', rfc: S5321 },
  552: {
    meaning: 'Requested mail action aborted: exceeded storage allocation (often: message too big)',
    rfc: S5321,
  },
  553: {
    meaning: 'Requested action not taken: mailbox name not allowed (e.g. bad address syntax)',
    rfc: S5321,
  },
  554: {
    meaning: 'Transaction failed (as the greeting: no SMTP service here)',
    rfc: S5321,
  },
  555: { meaning: 'MAIL FROM/RCPT TO parameters not recognized or not implemented', rfc: S5321 },
  556: {
    meaning: 'The domain does not accept mail (e.g. it publishes a null MX)',
    rfc: 'RFC 7504 §3',
  },
};

/** ETRN replies (RFC 1985 §5); 250–252 mean something else than in REPLY_CODES. */
export const ETRN_CODES: Record<number, CodeInfo> = {
  250: { meaning: 'OK, queuing for node <x> started', rfc: 'RFC 1985 §5' },
  251: { meaning: 'OK, no messages waiting for node <x>', rfc: 'RFC 1985 §5' },
  252: { meaning: 'OK, pending messages for node <x> started', rfc: 'RFC 1985 §5' },
  253: { meaning: 'OK, <n> pending messages for node <x> started', rfc: 'RFC 1985 §5' },
  458: { meaning: 'Unable to queue messages for node <x>', rfc: 'RFC 1985 §5' },
  459: { meaning: 'Node <x> not allowed: <reason>', rfc: 'RFC 1985 §5' },
  500: { meaning: 'Syntax error', rfc: 'RFC 1985 §5' },
  501: { meaning: 'Syntax error in parameters', rfc: 'RFC 1985 §5' },
};

/** Replies to AUTH (RFC 4954). */
export const AUTH_CODES: Record<number, CodeInfo> = {
  235: { meaning: 'Authentication succeeded', rfc: 'RFC 4954 §6' },
  334: {
    meaning: 'Challenge: send the next response of the SASL exchange (base64), or * to cancel',
    rfc: 'RFC 4954 §4',
  },
  432: { meaning: 'A password transition is needed', rfc: 'RFC 4954 §6' },
  454: { meaning: 'Temporary authentication failure', rfc: 'RFC 4954 §6' },
  500: {
    meaning:
      'Authentication exchange line is too long (from a server without AUTH: command unrecognised)',
    rfc: 'RFC 4954 §6',
  },
  501: {
    meaning: 'Bad AUTH arguments or base64, or the client cancelled the exchange with *',
    rfc: 'RFC 4954 §4',
  },
  503: {
    meaning: 'AUTH not allowed now: already authenticated, or inside a mail transaction',
    rfc: 'RFC 4954 §4',
  },
  504: { meaning: 'Unrecognized authentication mechanism', rfc: 'RFC 4954 §4' },
  530: { meaning: 'Authentication required', rfc: 'RFC 4954 §6' },
  534: { meaning: 'Authentication mechanism is too weak', rfc: 'RFC 4954 §6' },
  535: { meaning: 'Authentication credentials invalid', rfc: 'RFC 4954 §6' },
  538: {
    meaning: 'Encryption required for the requested authentication mechanism',
    rfc: 'RFC 4954 §6',
  },
};

/** Replies to STARTTLS (RFC 3207 §4). */
export const STARTTLS_CODES: Record<number, CodeInfo> = {
  220: { meaning: 'Ready to start TLS: the TLS handshake begins now', rfc: 'RFC 3207 §4' },
  454: { meaning: 'TLS not available due to a temporary reason', rfc: 'RFC 3207 §4' },
  501: { meaning: 'Syntax error: STARTTLS takes no parameters', rfc: 'RFC 3207 §4' },
};

/** Replies to MAIL with a SIZE parameter (RFC 1870). */
export const SIZE_CODES: Record<number, CodeInfo> = {
  452: {
    meaning: 'Insufficient system storage for a message of the declared size right now',
    rfc: 'RFC 1870 §6.1',
  },
  552: {
    meaning: 'The declared message size exceeds the fixed maximum message size',
    rfc: 'RFC 1870 §6.1',
  },
};

/** Verb-specific meanings that override REPLY_CODES in explainReply. */
const CONTEXT_CODES: Partial<Record<Verb, Record<number, CodeInfo>>> = {
  ETRN: ETRN_CODES,
  AUTH: AUTH_CODES,
  STARTTLS: STARTTLS_CODES,
  MAIL: SIZE_CODES,
};

const R3463 = (section: string): string => `RFC 3463 §${section}`;

/** Enhanced status codes `class.subject.detail` (RFC 3463 and the RFCs that added codes). */
export const ENHANCED_CODES: Record<string, CodeInfo> = {
  '2.0.0': { meaning: 'Success (no more detail)', rfc: R3463('3.1') },
  '2.1.0': { meaning: 'Address status OK (the sender was accepted)', rfc: R3463('3.2') },
  '2.1.5': { meaning: 'Destination address valid', rfc: R3463('3.2') },
  '2.6.0': { meaning: 'Message content or media OK', rfc: R3463('3.7') },
  '2.7.0': { meaning: 'Security status OK: authentication succeeded', rfc: 'RFC 4954 §6' },
  '4.2.2': { meaning: 'Mailbox full (temporarily)', rfc: R3463('3.3') },
  '4.3.0': { meaning: 'Other or undefined mail system status (temporary)', rfc: R3463('3.4') },
  '4.3.1': { meaning: 'Mail system full: insufficient storage', rfc: R3463('3.4') },
  '4.4.0': { meaning: 'Other or undefined network or routing status', rfc: R3463('3.5') },
  '4.4.1': { meaning: 'No answer from host', rfc: R3463('3.5') },
  '4.4.2': { meaning: 'Bad connection (it dropped or timed out)', rfc: R3463('3.5') },
  '4.4.3': { meaning: 'Directory server failure: the DNS lookup failed', rfc: R3463('3.5') },
  '4.4.7': { meaning: 'Delivery time expired (still being retried)', rfc: R3463('3.5') },
  '4.5.0': { meaning: 'Other or undefined protocol status (temporary)', rfc: R3463('3.6') },
  '4.5.3': { meaning: 'Too many recipients', rfc: R3463('3.6') },
  '4.7.0': {
    meaning: 'Other or undefined security status (AUTH: temporary authentication failure)',
    rfc: R3463('3.8'),
  },
  '4.7.1': {
    meaning: 'Delivery not authorized for now (greylisting, deferred relaying)',
    rfc: R3463('3.8'),
  },
  '4.7.12': { meaning: 'A password transition is needed', rfc: 'RFC 4954 §6' },
  '5.1.1': { meaning: 'Bad destination mailbox address: no such user', rfc: R3463('3.2') },
  '5.1.2': {
    meaning: 'Bad destination system address: the domain cannot receive mail',
    rfc: R3463('3.2'),
  },
  '5.1.3': { meaning: 'Bad destination mailbox address syntax', rfc: R3463('3.2') },
  '5.1.7': { meaning: "Bad sender's mailbox address syntax", rfc: R3463('3.2') },
  '5.1.10': { meaning: 'Recipient address has null MX', rfc: 'RFC 7505 §4.1' },
  '5.2.1': { meaning: 'Mailbox disabled, not accepting messages', rfc: R3463('3.3') },
  '5.2.2': { meaning: 'Mailbox full', rfc: R3463('3.3') },
  '5.3.0': { meaning: 'Other or undefined mail system status', rfc: R3463('3.4') },
  '5.3.4': { meaning: 'Message too big for system', rfc: R3463('3.4') },
  '5.4.4': { meaning: 'Unable to route: no mail server found for the domain', rfc: R3463('3.5') },
  '5.4.6': { meaning: 'Routing loop detected', rfc: R3463('3.5') },
  '5.4.7': { meaning: 'Delivery time expired: the message was given up', rfc: R3463('3.5') },
  '5.5.0': { meaning: 'Other or undefined protocol status', rfc: R3463('3.6') },
  '5.5.1': { meaning: 'Invalid command (or not allowed at this point)', rfc: R3463('3.6') },
  '5.5.2': { meaning: 'Syntax error: command not recognised', rfc: R3463('3.6') },
  '5.5.4': { meaning: 'Invalid command arguments', rfc: R3463('3.6') },
  '5.5.6': { meaning: 'Authentication exchange line is too long', rfc: 'RFC 4954 §6' },
  '5.6.0': { meaning: 'Other or undefined media error', rfc: R3463('3.7') },
  '5.7.0': {
    meaning: 'Other or undefined security status (AUTH: authentication required)',
    rfc: R3463('3.8'),
  },
  '5.7.1': {
    meaning: 'Delivery not authorized, message refused (policy, e.g. relaying denied)',
    rfc: R3463('3.8'),
  },
  '5.7.8': { meaning: 'Authentication credentials invalid', rfc: 'RFC 4954 §6' },
  '5.7.9': { meaning: 'Authentication mechanism is too weak', rfc: 'RFC 4954 §6' },
  '5.7.11': {
    meaning: 'Encryption required for the requested authentication mechanism',
    rfc: 'RFC 4954 §6',
  },
  '5.7.27': { meaning: 'Sender address has null MX', rfc: 'RFC 7505 §4.3' },
};

/** Subjects, the middle number of an enhanced code (RFC 3463 §2). */
const ENHANCED_SUBJECTS: Record<string, string> = {
  '0': 'Other or undefined status',
  '1': 'Addressing status',
  '2': 'Mailbox status',
  '3': 'Mail system status',
  '4': 'Network and routing status',
  '5': 'Mail delivery protocol status',
  '6': 'Message content or media status',
  '7': 'Security or policy status',
};

const ENHANCED_CLASSES: Record<string, string> = {
  '2': 'Success',
  '4': 'Persistent transient failure',
  '5': 'Permanent failure',
};

const S5321_CMD = (n: number): string => `RFC 5321 §4.1.1.${n}`;

/** The commands, what they do and their syntax. */
export const COMMANDS: Record<Verb, CommandInfo> = {
  HELO: {
    meaning: 'Says hello and names the client by its domain; opens a plain SMTP session',
    rfc: S5321_CMD(1),
    syntax: 'HELO SP domain',
  },
  EHLO: {
    meaning:
      'Says hello, names the client and asks for Extended SMTP: the server lists its extensions',
    rfc: S5321_CMD(1),
    syntax: 'EHLO SP ( domain / address-literal )',
  },
  MAIL: {
    meaning: 'Starts a mail transaction and names the sender (the reverse-path, where bounces go)',
    rfc: S5321_CMD(2),
    syntax: 'MAIL FROM:<reverse-path> [SP mail-parameters]',
  },
  RCPT: {
    meaning: 'Names one recipient (the forward-path); repeated once per recipient',
    rfc: S5321_CMD(3),
    syntax: 'RCPT TO:<forward-path> [SP rcpt-parameters]',
  },
  DATA: {
    meaning:
      'Asks to send the message itself; after 354 the client sends it and ends with a line "."',
    rfc: S5321_CMD(4),
    syntax: 'DATA',
  },
  RSET: {
    meaning: 'Aborts the current mail transaction; the session stays open',
    rfc: S5321_CMD(5),
    syntax: 'RSET',
  },
  VRFY: {
    meaning: 'Asks whether a user or mailbox exists',
    rfc: S5321_CMD(6),
    syntax: 'VRFY SP string',
  },
  EXPN: {
    meaning: 'Asks the server to expand a mailing list into its members',
    rfc: S5321_CMD(7),
    syntax: 'EXPN SP string',
  },
  HELP: {
    meaning: 'Asks for help, in general or about one command',
    rfc: S5321_CMD(8),
    syntax: 'HELP [SP string]',
  },
  NOOP: {
    meaning: 'Does nothing but get a 250 reply: checks that the server is still there',
    rfc: S5321_CMD(9),
    syntax: 'NOOP [SP string]',
  },
  QUIT: {
    meaning: 'Ends the session: the server replies 221 and closes the connection',
    rfc: S5321_CMD(10),
    syntax: 'QUIT',
  },
  ETRN: {
    meaning:
      'Asks the server to start delivering the mail queued for a host or domain, over a new connection',
    rfc: 'RFC 1985 §5',
    syntax: 'ETRN SP ( node / @domain / #queue )',
  },
  STARTTLS: {
    meaning:
      'Switches the connection to TLS encryption; then the session starts over with a new EHLO',
    rfc: 'RFC 3207 §4',
    syntax: 'STARTTLS',
  },
  AUTH: {
    meaning: 'Authenticates the client with a SASL mechanism (such as PLAIN) before it sends mail',
    rfc: 'RFC 4954 §4',
    syntax: 'AUTH SP mechanism [SP initial-response]',
  },
};

export interface ReplyExplanation {
  code: string;
  class: string;
  meaning: string;
  rfc: string;
  enhanced?: CodeInfo;
}

/**
 * Explains a reply code, and its enhanced code when given. In the context of a verb with its own
 * meanings (ETRN, AUTH, STARTTLS, MAIL with SIZE) those take precedence. An unknown code gets the
 * meaning of its class; a number that is no reply code at all says so. Never throws.
 */
export function explainReply(
  code: number,
  enhanced?: string,
  context?: { verb?: Verb },
): ReplyExplanation {
  const result: ReplyExplanation = { code: String(code), ...explainCode(code, context?.verb) };
  if (enhanced !== undefined) result.enhanced = explainEnhanced(enhanced);
  return result;
}

function explainCode(code: number, verb: Verb | undefined): Omit<ReplyExplanation, 'code'> {
  if (!Number.isInteger(code) || code < 200 || code > 599) {
    return {
      class: 'Not a reply code',
      meaning: 'Not an SMTP reply code: it must be three digits, the first one 2, 3, 4 or 5',
      rfc: 'RFC 5321 §4.2',
    };
  }
  const cls = REPLY_CLASSES[replyClass(code)];
  const known = (verb && CONTEXT_CODES[verb]?.[code]) ?? REPLY_CODES[code];
  return known
    ? { class: cls.name, ...known }
    : { class: cls.name, meaning: cls.meaning, rfc: 'RFC 5321 §4.2.1' };
}

function explainEnhanced(enhanced: string): CodeInfo {
  const known = ENHANCED_CODES[enhanced];
  if (known) return known;
  const m = /^([245])\.(\d{1,3})\.(\d{1,3})$/.exec(enhanced);
  if (m === null) {
    return {
      meaning: 'Not an enhanced status code: it must be class.subject.detail, class 2, 4 or 5',
      rfc: 'RFC 3463 §2',
    };
  }
  const [, cls = '', subject = '', detail = ''] = m;
  // Subject and detail mean the same in both failure classes (RFC 3463 §3): 4.2.2 and 5.2.2 are
  // both "mailbox full". Success codes say something else and are not borrowed.
  const otherFailure = cls === '4' ? '5' : cls === '5' ? '4' : undefined;
  const sameDetail = otherFailure && ENHANCED_CODES[`${otherFailure}.${subject}.${detail}`];
  if (sameDetail) return sameDetail;
  const subjectName = ENHANCED_SUBJECTS[subject] ?? 'Unassigned subject';
  return { meaning: `${ENHANCED_CLASSES[cls] ?? ''}: ${subjectName}`, rfc: 'RFC 3463 §2' };
}

export function explainCommand(verb: Verb): CommandInfo & { verb: Verb } {
  return { verb, ...COMMANDS[verb] };
}
