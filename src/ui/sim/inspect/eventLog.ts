// The event log's filtering and windowing: which events pass the type and host filters (indexes
// into the trace, computed once per filter, then cut at the cursor by binary search), and which
// rows of a long list are on screen.
import type { TraceEvent, TraceEventType } from '../../../core/trace/types';
import { countBelow } from './chartState';

export const EVENT_TYPES: readonly TraceEventType[] = [
  'connect',
  'line',
  'close',
  'state',
  'dns',
  'queue',
  'deliver',
  'host',
  'link',
  'note',
];

/** The hosts an event concerns (a note: the hosts it names). */
export function eventHosts(e: TraceEvent, hosts: readonly string[] = []): string[] {
  switch (e.type) {
    case 'connect':
    case 'line':
      return [e.from, e.to];
    case 'close':
      return [e.by];
    case 'state':
      return [e.actor.split('/')[0] as string];
    case 'dns':
    case 'queue':
    case 'deliver':
    case 'host':
      return [e.host];
    case 'link':
      return [...e.between];
    case 'note':
      return hosts.filter((h) => e.text.includes(h));
  }
}

export interface LogFilter {
  types: ReadonlySet<TraceEventType>;
  /** Only events that concern this host; undefined: all hosts. */
  host?: string;
}

/** Indexes of the events that pass the filter, in trace order. */
export function filterIndexes(
  events: readonly TraceEvent[],
  filter: LogFilter,
  hosts: readonly string[] = [],
): number[] {
  const out: number[] = [];
  events.forEach((e, i) => {
    if (!filter.types.has(e.type)) return;
    if (filter.host !== undefined && !eventHosts(e, hosts).includes(filter.host)) return;
    out.push(i);
  });
  return out;
}

/** How many of the filtered events are before the cursor (applied). */
export const visibleCount = (indexes: readonly number[], cursor: number): number =>
  countBelow(indexes, cursor);

/** The rows to render for a scroll position: [start, end) with some overscan. */
export function windowRange(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  count: number,
  overscan = 8,
): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(0, viewport) / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + shown + overscan);
  return { start, end: Math.max(start, end) };
}
