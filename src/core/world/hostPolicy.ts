// From a scenario's MTA host to the policy its SMTP server runs with. The simulated world and
// `smtp-sim serve --scenario` both use it, so a host answers the same in the browser and on a
// real TCP port.
import { formatCidr } from '../net/ip';
import { defaultPolicy, type ServerPolicy } from '../machines/smtpServer/policy';
import type { Host } from '../scenario/types';

/** The host keys that shape its SMTP server (the rest are about queues and the network). */
export type PolicyHost = Pick<
  Host,
  | 'name'
  | 'domains'
  | 'mailboxes'
  | 'relayFrom'
  | 'backupFor'
  | 'etrn'
  | 'banner'
  | 'size'
  | 'extensions'
  | 'greylisting'
  | 'users'
>;

export const SUBMISSION_PORT = 587;

/**
 * The server policy of a validated host (defaults already filled in). On the submission port
 * (RFC 6409) MAIL needs AUTH first.
 */
export function policyForHost(host: PolicyHost, opts: { port?: number } = {}): ServerPolicy {
  return defaultPolicy(host.name, {
    banner: host.banner,
    localDomains: host.domains,
    mailboxes: host.mailboxes,
    relayFrom: host.relayFrom.map(formatCidr),
    backupFor: host.backupFor,
    sizeLimit: host.size,
    extensions: host.extensions,
    etrn: host.etrn,
    greylisting: host.greylisting !== undefined,
    users: host.users,
    authRequired: opts.port === SUBMISSION_PORT,
  });
}
