import { describe, expect, test } from 'vitest';
import {
  connectionAt,
  connectionList,
  shownConnection,
  startedBefore,
} from '../../../src/ui/sim/views/connections';
import { rowsBefore } from '../../../src/ui/sim/views/ladderRows';
import {
  connectionEntries,
  transcriptText,
  type TranscriptEntry,
} from '../../../src/ui/sim/views/transcriptEntries';
import { backupMx, find, isLine } from './fixtures';

const world = backupMx();
const list = connectionList(world.timeline);
const note = (e: Extract<TranscriptEntry, { kind: 'note' }>) => `[${e.note} ${e.host}]`;

describe('connections', () => {
  test('listed in the order they were opened', () => {
    expect(list.map((c) => c.conn)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(startedBefore(list, 0)).toBe(0);
    expect(startedBefore(list, world.events.length)).toBe(11);
  });

  test('the one at the cursor: the event’s own, else the last one opened', () => {
    const etrn = find(world.events, isLine('ETRN b.example'));
    expect(connectionAt(world.timeline, list, etrn + 1)?.conn).toBe(10);
    const hostUp = find(world.events, (e) => e.type === 'host' && e.up);
    expect(connectionAt(world.timeline, list, hostUp + 1)?.conn).toBe(9);
    expect(connectionAt(world.timeline, list, 0)).toBeUndefined();
  });

  test('a chosen connection wins, an unknown one falls back to the cursor', () => {
    expect(shownConnection(world.timeline, list, 5, 11)?.conn).toBe(11);
    expect(shownConnection(world.timeline, list, 5, 99)?.conn).toBe(1);
  });
});

describe('transcript of one connection', () => {
  const info = world.timeline.connections.get(10);
  if (!info) throw new Error('no connection 10');
  const entries = connectionEntries(world.events, info);

  test('opening note, S: and C: lines, closing notes', () => {
    expect(entries[0]).toMatchObject({ kind: 'note', note: 'connected', host: 'backup.b.example' });
    expect(entries.filter((e) => e.kind === 'line')).toHaveLength(info.lines.length);
    expect(entries.at(-1)).toMatchObject({ kind: 'note', note: 'closed', host: 'mx.b.example' });
  });

  test('as text up to the cursor', () => {
    const etrn = find(world.events, isLine('ETRN b.example'));
    const shown = entries.slice(0, rowsBefore(entries, etrn + 1));
    const text = transcriptText(shown, note, '(lost)');
    expect(text.split('\n').slice(0, 3)).toEqual([
      '[connected backup.b.example]',
      'S: 220 backup.b.example ESMTP Postfix',
      'C: EHLO mx.b.example',
    ]);
    expect(text.endsWith('C: ETRN b.example\n')).toBe(true);
    expect(transcriptText([], note, '(lost)')).toBe('');
  });

  test('a lost line is tagged; timed-out connections have only their note', () => {
    const lost: TranscriptEntry = {
      kind: 'line',
      index: 0,
      dir: 'S',
      text: '421 bye',
      lost: true,
      style: 'reply4',
    };
    expect(transcriptText([lost], note, '(lost)')).toBe('S: 421 bye (lost)\n');
    const timedOut = world.timeline.connections.get(2);
    if (!timedOut) throw new Error('no connection 2');
    expect(connectionEntries(world.events, timedOut)).toEqual([
      { kind: 'note', index: timedOut.start, note: 'timeout', host: 'mx.b.example', port: 25 },
    ]);
  });
});
