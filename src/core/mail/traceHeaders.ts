// Trace header fields added on receipt (RFC 5321 §4.4): every hop prepends `Received:`, final
// delivery adds `Return-Path:`. The layout follows Postfix, folded with a tab before `by` and
// `for` so each line stays short.

/** RFC 3848 `with` keywords (the server machine's type of the same name matches it). */
export type ReceivedProtocol = 'SMTP' | 'ESMTP' | 'ESMTPS' | 'ESMTPA' | 'ESMTPSA';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad2 = (n: number) => String(n).padStart(2, '0');

/** RFC 5322 §3.3 date-time in UTC: `Tue, 3 Mar 2026 10:00:00 +0000`. */
export function formatRfc5322Date(epochMs: number): string {
  const d = new Date(epochMs);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a time: ${epochMs}`);
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time} +0000`;
}

export interface ReceivedFields {
  /** The HELO/EHLO argument as the client gave it. */
  helo: string;
  clientIp: string;
  /** The client's reverse DNS name; `unknown` when absent, as Postfix writes it. */
  rdns?: string;
  /** This host's name. */
  by: string;
  protocol: ReceivedProtocol;
  queueId: string;
  /** Only when the transaction had exactly one recipient (a `for` clause names it). */
  recipient?: string;
  /** Epoch milliseconds of receipt. */
  date: number;
}

/** The `Received:` field, folded over three lines (CRLF + tab), without a final CRLF. */
export function receivedHeader(o: ReceivedFields): string {
  const from = `Received: from ${o.helo} (${o.rdns ?? 'unknown'} [${o.clientIp}])`;
  const by = `\tby ${o.by} (smtp-sim) with ${o.protocol} id ${o.queueId}`;
  const date = formatRfc5322Date(o.date);
  const last = o.recipient === undefined ? `\t${date}` : `\tfor <${o.recipient}>; ${date}`;
  // Without a `for` clause the date still needs its `;` (RFC 5321 §4.4 Stamp).
  return o.recipient === undefined ? `${from}\r\n${by};\r\n${last}` : `${from}\r\n${by}\r\n${last}`;
}

/** `Return-Path: <reverse-path>`; `''` is the null reverse path `<>`. */
export function returnPathHeader(reversePath: string): string {
  return `Return-Path: <${reversePath}>`;
}

/** The header fields, each followed by CRLF, in front of the message text. */
export function prependHeaders(text: string, headers: string[]): string {
  return headers.map((h) => h + '\r\n').join('') + text;
}
