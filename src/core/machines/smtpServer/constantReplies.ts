// Replies whose text has no variable (`250 2.1.0 Ok`, `354 End data with …`) are the same every
// time for a host: each is built and formatted once per policy and enhanced-code mode, and the
// emitted event shared, instead of filling and formatting the template for every command.
import type { ServerPolicy } from './policy';
import { REPLIES, type ReplyName } from './replies';
import { replyEvent, replyFor, usesEnhancedCodes } from './sendReply';
import type { ServerContext, ServerEmitted } from './types';

type ReplyEmitted = Extract<ServerEmitted, { type: 'reply' }>;

const byPolicy = new WeakMap<ServerPolicy, Map<string, ReplyEmitted>>();

/** The emitted event for the reply `name` without variables. */
export function constantReplyEvent(context: ServerContext, name: ReplyName): ReplyEmitted {
  const { policy } = context;
  const template = policy.texts[name] ?? REPLIES[name].text;
  if (template.includes('{')) return replyEvent(context, replyFor(context, name));
  let cache = byPolicy.get(policy);
  if (cache === undefined) {
    cache = new Map();
    byPolicy.set(policy, cache);
  }
  const key = usesEnhancedCodes(context) ? `${name} enhanced` : name;
  let event = cache.get(key);
  if (event === undefined) {
    event = replyEvent(context, replyFor(context, name));
    cache.set(key, event);
  }
  return event;
}
