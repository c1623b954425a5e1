// The message model (RFC 5322): a header block, an empty line, a body. Parsing is lenient and
// never throws, because scenarios and remote peers may send anything; composing is strict, so
// nothing a scenario writes into a header value can start a new header field.

/** A header field as written: its name (case kept) and its unfolded value. */
export type HeaderField = [name: string, value: string];

export interface ParsedMessage {
  /** Names as written, values unfolded (CRLF + WSP → the WSP) and trimmed, in order. */
  headers: HeaderField[];
  /** Everything after the first empty line, as is. */
  body: string;
  /** `''` if none. */
  subject: string;
  /** `''` if none; the first `<…>` of the field (angle brackets kept), else its whole value. */
  messageId: string;
}

/** Where the header block of a message text ends. */
export interface HeaderBlock {
  /** The header lines without their line ends (continuation lines kept apart). */
  lines: string[];
  /** Offset just after the last header line's line end (where a new field would go). */
  headerEnd: number;
  /** Offset of the body (after the empty line, if there is one). */
  bodyStart: number;
  /** True when the text has no header block at all and is all body. */
  allBody: boolean;
}

/** RFC 5322 §3.6.8 field name (printable ASCII but `:`), allowing obsolete WSP before `:`. */
const FIELD_LINE = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;
const FIELD_NAME = /^[\x21-\x39\x3b-\x7e]+$/;
const NON_ASCII = /[\u0080-\uffff]/;

/** Soft and hard line limits of RFC 5322 §2.1.1 (without the CRLF). */
export const SOFT_LINE_LIMIT = 78;
export const HARD_LINE_LIMIT = 998;

/**
 * Splits `raw` at the first empty line (lines end in CRLF or LF). The part before is the header
 * block if every line in it is a header field or a continuation line (the first line may not be
 * a continuation); otherwise the whole text is body. Without an empty line the text is all
 * headers under the same rule.
 */
export function splitHeaderBlock(raw: string): HeaderBlock {
  const lines: string[] = [];
  let pos = 0;
  while (pos < raw.length) {
    const nl = raw.indexOf('\n', pos);
    const next = nl === -1 ? raw.length : nl + 1;
    let line = raw.slice(pos, nl === -1 ? raw.length : nl);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line === '') {
      return { lines, headerEnd: pos, bodyStart: next, allBody: false };
    }
    const continuation = lines.length > 0 && (line.startsWith(' ') || line.startsWith('\t'));
    if (!continuation && !FIELD_LINE.test(line)) {
      return { lines: [], headerEnd: 0, bodyStart: 0, allBody: true };
    }
    lines.push(line);
    pos = next;
  }
  return { lines, headerEnd: raw.length, bodyStart: raw.length, allBody: false };
}

/** Joins header lines into fields: a continuation line is appended with its leading WSP. */
function unfold(lines: readonly string[]): HeaderField[] {
  const fields: HeaderField[] = [];
  for (const line of lines) {
    const last = fields[fields.length - 1];
    if (last && (line.startsWith(' ') || line.startsWith('\t'))) {
      last[1] += line;
      continue;
    }
    const colon = line.indexOf(':');
    fields.push([line.slice(0, colon).trimEnd(), line.slice(colon + 1)]);
  }
  for (const field of fields) field[1] = field[1].trim();
  return fields;
}

/** Parses a message text; never throws. */
export function parseMessage(raw: string): ParsedMessage {
  const block = splitHeaderBlock(raw);
  const headers = unfold(block.lines);
  const id = getHeader(headers, 'Message-ID') ?? '';
  return {
    headers,
    body: raw.slice(block.bodyStart),
    subject: getHeader(headers, 'Subject') ?? '',
    messageId: /<[^<>]*>/.exec(id)?.[0] ?? id,
  };
}

/** The value of the first field called `name` (case-insensitive). */
export function getHeader(
  headers: ReadonlyArray<readonly [string, string]>,
  name: string,
): string | undefined {
  const wanted = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === wanted)?.[1];
}

/** The values of all fields called `name` (case-insensitive), in order. */
export function getHeaders(
  headers: ReadonlyArray<readonly [string, string]>,
  name: string,
): string[] {
  const wanted = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
}

