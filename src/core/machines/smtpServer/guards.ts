// The server machine's named guards: each one a question about the command and the session.
import { offers } from './policy';
import {
  checkPlain,
  clientMayRelay,
  declaredSizeTooBig,
  decodeBase64,
  recipientDecision,
  sequenceError,
  unsupportedMailParameter,
  unsupportedRcptParameter,
} from './decisions';
import type { ServerContext, ServerEvent } from './types';

interface GuardArgs {
  context: ServerContext;
  event: ServerEvent;
}

const AUTH_MECHANISMS = ['PLAIN', 'LOGIN'];

function authCommand(event: ServerEvent) {
  return event.type === 'AUTH' ? event.command : undefined;
}

function responseText(event: ServerEvent): string {
  return event.type === 'AUTH_RESPONSE' ? event.text : '';
}

export const guards = {
  refusesConnections: ({ context }: GuardArgs) => context.policy.refuseConnections,
  greetingFaultCloses: ({ context }: GuardArgs) => context.greetingFault?.code === 421,
  greetingFaultRefuses: ({ context }: GuardArgs) => (context.greetingFault?.code ?? 0) >= 400,

  faultCloses: ({ event }: GuardArgs) => event.type === 'FAULT' && event.reply.code === 421,
  hasGreeted: ({ context }: GuardArgs) => context.hello !== undefined,
  ehloUnknown: ({ context }: GuardArgs) => !context.policy.ehlo,
  inTransaction: ({ context }: GuardArgs) => context.transaction !== undefined,
  /** A malformed ETRN, STARTTLS or AUTH where the server does not offer it at all: 502, not 501. */
  isSyntaxErrorForUnavailableCommand: ({ context, event }: GuardArgs) => {
    if (event.type !== 'SYNTAX_ERROR') return false;
    const { policy } = context;
    switch (event.error.verb) {
      case 'ETRN':
        return !(policy.etrn && offers(policy, 'ETRN'));
      case 'STARTTLS':
        return !offers(policy, 'STARTTLS');
      case 'AUTH':
        return !offers(policy, 'AUTH');
      default:
        return false;
    }
  },
  isOutOfOrder: ({ context, event }: GuardArgs) =>
    event.type === 'SYNTAX_ERROR' && sequenceError(context, event.error.verb) !== undefined,

  // MAIL
  authRequiredButMissing: ({ context }: GuardArgs) =>
    context.policy.authRequired && context.authUser === undefined,
  hasUnsupportedMailParameter: ({ context, event }: GuardArgs) =>
    event.type === 'MAIL' && unsupportedMailParameter(context, event.command.params) !== undefined,
  declaredSizeTooBig: ({ context, event }: GuardArgs) =>
    event.type === 'MAIL' && declaredSizeTooBig(context.policy, event.command.params),

  // RCPT
  hasUnsupportedRcptParameter: ({ context, event }: GuardArgs) =>
    event.type === 'RCPT' && unsupportedRcptParameter(context, event.command.params) !== undefined,
  recipientRefused: ({ context, event }: GuardArgs) =>
    event.type === 'RCPT' && 'refuse' in recipientDecision(context, event.command.path),
  recipientGreylisted: ({ context, event }: GuardArgs) => {
    if (event.type !== 'RCPT' || !context.policy.greylisting || !context.hooks.greylist)
      return false;
    const path = event.command.path;
    // RFC 5321 §4.5.1: mail to postmaster must be accepted, so it is never greylisted; nor are
    // the server's own clients (Postfix checks permit_mynetworks before the policy service).
    if (path.kind === 'postmaster' || clientMayRelay(context)) return false;
    const sender = context.transaction?.reversePath;
    return (
      context.hooks.greylist({
        ip: context.clientIp,
        sender: sender?.kind === 'mailbox' ? sender.mailbox.address : '',
        recipient: path.kind === 'mailbox' ? path.mailbox.address : 'postmaster',
      }) === 'defer'
    );
  },

  // DATA
  messageTooBig: ({ context, event }: GuardArgs) =>
    event.type === 'END_OF_DATA' &&
    (event.tooBig || (context.policy.sizeLimit > 0 && event.octets > context.policy.sizeLimit)),
  messageHasOverlongLine: ({ event }: GuardArgs) => event.type === 'END_OF_DATA' && event.overlong,

  // STARTTLS, AUTH, ETRN
  offersStartTls: ({ context }: GuardArgs) => offers(context.policy, 'STARTTLS'),
  tlsActive: ({ context }: GuardArgs) => context.tls,
  offersAuth: ({ context }: GuardArgs) => offers(context.policy, 'AUTH'),
  isAuthenticated: ({ context }: GuardArgs) => context.authUser !== undefined,
  authNeedsTls: ({ context }: GuardArgs) => context.policy.authRequiresTls && !context.tls,
  knownMechanism: ({ event }: GuardArgs) =>
    AUTH_MECHANISMS.includes(authCommand(event)?.mechanism ?? ''),
  initialResponseUndecodable: ({ event }: GuardArgs) => {
    const initial = authCommand(event)?.initialResponse;
    return initial !== undefined && initial !== '=' && decodeBase64(initial) === undefined;
  },
  isPlainWithResponse: ({ event }: GuardArgs) =>
    authCommand(event)?.mechanism === 'PLAIN' && authCommand(event)?.initialResponse !== undefined,
  plainInitialResponseValid: ({ context, event }: GuardArgs) =>
    authCommand(event)?.mechanism === 'PLAIN' &&
    typeof checkPlain(context.policy, authCommand(event)?.initialResponse ?? '') === 'object',
  isPlain: ({ event }: GuardArgs) => authCommand(event)?.mechanism === 'PLAIN',
  isLoginWithUser: ({ event }: GuardArgs) =>
    authCommand(event)?.mechanism === 'LOGIN' && authCommand(event)?.initialResponse !== undefined,
  isCancel: ({ event }: GuardArgs) => responseText(event).trim() === '*',
  responseUndecodable: ({ event }: GuardArgs) =>
    decodeBase64(responseText(event).trim()) === undefined,
  plainResponseValid: ({ context, event }: GuardArgs) =>
    typeof checkPlain(context.policy, responseText(event).trim()) === 'object',
  loginPasswordValid: ({ context, event }: GuardArgs) => {
    const user = context.pendingLoginUser ?? '';
    const password = decodeBase64(responseText(event).trim());
    return context.policy.users[user] !== undefined && context.policy.users[user] === password;
  },
  etrnAvailable: ({ context }: GuardArgs) => context.policy.etrn && offers(context.policy, 'ETRN'),
};
