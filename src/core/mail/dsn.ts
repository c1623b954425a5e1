// Delivery status notifications (RFC 3464) in a multipart/report (RFC 3462), laid out like
// Postfix's bounce_notify_util.c: a human explanation, the machine-readable report, then the
// returned message or its headers. Sent from the null reverse-path (RFC 5321 §4.5.5), so a DSN
// is never answered with another DSN; the caller sends it, this module only writes and reads it.
import {
  cutLine,
  foldHeader,
  getHeader,
  hasNonAscii,
  parseMessage,
  sanitizeHeaderValue,
  splitHeaderBlock,
  toCrlf,
} from './message';
import { formatRfc5322Date } from './traceHeaders';

export type DsnKind = 'failure' | 'delay';

export interface DsnRecipient {
  address: string;
  action: 'failed' | 'delayed';
  /** Enhanced status code (RFC 3463), e.g. `5.1.1`, `4.4.1`. */
  status: string;
  /**
   * `smtp; 550 5.1.1 …`, one line (CR/LF become spaces, so a multi-line reply joins up); text
   * without a `type;` gets `X-Postfix; ` as Postfix writes it; blank is left out.
   */
  diagnostic?: string;
  /** `dns; mx.b.example`; a bare name gets `dns; `. */
  remoteMta?: string;
  /** Epoch ms; written for `delayed` recipients only (RFC 3464 §2.3.9). */
  willRetryUntil?: number;
  lastAttempt?: number;
}

export interface DsnInput {
  kind: DsnKind;
  /** This host's name. */
  reportingMta: string;
  /** The From address; `MAILER-DAEMON@<reportingMta>` by default. With `<…>`, the whole value. */
  postmaster?: string;
  /** The original reverse-path; never `''` (nobody bounces a bounce). */
  to: string;
  /** Epoch ms of the report. */
  date: number;
  /** The DSN's own Message-ID, with angle brackets. */
  messageId: string;
  /**
   * RFC 2046 boundary (Postfix: `queueid.time/host`). Made valid if it is not (characters
   * replaced, cut to 70), and given a `.N` suffix if the returned message contains it.
   */
  boundary: string;
  /** The original message's queue id. */
  queueId: string;
  arrivalDate: number;
  /** The original text; its Message-ID is read from it when not given. */
  original: { text: string; messageId?: string };
  /** `full`: message/rfc822; `headers`: text/rfc822-headers (RFC 3461 RET=HDRS). */
  returnContent: 'full' | 'headers';
  recipients: DsnRecipient[];
  /** Replaces the subject of DSN_SUBJECTS (Sendmail and Exim start delay notices with `Warning:`). */
  subject?: string;
}

export interface ParsedDsnRecipient {
  /** From `Final-Recipient`, without its `rfc822;` type. */
  address: string;
  /** Lower case, as RFC 3464 lists them (`failed`, `delayed`, `delivered`, …). */
  action: string;
  status: string;
  /** The whole `Diagnostic-Code` value, type included. */
  diagnostic?: string;
  /** The whole `Remote-MTA` value, type included. */
  remoteMta?: string;
}

export interface ParsedDsn {
  kind: DsnKind;
  /** Without its `dns;` type. */
  reportingMta?: string;
  queueId?: string;
  /** The Message-ID of the returned message (or of `In-Reply-To`). */
  originalMessageId?: string;
  recipients: ParsedDsnRecipient[];
}

export const DSN_SUBJECTS: Readonly<Record<DsnKind, string>> = {
  failure: 'Undelivered Mail Returned to Sender',
  delay: 'Delayed Mail (still being retried)',
};

