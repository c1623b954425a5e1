// One connection as a telnet-style transcript: a note when it is opened (or refused, or timed
// out), its lines as `C:` and `S:`, a note for each close. The notes' words come from the
// catalogue through `noteText`, so this file stays free of the UI language.
import type { ConnectionInfo } from '../../../core/trace/timeline';
import type { TraceEvent } from '../../../core/trace/types';
import { LineClassifier, type LineStyle } from './lineKind';

export type NoteKind = 'connected' | 'refused' | 'timeout' | 'closed';

export type TranscriptEntry =
  | {
      kind: 'note';
      index: number;
      note: NoteKind;
      host: string;
      port: number;
      reason?: string;
    }
  | {
      kind: 'line';
      index: number;
      dir: 'C' | 'S';
      text: string;
      lost: boolean;
      style: LineStyle;
    };

export function connectionEntries(
  events: readonly TraceEvent[],
  info: Pick<ConnectionInfo, 'conn' | 'start' | 'end' | 'to' | 'port'>,
): TranscriptEntry[] {
  const entries: TranscriptEntry[] = [];
  const classifier = new LineClassifier();
  for (let i = info.start; i <= info.end && i < events.length; i += 1) {
    const e = events[i] as TraceEvent;
    if (!('conn' in e) || e.conn !== info.conn) continue;
    if (e.type === 'connect') {
      const note: NoteKind = e.result === 'open' ? 'connected' : e.result;
      entries.push({ kind: 'note', index: i, note, host: e.to, port: e.port });
    } else if (e.type === 'line') {
      entries.push({
        kind: 'line',
        index: i,
        dir: e.dir,
        text: e.text,
        lost: e.lost === true,
        style: classifier.classify(e),
      });
    } else if (e.type === 'close') {
      entries.push({
        kind: 'note',
        index: i,
        note: 'closed',
        host: e.by,
        port: info.port,
        reason: e.reason,
      });
    }
  }
  return entries;
}

/** One entry as a transcript line: `C: …`, `S: …`, or the note's text. */
export function entryText(
  entry: TranscriptEntry,
  noteText: (entry: Extract<TranscriptEntry, { kind: 'note' }>) => string,
  lostTag: string,
): string {
  if (entry.kind === 'note') return noteText(entry);
  return `${entry.dir}: ${entry.text}${entry.lost ? ` ${lostTag}` : ''}`;
}

/** The entries as text, one per line, ending with a newline (empty when there are none). */
export function transcriptText(
  entries: readonly TranscriptEntry[],
  noteText: (entry: Extract<TranscriptEntry, { kind: 'note' }>) => string,
  lostTag: string,
): string {
  if (entries.length === 0) return '';
  return `${entries.map((e) => entryText(e, noteText, lostTag)).join('\n')}\n`;
}
