// Message-ID (RFC 5322 §3.6.4) the way Postfix's cleanup makes one when a message has none:
// `<yyyymmddhhmmss.QUEUEID@myhostname>`, from the virtual clock, so runs are reproducible.
import { getHeader, parseMessage, sanitizeHeaderValue, splitHeaderBlock } from './message';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `<20260105090001.ABC123@host>`: `time` (epoch ms) as yyyymmddhhmmss in UTC, the queue id and
 * the host name.
 * @throws RangeError when `time` is not a time.
 */
export function makeMessageId(o: { host: string; queueId: string; time: number }): string {
  const d = new Date(o.time);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a time: ${o.time}`);
  const stamp =
    pad(d.getUTCFullYear(), 4) +
    pad(d.getUTCMonth() + 1) +
    pad(d.getUTCDate()) +
    pad(d.getUTCHours()) +
    pad(d.getUTCMinutes()) +
    pad(d.getUTCSeconds());
  return `<${stamp}.${o.queueId}@${o.host}>`;
}

/**
 * Adds `Message-ID: id` at the end of the header block when the message has no Message-ID
 * field (any value, even empty, counts as present), using the line end the text already uses
 * (CRLF if it has none). A text that is all body gets a header block of its own.
 */
export function ensureMessageId(
  raw: string,
  id: string,
): { raw: string; messageId: string; added: boolean } {
  const result = withMessageId(raw, id);
  return { raw: result.raw, messageId: result.messageId, added: result.added };
}

/**
 * `ensureMessageId`, and the Subject of a message that already had a Message-ID (read from the
 * same parse, so that a caller that needs it does not parse the message again).
 */
export function withMessageId(
  raw: string,
  id: string,
): { raw: string; messageId: string; added: boolean; subject?: string } {
  const parsed = parseMessage(raw);
  if (getHeader(parsed.headers, 'Message-ID') !== undefined) {
    return { raw, messageId: parsed.messageId, added: false, subject: parsed.subject };
  }
  const messageId = sanitizeHeaderValue(id);
  const block = splitHeaderBlock(raw);
  const eol = /\r\n/.test(raw) || !raw.includes('\n') ? '\r\n' : '\n';
  const field = `Message-ID: ${messageId}${eol}`;
  if (block.allBody) return { raw: field + eol + raw, messageId, added: true };
  const at = block.headerEnd;
  const before = raw.slice(0, at);
  // A last header line without its line end gets one (a lone CR only lacks its LF).
  const sep = before === '' || before.endsWith('\n') ? '' : before.endsWith('\r') ? '\n' : eol;
  return { raw: before + sep + field + raw.slice(at), messageId, added: true };
}