const STATUS = /^[245]\.\d{1,3}\.\d{1,3}$/;
const NOT_BCHAR = /[^0-9A-Za-z'()+_,\-./:=? ]/g;
const TYPED = /^([A-Za-z0-9-]+)[ \t]*;[ \t]*(.*)$/s;
const HUMAN_WIDTH = 76;
const INDENT = '    ';

/** The value after `type;`, or all of it. */
const untyped = (value: string) => TYPED.exec(value)?.[2] ?? value;
/** One line with a `type;` (`type; ` put in front if missing); undefined when blank. */
function typed(value: string | undefined, type: string): string | undefined {
  const line = sanitizeHeaderValue(value ?? '');
  if (line === '') return undefined;
  return TYPED.test(line) ? line : `${type}; ${line}`;
}

/** Words joined into lines of at most `width` characters; later lines start with `indent`. */
function wrap(text: string, indent = '', width = HUMAN_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line += ' ' + word;
  }
  lines.push(line);
  return lines.flatMap((l) => cutLine(l, indent));
}

/** Postfix's one-line reason for a recipient: `host X said: …` for an SMTP reply. */
function reason(r: DsnRecipient, kind: DsnKind): string {
  const diagnostic = sanitizeHeaderValue(r.diagnostic ?? '');
  const text = untyped(diagnostic);
  const smtp = TYPED.exec(diagnostic)?.[1]?.toLowerCase() === 'smtp';
  if (text !== '' && smtp && r.remoteMta !== undefined) {
    return `host ${untyped(sanitizeHeaderValue(r.remoteMta))} said: ${text}`;
  }
  if (text !== '') return text;
  return `delivery ${kind === 'failure' ? 'failed' : 'delayed'} (status ${r.status})`;
}

function humanPart(o: DsnInput): string {
  const host = sanitizeHeaderValue(o.reportingMta);
  const paragraphs: string[][] = [wrap(`This is the mail system at host ${host}.`)];
  if (o.kind === 'failure') {
    const attached =
      o.returnContent === 'full' ? "It's attached below." : 'Its headers are attached below.';
    paragraphs.push(
      wrap(
        "I'm sorry to have to inform you that your message could not be delivered to one or " +
          `more recipients. ${attached}`,
        '',
        60,
      ),
    );
  } else {
    const until = Math.max(...o.recipients.map((r) => r.willRetryUntil ?? -Infinity));
    const continues = Number.isFinite(until)
      ? `The mail system will continue delivery attempts until ${formatRfc5322Date(until)}.`
      : 'The mail system will continue delivery attempts.';
    paragraphs.push(
      [
        '####################################################################',
        '# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #',
        '####################################################################',
      ],
      wrap(
        'Your message has not yet been delivered to one or more recipients since ' +
          `${formatRfc5322Date(o.arrivalDate)}. ${continues}`,
        '',
        68,
      ),
    );
  }
  paragraphs.push(
    ['For further assistance, please send mail to postmaster.'],
    [
      'If you do so, please include this problem report. You can',
      'delete your own text from the attached returned message.',
    ],
    ['                   The mail system'],
    ...o.recipients.map((r) =>
      wrap(`<${sanitizeHeaderValue(r.address)}>: ${reason(r, o.kind)}`, INDENT),
    ),
  );
  return paragraphs.map((p) => p.join('\r\n') + '\r\n').join('\r\n');
}

function fields(list: Array<[string, string | undefined]>): string {
  return list
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([name, value]) => foldHeader(name, value) + '\r\n')
    .join('');
}

function statusPart(o: DsnInput): string {
  const perMessage = fields([
    ['Reporting-MTA', `dns; ${o.reportingMta}`],
    ['X-Postfix-Queue-ID', o.queueId],
    ['X-Postfix-Sender', `rfc822; ${o.to}`],
    ['Arrival-Date', formatRfc5322Date(o.arrivalDate)],
  ]);
  const perRecipient = o.recipients.map((r) =>
    fields([
      ['Final-Recipient', `rfc822; ${r.address}`],
      ['Action', r.action],
      ['Status', r.status],
      ['Remote-MTA', typed(r.remoteMta, 'dns')],
      ['Diagnostic-Code', typed(r.diagnostic, 'X-Postfix')],
      [
        'Last-Attempt-Date',
        r.lastAttempt === undefined ? undefined : formatRfc5322Date(r.lastAttempt),
      ],
      [
        'Will-Retry-Until',
        r.action === 'delayed' && r.willRetryUntil !== undefined
          ? formatRfc5322Date(r.willRetryUntil)
          : undefined,
      ],
    ]),
  );
  return [perMessage, ...perRecipient].join('\r\n');
}

