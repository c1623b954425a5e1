// The server machine's types, guards and named actions (XState v5 `setup`). The statechart itself
// is in machine.ts; the decisions behind each reply are pure functions in decisions.ts.
import { assign, emit, enqueueActions, setup } from 'xstate';
import type { Reply } from '../../protocol/types';
import {
  expnDecision,
  recipientDecision,
  sequenceError,
  syntaxErrorDecision,
  unsupportedMailParameter,
  unsupportedRcptParameter,
  vrfyDecision,
  checkPlain,
  decodeBase64,
  type Decision,
} from './decisions';
import { guards } from './guards';
import { REPLIES, type ReplyName } from './replies';
import { constantReplyEvent } from './constantReplies';
import { ehloReply, etrnDecision, greeting, helpDecision, storeMessage } from './responses';
import { replyEvent, replyFor, sendReply } from './sendReply';
import type { ServerContext, ServerEmitted, ServerEvent, ServerInput } from './types';

type Decide = (context: ServerContext, event: ServerEvent) => Decision | Reply;

/** An action sending the reply that `decide` chooses (a reply name with variables, or a Reply). */
function respond(decide: Decide) {
  return enqueueActions<
    ServerContext,
    ServerEvent,
    undefined,
    ServerEvent,
    never,
    never,
    never,
    never,
    ServerEmitted
  >(({ context, event, enqueue }) => {
    const decided = decide(context, event);
    const reply = 'code' in decided ? decided : replyFor(context, decided.reply, decided.vars);
    sendReply(enqueue, context, reply);
  });
}

/**
 * An action sending a reply that is never an error (2xx or 3xx): a plain `emit`, cheaper than
 * `respond`'s enqueueActions on the hot path (greeting, EHLO, MAIL, RCPT, DATA). Such a reply
 * counts toward no error limit; a 4xx/5xx here would be a bug in the machine, and throws.
 */
function respondOk(decide: Decide) {
  return emit<ServerContext, ServerEvent, undefined, ServerEvent, ServerEmitted>(
    ({ context, event }) => {
      const decided = decide(context, event);
      const reply = 'code' in decided ? decided : replyFor(context, decided.reply, decided.vars);
      if (reply.code >= 400) throw new Error(`respondOk: ${reply.code} is an error reply`);
      return replyEvent(context, reply);
    },
  );
}

/** `respondOk` for a reply without variables: built and formatted once (constantReplies.ts). */
function respondOkNamed(name: ReplyName) {
  if (REPLIES[name].code >= 400) throw new Error(`respondOkNamed: ${name} is an error reply`);
  return emit<ServerContext, ServerEvent, undefined, ServerEvent, ServerEmitted>(({ context }) =>
    constantReplyEvent(context, name),
  );
}

const named =
  (name: ReplyName): Decide =>
  () => ({ reply: name });

function argumentOf(event: ServerEvent): string {
  if (event.type === 'VRFY' || event.type === 'EXPN') return event.command.argument;
  if (event.type === 'HELP' || event.type === 'NOOP') return event.command.argument ?? '';
  return '';
}

function decodedResponse(event: ServerEvent): string {
  return event.type === 'AUTH_RESPONSE' ? (decodeBase64(event.text.trim()) ?? '') : '';
}

