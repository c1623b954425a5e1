// Every reply the server machine can send, by name. Texts follow the sample session of the seed
// document (`250 Ok`, `221 Bye`, …) and Postfix elsewhere; a host may override any template
// through `policy.texts`. `{name}` in a template is filled from the variables given.
import type { Reply } from '../../protocol/types';

export interface ReplyTemplate {
  code: number;
  /** RFC 3463 code, sent only after EHLO when ENHANCEDSTATUSCODES is offered (RFC 2034). */
  enhanced?: string;
  text: string;
}

export const REPLIES = {
  // Connection and greeting (RFC 5321 §3.1, §4.2); the 220 greeting text is policy.banner
  refused: { code: 554, enhanced: '5.3.2', text: '{hostname} ESMTP not accepting connections' },
  refusedSequence: {
    code: 503,
    enhanced: '5.5.1',
    text: 'Error: this server is not accepting mail',
  },
  bye: { code: 221, enhanced: '2.0.0', text: 'Bye' },
  timeout: { code: 421, enhanced: '4.4.2', text: '{hostname} Error: timeout exceeded' },
  tooManyErrors: { code: 421, enhanced: '4.7.0', text: '{hostname} Error: too many errors' },

  // HELO / EHLO (§4.1.1.1)
  helo: { code: 250, text: 'Hello {domain}' },
  ehlo: { code: 250, text: '{hostname} Hello {domain} [{ip}]' },

  // Generic
  ok: { code: 250, enhanced: '2.0.0', text: 'Ok' },
  unrecognized: { code: 500, enhanced: '5.5.2', text: 'Error: command not recognized' },
  lineTooLong: { code: 500, enhanced: '5.5.2', text: 'Error: command line too long' },
  notImplemented: { code: 502, enhanced: '5.5.1', text: 'Error: command not implemented' },
  syntax: { code: 501, enhanced: '5.5.4', text: 'Syntax: {usage}' },
  badParameter: { code: 501, enhanced: '5.5.4', text: 'Bad {parameter} parameter syntax' },
  unsupportedOption: { code: 555, enhanced: '5.5.4', text: 'Unsupported option: {option}' },
  needHelo: { code: 503, enhanced: '5.5.1', text: 'Error: send HELO/EHLO first' },
  transactionInProgress: {
    code: 503,
    enhanced: '5.5.1',
    text: 'Error: MAIL transaction in progress',
  },

  // MAIL (§4.1.1.2)
  mailOk: { code: 250, enhanced: '2.1.0', text: 'Ok' },
  nestedMail: { code: 503, enhanced: '5.5.1', text: 'Error: nested MAIL command' },
  badSender: { code: 501, enhanced: '5.1.7', text: 'Bad sender address syntax' },
  addressTooLong: { code: 501, enhanced: '5.5.4', text: 'Path too long' },
  sizeExceeded: { code: 552, enhanced: '5.3.4', text: 'Message size exceeds fixed limit' },
  authRequired: { code: 530, enhanced: '5.7.0', text: 'Authentication required' },

  // RCPT (§4.1.1.3)
  rcptOk: { code: 250, enhanced: '2.1.5', text: 'Ok' },
  needMail: { code: 503, enhanced: '5.5.1', text: 'Error: need MAIL command' },
  badRecipient: { code: 501, enhanced: '5.1.3', text: 'Bad recipient address syntax' },
  unknownUser: {
    code: 550,
    enhanced: '5.1.1',
    text: '<{address}>: Recipient address rejected: User unknown in local recipient table',
  },
  relayDenied: { code: 550, enhanced: '5.7.1', text: '<{address}>: Relay access denied' },
  tooManyRecipients: { code: 452, enhanced: '4.5.3', text: 'Error: too many recipients' },
  greylisted: {
    code: 450,
    enhanced: '4.7.1',
    text: '<{address}>: Recipient address rejected: Greylisted, try again later',
  },

  // DATA (§4.1.1.4)
  needRcpt: { code: 503, enhanced: '5.5.1', text: 'Error: need RCPT command' },
  noValidRecipients: { code: 554, enhanced: '5.5.1', text: 'Error: no valid recipients' },
  startData: { code: 354, text: 'End data with <CR><LF>.<CR><LF>' },
  queued: { code: 250, enhanced: '2.0.0', text: 'Ok: queued as {id}' },
  textLineTooLong: { code: 500, enhanced: '5.5.2', text: 'Error: line too long in message text' },

  // VRFY / EXPN / HELP (§4.1.1.6–8)
  vrfyAmbiguous: { code: 252, enhanced: '2.0.0', text: '{argument}' },
  vrfyUnknown: {
    code: 550,
    enhanced: '5.1.1',
    text: '<{argument}>: Recipient address rejected: User unknown in local recipient table',
  },
  vrfyDisabled: { code: 502, enhanced: '5.5.1', text: 'VRFY command is disabled' },
  expnMailbox: { code: 250, enhanced: '2.1.5', text: '<{argument}>' },
  expnUnknown: { code: 550, enhanced: '5.1.1', text: '<{argument}>: no such list or user' },
  expnDisabled: { code: 502, enhanced: '5.5.1', text: 'EXPN command is disabled' },
  help: { code: 214, enhanced: '2.0.0', text: 'Commands: {commands}' },
  helpTopic: { code: 214, enhanced: '2.0.0', text: '{syntax}' },
  helpUnknownTopic: { code: 504, enhanced: '5.5.4', text: 'HELP topic unknown: {topic}' },

  // ETRN (RFC 1985 §5; RFC 1985 has no enhanced codes, Postfix sends none either)
  etrnStarted: { code: 250, text: 'OK, queuing for node {node} started' },
  etrnNothing: { code: 251, text: 'OK, no messages waiting for node {node}' },
  etrnPending: { code: 252, text: 'OK, pending messages for node {node} started' },
  etrnCount: { code: 253, text: 'OK, {count} pending messages for node {node} started' },
  etrnUnable: { code: 458, text: 'Unable to queue messages for node {node}' },
  etrnNotAllowed: { code: 459, text: 'Node {node} not allowed: {reason}' },
  etrnSyntax: { code: 500, text: 'Syntax Error: ETRN needs one domain' },
  etrnBadParameter: { code: 501, text: 'Syntax Error in Parameters' },

  // STARTTLS (RFC 3207 §4)
  tlsReady: { code: 220, enhanced: '2.0.0', text: 'Ready to start TLS' },
  tlsActive: { code: 554, enhanced: '5.5.1', text: 'Error: TLS already active' },

  // AUTH (RFC 4954)
  authChallenge: { code: 334, text: '{challenge}' },
  authOk: { code: 235, enhanced: '2.7.0', text: 'Authentication successful' },
  authFailed: { code: 535, enhanced: '5.7.8', text: 'Error: authentication failed' },
  authAborted: { code: 501, enhanced: '5.7.0', text: 'Authentication aborted' },
  authBadBase64: { code: 501, enhanced: '5.5.2', text: 'Cannot decode response' },
  authUnknownMechanism: {
    code: 504,
    enhanced: '5.5.4',
    text: 'Unrecognized authentication type',
  },
  authAlready: { code: 503, enhanced: '5.5.1', text: 'Error: already authenticated' },
  authNeedsTls: {
    code: 538,
    enhanced: '5.7.11',
    text: 'Encryption required for requested authentication mechanism',
  },
} as const satisfies Record<string, ReplyTemplate>;

export type ReplyName = keyof typeof REPLIES;

export type ReplyVars = Record<string, string | number>;

export function fillTemplate(template: string, vars: ReplyVars): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in vars ? String(vars[key]) : whole,
  );
}

/** The reply `name` with the host's override, if any, and the variables filled in. */
export function buildReply(
  name: ReplyName,
  vars: ReplyVars,
  overrides: Partial<Record<string, string>>,
): Reply {
  const template: ReplyTemplate = REPLIES[name];
  const text = fillTemplate(overrides[name] ?? template.text, vars);
  return template.enhanced === undefined
    ? { code: template.code, lines: [text] }
    : { code: template.code, enhanced: template.enhanced, lines: [text] };
}
