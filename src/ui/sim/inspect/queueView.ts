// The queues at the cursor, host by host, with each entry's next try as a virtual clock time and
// as a distance from now.
import { formatClock, formatDuration } from '../../../core/net/duration';
import type { QueueView, WorldView } from '../../../core/trace/timeline';

export interface QueueEntryRow extends QueueView {
  /** `00:05:00.000`, `1d 02:00:00.000`; undefined when no retry is scheduled. */
  nextClock?: string;
  /** How long until the next try (0 when it is due). */
  nextIn?: number;
}

export interface QueueHostRow {
  host: string;
  up: boolean;
  entries: QueueEntryRow[];
}

export function entryRow(entry: QueueView, now: number): QueueEntryRow {
  const row: QueueEntryRow = { ...entry, rcpt: [...entry.rcpt] };
  if (entry.next !== undefined) {
    row.nextClock = formatClock(entry.next);
    row.nextIn = Math.max(0, entry.next - now);
  }
  return row;
}

/**
 * The hosts to show: the selected one (if it has a queue at all), else every MTA with entries or
 * down; `all` shows every MTA.
 */
export function queueHosts(
  view: WorldView,
  mtas: readonly string[],
  options: { host?: string; all?: boolean } = {},
): QueueHostRow[] {
  const row = (host: string): QueueHostRow => {
    const h = view.hosts[host] ?? { up: true, queue: [] };
    return { host, up: h.up, entries: h.queue.map((e) => entryRow(e, view.t)) };
  };
  if (options.host !== undefined && mtas.includes(options.host)) return [row(options.host)];
  return [...mtas]
    .sort((a, b) => a.localeCompare(b))
    .map(row)
    .filter((r) => options.all || r.entries.length > 0 || !r.up);
}

/** `5m`, `1h30m`, `2d`: the compact duration of core/net/duration. */
export function shortDuration(ms: number): string {
  return formatDuration(Math.max(0, ms));
}
