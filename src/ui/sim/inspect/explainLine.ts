// The explanation of one SMTP line of the trace, with the console's helpers: the line's place in
// its dialogue (a command, message text after 354, an AUTH response after 334, a reply and the
// command it answers) is found by replaying the connection's lines up to it.
import { ReplyReader } from '../../../core/protocol/replyFormat';
import type { Timeline } from '../../../core/trace/timeline';
import type { TraceEvent } from '../../../core/trace/types';
import { t } from '../../../i18n/index.svelte';
import { explainEntry, type Explanation } from '../../console/explain';
import { DialogueTracker, type EntryBody } from '../../console/transcript';

type LineEvent = Extract<TraceEvent, { type: 'line' }>;

/** The dialogue entry a line belongs to (a whole reply for a reply line), or undefined. */
export function lineEntry(
  events: readonly TraceEvent[],
  lines: readonly number[],
  index: number,
): EntryBody | undefined {
  const tracker = new DialogueTracker();
  let reader = new ReplyReader();
  let pending: number[] = [];
  for (const i of lines) {
    if (i > index && !pending.includes(index)) return undefined;
    const e = events[i] as LineEvent;
    if (e.dir === 'C') {
      const body = tracker.client(e.text);
      if (i === index) return body;
      continue;
    }
    pending.push(i);
    const result = reader.push(e.text);
    if (result === null) continue;
    const group = pending;
    pending = [];
    if ('error' in result) {
      reader = new ReplyReader();
      if (group.includes(index)) return undefined;
      continue;
    }
    const texts = group.map((g) => (events[g] as LineEvent).text);
    const body = tracker.server(texts, result);
    if (group.includes(index)) return body;
  }
  // A reply cut off before its last line: explain the lines so far by their code.
  if (pending.includes(index)) {
    const texts = pending.map((g) => (events[g] as LineEvent).text);
    const code = Number(texts[0]?.slice(0, 3));
    if (Number.isInteger(code)) return { side: 'S', kind: 'reply', lines: texts, code };
  }
  return undefined;
}

export interface TraceExplanation extends Explanation {
  index: number;
  lost: boolean;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?:…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The explanation of the line at a trace index; undefined for anything else. */
export function explainTraceLine(timeline: Timeline, index: number): TraceExplanation | undefined {
  const e = timeline.events[index];
  if (e?.type !== 'line') return undefined;
  const lines = timeline.connections.get(e.conn)?.lines ?? [index];
  const entry = lineEntry(timeline.events, lines, index);
  if (!entry) return undefined;
  const base = explainEntry(entry);
  if (!base) return undefined;
  const source = t(e.dir === 'C' ? 'inspect.explain.fromClient' : 'inspect.explain.fromServer', {
    host: e.from,
    to: e.to,
  });
  const lost = e.lost === true;
  const parts = [
    sentence(`${source}: ${base.lines.map((l) => l.slice(3)).join(' / ')}`),
    lost ? sentence(t('inspect.explain.lost')) : '',
    sentence(base.heading),
    ...base.rows.map((row) =>
      [
        sentence(`${row.label}: ${row.value}`),
        row.detail ? sentence(row.detail) : '',
        row.rfc ? sentence(row.rfc) : '',
      ]
        .filter(Boolean)
        .join(' '),
    ),
  ].filter(Boolean);
  return { ...base, source, announcement: parts.join(' '), index, lost };
}
