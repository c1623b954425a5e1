// How the server machine sends a reply: it formats it and counts errors toward the hard limit.
import { formatReply } from '../../protocol/replyFormat';
import type { Reply } from '../../protocol/types';
import { offers } from './policy';
import { buildReply, type ReplyName, type ReplyVars } from './replies';
import type { ServerContext, ServerEmitted, ServerEvent } from './types';

/** Enhanced status codes only after EHLO and only when offered (RFC 2034 §3). */
export function usesEnhancedCodes(context: ServerContext): boolean {
  return context.hello?.verb === 'EHLO' && offers(context.policy, 'ENHANCEDSTATUSCODES');
}

export function replyFor(context: ServerContext, name: ReplyName, vars: ReplyVars = {}): Reply {
  const base = { hostname: context.policy.hostname, ip: context.clientIp };
  return buildReply(name, { ...base, ...vars }, context.policy.texts);
}

// The enqueue API of enqueueActions, reduced to what sendReply uses.
interface ReplyEnqueue {
  emit(event: ServerEmitted): void;
  assign(fn: (args: { context: ServerContext }) => Partial<ServerContext>): void;
  raise(event: ServerEvent): void;
}

/** The emitted event carrying `reply`, formatted for the wire. */
export function replyEvent(
  context: ServerContext,
  reply: Reply,
): Extract<ServerEmitted, { type: 'reply' }> {
  return {
    type: 'reply',
    reply,
    lines: formatReply(reply, { enhanced: usesEnhancedCodes(context) }),
  };
}

/** Emit one reply; count 4xx/5xx replies toward the hard error limit. */
export function sendReply(enqueue: ReplyEnqueue, context: ServerContext, reply: Reply): void {
  enqueue.emit(replyEvent(context, reply));
  if (reply.code >= 400) {
    const errorCount = context.errorCount + 1;
    enqueue.assign(() => ({ errorCount }));
    if (errorCount === context.policy.hardErrorLimit) enqueue.raise({ type: 'TOO_MANY_ERRORS' });
  }
}
