// The packets in flight at a cursor: each SMTP line, DNS query and connection attempt sent within
// one network latency before the cursor's virtual time, most recent last, with a slot each so
// that packets on the same path (pipelined commands) are drawn side by side.
import type { TraceEvent } from '../../../core/trace/types';

export type PacketKind = 'line' | 'dns' | 'connect';

export interface Packet {
  /** The event's index in the trace (a stable key). */
  index: number;
  kind: PacketKind;
  from: string;
  to: string;
  /** Never arrives: a lost line, a connection attempt that timed out. */
  cut: boolean;
  /** 0 for the first packet on its path, 1, 2… for the next ones. */
  slot: number;
  /** Lines in the packet: the lines of one multi-line reply travel together. */
  count: number;
}

export interface PacketOptions {
  /** The one-way latency: a packet sent longer ago than this has arrived. */
  window: number;
  /** Where DNS queries go. */
  dnsTarget: string;
  /** Most packets drawn at once. */
  max?: number;
  /** Most events looked at backwards from the cursor. */
  lookback?: number;
}

type Found = Omit<Packet, 'slot'>;

function packetOf(e: TraceEvent, index: number, dnsTarget: string): Found | undefined {
  switch (e.type) {
    case 'line':
      return { index, kind: 'line', from: e.from, to: e.to, cut: e.lost === true, count: 1 };
    case 'dns':
      return {
        index,
        kind: 'dns',
        from: e.host,
        to: dnsTarget,
        cut: e.error === 'timeout',
        count: 1,
      };
    case 'connect':
      return {
        index,
        kind: 'connect',
        from: e.from,
        to: e.to,
        cut: e.result === 'timeout',
        count: 1,
      };
    default:
      return undefined;
  }
}

export function packetsAt(
  events: readonly TraceEvent[],
  cursor: number,
  options: PacketOptions,
): Packet[] {
  const max = options.max ?? 4;
  const lookback = options.lookback ?? 64;
  const end = Math.min(cursor, events.length);
  if (end <= 0) return [];
  const now = (events[end - 1] as TraceEvent).t;
  const found: Found[] = [];
  let group: { conn: number; t: number } | undefined;
  for (let i = end - 1; i >= 0 && i >= end - lookback; i -= 1) {
    const e = events[i] as TraceEvent;
    if (e.t <= now - options.window) break;
    // A continuation line (`250-…`) joins the packet of the reply line after it.
    const last = found.at(-1);
    if (
      last &&
      group &&
      e.type === 'line' &&
      e.dir === 'S' &&
      e.conn === group.conn &&
      e.t === group.t &&
      /^\d{3}-/.test(e.text)
    ) {
      last.index = i;
      last.count += 1;
      continue;
    }
    if (found.length >= max) break;
    const packet = packetOf(e, i, options.dnsTarget);
    if (!packet) continue;
    found.push(packet);
    group = e.type === 'line' && e.dir === 'S' ? { conn: e.conn, t: e.t } : undefined;
  }
  found.reverse();
  const used = new Map<string, number>();
  return found.map((p) => {
    const key = p.from < p.to ? `${p.from}|${p.to}` : `${p.to}|${p.from}`;
    const slot = used.get(key) ?? 0;
    used.set(key, slot + 1);
    return { ...p, slot };
  });
}

/** Sideways offset of a slot: 0, then alternately above and below. */
export function slotOffset(slot: number, spacing = 22): number {
  if (slot === 0) return 0;
  const step = Math.ceil(slot / 2) * spacing;
  return slot % 2 === 1 ? step : -step;
}
