// The 421 replies the bridge sends itself, outside the server machine, in the machine's format.
import { formatReply } from '../core/protocol/replyFormat';

const REPLIES = {
  tooManyConnections: { code: 421, enhanced: '4.7.0', text: 'Error: too many connections' },
  shuttingDown: { code: 421, enhanced: '4.3.2', text: 'Service shutting down' },
  internalError: { code: 421, enhanced: '4.3.0', text: 'Error: internal error' },
} as const;

/** One reply line without CRLF, e.g. `421 4.7.0 localhost Error: too many connections`. */
export function serviceReply(hostname: string, reason: keyof typeof REPLIES): string {
  const { code, enhanced, text } = REPLIES[reason];
  return formatReply({ code, enhanced, lines: [`${hostname} ${text}`] }, { enhanced: true }).join(
    '\r\n',
  );
}
