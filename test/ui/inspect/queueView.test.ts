// The queue panel's rows: hosts shown, next try as clock time and distance.
import { describe, expect, test } from 'vitest';
import type { WorldView } from '../../../src/core/trace/timeline';
import { entryRow, queueHosts, shortDuration } from '../../../src/ui/sim/inspect/queueView';
import { runPreset } from './helpers';

function view(hosts: WorldView['hosts'], t = 60_000): WorldView {
  return { cursor: 1, t, hosts, linksDown: [], open: [], delivered: {}, actors: {} };
}

describe('queue rows', () => {
  test('the next try as a virtual clock time and as "in 5m"', () => {
    const row = entryRow(
      { id: 'Q1', rcpt: ['bob@b.example'], attempts: 2, next: 360_000, warned: false },
      60_000,
    );
    expect(row.nextClock).toBe('00:06:00.000');
    expect(row.nextIn).toBe(300_000);
    expect(shortDuration(row.nextIn ?? 0)).toBe('5m');
    expect(
      entryRow({ id: 'Q', rcpt: [], attempts: 1, next: 10, warned: true }, 60_000).nextIn,
    ).toBe(0);
    expect(
      entryRow({ id: 'Q', rcpt: [], attempts: 1, warned: false }, 0).nextClock,
    ).toBeUndefined();
    expect(shortDuration(26 * 3600_000)).toBe('1d2h');
  });

  test('which hosts: the selected one, else those with entries or down, or all', () => {
    const v = view({
      a: { up: true, queue: [{ id: 'Q1', rcpt: ['x@y'], attempts: 1, warned: false }] },
      b: { up: true, queue: [] },
      c: { up: false, queue: [] },
      client: { up: true, queue: [] },
    });
    const mtas = ['c', 'b', 'a'];
    expect(queueHosts(v, mtas).map((r) => r.host)).toEqual(['a', 'c']);
    expect(queueHosts(v, mtas, { all: true }).map((r) => r.host)).toEqual(['a', 'b', 'c']);
    expect(queueHosts(v, mtas, { host: 'b' }).map((r) => r.host)).toEqual(['b']);
    expect(queueHosts(v, mtas, { host: 'client' }).map((r) => r.host)).toEqual(['a', 'c']);
    expect(queueHosts(v, mtas).find((r) => r.host === 'c')?.up).toBe(false);
  });

  test('a real run: the backup holds the message while the primary is down', () => {
    const { timeline } = runPreset('backup-mx-etrn');
    const defer = timeline.events.findIndex(
      (e) => e.type === 'queue' && e.action === 'defer' && e.host === 'backup.b.example',
    );
    const at = timeline.viewAt(defer + 1);
    const [backup] = queueHosts(at, ['backup.b.example']);
    expect(backup?.entries[0]).toMatchObject({ rcpt: ['bob@b.example'], attempts: 1 });
    expect(backup?.entries[0]?.lastError).toContain('Connection timed out');
    expect(backup?.entries[0]?.nextIn).toBeGreaterThan(0);
  });
});
