// The client machine's types, guards, delays and named actions (XState v5 `setup`).
import { assign, emit, enqueueActions, setup } from 'xstate';
import type { Reply } from '../../protocol/types';
import {
  abandonAll,
  isPositive,
  isTransient,
  messageLines,
  openingGroup,
  parseExtensions,
  recordDataRefused,
  recordDataResult,
  recordEnvelopeReply,
  stageOf,
} from './envelope';
import type {
  ClientContext,
  ClientEmitted,
  ClientEvent,
  ClientInput,
  RecipientOutcome,
  Stage,
} from './types';

/** RFC 4616: PLAIN credentials are UTF-8, then base64. */
function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const replyOf = (event: ClientEvent): Reply | undefined =>
  event.type === 'REPLY' ? event.reply : undefined;
const code = (event: ClientEvent) => replyOf(event)?.code ?? 0;

function why(event: ClientEvent): { reply?: Reply; reason?: string } {
  if (event.type === 'REPLY') return { reply: event.reply };
  if (event.type === 'LOST') return { reason: event.reason };
  if (event.type === 'BAD_REPLY') return { reason: `protocol error: ${event.error}` };
  return { reason: 'timeout' };
}

/** An action that gives up the session: every undecided recipient deferred. */
function giveUp(stage: Stage, reason?: string) {
  return assign<ClientContext, ClientEvent, undefined, ClientEvent, never>({
    outcomes: ({ context, event }) =>
      abandonAll(context, stageOf(context, stage), reason ? { reason } : why(event)),
    pending: [],
  });
}

export const clientSetup = setup({
  types: {
    context: {} as ClientContext,
    events: {} as ClientEvent,
    input: {} as ClientInput,
    emitted: {} as ClientEmitted,
    output: {} as Array<Array<RecipientOutcome | undefined>>,
  },
  delays: {
    greetingTimeout: ({ context }) => context.options.timeouts.greeting,
    commandTimeout: ({ context }) => context.options.timeouts.command,
    // RFC 5321 §4.5.3.2: DATA initiation 2 min; MAIL/RCPT 5 min; the final dot 10 min.
    envelopeTimeout: ({ context }) =>
      context.pending[0]?.kind === 'data'
        ? context.options.timeouts.dataInit
        : context.options.timeouts.command,
    dataDoneTimeout: ({ context }) => context.options.timeouts.dataDone,
  },
  guards: {
    isPositive: ({ event }) => {
      const reply = replyOf(event);
      return reply !== undefined && isPositive(reply);
    },
    isServiceClosing: ({ event }) => code(event) === 421,
    ehloNotUnderstood: ({ event }) => [500, 501, 502, 504, 550].includes(code(event)),
    // Clients act on the first digit (RFC 5321 §4.2.1): any 2yz starts TLS, any 3yz sends text.
    isTlsReady: ({ event }) => code(event) >= 200 && code(event) < 300,
    tlsRequired: ({ context }) => context.options.starttls === 'required',
    shouldStartTls: ({ context }) =>
      context.options.starttls !== 'never' &&
      !context.tls &&
      !context.tlsRefused &&
      'STARTTLS' in context.extensions,
    tlsMissing: ({ context }) => context.options.starttls === 'required' && !context.tls,
    shouldAuthenticate: ({ context }) =>
      context.options.auth !== undefined && !context.authenticated && 'AUTH' in context.extensions,
    isDataGoAhead: ({ context, event }) =>
      context.pending[0]?.kind === 'data' && code(event) >= 300 && code(event) < 400,
    isReplyToData: ({ context }) => context.pending[0]?.kind === 'data',
    nothingPending: ({ context }) => context.pending.length === 0,
    needsReset: ({ context }) =>
      context.needsReset && context.current + 1 < context.transactions.length,
    hasNextTransaction: ({ context }) => context.current + 1 < context.transactions.length,
    isTransient: ({ event }) => {
      const reply = replyOf(event);
      return reply !== undefined && isTransient(reply);
    },
  },
  actions: {
    sendEhlo: emit(({ context }) => ({
      type: 'send' as const,
      lines: [`EHLO ${context.options.hostname}`],
    })),
    sendHelo: emit(({ context }) => ({
      type: 'send' as const,
      lines: [`HELO ${context.options.hostname}`],
    })),
    sendStartTls: emit({ type: 'send', lines: ['STARTTLS'] }),
    sendAuth: emit(({ context }) => {
      const { user, password } = context.options.auth ?? { user: '', password: '' };
      return {
        type: 'send' as const,
        lines: [`AUTH PLAIN ${base64Utf8(`\0${user}\0${password}`)}`],
      };
    }),
    sendRset: emit({ type: 'send', lines: ['RSET'] }),
    sendQuit: emit({ type: 'send', lines: ['QUIT'] }),
    closeConnection: emit({ type: 'close' }),
    reportTransaction: emit(({ context }) => ({
      type: 'decided' as const,
      transaction: context.current,
      outcomes: context.outcomes[context.current] ?? [],
    })),
    rememberEhlo: assign({
      esmtp: true,
      extensions: ({ event }) => (event.type === 'REPLY' ? parseExtensions(event.reply) : {}),
    }),
    rememberHelo: assign({ esmtp: false, extensions: {} }),
    startTlsSession: enqueueActions(({ enqueue }) => {
      // RFC 3207 §4.2: forget what the server said before the handshake; EHLO again.
      enqueue.assign({ tls: true, extensions: {}, esmtp: false });
      enqueue.emit({ type: 'tlsStarted' });
    }),
    skipTls: assign({ tlsRefused: true }),
    rememberAuthenticated: assign({ authenticated: true }),
    startTransaction: enqueueActions(({ context, enqueue }) => {
      const { lines, pending } = openingGroup(context);
      enqueue.assign({ pending, accepted: [], mailAccepted: false, needsReset: true });
      enqueue.emit({ type: 'send', lines });
    }),
    startNextTransaction: enqueueActions(({ context, enqueue }) => {
      const next = { ...context, current: context.current + 1 };
      const { lines, pending } = openingGroup(next);
      enqueue.assign({
        current: next.current,
        pending,
        accepted: [],
        mailAccepted: false,
        needsReset: true,
      });
      enqueue.emit({ type: 'send', lines });
    }),
    recordEnvelopeReply: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'REPLY') return;
      const { context: update, send } = recordEnvelopeReply(context, event.reply);
      enqueue.assign(update);
      if (send.length > 0) enqueue.emit({ type: 'send', lines: send });
    }),
    sendMessageText: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ pending: [{ kind: 'dot', empty: context.accepted.length === 0 }] });
      enqueue.emit({ type: 'send', lines: messageLines(context) });
    }),
    recordDataRefused: assign(({ context, event }) =>
      event.type === 'REPLY' ? recordDataRefused(context, event.reply) : {},
    ),
    recordDataResult: assign(({ context, event }) =>
      event.type === 'REPLY' ? recordDataResult(context, event.reply) : {},
    ),
    giveUpAtGreeting: giveUp('greeting'),
    giveUpAtHello: giveUp('hello'),
    giveUpAtTls: giveUp('tls'),
    giveUpWithoutTls: giveUp('tls', 'TLS is required but the server does not offer it'),
    giveUpAtAuth: giveUp('auth'),
    giveUpInTransaction: giveUp('mail'),
  },
});
