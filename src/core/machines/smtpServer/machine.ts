// The SMTP server statechart: one actor per inbound connection (RFC 5321 §3, §4.1.4).
// Events are parsed commands named by their verb (MAIL, RCPT, …), so the diagram reads like the
// protocol. Every transition lives here; the guards and actions it names are in setup.ts.
import { not } from 'xstate';
import { serverSetup } from './setup';

export const smtpServerMachine = serverSetup.createMachine({
  id: 'smtpServer',
  context: ({ input }) => ({
    policy: input.policy,
    hooks: input.hooks,
    clientIp: input.clientIp,
    tls: false,
    errorCount: 0,
    messagesAccepted: 0,
    greetingFault: input.hooks.fault?.('CONNECT'),
  }),
  initial: 'greeting',
  states: {
    greeting: {
      always: [
        { guard: 'greetingFaultCloses', target: 'closed', actions: 'sendFaultGreeting' },
        { guard: 'greetingFaultRefuses', target: 'refused', actions: 'sendFaultGreeting' },
        { guard: 'refusesConnections', target: 'refused', actions: 'sendRefusal' },
        { target: 'session', actions: 'sendGreeting' },
      ],
    },

    // RFC 5321 §3.1: after a 554 greeting the server waits for QUIT and answers 503 to the rest.
    refused: {
      on: {
        QUIT: { target: 'closed', actions: 'replyBye' },
        CLOSED: 'closed',
        IDLE_TIMEOUT: { target: 'closed', actions: 'replyTimeout' },
        TOO_MANY_ERRORS: { target: 'closed', actions: 'replyTooManyErrors' },
        FAULT: [
          { guard: 'faultCloses', target: 'closed', actions: 'replyFault' },
          { actions: 'replyFault' },
        ],
        '*': { actions: 'replyRefusedSequence' },
      },
    },

    session: {
      initial: 'awaitingHello',
      // Commands legal in every state of the session (RFC 5321 §4.1.4), and the defaults for
      // commands out of order; the states below override them where the command is legal.
      on: {
        HELO: { target: '.ready', actions: ['resetTransaction', 'rememberHello', 'replyHelo'] },
        EHLO: [
          { guard: 'ehloUnknown', actions: 'replyUnrecognized' },
          { target: '.ready', actions: ['resetTransaction', 'rememberHello', 'replyEhlo'] },
        ],
        RSET: [
          { guard: 'hasGreeted', target: '.ready', actions: ['resetTransaction', 'replyOk'] },
          { actions: 'replyOk' },
        ],
        NOOP: { actions: 'replyOk' },
        VRFY: { actions: 'replyVrfy' },
        EXPN: { actions: 'replyExpn' },
        HELP: { actions: 'replyHelp' },
        QUIT: { target: '#smtpServer.closed', actions: 'replyBye' },
        MAIL: { actions: 'replyOutOfOrder' },
        RCPT: { actions: 'replyOutOfOrder' },
        DATA: { actions: 'replyOutOfOrder' },
        SYNTAX_ERROR: [
          { guard: 'isOutOfOrder', actions: 'replyOutOfOrder' },
          { guard: 'isSyntaxErrorForUnavailableCommand', actions: 'replyNotImplemented' },
          { actions: 'replySyntaxError' },
        ],
        STARTTLS: [
          { guard: not('offersStartTls'), actions: 'replyNotImplemented' },
          { guard: 'tlsActive', actions: 'replyTlsActive' },
          { guard: not('hasGreeted'), actions: 'replyNeedHelo' },
          { guard: 'inTransaction', actions: 'replyTransactionInProgress' },
          { target: '.awaitingHello', actions: ['replyTlsReady', 'startTls'] },
        ],
        AUTH: [
          { guard: not('offersAuth'), actions: 'replyNotImplemented' },
          { guard: not('hasGreeted'), actions: 'replyNeedHelo' },
          { guard: 'isAuthenticated', actions: 'replyAuthAlready' },
          { guard: 'inTransaction', actions: 'replyTransactionInProgress' },
          { guard: 'authNeedsTls', actions: 'replyAuthNeedsTls' },
          { guard: not('knownMechanism'), actions: 'replyAuthUnknownMechanism' },
          { guard: 'initialResponseUndecodable', actions: 'replyAuthBadBase64' },
          { guard: 'plainInitialResponseValid', actions: ['rememberPlainUser', 'replyAuthOk'] },
          { guard: 'isPlainWithResponse', actions: 'replyAuthFailed' },
          { guard: 'isPlain', target: '.authPlain', actions: 'replyPlainChallenge' },
          {
            guard: 'isLoginWithUser',
            target: '.authLoginPassword',
            actions: ['rememberLoginUser', 'replyPasswordChallenge'],
          },
          { target: '.authLoginUser', actions: 'replyUsernameChallenge' },
        ],
        ETRN: [
          { guard: not('etrnAvailable'), actions: 'replyNotImplemented' },
          { guard: not('hasGreeted'), actions: 'replyNeedHelo' },
          { guard: 'inTransaction', actions: 'replyTransactionInProgress' },
          { actions: 'startEtrn' },
        ],
        FAULT: [
          { guard: 'faultCloses', target: '#smtpServer.closed', actions: 'replyFault' },
          { actions: 'replyFault' },
        ],
        CLOSED: '#smtpServer.closed',
        IDLE_TIMEOUT: { target: '#smtpServer.closed', actions: 'replyTimeout' },
        TOO_MANY_ERRORS: { target: '#smtpServer.closed', actions: 'replyTooManyErrors' },
      },
      states: {
        awaitingHello: {},
        ready: {
          on: {
            MAIL: [
              { guard: 'authRequiredButMissing', actions: 'replyAuthRequired' },
              { guard: 'hasUnsupportedMailParameter', actions: 'replyUnsupportedMailParameter' },
              { guard: 'declaredSizeTooBig', actions: 'replySizeExceeded' },
              { target: 'transaction', actions: ['startTransaction', 'replyMailOk'] },
            ],
          },
        },
        transaction: {
          initial: 'awaitingRecipient',
          on: {
            RCPT: [
              { guard: 'hasUnsupportedRcptParameter', actions: 'replyUnsupportedRcptParameter' },
              {
                guard: 'recipientRefused',
                actions: ['countRefusedRecipient', 'replyRecipientRefused'],
              },
              {
                guard: 'recipientGreylisted',
                actions: ['countRefusedRecipient', 'replyGreylisted'],
              },
              { target: '.hasRecipients', actions: ['addRecipient', 'replyRcptOk'] },
            ],
          },
          states: {
            awaitingRecipient: {},
            hasRecipients: {
              on: {
                DATA: { target: '#smtpServer.session.receivingText', actions: 'replyStartData' },
              },
            },
          },
        },
        // After 354 the glue reads message text, not commands, until the final dot.
        receivingText: {
          tags: ['data'],
          on: {
            // A fault injected at the final dot refuses the message.
            FAULT: [
              { guard: 'faultCloses', target: '#smtpServer.closed', actions: 'replyFault' },
              { target: 'ready', actions: ['resetTransaction', 'replyFault'] },
            ],
            END_OF_DATA: [
              {
                guard: 'messageTooBig',
                target: 'ready',
                actions: ['resetTransaction', 'replySizeExceeded'],
              },
              {
                guard: 'messageHasOverlongLine',
                target: 'ready',
                actions: ['resetTransaction', 'replyTextLineTooLong'],
              },
              { target: 'ready', actions: ['acceptMessage', 'resetTransaction'] },
            ],
          },
        },
        // AUTH sub-dialogues (RFC 4954 §4): the glue passes raw response lines.
        authPlain: {
          tags: ['authResponse'],
          on: {
            AUTH_RESPONSE: [
              { guard: 'isCancel', target: 'ready', actions: 'replyAuthAborted' },
              { guard: 'responseUndecodable', target: 'ready', actions: 'replyAuthBadBase64' },
              {
                guard: 'plainResponseValid',
                target: 'ready',
                actions: ['rememberPlainUser', 'replyAuthOk'],
              },
              { target: 'ready', actions: 'replyAuthFailed' },
            ],
          },
        },
        authLoginUser: {
          tags: ['authResponse'],
          on: {
            AUTH_RESPONSE: [
              { guard: 'isCancel', target: 'ready', actions: 'replyAuthAborted' },
              { guard: 'responseUndecodable', target: 'ready', actions: 'replyAuthBadBase64' },
              {
                target: 'authLoginPassword',
                actions: ['rememberLoginUser', 'replyPasswordChallenge'],
              },
            ],
          },
        },
        authLoginPassword: {
          tags: ['authResponse'],
          on: {
            AUTH_RESPONSE: [
              { guard: 'isCancel', target: 'ready', actions: 'replyAuthAborted' },
              { guard: 'responseUndecodable', target: 'ready', actions: 'replyAuthBadBase64' },
              {
                guard: 'loginPasswordValid',
                target: 'ready',
                actions: ['rememberLoginAuth', 'replyAuthOk'],
              },
              { target: 'ready', actions: 'replyAuthFailed' },
            ],
          },
        },
      },
    },

    closed: { type: 'final', entry: 'closeConnection' },
  },
});
