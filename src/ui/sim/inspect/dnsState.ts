// The DNS as it stands at the cursor: the scenario's records with the changes its `dns` events
// made so far (each change is traced as a `DNS: …` note at the moment it happens), the injected
// failures, and the log of queries asked and answered up to the cursor.
import { ZoneStore } from '../../../core/dns/zone';
import { normalizeName, sameName } from '../../../core/dns/names';
import { sameRecord, sameValue, type DnsRecord } from '../../../core/dns/records';
import type { EventAction, Scenario } from '../../../core/scenario/types';
import type { TraceEvent } from '../../../core/trace/types';
import { countBelow } from './chartState';

type DnsAction = Extract<EventAction, { do: 'dns' }>;

export type RecordStatus = 'original' | 'added' | 'removed';

export interface ZoneRow {
  record: DnsRecord;
  status: RecordStatus;
  /** The trace index of the change (its note), for seeking. */
  index?: number;
  t?: number;
}

export interface FailureRow {
  name: string;
  mode: 'servfail' | 'timeout';
  index: number;
  t: number;
}

export interface DnsAt {
  zones: Array<{ zone: string; rows: ZoneRow[] }>;
  failures: FailureRow[];
  /** Changes applied so far. */
  changes: number;
}

/** The note the world traces for a DNS change (src/core/world/world.ts). */
export function dnsNoteText(action: DnsAction): string {
  if (action.action === 'fail')
    return `DNS: ${action.name} now answers ${action.fail.toUpperCase()}`;
  if (action.action === 'restore') return `DNS: ${action.name} answers again`;
  const r = action.record as DnsRecord;
  const pref = r.preference !== undefined ? ` ${r.preference}` : '';
  return `DNS: ${action.action} ${r.name} ${r.type}${pref} ${r.value}`;
}

/** The zone a name is shown under: its last two labels (`mx.b.example` → `b.example`). */
export function zoneOf(name: string): string {
  const labels = normalizeName(name).split('.').filter(Boolean);
  return labels.slice(-2).join('.') || name;
}

/** The scenario's DNS events in the order the world applies them (by time, stable). */
function dnsActions(scenario: Scenario): DnsAction[] {
  return scenario.events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.do === 'dns')
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
    .map(({ e }) => e as unknown as DnsAction);
}

const noteIndexCache = new WeakMap<readonly TraceEvent[], number[]>();

/** Indexes of the `DNS: …` notes of a trace (cached per trace). */
function dnsNoteIndexes(events: readonly TraceEvent[]): number[] {
  let list = noteIndexCache.get(events);
  if (!list) {
    list = [];
    events.forEach((e, i) => {
      if (e.type === 'note' && e.text.startsWith('DNS: ')) list?.push(i);
    });
    noteIndexCache.set(events, list);
  }
  return list;
}

/**
 * The cursor just after the last DNS change before `cursor` (0 if none): `dnsAt` gives the same
 * there as at `cursor`, and it moves only when a change is passed, so a view that derives the
 * zones from it rebuilds them then, not at every step.
 */
export function dnsCursor(events: readonly TraceEvent[], cursor: number): number {
  const notes = dnsNoteIndexes(events);
  const before = countBelow(notes, cursor);
  return before === 0 ? 0 : (notes[before - 1] as number) + 1;
}

export function dnsAt(scenario: Scenario, events: readonly TraceEvent[], cursor: number): DnsAt {
  // ZoneStore normalises the records as the world does (no duplicates).
  const rows: ZoneRow[] = new ZoneStore(scenario.dns as DnsRecord[])
    .records()
    .map((record) => ({ record, status: 'original' }));
  const failures = new Map<string, FailureRow>();
  const pending = dnsActions(scenario);
  let changes = 0;
  const live = () => rows.filter((r) => r.status !== 'removed');
  for (const i of dnsNoteIndexes(events)) {
    if (i >= cursor || pending.length === 0) break;
    const e = events[i] as Extract<TraceEvent, { type: 'note' }>;
    const next = pending[0] as DnsAction;
    if (e.text !== dnsNoteText(next)) continue;
    pending.shift();
    changes += 1;
    const mark = { index: i, t: e.t };
    if (next.action === 'fail') {
      failures.set(normalizeName(next.name), { name: next.name, mode: next.fail, ...mark });
    } else if (next.action === 'restore') {
      failures.delete(normalizeName(next.name));
    } else {
      const r = next.record as DnsRecord;
      const matches = (row: ZoneRow) =>
        row.record.type === r.type &&
        sameName(row.record.name, r.name) &&
        (next.action === 'replace' || sameValue(r.type, row.record.value, r.value));
      if (next.action === 'remove' || next.action === 'replace') {
        for (const row of live()) if (matches(row)) Object.assign(row, { status: 'removed' }, mark);
      }
      if (next.action !== 'remove' && !live().some((row) => sameRecord(row.record, r))) {
        rows.push({ record: { ...r }, status: 'added', ...mark });
      }
    }
  }
  const zones = new Map<string, ZoneRow[]>();
  for (const row of rows) {
    const zone = zoneOf(row.record.name);
    zones.set(zone, [...(zones.get(zone) ?? []), row]);
  }
  return {
    zones: [...zones]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([zone, list]) => ({
        zone,
        rows: list.sort(
          (a, b) =>
            normalizeName(a.record.name).localeCompare(normalizeName(b.record.name)) ||
            a.record.type.localeCompare(b.record.type),
        ),
      })),
    failures: [...failures.values()],
    changes,
  };
}

export type DnsQueryEvent = Extract<TraceEvent, { type: 'dns' }>;

const queryIndexCache = new WeakMap<readonly TraceEvent[], number[]>();

/** Indexes of every `dns` event of a trace (cached per trace). */
export function queryIndexes(events: readonly TraceEvent[]): number[] {
  let list = queryIndexCache.get(events);
  if (!list) {
    list = [];
    events.forEach((e, i) => {
      if (e.type === 'dns') list?.push(i);
    });
    queryIndexCache.set(events, list);
  }
  return list;
}

/** The queries up to the cursor, oldest first, at most `limit` (the newest ones). */
export function queriesAt(
  events: readonly TraceEvent[],
  cursor: number,
  limit = 200,
): { total: number; rows: Array<{ index: number; event: DnsQueryEvent }> } {
  const all = queryIndexes(events);
  const total = countBelow(all, cursor);
  const rows = all
    .slice(Math.max(0, total - limit), total)
    .map((index) => ({ index, event: events[index] as DnsQueryEvent }));
  return { total, rows };
}
