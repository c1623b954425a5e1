// Replies that depend on more than a template: the greeting, EHLO's list of extensions, HELP,
// ETRN's outcome, and the message hand-over after the final dot.
import { COMMANDS } from '../../protocol/catalogue';
import type { Reply, Verb } from '../../protocol/types';
import type { EndOfData, ServerContext } from './types';
import { offers, type Extension } from './policy';
import { receivedProtocol, type Decision } from './decisions';
import { replyFor } from './sendReply';
import type { AcceptedMessage, StoreResult } from './types';

export function greeting(context: ServerContext): Reply {
  return { code: 220, lines: context.policy.banner.length ? context.policy.banner : [''] };
}

function extensionLine(context: ServerContext, extension: Extension): string | undefined {
  const { policy } = context;
  switch (extension) {
    case 'SIZE':
      return `SIZE ${policy.sizeLimit}`;
    case 'STARTTLS':
      return context.tls ? undefined : 'STARTTLS'; // RFC 3207 §4.2: not offered again
    case 'AUTH':
      return policy.authRequiresTls && !context.tls ? undefined : 'AUTH PLAIN LOGIN';
    case 'ETRN':
      return policy.etrn ? 'ETRN' : undefined;
    default:
      return extension;
  }
}

/** `250-host Hello client [ip]` then one line per extension offered (RFC 5321 §4.1.1.1). */
export function ehloReply(context: ServerContext, domain: string): Reply {
  const first = replyFor(context, 'ehlo', { domain }).lines[0] ?? '';
  const keywords = context.policy.extensions
    .map((extension) => extensionLine(context, extension))
    .filter((line): line is string => line !== undefined);
  return { code: 250, lines: [first, ...keywords] };
}

export function helpDecision(context: ServerContext, topic: string | undefined): Decision {
  if (topic === undefined || topic === '') {
    const verbs: Verb[] = [
      'HELO',
      'EHLO',
      'MAIL',
      'RCPT',
      'DATA',
      'RSET',
      'NOOP',
      'QUIT',
      'HELP',
      'VRFY',
    ];
    if (context.policy.expn === 'enabled') verbs.push('EXPN');
    if (offers(context.policy, 'ETRN') && context.policy.etrn) verbs.push('ETRN');
    if (offers(context.policy, 'STARTTLS')) verbs.push('STARTTLS');
    if (offers(context.policy, 'AUTH')) verbs.push('AUTH');
    return { reply: 'help', vars: { commands: verbs.join(' ') } };
  }
  const verb = topic.toUpperCase() as Verb;
  const entry = COMMANDS[verb];
  return entry
    ? { reply: 'helpTopic', vars: { syntax: entry.syntax } }
    : { reply: 'helpUnknownTopic', vars: { topic } };
}

export function etrnDecision(
  context: ServerContext,
  kind: 'node' | 'domain' | 'queue',
  argument: string,
): Decision {
  const node = (kind === 'domain' ? '@' : kind === 'queue' ? '#' : '') + argument;
  const outcome = context.hooks.etrn?.({ kind, argument }) ?? { code: 458 as const };
  const names = {
    250: 'etrnStarted',
    251: 'etrnNothing',
    252: 'etrnPending',
    253: 'etrnCount',
    458: 'etrnUnable',
    459: 'etrnNotAllowed',
  } as const;
  return {
    reply: names[outcome.code],
    vars: {
      node,
      count: outcome.count ?? 0,
      reason: outcome.reason ?? 'not a domain this server queues for',
    },
  };
}

export function acceptedMessage(
  context: ServerContext,
  end: EndOfData,
): AcceptedMessage | undefined {
  const transaction = context.transaction;
  if (!transaction || !context.hello) return undefined;
  const message: AcceptedMessage = {
    helo: context.hello.domain,
    clientIp: context.clientIp,
    protocol: receivedProtocol(context),
    reversePath: transaction.reversePath,
    mailParams: transaction.params,
    recipients: transaction.recipients,
    text: end.text,
    octets: end.octets,
  };
  if (context.authUser !== undefined) message.authUser = context.authUser;
  return message;
}

/** Hand the message to the host; 250 with its queue id only once the host has stored it. */
export function storeMessage(
  context: ServerContext,
  end: EndOfData,
): { reply: Reply; stored?: StoreResult & { ok: true }; message?: AcceptedMessage } {
  const message = acceptedMessage(context, end);
  if (!message) return { reply: replyFor(context, 'needRcpt') };
  const result = context.hooks.store(message);
  if (!result.ok) return { reply: result.reply };
  return { reply: replyFor(context, 'queued', { id: result.queueId }), stored: result, message };
}
