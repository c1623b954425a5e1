// Trace events in words, in the current language, for the event log and the DNS query log.
// Wire text, names and reasons from the simulation are shown as they are (control characters
// made visible, very long text cut).
import { formatRecord, printable } from '../../../core/trace/transcript';
import { formatClock } from '../../../core/net/duration';
import type { TraceEvent } from '../../../core/trace/types';
import { t, type MessageKey } from '../../../i18n/index.svelte';

/** A state value as a path: `{ session: { transaction: 'hasRecipients' } }` → `session › …`. */
export function stateValueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return String(value);
  return Object.entries(value)
    .map(([key, inner]) => `${key} › ${stateValueText(inner)}`)
    .join(', ');
}

const DNS_ERRORS: Record<string, MessageKey> = {
  nxdomain: 'inspect.dns.error.nxdomain',
  nodata: 'inspect.dns.error.nodata',
  servfail: 'inspect.dns.error.servfail',
  timeout: 'inspect.dns.error.timeout',
};

/** The answer of a query event: its records, or its error in words. */
export function dnsAnswerText(e: Extract<TraceEvent, { type: 'dns' }>): string {
  if (e.answer !== undefined && e.answer.length > 0) {
    return e.answer.map((r) => formatRecord(r, e.query.type)).join(', ');
  }
  const error = e.error ?? 'nodata';
  const key = DNS_ERRORS[error];
  return key ? t(key) : printable(error.toUpperCase());
}

/** Is this an error answer (no records)? */
export const dnsFailed = (e: Extract<TraceEvent, { type: 'dns' }>): boolean =>
  e.answer === undefined || e.answer.length === 0;

/** One event in words, without its time. */
export function eventText(e: TraceEvent): string {
  switch (e.type) {
    case 'connect':
      return t('inspect.ev.connect', {
        from: e.from,
        to: e.to,
        port: e.port,
        conn: e.conn,
        result: t(`inspect.ev.result.${e.result}`),
      });
    case 'line':
      return `${e.from} → ${e.to}  ${e.dir}: ${printable(e.text)}${e.lost ? `  ${t('inspect.ev.lost')}` : ''}`;
    case 'close':
      return t('inspect.ev.close', { conn: e.conn, by: e.by, reason: printable(e.reason) });
    case 'state':
      return t('inspect.ev.state', { actor: e.actor, state: stateValueText(e.value) });
    case 'dns':
      return t('inspect.ev.dns', {
        host: e.host,
        type: e.query.type,
        name: e.query.name,
        answer: dnsAnswerText(e),
      });
    case 'queue': {
      const parts = [
        t('inspect.ev.queue', {
          host: e.host,
          id: e.id,
          action: t(`inspect.ev.action.${e.action}`),
        }),
      ];
      if (e.rcpt && e.rcpt.length > 0) parts.push(e.rcpt.join(', '));
      if (e.reason !== undefined) parts.push(`— ${printable(e.reason)}`);
      if (e.next !== undefined) parts.push(t('inspect.ev.next', { time: formatClock(e.next) }));
      return parts.join(' ');
    }
    case 'deliver':
      return t('inspect.ev.deliver', {
        host: e.host,
        mailbox: e.mailbox,
        subject: printable(e.subject),
      });
    case 'host':
      return t(e.up ? 'inspect.ev.hostUp' : 'inspect.ev.hostDown', { host: e.host });
    case 'link':
      return t(e.up ? 'inspect.ev.linkUp' : 'inspect.ev.linkDown', {
        a: e.between[0],
        b: e.between[1],
      });
    case 'note':
      return printable(e.text);
  }
}
