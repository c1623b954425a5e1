// A packet's label and style class: the line itself (a reply with its class glyph, and how many
// lines of a multi-line reply travel with it), the DNS question, or the connection attempt.
import type { TraceEvent } from '../../../core/trace/types';
import { t } from '../../../i18n/index.svelte';
import { CLASS_GLYPH, replyDigit } from './lineKind';

export function packetStyle(e: TraceEvent): string {
  if (e.type === 'dns') return e.error ? 'reply5' : 'dns';
  if (e.type === 'connect') return e.result === 'open' ? 'open' : 'reply5';
  if (e.type !== 'line') return 'other';
  if (e.dir === 'C') return 'command';
  const digit = replyDigit(e.text);
  return digit ? `reply${digit}` : 'other';
}

const cut = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;

/** The label, at most about `max` characters of the line itself. */
export function packetLabel(e: TraceEvent, count: number, max = 26): string {
  switch (e.type) {
    case 'line': {
      const digit = e.dir === 'S' ? replyDigit(e.text) : undefined;
      const text = cut(digit ? `${CLASS_GLYPH[digit]} ${e.text}` : e.text, max);
      return count > 1 ? `${text} ${t('views.topology.more', { count: count - 1 })}` : text;
    }
    case 'dns':
      return t('views.packet.dns', { type: e.query.type, name: cut(e.query.name, max) });
    case 'connect':
      return t('views.packet.connect', { port: e.port });
    default:
      return '';
  }
}
