// What one transcript line means, in the current language: the reply code, its class and
// enhanced code, or the command with its syntax, from the protocol catalogue. Also the sentence
// that the live region announces. Reactive through t() and protocolText().
import { COMMANDS, REPLY_CLASSES, explainReply } from '../../core/protocol/catalogue';
import { parseCommand } from '../../core/protocol/commands';
import { replyClass } from '../../core/protocol/replyFormat';
import { coreMessage } from '../../i18n/coreText';
import { t, type Locale, type MessageKey } from '../../i18n/index.svelte';
import { protocolText } from '../../i18n/protocol';
import {
  entryLines,
  type ClientBody,
  type EntryBody,
  type ServerBody,
  type TextPart,
} from './transcript';

export interface ExplanationRow {
  label: string;
  value: string;
  /** The language of `value` when it differs from the page (untranslated catalogue text). */
  lang?: Locale;
  /** A further sentence under the value (the meaning of a reply class). */
  detail?: string;
  detailLang?: Locale;
  /** Show the value as code (syntax, decoded text). */
  code?: boolean;
  rfc?: string;
}

export interface Explanation {
  side: 'C' | 'S';
  /** "From the server" or "From you". */
  source: string;
  heading: string;
  /** The transcript line(s) explained. */
  lines: string[];
  rows: ExplanationRow[];
  /** The text for the live region: the line, the heading, and every row. */
  announcement: string;
}

const RFC_URL = /^RFC (\d+)(?: §([\d.]+))?$/;

/** A link to the RFC section on rfc-editor.org, or undefined for a text it does not know. */
export function rfcUrl(rfc: string): string | undefined {
  const m = RFC_URL.exec(rfc);
  if (!m) return undefined;
  const section = m[2] ? `#section-${m[2]}` : '';
  return `https://www.rfc-editor.org/rfc/rfc${m[1]}.html${section}`;
}

function localRow(
  label: string,
  english: string,
  extra: Partial<ExplanationRow> = {},
): ExplanationRow {
  const local = protocolText(english);
  return { label, value: local.text, lang: local.lang, ...extra };
}

function explainServer(entry: ServerBody): Omit<Explanation, 'announcement' | 'lines'> {
  const info = explainReply(entry.code, entry.enhanced, entry.verb ? { verb: entry.verb } : {});
  const rows: ExplanationRow[] = [localRow(t('explain.meaning'), info.meaning, { rfc: info.rfc })];
  if (entry.code >= 200 && entry.code <= 599) {
    const cls = REPLY_CLASSES[replyClass(entry.code)];
    const name = protocolText(cls.name);
    const meaning = protocolText(cls.meaning);
    rows.push({
      label: t('explain.class'),
      value: t('explain.classLabel', { digit: cls.digit, name: name.text }),
      lang: name.lang,
      detail: meaning.text,
      detailLang: meaning.lang,
      rfc: 'RFC 5321 §4.2.1',
    });
  }
  if (info.enhanced && entry.enhanced) {
    rows.push(
      localRow(t('explain.enhanced', { code: entry.enhanced }), info.enhanced.meaning, {
        rfc: info.enhanced.rfc,
      }),
    );
  }
  return {
    side: 'S',
    source: t('explain.fromServer'),
    heading: t('explain.reply', { code: entry.code }),
    rows,
  };
}

const TEXT_KEYS: Record<TextPart, [MessageKey, MessageKey]> = {
  header: ['explain.text.header', 'explain.text.headerRfc'],
  blank: ['explain.text.blank', 'explain.text.blankRfc'],
  body: ['explain.text.body', 'explain.text.bodyRfc'],
  dotStuffed: ['explain.text.dotStuffed', 'explain.text.dotStuffedRfc'],
  end: ['explain.text.end', 'explain.text.endRfc'],
};

/** base64 to text with control characters written as C escapes (NUL as \0), or undefined. */
export function decodeBase64Visible(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || trimmed.length % 4 !== 0) {
    return undefined;
  }
  try {
    // eslint-disable-next-line no-control-regex
    return atob(trimmed).replace(/[\x00-\x1f\x7f\\]/g, (c) =>
      c === '\0'
        ? '\\0'
        : c === '\\'
          ? '\\\\'
          : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
    );
  } catch {
    return undefined;
  }
}

function explainClient(entry: ClientBody): Omit<Explanation, 'announcement' | 'lines'> {
  const base = { side: 'C' as const, source: t('explain.fromClient') };
  if (entry.kind === 'text') {
    const [meaning, rfc] = TEXT_KEYS[entry.part];
    return {
      ...base,
      heading: t('explain.messageText'),
      rows: [{ label: t('explain.meaning'), value: t(meaning), rfc: t(rfc) }],
    };
  }
  if (entry.kind === 'auth') {
    const rows: ExplanationRow[] = [];
    if (entry.text.trim() === '*') {
      rows.push({
        label: t('explain.meaning'),
        value: t('explain.auth.cancel'),
        rfc: t('explain.auth.rfc'),
      });
    } else {
      rows.push({
        label: t('explain.meaning'),
        value: t('explain.auth.response'),
        rfc: t('explain.auth.rfc'),
      });
      const decoded = decodeBase64Visible(entry.text);
      rows.push(
        decoded === undefined
          ? { label: t('explain.decoded'), value: t('explain.auth.notBase64') }
          : { label: t('explain.decoded'), value: decoded, code: true },
      );
    }
    return { ...base, heading: t('explain.authResponse'), rows };
  }
  const parsed = parseCommand(entry.text);
  const verb = parsed.ok ? parsed.command.verb : parsed.error.verb;
  const rows: ExplanationRow[] = [];
  if (!parsed.ok) {
    const { reason, detail } = parsed.error;
    rows.push({
      label: t('explain.syntaxError'),
      value: t(`explain.syntaxKind.${parsed.error.kind}`),
      // What is wrong, in the page's language; the reply on the wire stays protocol English.
      ...(reason ? { detail: coreMessage(reason) } : { detail, detailLang: 'en' as const }),
    });
  }
  if (verb) {
    const info = COMMANDS[verb];
    rows.push(localRow(t('explain.meaning'), info.meaning, { rfc: info.rfc }));
    rows.push({ label: t('explain.syntax'), value: info.syntax, code: true });
  }
  return {
    ...base,
    heading: verb ? t('explain.command', { verb }) : t('explain.commandUnknown'),
    rows,
  };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?:…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The explanation of a client or server line; null for telnet's own output. */
export function explainEntry(entry: EntryBody): Explanation | null {
  if (entry.side === 'note') return null;
  const core = entry.side === 'S' ? explainServer(entry) : explainClient(entry);
  const lines = entryLines(entry);
  const parts = [
    sentence(`${core.source}: ${lines.map((l) => l.slice(3)).join(' / ')}`),
    sentence(core.heading),
    ...core.rows.map((row) =>
      [
        sentence(`${row.label}: ${row.value}`),
        row.detail ? sentence(row.detail) : '',
        row.rfc ? sentence(row.rfc) : '',
      ]
        .filter(Boolean)
        .join(' '),
    ),
  ];
  return { ...core, lines, announcement: parts.join(' ') };
}
