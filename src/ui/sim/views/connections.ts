// Connections in start order, and which one the views show by default: the one the event at the
// cursor belongs to, else the last one opened before the cursor.
import type { ConnectionInfo, Timeline } from '../../../core/trace/timeline';

/** All connections of a timeline, by start (the order they were opened). */
export function connectionList(timeline: Pick<Timeline, 'connections'>): ConnectionInfo[] {
  return [...timeline.connections.values()].sort((a, b) => a.start - b.start);
}

/** How many connections were opened before the cursor (binary search over start order). */
export function startedBefore(list: readonly ConnectionInfo[], cursor: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as ConnectionInfo).start < cursor) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The connection to show at a cursor when none is chosen: the one of the event just applied, else
 * the last one opened before the cursor.
 */
export function connectionAt(
  timeline: Pick<Timeline, 'connections' | 'connectionOf'>,
  list: readonly ConnectionInfo[],
  cursor: number,
): ConnectionInfo | undefined {
  if (cursor <= 0) return undefined;
  return timeline.connectionOf(cursor - 1) ?? list[startedBefore(list, cursor) - 1];
}

/** The chosen connection if it exists, else the one at the cursor. */
export function shownConnection(
  timeline: Pick<Timeline, 'connections' | 'connectionOf'>,
  list: readonly ConnectionInfo[],
  cursor: number,
  chosen: number | undefined,
): ConnectionInfo | undefined {
  const picked = chosen === undefined ? undefined : timeline.connections.get(chosen);
  return picked ?? connectionAt(timeline, list, cursor);
}
