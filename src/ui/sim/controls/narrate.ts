// One short sentence for a trace event, as the live region speaks it and the "now" line shows it:
// `12.040s mail.a.example → mx.b.example S: 250 Ok`. Host names, commands and replies stay as
// they are; the words around them come from the catalogue.
import { formatClock } from '../../../core/net/duration';
import type { TraceEvent } from '../../../core/trace/types';
import { t as translate, type MessageKey, type Vars } from '../../../i18n/index.svelte';

type T = (key: MessageKey, vars?: Vars) => string;

/** An XState state value as a dotted path: `{session: {transaction: 'x'}}` → `session.transaction.x`. */
export function stateText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>).map(([key, inner]) => {
      const rest = stateText(inner);
      return rest === '' ? key : `${key}.${rest}`;
    });
    return parts.join(', ');
  }
  return value === undefined ? '' : String(value);
}

function eventText(e: TraceEvent, t: T): string {
  switch (e.type) {
    case 'line': {
      const text = e.text === '' ? t('sim.narrate.emptyLine') : e.text;
      const vars = { from: e.from, to: e.to, dir: e.dir, text };
      return t(e.lost ? 'sim.narrate.lineLost' : 'sim.narrate.line', vars);
    }
    case 'connect':
      return t(
        e.result === 'open'
          ? 'sim.narrate.connectOpen'
          : e.result === 'refused'
            ? 'sim.narrate.connectRefused'
            : 'sim.narrate.connectTimeout',
        { from: e.from, to: e.to, port: e.port, conn: e.conn },
      );
    case 'close':
      return t('sim.narrate.close', { conn: e.conn, by: e.by, reason: e.reason });
    case 'state':
      return t('sim.narrate.state', { actor: e.actor, state: stateText(e.value) });
    case 'dns': {
      const query = { host: e.host, name: e.query.name, type: e.query.type };
      if (e.error) return t('sim.narrate.dnsError', { ...query, error: e.error });
      const answer = (e.answer ?? []).map((r) =>
        'preference' in r && r.preference !== undefined ? `${r.preference} ${r.value}` : r.value,
      );
      return answer.length === 0
        ? t('sim.narrate.dnsEmpty', query)
        : t('sim.narrate.dns', { ...query, answer: answer.join(', ') });
    }
    case 'queue': {
      const vars = {
        host: e.host,
        id: e.id,
        rcpt: (e.rcpt ?? []).join(', '),
        reason: e.reason ?? '',
        next: e.next !== undefined ? formatClock(e.next) : '',
      };
      const key: Record<typeof e.action, MessageKey> = {
        enqueue: 'sim.narrate.queue.enqueue',
        attempt: 'sim.narrate.queue.attempt',
        defer: e.next !== undefined ? 'sim.narrate.queue.deferNext' : 'sim.narrate.queue.defer',
        deliver: 'sim.narrate.queue.deliver',
        bounce: 'sim.narrate.queue.bounce',
        warn: 'sim.narrate.queue.warn',
        expire: 'sim.narrate.queue.expire',
      };
      return t(key[e.action], vars);
    }
    case 'deliver':
      return t('sim.narrate.deliver', { host: e.host, mailbox: e.mailbox, subject: e.subject });
    case 'host':
      return t(e.up ? 'sim.narrate.hostUp' : 'sim.narrate.hostDown', { host: e.host });
    case 'link':
      return t(e.up ? 'sim.narrate.linkUp' : 'sim.narrate.linkDown', {
        a: e.between[0],
        b: e.between[1],
      });
    case 'note':
      return e.text;
  }
}

/** The sentence for the event just applied; at the start (no event yet), says so. */
export function narrate(event: TraceEvent | undefined, t: T = translate): string {
  if (!event) return t('sim.narrate.start');
  return `${formatClock(event.t)} ${eventText(event, t)}`;
}