/** A header value that cannot break out of its field: each CR, LF or CRLF becomes a space. */
export function sanitizeHeaderValue(value: string): string {
  return value.replace(/\r\n|[\r\n]/g, ' ').trim();
}

/** Every line end (CRLF, bare LF, bare CR) as CRLF. */
export function toCrlf(text: string): string {
  return text.replace(/\r\n|[\r\n]/g, '\r\n');
}

export function hasNonAscii(text: string): boolean {
  return NON_ASCII.test(text);
}

/**
 * `Name: value` folded (RFC 5322 §2.2.3) before whitespace so lines stay within 78 characters
 * where the words allow; unfolding gives the value back exactly. A word that still does not fit
 * in 998 characters is cut, with a space starting each further piece. No final CRLF.
 */
export function foldHeader(name: string, value: string): string {
  const words = `${name}: ${sanitizeHeaderValue(value)}`.match(/[ \t]*[^ \t]+/g) ?? [`${name}:`];
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && line.length + word.length > SOFT_LINE_LIMIT) {
      lines.push(line);
      line = word;
    } else {
      line += word;
    }
  }
  lines.push(line);
  return lines.flatMap((l) => cutLine(l, ' ')).join('\r\n');
}

/** Cuts a line longer than 998 characters; each further piece starts with `lead`. */
export function cutLine(line: string, lead: string): string[] {
  if (line.length <= HARD_LINE_LIMIT) return [line];
  const pieces = [line.slice(0, HARD_LINE_LIMIT)];
  const room = HARD_LINE_LIMIT - lead.length;
  for (let i = HARD_LINE_LIMIT; i < line.length; i += room) {
    pieces.push(lead + line.slice(i, i + room));
  }
  return pieces;
}

export interface ComposeOptions {
  from: string;
  /** Bare addresses; none gives `To: undisclosed-recipients:;` as Postfix writes it. */
  to: string[];
  subject?: string;
  body?: string;
  /** An RFC 5322 date-time, e.g. from `formatRfc5322Date`. */
  date: string;
  /** With angle brackets. */
  messageId?: string;
  /**
   * Written after `Message-ID`, in order. One named like a field composeMessage writes (any
   * case) replaces that field's value in its place instead, e.g. a scenario's own Message-ID.
   */
  extraHeaders?: Array<[string, string]>;
}

/**
 * A complete RFC 5322 message with CRLF line ends. Header values lose their CR/LF (no header
 * injection) and are folded; non-ASCII header text is written as is (RFC 6532). The body's line
 * ends become CRLF and it ends with one; its lines are not cut.
 * @throws RangeError on an extra header name that is not a field name.
 */
export function composeMessage(o: ComposeOptions): string {
  const body = toCrlf(o.body ?? '');
  const eightBit = hasNonAscii(body);
  const to =
    o.to.length > 0 ? o.to.map(sanitizeHeaderValue).join(', ') : 'undisclosed-recipients:;';
  const head: Array<[string, string]> = [
    ['From', o.from],
    ['To', to],
  ];
  if (o.subject !== undefined) head.push(['Subject', o.subject]);
  head.push(['Date', o.date]);
  if (o.messageId !== undefined) head.push(['Message-ID', o.messageId]);
  const mime: Array<[string, string]> = [
    ['MIME-Version', '1.0'],
    ['Content-Type', `text/plain; charset=${eightBit ? 'utf-8' : 'us-ascii'}`],
    ['Content-Transfer-Encoding', eightBit ? '8bit' : '7bit'],
  ];
  const extras: Array<[string, string]> = [];
  for (const [name, value] of o.extraHeaders ?? []) {
    if (!FIELD_NAME.test(name)) throw new RangeError(`not a header name: ${JSON.stringify(name)}`);
    const own = [...head, ...mime].find(([n]) => n.toLowerCase() === name.toLowerCase());
    if (own) own[1] = value;
    else extras.push([name, value]);
  }
  const fields = [...head, ...extras, ...mime];
  const text = fields.map(([name, value]) => foldHeader(name, value) + '\r\n').join('');
  const tail = body === '' || body.endsWith('\r\n') ? body : body + '\r\n';
  return `${text}\r\n${tail}`;
}
