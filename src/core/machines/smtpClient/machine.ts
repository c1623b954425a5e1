// The SMTP client statechart: one actor per outbound connection, started once the connection is
// open. Greeting → EHLO (HELO fallback) → STARTTLS/AUTH when asked → transactions → QUIT.
// A lost connection, a timeout or a 421 at any point defers every recipient not yet decided.
import { clientSetup } from './setup';
import { RFC_TIMEOUTS } from './types';

type GiveUp =
  'giveUpAtGreeting' | 'giveUpAtHello' | 'giveUpAtTls' | 'giveUpAtAuth' | 'giveUpInTransaction';

/** What ends a session early in a given phase: the peer vanishing or talking nonsense. */
function failures(giveUp: GiveUp) {
  return {
    LOST: { target: '#smtpClient.done', actions: giveUp },
    BAD_REPLY: { target: '#smtpClient.quitting', actions: [giveUp, 'sendQuit' as const] },
  };
}

export const smtpClientMachine = clientSetup.createMachine({
  id: 'smtpClient',
  context: ({ input }) => ({
    options: { ...input.options, timeouts: input.options.timeouts ?? RFC_TIMEOUTS },
    transactions: input.transactions,
    current: 0,
    outcomes: input.transactions.map((t) => t.recipients.map(() => undefined)),
    extensions: {},
    esmtp: false,
    tls: false,
    tlsRefused: false,
    authenticated: false,
    pending: [],
    accepted: [],
    mailAccepted: false,
    needsReset: false,
  }),
  output: ({ context }) => context.outcomes,
  initial: 'greeting',
  states: {
    greeting: {
      after: { greetingTimeout: { target: 'done', actions: 'giveUpAtGreeting' } },
      on: {
        ...failures('giveUpAtGreeting'),
        REPLY: [
          // A 421 closes the connection: nothing more is written (RFC 5321 §3.8).
          { guard: 'isServiceClosing', target: 'done', actions: 'giveUpAtGreeting' },
          { guard: 'isPositive', target: 'hello', actions: 'sendEhlo' },
          // A 554 (or 421) greeting: say QUIT and let the next MX try (RFC 5321 §3.1).
          { target: 'quitting', actions: ['giveUpAtGreeting', 'sendQuit'] },
        ],
      },
    },
    hello: {
      after: { commandTimeout: { target: 'done', actions: 'giveUpAtHello' } },
      on: {
        ...failures('giveUpAtHello'),
        REPLY: [
          { guard: 'isServiceClosing', target: 'done', actions: 'giveUpAtHello' },
          { guard: 'isPositive', target: 'afterHello', actions: 'rememberEhlo' },
          { guard: 'ehloNotUnderstood', target: 'heloFallback', actions: 'sendHelo' },
          { target: 'quitting', actions: ['giveUpAtHello', 'sendQuit'] },
        ],
      },
    },
    // RFC 5321 §3.2: a server that does not know EHLO gets HELO.
    heloFallback: {
      after: { commandTimeout: { target: 'done', actions: 'giveUpAtHello' } },
      on: {
        ...failures('giveUpAtHello'),
        REPLY: [
          { guard: 'isServiceClosing', target: 'done', actions: 'giveUpAtHello' },
          { guard: 'isPositive', target: 'afterHello', actions: 'rememberHelo' },
          { target: 'quitting', actions: ['giveUpAtHello', 'sendQuit'] },
        ],
      },
    },
    afterHello: {
      always: [
        { guard: 'shouldStartTls', target: 'startingTls', actions: 'sendStartTls' },
        { guard: 'tlsMissing', target: 'quitting', actions: ['giveUpWithoutTls', 'sendQuit'] },
        { guard: 'shouldAuthenticate', target: 'authenticating', actions: 'sendAuth' },
        { target: 'transaction', actions: 'startTransaction' },
      ],
    },
    startingTls: {
      after: { commandTimeout: { target: 'done', actions: 'giveUpAtTls' } },
      on: {
        ...failures('giveUpAtTls'),
        REPLY: [
          { guard: 'isTlsReady', target: 'hello', actions: ['startTlsSession', 'sendEhlo'] },
          { guard: 'isServiceClosing', target: 'done', actions: 'giveUpAtTls' },
          { guard: 'tlsRequired', target: 'quitting', actions: ['giveUpAtTls', 'sendQuit'] },
          { target: 'afterHello', actions: 'skipTls' },
        ],
      },
    },
    authenticating: {
      after: { commandTimeout: { target: 'done', actions: 'giveUpAtAuth' } },
      on: {
        ...failures('giveUpAtAuth'),
        REPLY: [
          { guard: 'isServiceClosing', target: 'done', actions: 'giveUpAtAuth' },
          { guard: 'isPositive', target: 'afterHello', actions: 'rememberAuthenticated' },
          { target: 'quitting', actions: ['giveUpAtAuth', 'sendQuit'] },
        ],
      },
    },
    transaction: {
      initial: 'envelope',
      on: failures('giveUpInTransaction'),
      states: {
        // MAIL, RCPT… and DATA: all at once with PIPELINING, else one reply at a time.
        envelope: {
          after: {
            envelopeTimeout: { target: '#smtpClient.done', actions: 'giveUpInTransaction' },
          },
          always: { guard: 'nothingPending', target: '#smtpClient.transactionEnd' },
          on: {
            REPLY: [
              {
                guard: 'isServiceClosing',
                target: '#smtpClient.done',
                actions: 'giveUpInTransaction',
              },
              { guard: 'isDataGoAhead', target: 'awaitingDataResult', actions: 'sendMessageText' },
              {
                guard: 'isReplyToData',
                target: '#smtpClient.transactionEnd',
                actions: 'recordDataRefused',
              },
              { target: 'envelope', reenter: true, actions: 'recordEnvelopeReply' },
            ],
          },
        },
        // The text and the final dot are out; the reply decides every accepted recipient.
        awaitingDataResult: {
          after: {
            dataDoneTimeout: { target: '#smtpClient.done', actions: 'giveUpInTransaction' },
          },
          on: {
            REPLY: [
              {
                guard: 'isServiceClosing',
                target: '#smtpClient.done',
                actions: 'giveUpInTransaction',
              },
              { target: '#smtpClient.transactionEnd', actions: 'recordDataResult' },
            ],
          },
        },
      },
    },
    // Each transaction is reported as soon as it is decided, so a sender can commit it before
    // QUIT (Postfix marks recipients done on the reply to the dot, not at the end of the session).
    transactionEnd: {
      entry: 'reportTransaction',
      always: [
        { guard: 'needsReset', target: 'resetting', actions: 'sendRset' },
        { guard: 'hasNextTransaction', target: 'transaction', actions: 'startNextTransaction' },
        { target: 'quitting', actions: 'sendQuit' },
      ],
    },
    resetting: {
      after: { commandTimeout: { target: 'done', actions: 'giveUpInTransaction' } },
      on: {
        ...failures('giveUpInTransaction'),
        REPLY: [
          { guard: 'isServiceClosing', target: 'done', actions: 'giveUpInTransaction' },
          { guard: 'isPositive', target: 'transaction', actions: 'startNextTransaction' },
          { target: 'quitting', actions: ['giveUpInTransaction', 'sendQuit'] },
        ],
      },
    },
    quitting: {
      after: { commandTimeout: 'done' },
      on: { REPLY: 'done', LOST: 'done', BAD_REPLY: 'done' },
    },
    done: { type: 'final', entry: 'closeConnection' },
  },
});