/** The returned content with CRLF line ends, ending in CRLF unless empty. */
function returnedPart(o: DsnInput): string {
  const text = toCrlf(o.original.text);
  const kept = o.returnContent === 'full' ? text : text.slice(0, splitHeaderBlock(text).headerEnd);
  return kept === '' || kept.endsWith('\r\n') ? kept : kept + '\r\n';
}

/**
 * `given` made a valid RFC 2046 boundary (other characters become `_`, 70 at most, no final
 * space), then `….N` if a part has a line starting `--boundary`.
 */
function freeBoundary(given: string, contents: readonly string[]): string {
  const boundary = given.replace(NOT_BCHAR, '_').slice(0, 70).trimEnd() || '=_';
  const clashes = (b: string) => contents.some((c) => `\n${c}`.includes(`\n--${b}`));
  let b = boundary;
  for (let n = 1; clashes(b); n++) b = boundary.slice(0, 70 - `.${n}`.length) + `.${n}`;
  return b;
}

function validate(o: DsnInput): void {
  if (o.to === '') throw new RangeError('a DSN is never sent to the null reverse-path');
  if (o.recipients.length === 0) throw new RangeError('a DSN needs at least one recipient');
  for (const r of o.recipients) {
    if (!STATUS.test(r.status)) throw new RangeError(`not an enhanced status code: ${r.status}`);
  }
}

/**
 * A complete DSN message (CRLF line ends). Every line it writes itself is at most 998
 * characters; the returned message's lines are passed through.
 * @throws RangeError on an empty `to`, no recipients, a bad status code or date.
 */
export function buildDsn(o: DsnInput): string {
  validate(o);
  const human = humanPart(o);
  const status = statusPart(o);
  const returned = returnedPart(o);
  const human8 = hasNonAscii(human);
  const status8 = hasNonAscii(status);
  const returned8 = hasNonAscii(returned);
  const eightBit = human8 || status8 || returned8;
  const boundary = freeBoundary(o.boundary, [human, status, returned]);
  const originalId = o.original.messageId ?? parseMessage(o.original.text).messageId;
  const from = o.postmaster ?? `MAILER-DAEMON@${o.reportingMta}`;

  const head = fields([
    ['From', from.includes('<') ? from : `${from} (Mail Delivery System)`],
    ['To', o.to],
    ['Subject', o.subject ?? DSN_SUBJECTS[o.kind]],
    ['Date', formatRfc5322Date(o.date)],
    ['Message-ID', o.messageId],
    // RFC 3834 §3.1.5: lets mail readers thread the report under the message it is about.
    ['In-Reply-To', originalId || undefined],
    ['References', originalId || undefined],
    ['Auto-Submitted', 'auto-replied'],
    ['MIME-Version', '1.0'],
    ['Content-Type', `multipart/report; report-type=delivery-status; boundary="${boundary}"`],
    ['Content-Transfer-Encoding', eightBit ? '8bit' : undefined],
  ]);
  const part = (headers: Array<[string, string | undefined]>, content: string) =>
    `--${boundary}\r\n${fields(headers)}\r\n${content}\r\n`;
  const cte = (is8: boolean) => (is8 ? '8bit' : undefined);
  const full = o.returnContent === 'full';
  return (
    head +
    '\r\nThis is a MIME-encapsulated message.\r\n\r\n' +
    part(
      [
        ['Content-Description', 'Notification'],
        ['Content-Type', `text/plain; charset=${human8 ? 'utf-8' : 'us-ascii'}`],
        ['Content-Transfer-Encoding', cte(human8)],
      ],
      human,
    ) +
    part(
      [
        ['Content-Description', 'Delivery report'],
        ['Content-Type', 'message/delivery-status'],
        ['Content-Transfer-Encoding', cte(status8)],
      ],
      status,
    ) +
    part(
      [
        ['Content-Description', `Undelivered Message${full ? '' : ' Headers'}`],
        ['Content-Type', full ? 'message/rfc822' : 'text/rfc822-headers'],
        ['Content-Transfer-Encoding', cte(returned8)],
      ],
      returned,
    ) +
    `--${boundary}--\r\n`
  );
}

