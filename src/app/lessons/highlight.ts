// What the views point at while a step is shown: the step's `highlight` turned into the
// simulator's selection, for the event the step selects.
import type { Highlight } from '../../core/lesson/types';
import type { TraceEvent } from '../../core/trace/types';
import type { Selection } from '../simulator/simulator.svelte';

const connOf = (event: TraceEvent | undefined): number | undefined =>
  event && 'conn' in event ? event.conn : undefined;

const hostOf = (event: TraceEvent | undefined): string | undefined =>
  event && 'host' in event ? event.host : undefined;

/** The selection for `highlight` when the step shows `event` (trace index `index`). */
export function selectionFor(
  highlight: Highlight,
  event: TraceEvent | undefined,
  index: number | undefined,
): Selection {
  switch (highlight.kind) {
    case 'none':
      return {};
    case 'host':
      return { host: highlight.host };
    case 'connection': {
      const conn = connOf(event);
      return conn === undefined ? {} : { conn };
    }
    case 'event': {
      if (!event) return {};
      if (event.type === 'line' && index !== undefined) return { conn: event.conn, line: index };
      const conn = connOf(event);
      if (conn !== undefined) return { conn };
      const host = hostOf(event);
      return host === undefined ? {} : { host };
    }
  }
}
