// The words of the ladder: each row's label (simulation text as it is, framed by the catalogue's
// words in the current language) and the name of its reply class.
import type { DnsRecord } from '../../../core/dns/records';
import type { TraceEvent } from '../../../core/trace/types';
import { t, type MessageKey } from '../../../i18n/index.svelte';
import { CLASS_GLYPH, styleDigit } from './lineKind';
import type { RowStyle } from './ladderRows';

export function dnsAnswer(records: readonly DnsRecord[]): string {
  return records
    .map((r) => (r.type === 'MX' ? `${r.value} (${r.preference ?? 0})` : r.value))
    .join(', ');
}

/** The reply class as words (`2xx success`), for replies only. */
export function classLabel(style: RowStyle): string | undefined {
  const digit = styleDigit(style);
  return digit ? t(`views.ladder.class${digit}` as MessageKey) : undefined;
}

/** The label drawn on a row: a reply starts with its class glyph. */
export function rowText(e: TraceEvent, style: RowStyle): string {
  switch (e.type) {
    case 'line': {
      const digit = styleDigit(style);
      const text = e.text === '' ? t('views.ladder.emptyLine') : e.text;
      return digit ? `${CLASS_GLYPH[digit]} ${text}` : text;
    }
    case 'connect': {
      const vars = { conn: e.conn, port: e.port };
      if (e.result === 'open') return t('views.ladder.connOpen', vars);
      return t(
        e.result === 'refused' ? 'views.ladder.connRefused' : 'views.ladder.connTimeout',
        vars,
      );
    }
    case 'close':
      return t('views.ladder.close', { conn: e.conn, reason: e.reason });
    case 'dns': {
      const vars = { type: e.query.type, name: e.query.name };
      if (e.error !== undefined) return t('views.ladder.dnsError', { ...vars, error: e.error });
      const answer = dnsAnswer(e.answer ?? []);
      return answer ? t('views.ladder.dns', { ...vars, answer }) : t('views.ladder.dnsEmpty', vars);
    }
    case 'queue':
      return t(`views.ladder.queue.${e.action}` as MessageKey, {
        id: e.id,
        reason: e.reason ?? '',
      });
    case 'deliver':
      return t('views.ladder.deliver', { mailbox: e.mailbox });
    case 'host':
      return t(e.up ? 'views.ladder.hostUp' : 'views.ladder.hostDown', { host: e.host });
    case 'link':
      return `${e.between[0]} ↔ ${e.between[1]}: ${t(e.up ? 'views.ladder.linkUp' : 'views.ladder.linkDown')}`;
    case 'note':
      return e.text;
    default:
      return '';
  }
}

/** What kind of line a client line is, in words (for screen readers). */
export function lineRole(style: RowStyle): string | undefined {
  if (style === 'command') return t('views.ladder.command');
  if (style === 'text') return t('views.ladder.text');
  if (style === 'auth') return t('views.ladder.auth');
  return classLabel(style);
}
