// Mailboxes at the cursor and the parts of a stored message worth showing: its Received chain hop
// by hop (oldest first), its text parsed by postal-mime (loaded on first use), its DSN fields.
// Everything here is plain text; the components render it as text, never as HTML.
import type { StoredMessage } from '../../../core/trace/types';

export interface MailboxRow {
  mailbox: string;
  /** The messages delivered up to the cursor, in delivery order. */
  messages: StoredMessage[];
  /** How many the mailbox holds at the end of the run. */
  total: number;
}

export function mailboxesAt(
  messages: Readonly<Record<string, StoredMessage[]>>,
  delivered: Readonly<Record<string, number>>,
): MailboxRow[] {
  return Object.keys(messages)
    .sort((a, b) => a.localeCompare(b))
    .map((mailbox) => {
      const all = messages[mailbox] ?? [];
      return { mailbox, messages: all.slice(0, delivered[mailbox] ?? 0), total: all.length };
    });
}

export interface Hop {
  /** 1 for the first relay the message went through. */
  n: number;
  from?: string;
  /** What the receiving server saw of the sender: `(alice-pc [192.0.2.10])`. */
  fromDetail?: string;
  by?: string;
  with?: string;
  id?: string;
  for?: string;
  date?: string;
  /** How long the message waited since the hop before (from the two dates), in ms. */
  waited?: number;
  /** The whole header value, unfolded. */
  raw: string;
}

const unfold = (value: string) => value.replace(/\r?\n[ \t]+/g, ' ').trim();

/** One Received header value as its parts (RFC 5321 §4.4); unknown parts stay in `raw`. */
export function parseReceived(value: string, n: number): Hop {
  const raw = unfold(value);
  const hop: Hop = { n, raw };
  const semi = raw.lastIndexOf(';');
  const clauses = semi >= 0 ? raw.slice(0, semi) : raw;
  if (semi >= 0) hop.date = raw.slice(semi + 1).trim();
  const from = /\bfrom\s+(\S+)(?:\s+(\([^)]*\)))?/i.exec(clauses);
  if (from) {
    hop.from = from[1];
    if (from[2]) hop.fromDetail = from[2];
  }
  const by = /\bby\s+(\S+)/i.exec(clauses);
  if (by) hop.by = by[1];
  const proto = /\bwith\s+(\S+)/i.exec(clauses);
  if (proto) hop.with = proto[1];
  const id = /\bid\s+(\S+)/i.exec(clauses);
  if (id) hop.id = id[1];
  const rcpt = /\bfor\s+(<[^>]*>|\S+)/i.exec(clauses);
  if (rcpt) hop.for = rcpt[1];
  return hop;
}

/** The Received headers in the order the message travelled (the last one added comes first). */
export function receivedChain(headers: ReadonlyArray<readonly [string, string]>): Hop[] {
  const hops = headers
    .filter(([name]) => name.toLowerCase() === 'received')
    .map(([, value]) => value)
    .reverse()
    .map((value, i) => parseReceived(value, i + 1));
  hops.forEach((hop, i) => {
    const before = i > 0 ? Date.parse(hops[i - 1]?.date ?? '') : NaN;
    const now = Date.parse(hop.date ?? '');
    if (Number.isFinite(before) && Number.isFinite(now) && now >= before) hop.waited = now - before;
  });
  return hops;
}

export interface ParsedMail {
  headers: Array<{ key: string; value: string }>;
  subject?: string;
  from?: string;
  to?: string;
  date?: string;
  /** The text body (postal-mime's text part). */
  text?: string;
  /** An HTML part, as source text: it is shown, never rendered. */
  html?: string;
  attachments: Array<{ filename: string | null; mimeType: string }>;
}

type Address = { name: string; address?: string; group?: Address[] };

function addressText(a: Address | Address[] | undefined): string | undefined {
  if (a === undefined) return undefined;
  const list = Array.isArray(a) ? a : [a];
  return list
    .map((x) =>
      x.group
        ? `${x.name}: ${addressText(x.group) ?? ''}`
        : x.name
          ? `${x.name} <${x.address ?? ''}>`
          : (x.address ?? ''),
    )
    .join(', ');
}

/** Parses a raw message with postal-mime, which is loaded the first time. */
export async function parseMail(raw: string): Promise<ParsedMail> {
  const { default: PostalMime } = await import('postal-mime');
  const email = await PostalMime.parse(raw);
  const mail: ParsedMail = {
    headers: email.headers.map((h) => ({ key: h.originalKey || h.key, value: h.value })),
    attachments: email.attachments.map((a) => ({ filename: a.filename, mimeType: a.mimeType })),
  };
  if (email.subject !== undefined) mail.subject = email.subject;
  const from = addressText(email.from as Address | undefined);
  if (from !== undefined) mail.from = from;
  const to = addressText(email.to as Address[] | undefined);
  if (to !== undefined) mail.to = to;
  if (email.date !== undefined) mail.date = email.date;
  if (email.text !== undefined) mail.text = email.text;
  if (email.html !== undefined) mail.html = email.html;
  return mail;
}
