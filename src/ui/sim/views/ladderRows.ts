// The ladder diagram as rows: one per event worth drawing (a line, a connection opened or closed,
// a DNS query, a queue step, a delivery, a host or link going down or up, a note), each with the
// lanes it joins. Rows keep only indexes and a style; the labels are made when a row is drawn,
// so that a trace of 100,000 events costs one small object per row.
import type { ConnectionInfo } from '../../../core/trace/timeline';
import type { TraceEvent } from '../../../core/trace/types';
import { LineClassifier, type LineStyle } from './lineKind';
import { RESOLVER, type NodeRole } from './roles';

export interface Lane {
  /** A host name, or RESOLVER. */
  id: string;
  role: NodeRole;
}

export type RowStyle =
  | LineStyle
  | 'open'
  | 'refused'
  | 'timeout'
  | 'close'
  | 'dns'
  | 'dnsError'
  | 'mark'
  | 'markGood'
  | 'markBad'
  | 'note';

export interface LadderRow {
  /** Index of the event in the trace. */
  index: number;
  /** Lane of the sender (or the one lane of a mark); -1: across all lanes (a note). */
  from: number;
  /** Lane of the receiver; equal to `from` for a mark on one lane. */
  to: number;
  style: RowStyle;
  /** The arrow stops midway: a lost line, a connection that timed out. */
  cut: boolean;
}

export type LadderMode = 'conn' | 'path';

type RoleOf = (host: string) => NodeRole;

/**
 * Lanes for the whole delivery path: every host that takes part, in order of first appearance in
 * a connection, a line or a DNS query (then hosts only seen in other events), and the DNS lane
 * last when there were queries.
 */
export function pathLanes(events: readonly TraceEvent[], roleOf: RoleOf, dnsId: string): Lane[] {
  const first = new Set<string>();
  const later = new Set<string>();
  let dns = false;
  const add = (set: Set<string>, host: string) => {
    if (host !== dnsId) set.add(host);
  };
  for (const e of events) {
    switch (e.type) {
      case 'connect':
      case 'line':
        add(first, e.from);
        add(first, e.to);
        break;
      case 'dns':
        add(first, e.host);
        dns = true;
        break;
      case 'queue':
      case 'deliver':
      case 'host':
        add(later, e.host);
        if (e.host === dnsId) dns = true;
        break;
      case 'link':
        add(later, e.between[0]);
        add(later, e.between[1]);
        break;
      default:
        break;
    }
  }
  // Later-only hosts join when they are drawn anyway (a queue on a host that never connected).
  const ids = [...first, ...[...later].filter((h) => !first.has(h))];
  const lanes: Lane[] = ids.map((id) => ({ id, role: roleOf(id) }));
  if (dns) lanes.push({ id: dnsId, role: dnsId === RESOLVER ? 'resolver' : 'dns' });
  return lanes;
}

/** Lanes for one connection: client on the left, server on the right. */
export function connLanes(info: Pick<ConnectionInfo, 'from' | 'to'>, roleOf: RoleOf): Lane[] {
  return [
    { id: info.from, role: roleOf(info.from) },
    { id: info.to, role: roleOf(info.to) },
  ];
}

function laneIndex(lanes: readonly Lane[]): (id: string) => number {
  const map = new Map(lanes.map((l, i) => [l.id, i]));
  return (id) => map.get(id) ?? -2;
}

const QUEUE_STYLE: Record<string, RowStyle> = {
  enqueue: 'mark',
  attempt: 'mark',
  defer: 'markBad',
  warn: 'markBad',
  bounce: 'markBad',
  expire: 'markBad',
  deliver: 'markGood',
};

function rowFor(
  e: TraceEvent,
  index: number,
  lane: (id: string) => number,
  dnsId: string,
  classifier: LineClassifier,
): LadderRow | undefined {
  const mark = (host: string, style: RowStyle): LadderRow | undefined => {
    const l = lane(host);
    return l < 0 ? undefined : { index, from: l, to: l, style, cut: false };
  };
  const arrow = (a: string, b: string, style: RowStyle, cut: boolean): LadderRow | undefined => {
    const from = lane(a);
    const to = lane(b);
    return from < 0 || to < 0 ? undefined : { index, from, to, style, cut };
  };
  switch (e.type) {
    case 'line':
      return arrow(e.from, e.to, classifier.classify(e), e.lost === true);
    case 'connect':
      return arrow(e.from, e.to, e.result === 'open' ? 'open' : e.result, e.result === 'timeout');
    case 'close':
      return mark(e.by, 'close');
    case 'dns':
      return arrow(e.host, dnsId, e.error ? 'dnsError' : 'dns', e.error === 'timeout');
    case 'queue':
      return mark(e.host, QUEUE_STYLE[e.action] ?? 'mark');
    case 'deliver':
      return mark(e.host, 'markGood');
    case 'host':
      return mark(e.host, e.up ? 'markGood' : 'markBad');
    case 'link':
      return arrow(e.between[0], e.between[1], e.up ? 'markGood' : 'markBad', false);
    case 'note':
      return { index, from: -1, to: -1, style: 'note', cut: false };
    default:
      return undefined;
  }
}

/** Rows for the whole delivery path: every event that touches the lanes. */
export function pathRows(
  events: readonly TraceEvent[],
  lanes: readonly Lane[],
  dnsId: string,
): LadderRow[] {
  const lane = laneIndex(lanes);
  const classifier = new LineClassifier();
  const rows: LadderRow[] = [];
  events.forEach((e, i) => {
    const row = rowFor(e, i, lane, dnsId, classifier);
    if (row) rows.push(row);
  });
  return rows;
}

/** Rows for one connection: its opening, its lines and its closes. */
export function connRows(
  events: readonly TraceEvent[],
  info: Pick<ConnectionInfo, 'conn' | 'start' | 'end'>,
  lanes: readonly Lane[],
): LadderRow[] {
  const lane = laneIndex(lanes);
  const classifier = new LineClassifier();
  const rows: LadderRow[] = [];
  for (let i = info.start; i <= info.end && i < events.length; i += 1) {
    const e = events[i] as TraceEvent;
    if (!('conn' in e) || e.conn !== info.conn) continue;
    const row = rowFor(e, i, lane, RESOLVER, classifier);
    if (row) rows.push(row);
  }
  return rows;
}

/** How many rows come before the cursor (their event index is below it). Binary search. */
export function rowsBefore(rows: readonly { index: number }[], cursor: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid] as { index: number }).index < cursor) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
