// Policy decisions the server makes about one command, as pure functions of its context.
// The machine's guards and actions call these; each returns the name of a reply (replies.ts).
import { inCidr, parseCidr, parseIPv4 } from '../../net/ip';
import type { CommandSyntaxError, ForwardPath, MailParams, Verb } from '../../protocol/types';
import { offers, type Extension, type ServerPolicy } from './policy';
import type { ReplyName, ReplyVars } from './replies';
import type { AcceptedRecipient, ReceivedProtocol, ServerContext } from './types';

export interface Decision {
  reply: ReplyName;
  vars?: ReplyVars;
}

const lower = (s: string) => s.toLowerCase();

function domainIn(domain: string, list: readonly string[]): boolean {
  const d = lower(domain);
  return list.some((entry) => lower(entry) === d);
}

export function isLocalDomain(policy: ServerPolicy, domain: string): boolean {
  return domainIn(domain, policy.localDomains) || lower(domain) === lower(policy.hostname);
}

export function mailboxExists(policy: ServerPolicy, address: string): boolean {
  const a = lower(address);
  if (a.startsWith('postmaster@')) return true; // RFC 5321 §4.5.1: postmaster always exists
  return policy.mailboxes.some((m) => lower(m) === a);
}

export function clientMayRelay(context: ServerContext): boolean {
  if (context.authUser !== undefined) return true;
  const ip = parseIPv4(context.clientIp);
  if (ip === undefined) return false;
  return context.policy.relayFrom.some((text) => {
    const cidr = parseCidr(text);
    return cidr !== undefined && inCidr(ip, cidr);
  });
}

function postmasterAddress(policy: ServerPolicy): string {
  return `postmaster@${policy.localDomains[0] ?? policy.hostname}`;
}

/** RCPT: accept with a route, or refuse with a reply (RFC 5321 §3.6, §4.5.1). */
export function recipientDecision(
  context: ServerContext,
  path: ForwardPath,
): { accept: Omit<AcceptedRecipient, 'params'> } | { refuse: Decision } {
  const { policy } = context;
  if (path.kind === 'postmaster') {
    return { accept: { path, address: postmasterAddress(policy), route: 'local' } };
  }
  const { address, domain } = path.mailbox;
  if ((context.transaction?.recipients.length ?? 0) >= policy.maxRecipients) {
    return { refuse: { reply: 'tooManyRecipients' } };
  }
  if (isLocalDomain(policy, domain)) {
    if (!mailboxExists(policy, address))
      return { refuse: { reply: 'unknownUser', vars: { address } } };
    return { accept: { path, address, route: 'local' } };
  }
  if (domainIn(domain, policy.backupFor)) return { accept: { path, address, route: 'backup' } };
  if (clientMayRelay(context)) return { accept: { path, address, route: 'relay' } };
  return { refuse: { reply: 'relayDenied', vars: { address } } };
}

/** The first MAIL parameter this server did not offer, if any (→ 555, RFC 5321 §4.1.1.11). */
export function unsupportedMailParameter(
  context: ServerContext,
  params: MailParams,
): string | undefined {
  const { policy } = context;
  const extended = context.hello?.verb === 'EHLO';
  const known: Array<[keyof MailParams, string, boolean]> = [
    ['size', 'SIZE', offers(policy, 'SIZE')],
    ['body', 'BODY', offers(policy, '8BITMIME')],
    ['ret', 'RET', offers(policy, 'DSN')],
    ['envid', 'ENVID', offers(policy, 'DSN')],
    ['auth', 'AUTH', offers(policy, 'AUTH')],
  ];
  for (const [field, keyword, offered] of known) {
    if (params[field] !== undefined && (!offered || !extended)) return keyword;
  }
  return params.other[0]?.keyword;
}

export function unsupportedRcptParameter(
  context: ServerContext,
  params: { notify?: unknown; orcpt?: unknown; other: Array<{ keyword: string }> },
): string | undefined {
  const dsn = offers(context.policy, 'DSN') && context.hello?.verb === 'EHLO';
  if (params.notify !== undefined && !dsn) return 'NOTIFY';
  if (params.orcpt !== undefined && !dsn) return 'ORCPT';
  return params.other[0]?.keyword;
}

export function declaredSizeTooBig(policy: ServerPolicy, params: MailParams): boolean {
  return policy.sizeLimit > 0 && params.size !== undefined && params.size > policy.sizeLimit;
}

/**
 * A command that is out of order gets 503 even when its arguments are also wrong: the sequence
 * is checked first, as Postfix does (RFC 5321 §4.1.4 allows either).
 */
export function sequenceError(
  context: ServerContext,
  verb: Verb | undefined,
): Decision | undefined {
  const greeted = context.hello !== undefined;
  const transaction = context.transaction;
  switch (verb) {
    case 'MAIL':
      if (!greeted) return { reply: 'needHelo' };
      if (transaction) return { reply: 'nestedMail' };
      return undefined;
    case 'RCPT':
      return transaction ? undefined : { reply: 'needMail' };
    case 'DATA':
      if (!transaction) return { reply: 'needRcpt' };
      if (transaction.recipients.length === 0) {
        return { reply: transaction.refusedRecipients > 0 ? 'noValidRecipients' : 'needRcpt' };
      }
      return undefined;
    default:
      return undefined;
  }
}