export const serverSetup = setup({
  types: {
    context: {} as ServerContext,
    events: {} as ServerEvent,
    input: {} as ServerInput,
    emitted: {} as ServerEmitted,
  },
  guards,
  actions: {
    // Session state
    resetTransaction: assign({ transaction: undefined }),
    rememberHello: assign({
      hello: ({ event }) =>
        event.type === 'HELO' || event.type === 'EHLO'
          ? { verb: event.type, domain: event.command.domain }
          : undefined,
    }),
    startTransaction: assign({
      transaction: ({ event }) =>
        event.type === 'MAIL'
          ? {
              reversePath: event.command.path,
              params: event.command.params,
              recipients: [],
              refusedRecipients: 0,
            }
          : undefined,
    }),
    addRecipient: assign({
      transaction: ({ context, event }) => {
        const t = context.transaction;
        if (!t || event.type !== 'RCPT') return t;
        const decision = recipientDecision(context, event.command.path);
        if (!('accept' in decision)) return t;
        // The same recipient twice is accepted but kept once (Postfix removes duplicates).
        const address = decision.accept.address.toLowerCase();
        if (t.recipients.some((r) => r.address.toLowerCase() === address)) return t;
        return {
          ...t,
          recipients: [...t.recipients, { ...decision.accept, params: event.command.params }],
        };
      },
    }),
    countRefusedRecipient: assign({
      transaction: ({ context }) =>
        context.transaction && {
          ...context.transaction,
          refusedRecipients: context.transaction.refusedRecipients + 1,
        },
    }),
    startTls: enqueueActions(({ enqueue }) => {
      // RFC 3207 §4.2: both sides forget everything learnt before the handshake.
      enqueue.assign({ tls: true, hello: undefined, transaction: undefined, authUser: undefined });
      enqueue.emit({ type: 'tlsStarted' });
    }),
    rememberPlainUser: assign({
      authUser: ({ context, event }) => {
        const text =
          event.type === 'AUTH'
            ? (event.command.initialResponse ?? '')
            : event.type === 'AUTH_RESPONSE'
              ? event.text.trim()
              : '';
        const result = checkPlain(context.policy, text);
        return typeof result === 'object' ? result.user : undefined;
      },
    }),
    rememberLoginUser: assign({
      pendingLoginUser: ({ event }) =>
        event.type === 'AUTH'
          ? (decodeBase64(event.command.initialResponse ?? '') ?? '')
          : decodedResponse(event),
    }),
    rememberLoginAuth: assign({
      authUser: ({ context }) => context.pendingLoginUser,
      pendingLoginUser: undefined,
    }),
    closeConnection: emit({ type: 'close' }),

    // Replies
    sendGreeting: respondOk((context) => greeting(context)),
    sendRefusal: respond(named('refused')),
    sendFaultGreeting: respond((context) => context.greetingFault ?? greeting(context)),
    replyFault: respond((context, event) =>
      event.type === 'FAULT' ? event.reply : { reply: 'unrecognized' },
    ),
    replyRefusedSequence: respond(named('refusedSequence')),
    replyBye: respondOkNamed('bye'),
    replyTimeout: respond(named('timeout')),
    replyTooManyErrors: respond(named('tooManyErrors')),
    replyHelo: respondOk((_, event) => ({
      reply: 'helo',
      vars: { domain: event.type === 'HELO' ? event.command.domain : '' },
    })),
    replyEhlo: respondOk((context, event) =>
      ehloReply(context, event.type === 'EHLO' ? event.command.domain : ''),
    ),
    replyOk: respondOkNamed('ok'),
    replyUnrecognized: respond(named('unrecognized')),
    replyNeedHelo: respond(named('needHelo')),
    replyNotImplemented: respond(named('notImplemented')),
    replyTransactionInProgress: respond(named('transactionInProgress')),
    replySyntaxError: respond((context, event) =>
      event.type === 'SYNTAX_ERROR'
        ? syntaxErrorDecision(event.error, context)
        : { reply: 'unrecognized' },
    ),
    replyOutOfOrder: respond((context, event) => {
      const verb = event.type === 'SYNTAX_ERROR' ? event.error.verb : event.type;
      return sequenceError(context, verb as never) ?? { reply: 'needHelo' };
    }),
    replyVrfy: respond((context, event) => vrfyDecision(context.policy, argumentOf(event))),
    replyExpn: respond((context, event) => expnDecision(context.policy, argumentOf(event))),
    replyHelp: respond((context, event) => helpDecision(context, argumentOf(event))),
    replyAuthRequired: respond(named('authRequired')),
    replyUnsupportedMailParameter: respond((context, event) => ({
      reply: 'unsupportedOption',
      vars: {
        option:
          event.type === 'MAIL'
            ? (unsupportedMailParameter(context, event.command.params) ?? '')
            : '',
      },
    })),
    replyUnsupportedRcptParameter: respond((context, event) => ({
      reply: 'unsupportedOption',
      vars: {
        option:
          event.type === 'RCPT'
            ? (unsupportedRcptParameter(context, event.command.params) ?? '')
            : '',
      },
    })),
    replySizeExceeded: respond(named('sizeExceeded')),
    replyMailOk: respondOkNamed('mailOk'),
    replyRcptOk: respondOkNamed('rcptOk'),
    replyRecipientRefused: respond((context, event) => {
      const decision =
        event.type === 'RCPT' ? recipientDecision(context, event.command.path) : undefined;
      return decision && 'refuse' in decision ? decision.refuse : { reply: 'relayDenied' };
    }),
    replyGreylisted: respond((_, event) => ({
      reply: 'greylisted',
      vars: {
        address:
          event.type === 'RCPT' && event.command.path.kind === 'mailbox'
            ? event.command.path.mailbox.address
            : 'postmaster',
      },
    })),
    replyStartData: respondOkNamed('startData'),
    replyTextLineTooLong: respond(named('textLineTooLong')),
    acceptMessage: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'END_OF_DATA') return;
      const { reply, stored, message } = storeMessage(context, event);
      if (stored && message) {
        enqueue.assign({ messagesAccepted: context.messagesAccepted + 1 });
        enqueue.emit({ type: 'accepted', queueId: stored.queueId, message });
      }
      sendReply(enqueue, context, reply);
    }),
    replyTlsReady: respondOkNamed('tlsReady'),
    replyTlsActive: respond(named('tlsActive')),
    replyAuthAlready: respond(named('authAlready')),
    replyAuthNeedsTls: respond(named('authNeedsTls')),
    replyAuthUnknownMechanism: respond(named('authUnknownMechanism')),
    replyAuthOk: respondOkNamed('authOk'),
    replyAuthFailed: respond(named('authFailed')),
    replyAuthAborted: respond(named('authAborted')),
    replyAuthBadBase64: respond(named('authBadBase64')),
    replyPlainChallenge: respondOk(() => ({ reply: 'authChallenge', vars: { challenge: '' } })),
    replyUsernameChallenge: respondOk(() => ({
      reply: 'authChallenge',
      vars: { challenge: 'VXNlcm5hbWU6' },
    })),
    replyPasswordChallenge: respondOk(() => ({
      reply: 'authChallenge',
      vars: { challenge: 'UGFzc3dvcmQ6' },
    })),
    startEtrn: respond((context, event) =>
      event.type === 'ETRN'
        ? etrnDecision(context, event.command.kind, event.command.argument)
        : { reply: 'etrnSyntax' },
    ),
  },
});
