// One delivery attempt to one destination domain (RFC 5321 §5.1): find the next hops, try them in
// order until one answers, and run one mail transaction for all the domain's recipients.
// A connection failure or a refused greeting moves on to the next MX; a reply to MAIL, RCPT or
// the text decides the recipients, as Postfix does.
import type { NextHop } from '../dns/mx';
import type { ClientOptions, RecipientOutcome, Stage } from '../machines/smtpClient/types';
import { formatReply } from '../protocol/replyFormat';
import type { Reply } from '../protocol/types';
import { openClientSession, type SessionDeps, type Stoppable } from '../world/connections';
import type { Resolver } from '../world/resolver';

export interface RecipientResult {
  address: string;
  status: 'sent' | 'failed' | 'deferred';
  /** What Postfix would log: `host mx.b.example[198.51.100.25] said: 550 5.1.1 …`. */
  error: string;
  /** Enhanced status code for a DSN (RFC 3463). */
  enhanced: string;
  remoteMta?: string;
  /** The reply to the final dot never came (RFC 1047): the next hop may have the message. */
  afterDot?: boolean;
}

export interface DeliveryJob {
  from: string;
  domain: string;
  recipients: string[];
  text: string;
}

export interface DeliveryDeps extends SessionDeps {
  resolver: Resolver;
  host: string;
  selfIps: string[];
  clientOptions: ClientOptions;
  track(session: Stoppable, active: boolean): void;
  /**
   * False once the attempt is void (its host crashed since it began): a DNS answer or a connect
   * failure that comes back later must not start new connections from the restarted host.
   */
  alive?(): boolean;
}

const SMTP_PORT = 25;

const NO_OUTCOME: RecipientOutcome = { status: 'deferred', stage: 'mail', reason: 'no outcome' };

// As Postfix logs it and writes it into a DSN's Diagnostic-Code: the reply with its enhanced
// status code (`550 5.1.1 <bob@b.example>: …`); the lines of a multi-line reply joined by spaces.
function replyText(reply: Reply): string {
  return formatReply(reply, { enhanced: true }).join(' ');
}

function enhancedOf(reply: Reply | undefined, fallback: string): string {
  if (reply?.enhanced) return reply.enhanced;
  if (!reply) return fallback;
  return reply.code >= 500 ? '5.0.0' : reply.code >= 400 ? '4.0.0' : '2.0.0';
}

function fromOutcome(
  address: string,
  outcome: RecipientOutcome,
  hop: NextHop,
  ip: string,
): RecipientResult {
  const said = outcome.reply
    ? `host ${hop.host}[${ip}] said: ${replyText(outcome.reply)}`
    : noReply(outcome, `${hop.host}[${ip}]`);
  const status = outcome.status === 'delivered' ? 'sent' : outcome.status;
  const result: RecipientResult = {
    address,
    status,
    error: said,
    enhanced: enhancedOf(outcome.reply, '4.4.2'),
    remoteMta: `dns; ${hop.host}`,
  };
  if (outcome.afterDot) result.afterDot = true;
  return result;
}

/** What the client was doing when the reply never came (Postfix smtp_proto.c, `xfer_states`). */
const DOING: Record<Stage, string> = {
  greeting: 'receiving the initial server greeting',
  hello: 'performing the EHLO handshake',
  tls: 'performing the STARTTLS handshake',
  auth: 'authenticating',
  mail: 'sending MAIL FROM',
  rcpt: 'sending RCPT TO',
  data: 'sending DATA command',
  text: 'sending message body',
};

/**
 * Postfix's words for a conversation that ended without a reply: `lost connection with X[ip]
 * while …`, or `conversation with X[ip] timed out while …`. After the final dot the client cannot
 * know whether the server kept the message (RFC 1047), and says so.
 */
function noReply(outcome: RecipientOutcome, peer: string): string {
  const doing = outcome.afterDot
    ? 'sending end of data -- message may be sent more than once'
    : DOING[outcome.stage];
  if (outcome.reason === 'timeout') return `conversation with ${peer} timed out while ${doing}`;
  const detail =
    outcome.reason && !/closed|dropped/.test(outcome.reason) ? ` (${outcome.reason})` : '';
  return `lost connection with ${peer} while ${doing}${detail}`;
}

/** A session that failed before MAIL (greeting, EHLO, TLS, AUTH): the next MX may do better. */
function isSessionFailure(outcomes: RecipientOutcome[]): boolean {
  return outcomes.every(
    (o) => o.status === 'deferred' && ['greeting', 'hello', 'tls', 'auth'].includes(o.stage),
  );
}

export function deliver(
  deps: DeliveryDeps,
  job: DeliveryJob,
  done: (results: RecipientResult[]) => void,
): void {
  const all = (status: RecipientResult['status'], error: string, enhanced: string) =>
    done(job.recipients.map((address) => ({ address, status, error, enhanced })));

  deps.resolver.nextHops(
    deps.host,
    job.domain,
    { names: [deps.host], ips: deps.selfIps },
    (result) => {
      if (deps.alive?.() === false) return;
      if (result.kind === 'permanent') return all('failed', result.message, result.status);
      if (result.kind === 'temporary') return all('deferred', result.message, result.status);
      const targets = result.hops.flatMap((hop) => hop.ips.map((ip) => ({ hop, ip })));
      let lastError = 'no usable mail exchanger';

      const tryTarget = (i: number) => {
        if (deps.alive?.() === false) return;
        const target = targets[i];
        if (!target) return all('deferred', lastError, '4.4.1');
        const { hop, ip } = target;
        let reported = false;
        openClientSession(
          deps,
          {
            from: deps.host,
            toIp: ip,
            port: SMTP_PORT,
            options: deps.clientOptions,
            transactions: [{ from: job.from, recipients: job.recipients, text: job.text }],
            failed: (why) => {
              lastError = `connect to ${hop.host}[${ip}]:${SMTP_PORT}: ${why === 'refused' ? 'Connection refused' : 'Connection timed out'}`;
              tryTarget(i + 1);
            },
            // Commit the transaction on the reply to its dot, before QUIT (as Postfix does), so
            // a crash between the 250 and the 221 does not send the message again.
            decided: (transaction, row) => {
              if (transaction !== 0 || reported) return;
              reported = true;
              done(
                job.recipients.map((address, r) =>
                  fromOutcome(address, row[r] ?? NO_OUTCOME, hop, ip),
                ),
              );
            },
            done: (outcomes) => {
              if (reported) return;
              const row = outcomes[0] ?? [];
              if (isSessionFailure(row)) {
                const first = row[0];
                lastError = first ? fromOutcome('', first, hop, ip).error : lastError;
                return tryTarget(i + 1);
              }
              done(
                job.recipients.map((address, r) => {
                  return fromOutcome(address, row[r] ?? NO_OUTCOME, hop, ip);
                }),
              );
            },
          },
          deps.track,
        );
      };
      tryTarget(0);
    },
  );
}
