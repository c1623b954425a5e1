// The human transcript of a run: one line per trace event in the seed's style
// (`12.040s mail.a.example → mx.b.example  S: 250 Ok: queued as 3F2A`), then a short summary.
// Pure functions of the events; `smtp-sim run` prints them, lessons and tests may too.
import type { DnsRecord } from '../dns/records';
import { formatClock, formatDuration } from '../net/duration';
import type { CheckResult, Summary, TraceEvent } from './types';

export interface FormatOptions {
  /** Show `state` events (the machines' state changes); hidden by default. */
  states?: boolean;
}

const MAX_SHOWN = 300;
// C0 controls but tab, DEL and C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f]/g;

/**
 * Text from the wire or a scenario made safe for a terminal: control characters but tab (escape
 * sequences) shown as `\xNN`, very long text cut.
 */
export function printable(text: string): string {
  const cut = text.length > MAX_SHOWN ? text.slice(0, MAX_SHOWN) : text;
  const shown = cut.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return text.length > MAX_SHOWN ? `${shown}… (${text.length} chars)` : shown;
}

/** One record as a DNS answer shows it: `10 mx.b.example`, `192.0.2.25`, `CNAME host.x`. */
export function formatRecord(record: DnsRecord, asked?: string): string {
  const value = record.type === 'TXT' ? JSON.stringify(record.value) : record.value;
  const data = record.type === 'MX' ? `${record.preference ?? 0} ${value}` : value;
  return record.type === asked ? data : `${record.type} ${data}`;
}

const DNS_ERRORS: Record<string, string> = {
  nxdomain: 'NXDOMAIN',
  nodata: 'NODATA (the name exists, no records of this type)',
  servfail: 'SERVFAIL',
  timeout: 'no answer (timed out)',
};

/** The text of one event without its time, or undefined for an event not shown. */
function describe(event: TraceEvent, options: FormatOptions): string | undefined {
  switch (event.type) {
    case 'line': {
      const lost = event.lost ? '  [lost: the connection was broken, it never arrived]' : '';
      return `${event.from} → ${event.to}  ${event.dir}: ${printable(event.text)}${lost}`;
    }
    case 'connect':
      return `connect ${event.from} → ${event.to}:${event.port} ${event.result} (#${event.conn})`;
    case 'close':
      return `close #${event.conn} by ${event.by}: ${event.reason}`;
    case 'state':
      return options.states
        ? `${event.actor} state ${typeof event.value === 'string' ? event.value : JSON.stringify(event.value)}`
        : undefined;
    case 'dns': {
      const asked = `${event.host} DNS ${event.query.type} ${event.query.name}?`;
      if (event.answer !== undefined && event.answer.length > 0) {
        return `${asked} → ${event.answer.map((r) => formatRecord(r, event.query.type)).join(', ')}`;
      }
      const error = event.error ?? 'nodata';
      return `${asked} → ${DNS_ERRORS[error] ?? error.toUpperCase()}`;
    }
    case 'queue': {
      const rcpt = event.rcpt && event.rcpt.length > 0 ? ` ${event.rcpt.join(', ')}` : '';
      const reason = event.reason !== undefined ? `: ${printable(event.reason)}` : '';
      const next = event.next !== undefined ? `; next try at ${formatClock(event.next)}` : '';
      return `${event.host} queue ${event.id} ${event.action}${rcpt}${reason}${next}`;
    }
    case 'deliver': {
      const id = event.messageId === '' ? '' : ` ${printable(event.messageId)}`;
      return `${event.host} delivered to ${event.mailbox}: ${JSON.stringify(event.subject)}${id}`;
    }
    case 'host':
      return `${event.host} is ${event.up ? 'up' : 'down'}`;
    case 'link':
      return `link ${event.between[0]} ↔ ${event.between[1]} is ${event.up ? 'up' : 'down'}`;
    case 'note':
      return `note: ${printable(event.text)}`;
  }
}

/**
 * One transcript line for a trace event, time first (`formatClock`), or undefined when the event
 * is not shown (`state` events unless `options.states`).
 */