const USAGE: Partial<Record<Verb, string>> = {
  HELO: 'HELO hostname',
  EHLO: 'EHLO hostname',
  MAIL: 'MAIL FROM:<address>',
  RCPT: 'RCPT TO:<address>',
  DATA: 'DATA',
  RSET: 'RSET',
  QUIT: 'QUIT',
  NOOP: 'NOOP',
  VRFY: 'VRFY address',
  EXPN: 'EXPN mailing-list',
  STARTTLS: 'STARTTLS',
  AUTH: 'AUTH mechanism [initial-response]',
};

/** The extension that brings each MAIL/RCPT parameter the parser knows. */
const PARAMETER_EXTENSION: Record<string, Extension> = {
  SIZE: 'SIZE',
  BODY: '8BITMIME',
  RET: 'DSN',
  ENVID: 'DSN',
  NOTIFY: 'DSN',
  ORCPT: 'DSN',
  AUTH: 'AUTH',
};

/**
 * The reply for a line that did not parse (RFC 5321 §4.2.4, §4.3.2). A malformed value of a
 * parameter this server did not offer is still an unsupported parameter (555): the server does
 * not know its syntax.
 */
export function syntaxErrorDecision(error: CommandSyntaxError, context: ServerContext): Decision {
  if (error.kind === 'badParameter' && (error.verb === 'MAIL' || error.verb === 'RCPT')) {
    const extension = PARAMETER_EXTENSION[error.parameter ?? ''];
    const offered =
      extension !== undefined &&
      offers(context.policy, extension) &&
      context.hello?.verb === 'EHLO';
    if (!offered) return { reply: 'unsupportedOption', vars: { option: error.parameter ?? '' } };
  }
  switch (error.kind) {
    case 'unrecognized':
      return { reply: 'unrecognized' };
    case 'lineTooLong':
      return { reply: 'lineTooLong' };
    case 'addressTooLong':
      return { reply: 'addressTooLong' };
    case 'badAddress':
      return { reply: error.verb === 'MAIL' ? 'badSender' : 'badRecipient' };
    case 'badParameter':
      if (error.verb === 'ETRN') return { reply: 'etrnBadParameter' };
      return { reply: 'badParameter', vars: { parameter: error.parameter ?? 'parameter' } };
    case 'syntax':
      if (error.verb === 'ETRN') return { reply: 'etrnSyntax' };
      return { reply: 'syntax', vars: { usage: USAGE[error.verb ?? 'NOOP'] ?? 'command' } };
  }
}

export function vrfyDecision(policy: ServerPolicy, argument: string): Decision {
  if (policy.vrfy === 'disabled') return { reply: 'vrfyDisabled' };
  const bare = argument.replace(/^<(.*)>$/, '$1');
  const at = bare.lastIndexOf('@');
  const domain = at >= 0 ? bare.slice(at + 1) : '';
  const address = at >= 0 ? bare : `${bare}@${policy.localDomains[0] ?? policy.hostname}`;
  if ((at < 0 || isLocalDomain(policy, domain)) && !mailboxExists(policy, address)) {
    return { reply: 'vrfyUnknown', vars: { argument: bare } };
  }
  return { reply: 'vrfyAmbiguous', vars: { argument: bare } };
}

export function expnDecision(policy: ServerPolicy, argument: string): Decision {
  if (policy.expn === 'disabled') return { reply: 'expnDisabled' };
  const bare = argument.replace(/^<(.*)>$/, '$1');
  const address = bare.includes('@')
    ? bare
    : `${bare}@${policy.localDomains[0] ?? policy.hostname}`;
  return mailboxExists(policy, address)
    ? { reply: 'expnMailbox', vars: { argument: address } }
    : { reply: 'expnUnknown', vars: { argument: bare } };
}

export function receivedProtocol(context: ServerContext): ReceivedProtocol {
  if (context.hello?.verb !== 'EHLO') return 'SMTP';
  const s = context.tls ? 'S' : '';
  const a = context.authUser !== undefined ? 'A' : '';
  return `ESMTP${s}${a}` as ReceivedProtocol;
}

/** AUTH PLAIN response: base64 of `authzid \0 authcid \0 password` (RFC 4616). */
export function checkPlain(
  policy: ServerPolicy,
  base64: string,
): { user: string } | 'bad' | 'failed' {
  const decoded = decodeBase64(base64);
  if (decoded === undefined) return 'bad';
  const parts = decoded.split('\0');
  if (parts.length !== 3) return 'failed';
  const [, user = '', password = ''] = parts;
  return policy.users[user] !== undefined && policy.users[user] === password ? { user } : 'failed';
}

export function decodeBase64(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  try {
    return atob(text);
  } catch {
    return undefined;
  }
}