/** The body parts of a multipart body (RFC 2046 §5.1.1), each without the delimiter's CRLF. */
function splitParts(body: string, boundary: string): string[] {
  const parts: string[] = [];
  let current: string[] | undefined;
  for (const line of body.split(/\r?\n/)) {
    const trimmed = line.trimEnd();
    if (trimmed === `--${boundary}--`) break;
    if (trimmed === `--${boundary}`) {
      if (current) parts.push(current.join('\r\n'));
      current = [];
    } else current?.push(line);
  }
  if (current) parts.push(current.join('\r\n'));
  return parts;
}

/** The field groups of a delivery-status body, split at empty lines. */
function fieldGroups(body: string): Array<Array<[string, string]>> {
  return body
    .split(/\r?\n(?:[ \t]*\r?\n)+/)
    .map((group) => parseMessage(group).headers)
    .filter((group) => group.length > 0);
}

/**
 * Reads back a DSN (ours or any RFC 3464 report): `failure` if a recipient failed, else `delay`
 * if one is delayed. Undefined for anything else (not a report, no recipients, only successes).
 * Never throws.
 */
export function parseDsn(text: string): ParsedDsn | undefined {
  const message = parseMessage(text);
  const type = getHeader(message.headers, 'Content-Type') ?? '';
  if (!/^multipart\/report\b/i.test(type)) return undefined;
  const param = /\bboundary[ \t]*=[ \t]*(?:"([^"]*)"|([^\s;"]+))/i.exec(type);
  const boundary = param?.[1] ?? param?.[2];
  if (!boundary) return undefined;

  let groups: Array<Array<[string, string]>> = [];
  let originalMessageId = '';
  for (const part of splitParts(message.body, boundary).map(parseMessage)) {
    const partType = (getHeader(part.headers, 'Content-Type') ?? '').toLowerCase();
    if (/^message\/(global-)?delivery-status\b/.test(partType)) groups = fieldGroups(part.body);
    else if (/^(message\/rfc822|text\/rfc822-headers)\b/.test(partType)) {
      originalMessageId = parseMessage(part.body).messageId;
    }
  }
  const [perMessage, ...perRecipient] = groups;
  if (!perMessage) return undefined;

  const recipients: ParsedDsnRecipient[] = [];
  for (const group of perRecipient) {
    const address = getHeader(group, 'Final-Recipient');
    const action = getHeader(group, 'Action');
    const status = /\d\.\d{1,3}\.\d{1,3}/.exec(getHeader(group, 'Status') ?? '')?.[0];
    if (address === undefined || action === undefined || status === undefined) continue;
    const recipient: ParsedDsnRecipient = {
      address: untyped(address).trim(),
      action: action.toLowerCase(),
      status,
    };
    const diagnostic = getHeader(group, 'Diagnostic-Code');
    if (diagnostic !== undefined) recipient.diagnostic = diagnostic;
    const remoteMta = getHeader(group, 'Remote-MTA');
    if (remoteMta !== undefined) recipient.remoteMta = remoteMta;
    recipients.push(recipient);
  }
  const actions = new Set(recipients.map((r) => r.action));
  const kind = actions.has('failed') ? 'failure' : actions.has('delayed') ? 'delay' : undefined;
  if (kind === undefined) return undefined;

  const dsn: ParsedDsn = { kind, recipients };
  const reportingMta = getHeader(perMessage, 'Reporting-MTA');
  if (reportingMta !== undefined) dsn.reportingMta = untyped(reportingMta).trim();
  const queueId = getHeader(perMessage, 'X-Postfix-Queue-ID');
  if (queueId !== undefined) dsn.queueId = queueId;
  const inReplyTo = getHeader(message.headers, 'In-Reply-To') ?? '';
  const id = originalMessageId || /<[^<>]*>/.exec(inReplyTo)?.[0];
  if (id) dsn.originalMessageId = id;
  return dsn;
}