export function formatEvent(event: TraceEvent, options: FormatOptions = {}): string | undefined {
  const text = describe(event, options);
  return text === undefined ? undefined : `${formatClock(event.t)} ${text}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What a check asks, in words (the check as the summary reports it, normalised). */
export function describeCheck(check: unknown): string {
  if (typeof check !== 'object' || check === null) return JSON.stringify(check);
  const c = check as Record<string, unknown>;
  const str = (key: string) => (typeof c[key] === 'string' ? (c[key] as string) : '');
  switch (c.check) {
    case 'delivered': {
      const subject =
        c.subject !== undefined
          ? ` with subject ${JSON.stringify(c.subject)}`
          : c.subjectContains !== undefined
            ? ` with a subject containing ${JSON.stringify(c.subjectContains)}`
            : '';
      return `delivered to ${str('mailbox')}${subject}`;
    }
    case 'deliveredBefore':
      return `delivered to ${str('mailbox')} before ${typeof c.before === 'number' ? formatDuration(c.before) : String(c.before)}`;
    case 'queueEmpty':
      return `queue of ${str('host')} empty`;
    case 'session': {
      const parts = [
        Array.isArray(c.codes) ? `codes ${c.codes.join(' ')}` : '',
        Array.isArray(c.replyLines) ? plural(c.replyLines.length, 'reply line') : '',
      ].filter((p) => p !== '');
      return `session ${String(c.session)}: ${parts.join(', ')}`;
    }
    default:
      return JSON.stringify(check);
  }
}

export function formatCheck(result: CheckResult): string {
  return `${result.ok ? '✓' : '✗'} ${describeCheck(result.check)}: ${result.detail}`;
}

/** A queue entry as the summary lists it (`describeEntry` of the MTA's queue). */
function formatEntry(entry: unknown): string[] {
  if (typeof entry !== 'object' || entry === null) return [`  ${JSON.stringify(entry)}`];
  const e = entry as {
    id?: string;
    from?: string;
    subject?: string;
    nextAttemptAt?: number;
    attempts?: number;
    recipients?: Array<{ address?: string; status?: string; lastError?: string }>;
  };
  const subject = e.subject !== undefined ? ` ${JSON.stringify(e.subject)}` : '';
  const next =
    typeof e.nextAttemptAt === 'number' ? `, next try at ${formatClock(e.nextAttemptAt)}` : '';
  const tries = typeof e.attempts === 'number' ? `, ${plural(e.attempts, 'attempt')}` : '';
  const lines = [`    ${e.id ?? '?'} from <${e.from ?? ''}>${subject}${tries}${next}`];
  for (const r of e.recipients ?? []) {
    const error = r.lastError ? `: ${printable(r.lastError)}` : '';
    lines.push(`      ${r.address ?? '?'} ${r.status ?? ''}${error}`);
  }
  return lines;
}

/** The end of the transcript: mailboxes, non-empty queues, accounting, and each check. */
export function formatSummary(summary: Summary): string[] {
  const out: string[] = ['── summary ──'];
  const boxes = Object.entries(summary.mailboxes);
  if (boxes.length === 0) out.push('mailboxes: none has mail');
  else out.push('mailboxes:');
  for (const [address, messages] of boxes) {
    out.push(`  ${address}: ${plural(messages.length, 'message')}`);
    for (const m of messages) {
      const id = m.messageId === '' ? '' : ` ${printable(m.messageId)}`;
      out.push(`    ${JSON.stringify(m.subject)}${id}`);
    }
  }
  const queues = Object.entries(summary.queues).filter(([, entries]) => entries.length > 0);
  if (queues.length === 0) out.push('queues: all empty');
  else out.push('queues:');
  for (const [host, entries] of queues) {
    out.push(`  ${host}: ${plural(entries.length, 'message')}`);
    for (const entry of entries) out.push(...formatEntry(entry));
  }
  const a = summary.accounting;
  out.push(
    `accounting: accepted ${a.accepted}, delivered ${a.delivered}, bounced ${a.bounced}, ` +
      `queued ${a.queued}, duplicated ${a.duplicated}, lost ${a.lost}`,
  );
  if (summary.expect.length > 0) {
    out.push('expect:');
    for (const result of summary.expect) out.push(`  ${formatCheck(result)}`);
  }
  out.push(verdict(summary));
  return out;
}

/** The last line: did the run do what the scenario expects? */
export function verdict(summary: Summary): string {
  const failed = summary.expect.filter((r) => !r.ok).length;
  const total = summary.expect.length;
  const lost = summary.accounting.lost;
  const problems = [
    failed > 0 ? `${failed} of ${plural(total, 'check')} failed` : '',
    lost > 0 ? `${plural(lost, 'message')} lost` : '',
  ].filter((p) => p !== '');
  if (problems.length > 0) return `FAILED: ${problems.join('; ')}`;
  return total === 0
    ? 'OK (no checks)'
    : `OK: ${total === 1 ? 'the check holds' : `all ${total} checks hold`}`;
}

/** True when the run is a failure for `smtp-sim run`: a check failed or a message was lost. */
export function runFailed(summary: Summary): boolean {
  return summary.accounting.lost > 0 || summary.expect.some((r) => !r.ok);
}
