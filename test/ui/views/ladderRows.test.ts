import { describe, expect, test } from 'vitest';
import {
  connLanes,
  connRows,
  pathLanes,
  pathRows,
  rowsBefore,
} from '../../../src/ui/sim/views/ladderRows';
import { dnsTarget, nodeRole, RESOLVER, type NodeRole } from '../../../src/ui/sim/views/roles';
import type { TraceEvent } from '../../../src/core/trace/types';
import { backupMx, find, isLine } from './fixtures';

const world = backupMx();
const roles = new Map(world.scenario.hosts.map((h) => [h.name, nodeRole(h)]));
const roleOf = (id: string): NodeRole => roles.get(id) ?? 'resolver';
const dns = dnsTarget(world.scenario.hosts);

describe('lanes', () => {
  test('the whole path: hosts by first appearance, the DNS lane last', () => {
    const lanes = pathLanes(world.events, roleOf, dns);
    expect(lanes.map((l) => l.id)).toEqual([
      'alice-pc',
      'mail.a.example',
      'mx.b.example',
      'backup.b.example',
      RESOLVER,
    ]);
    expect(lanes.map((l) => l.role)).toEqual(['client', 'mta', 'mta', 'backup', 'resolver']);
  });

  test('one connection: its client, then its server', () => {
    const info = world.timeline.connections.get(11);
    if (!info) throw new Error('no connection 11');
    expect(connLanes(info, roleOf).map((l) => l.id)).toEqual(['backup.b.example', 'mx.b.example']);
  });

  test('hosts seen only in queue or host events still get a lane, without DNS when unused', () => {
    const events: TraceEvent[] = [
      { t: 0, type: 'host', host: 'x', up: false },
      { t: 1, type: 'queue', host: 'y', id: 'Q', action: 'enqueue', rcpt: ['a@b'] },
    ];
    expect(pathLanes(events, () => 'mta', RESOLVER).map((l) => l.id)).toEqual(['x', 'y']);
  });
});

describe('rows', () => {
  const lanes = pathLanes(world.events, roleOf, dns);
  const rows = pathRows(world.events, lanes, dns);
  const lane = (id: string) => lanes.findIndex((l) => l.id === id);

  test('one row per drawn event, in trace order, none for state changes', () => {
    const drawn = world.events.filter((e) => e.type !== 'state').length;
    expect(rows).toHaveLength(drawn);
    expect(rows.every((r, i) => i === 0 || (rows[i - 1]?.index ?? 0) < r.index)).toBe(true);
  });

  test('the ETRN line goes from mx.b.example to the backup; the backup then connects back', () => {
    const etrn = find(world.events, isLine('ETRN b.example'));
    const row = rows.find((r) => r.index === etrn);
    expect(row).toMatchObject({
      from: lane('mx.b.example'),
      to: lane('backup.b.example'),
      style: 'command',
    });
    const reply = rows.find((r) => r.index > etrn && r.style.startsWith('reply'));
    expect(reply?.style).toBe('reply2');
    const next = rows.find(
      (r) => r.index > etrn && r.style === 'open' && r.from === lane('backup.b.example'),
    );
    expect(next?.to).toBe(lane('mx.b.example'));
  });

  test('message text is told apart from commands; a timed-out connect is cut', () => {
    const hello = find(world.events, isLine('Hi Bob!'));
    expect(rows.find((r) => r.index === hello)?.style).toBe('text');
    const timeout = find(world.events, (e) => e.type === 'connect' && e.result === 'timeout');
    expect(rows.find((r) => r.index === timeout)).toMatchObject({ style: 'timeout', cut: true });
  });

  test('DNS queries go to the DNS lane, queue steps and closes are marks on one lane', () => {
    const query = find(world.events, (e) => e.type === 'dns');
    expect(rows.find((r) => r.index === query)).toMatchObject({
      from: lane('alice-pc'),
      to: lane(RESOLVER),
      style: 'dns',
    });
    const defer = find(world.events, (e) => e.type === 'queue' && e.action === 'defer');
    expect(rows.find((r) => r.index === defer)).toMatchObject({
      from: lane('backup.b.example'),
      to: lane('backup.b.example'),
      style: 'markBad',
    });
    const close = find(world.events, (e) => e.type === 'close');
    const closeRow = rows.find((r) => r.index === close);
    expect(closeRow?.style).toBe('close');
    expect(closeRow?.from).toBe(closeRow?.to);
  });

  test('one connection: its opening, lines and closes only', () => {
    const info = world.timeline.connections.get(10);
    if (!info) throw new Error('no connection 10');
    const own = connRows(world.events, info, connLanes(info, roleOf));
    expect(own[0]?.style).toBe('open');
    expect(own.at(-1)?.style).toBe('close');
    expect(own.filter((r) => r.style !== 'open' && r.style !== 'close')).toHaveLength(
      info.lines.length,
    );
    expect(own.every((r) => r.index >= info.start && r.index <= info.end)).toBe(true);
  });

  test('a lost line is cut', () => {
    const events: TraceEvent[] = [
      { t: 0, type: 'connect', conn: 1, from: 'a', to: 'b', port: 25, result: 'open' },
      { t: 1, type: 'line', conn: 1, from: 'b', to: 'a', dir: 'S', text: '421 bye', lost: true },
    ];
    const lanes2 = connLanes({ from: 'a', to: 'b' }, () => 'mta');
    const own = connRows(events, { conn: 1, start: 0, end: 1 }, lanes2);
    expect(own[1]).toMatchObject({ from: 1, to: 0, style: 'reply4', cut: true });
  });

  test('rowsBefore counts the rows whose event comes before the cursor', () => {
    const sample = [{ index: 2 }, { index: 5 }, { index: 9 }];
    expect([0, 2, 3, 5, 6, 9, 10, 99].map((c) => rowsBefore(sample, c))).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3,
    ]);
    expect(rowsBefore([], 5)).toBe(0);
  });
});
