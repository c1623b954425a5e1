// The labels of the timeline's markers (src/core/trace/timeline.ts), in English.
export const MARKER_TEXT = {
  'marker.session': '{from} → {to}:{port} {result}',
  'marker.result.open': 'open',
  'marker.result.refused': 'refused',
  'marker.result.timeout': 'timeout',
  'marker.delivery': '{mailbox}: {subject}',
  'marker.deferred': '{host} {id} deferred',
  'marker.bounce': '{host} {id} bounce',
  'marker.expire': '{host} {id} expire',
  'marker.warning': '{host} {id} warning',
  'marker.hostUp': '{host} up',
  'marker.hostDown': '{host} down',
  'marker.note': '{text}',
} as const;
