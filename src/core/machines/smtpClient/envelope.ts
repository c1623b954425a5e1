// Pure functions behind the client machine: which commands to send for a transaction, and what
// each reply means for each recipient.
import { encodeMessageText } from '../../protocol/framing';
import type { Reply } from '../../protocol/types';
import type {
  ClientContext,
  OutgoingTransaction,
  PendingCommand,
  RecipientOutcome,
  Stage,
} from './types';

export const isPositive = (reply: Reply) => reply.code >= 200 && reply.code < 300;
export const isTransient = (reply: Reply) => reply.code >= 400 && reply.code < 500;

/** EHLO reply lines after the first are `KEYWORD [params]` (RFC 5321 §4.1.1.1). */
export function parseExtensions(reply: Reply): Record<string, string> {
  const extensions: Record<string, string> = {};
  for (const line of reply.lines.slice(1)) {
    const [keyword = '', ...rest] = line.trim().split(/\s+/);
    if (keyword) extensions[keyword.toUpperCase()] = rest.join(' ');
  }
  return extensions;
}

function has8bit(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 127) return true;
  return false;
}

function encodeXtext(value: string): string {
  return value.replace(
    /[^!-*,-<>-~]/g,
    (c) => `+${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

export function mailCommand(context: ClientContext, t: OutgoingTransaction): string {
  const ext = context.extensions;
  const params: string[] = [];
  if ('SIZE' in ext) params.push(`SIZE=${t.text.length}`);
  if ('8BITMIME' in ext && has8bit(t.text)) params.push('BODY=8BITMIME');
  if ('DSN' in ext && t.dsn?.ret) params.push(`RET=${t.dsn.ret}`);
  if ('DSN' in ext && t.dsn?.envid) params.push(`ENVID=${encodeXtext(t.dsn.envid)}`);
  return [`MAIL FROM:<${t.from}>`, ...params].join(' ');
}

export function rcptCommand(context: ClientContext, t: OutgoingTransaction, index: number): string {
  const notify =
    'DSN' in context.extensions && t.dsn?.notify ? ` NOTIFY=${t.dsn.notify.join(',')}` : '';
  return `RCPT TO:<${t.recipients[index] ?? ''}>${notify}`;
}

export function usesPipelining(context: ClientContext): boolean {
  return context.options.pipelining && context.esmtp && 'PIPELINING' in context.extensions;
}

/**
 * The first group of a transaction. With PIPELINING the whole envelope and DATA go in one group
 * (RFC 2920 §3.1: DATA last); without it, MAIL alone and the rest one reply at a time.
 */
export function openingGroup(context: ClientContext): {
  lines: string[];
  pending: PendingCommand[];
} {
  const t = context.transactions[context.current];
  if (!t) return { lines: [], pending: [] };
  if (!usesPipelining(context))
    return { lines: [mailCommand(context, t)], pending: [{ kind: 'mail' }] };
  const lines = [
    mailCommand(context, t),
    ...t.recipients.map((_, i) => rcptCommand(context, t, i)),
    'DATA',
  ];
  const pending: PendingCommand[] = [
    { kind: 'mail' },
    ...t.recipients.map((_, index) => ({ kind: 'rcpt' as const, index })),
    { kind: 'data' },
  ];
  return { lines, pending };
}

export function outcomeFor(reply: Reply, stage: Stage): RecipientOutcome {
  if (isPositive(reply)) return { status: 'delivered', stage, reply };
  return { status: isTransient(reply) ? 'deferred' : 'failed', stage, reply };
}

/** Record a reply to MAIL or RCPT; without PIPELINING, say which command comes next. */
export function recordEnvelopeReply(
  context: ClientContext,
  reply: Reply,
): { context: Partial<ClientContext>; send: string[] } {
  const [head, ...rest] = context.pending;
  const t = context.transactions[context.current];
  if (!head || !t) return { context: {}, send: [] };
  const outcomes = context.outcomes.map((row) => [...row]);
  const row = outcomes[context.current] ?? [];
  let { mailAccepted, accepted } = context;
  if (head.kind === 'mail') {
    mailAccepted = isPositive(reply);
    if (!mailAccepted) t.recipients.forEach((_, i) => (row[i] ??= outcomeFor(reply, 'mail')));
  } else if (head.kind === 'rcpt') {
    if (!mailAccepted) {
      // MAIL was refused: the pipelined RCPT replies (503) change nothing.
    } else if (isPositive(reply)) {
      accepted = [...accepted, head.index];
    } else {
      row[head.index] = outcomeFor(reply, 'rcpt');
    }
  }
  outcomes[context.current] = row;
  const update: Partial<ClientContext> = { pending: rest, outcomes, mailAccepted, accepted };
  if (usesPipelining(context)) return { context: update, send: [] };
  // One command at a time: the next RCPT, then DATA if anyone was accepted.
  const next =
    head.kind === 'mail' ? 0 : head.kind === 'rcpt' ? head.index + 1 : t.recipients.length;
  if (!mailAccepted) return { context: update, send: [] };
  if (next < t.recipients.length) {
    return {
      context: { ...update, pending: [{ kind: 'rcpt', index: next }] },
      send: [rcptCommand(context, t, next)],
    };
  }
  if (accepted.length > 0)
    return { context: { ...update, pending: [{ kind: 'data' }] }, send: ['DATA'] };
  return { context: update, send: [] };
}

/** After 354: the dot-stuffed text and the final dot; just the dot when nobody was accepted. */
export function messageLines(context: ClientContext): string[] {
  const t = context.transactions[context.current];
  if (!t || context.accepted.length === 0) return ['.'];
  return encodeMessageText(t.text);
}

/**
 * DATA did not get a go-ahead: accepted recipients get that reply. A 2xx to DATA is a protocol
 * error (no text was sent, so nothing can have been delivered): they are deferred.
 */
export function recordDataRefused(context: ClientContext, reply: Reply): Partial<ClientContext> {
  const outcome: RecipientOutcome = isPositive(reply)
    ? { status: 'deferred', stage: 'data', reply, reason: 'a 2xx reply to DATA, where 354 was due' }
    : outcomeFor(reply, 'data');
  return { outcomes: decideAccepted(context, outcome), pending: [] };
}

/** The reply after the final dot decides every accepted recipient (RFC 5321 §4.2.5). */
export function recordDataResult(context: ClientContext, reply: Reply): Partial<ClientContext> {
  const head = context.pending[0];
  if (head?.kind === 'dot' && head.empty) return { pending: [], needsReset: false };
  return {
    outcomes: decideAccepted(context, outcomeFor(reply, 'text')),
    pending: [],
    needsReset: false,
  };
}

function decideAccepted(
  context: ClientContext,
  outcome: RecipientOutcome,
): ClientContext['outcomes'] {
  const outcomes = context.outcomes.map((row) => [...row]);
  const row = outcomes[context.current] ?? [];
  for (const index of context.accepted) row[index] = outcome;
  outcomes[context.current] = row;
  return outcomes;
}

/**
 * The session ended early (timeout, lost connection, 421, a refused greeting): every recipient
 * not yet decided is deferred. A lost reply to the final dot falls in the RFC 1047 duplicate window (see afterDot).
 */
export function abandonAll(
  context: ClientContext,
  stage: Stage,
  why: { reply?: Reply; reason?: string },
): ClientContext['outcomes'] {
  // The RFC 1047 window: the dot was written and no reply came (a reply, even 421, says the
  // server did not take the message).
  const afterDot =
    why.reply === undefined && context.pending[0]?.kind === 'dot' && !context.pending[0].empty;
  return context.transactions.map((t, ti) =>
    t.recipients.map((_, ri) => {
      const existing = context.outcomes[ti]?.[ri];
      if (existing) return existing;
      const outcome: RecipientOutcome = { status: 'deferred', stage };
      if (why.reply) outcome.reply = why.reply;
      if (why.reason) outcome.reason = why.reason;
      if (afterDot && ti === context.current && context.accepted.includes(ri))
        outcome.afterDot = true;
      return outcome;
    }),
  );
}

/** The stage a pending command belongs to, for outcomes decided by a timeout or loss. */
export function stageOf(context: ClientContext, fallback: Stage): Stage {
  const head = context.pending[0];
  if (!head) return fallback;
  return head.kind === 'dot' ? 'text' : head.kind;
}
