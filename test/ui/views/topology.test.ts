import { describe, expect, test } from 'vitest';
import { packetsAt, slotOffset } from '../../../src/ui/sim/views/packets';
import { RESOLVER, worldNodes } from '../../../src/ui/sim/views/roles';
import { along, COMPACT_FROM, topologyLayout } from '../../../src/ui/sim/views/topologyLayout';
import { backupMx, find, isLine } from './fixtures';

describe('topology layout', () => {
  const world = backupMx();
  const nodes = worldNodes(world.scenario.hosts);

  test('nodes sit inside the drawing, the first one on the left of the hub', () => {
    for (const width of [390, 640, 1280]) {
      const layout = topologyLayout(nodes, width);
      for (const n of layout.nodes) {
        expect(n.x).toBeGreaterThan(30);
        expect(n.x).toBeLessThan(layout.width - 30);
        expect(n.y).toBeGreaterThan(20);
        expect(n.y).toBeLessThan(layout.height - 40);
      }
      const first = layout.nodes[0];
      expect(first?.id).toBe('alice-pc');
      expect(first?.y).toBeCloseTo(layout.hub.y, 0);
      expect(first?.x).toBeLessThan(layout.hub.x);
      expect(layout.compact).toBe(false);
    }
  });

  test('many hosts make the drawing compact', () => {
    const many = Array.from({ length: COMPACT_FROM }, (_, i) => ({
      id: `h${i}`,
      role: 'mta' as const,
    }));
    expect(topologyLayout(many, 800).compact).toBe(true);
  });

  test('along: a point on the segment, shifted sideways (upwards for positive offsets)', () => {
    expect(along({ x: 0, y: 0 }, { x: 100, y: 0 }, 0.5)).toEqual({ x: 50, y: 0 });
    expect(along({ x: 0, y: 0 }, { x: 100, y: 0 }, 0.5, 10)).toEqual({ x: 50, y: -10 });
    expect(along({ x: 100, y: 0 }, { x: 0, y: 0 }, 0.5, 10)).toEqual({ x: 50, y: -10 });
  });
});

describe('packets at the cursor', () => {
  const world = backupMx();
  const options = { window: world.scenario.latency, dnsTarget: RESOLVER };

  test('none before anything is sent', () => {
    expect(packetsAt(world.events, 0, options)).toEqual([]);
  });

  test('the line just sent travels; the one before it has arrived', () => {
    const ehlo = find(world.events, isLine('EHLO alice-pc'));
    const packets = packetsAt(world.events, ehlo + 1, options);
    expect(packets).toEqual([
      {
        index: ehlo,
        kind: 'line',
        from: 'alice-pc',
        to: 'mail.a.example',
        cut: false,
        slot: 0,
        count: 1,
      },
    ]);
  });

  test('a multi-line reply travels as one packet keyed by its first line', () => {
    const first = find(world.events, isLine('250-mail.a.example Hello alice-pc [192.0.2.10]'));
    const last = find(world.events, isLine('250 DSN'));
    const packets = packetsAt(world.events, last + 1, options);
    expect(packets).toHaveLength(1);
    expect(packets[0]).toMatchObject({ index: first, count: last - first + 1 });
    // Midway through the reply the key stays the same: the packet is not drawn anew.
    expect(packetsAt(world.events, first + 3, options)[0]).toMatchObject({
      index: first,
      count: 3,
    });
  });

  test('pipelined commands travel side by side in slots', () => {
    const data = find(world.events, (e) => e.type === 'line' && e.text === 'DATA');
    const packets = packetsAt(world.events, data + 1, options);
    expect(packets.map((p) => p.slot)).toEqual([0, 1, 2]);
    expect(packets.map((p) => p.index)).toEqual([data - 2, data - 1, data]);
    expect([0, 1, 2, 3].map((s) => slotOffset(s, 10))).toEqual([0, 10, -10, 20]);
  });

  test('DNS queries go to the DNS node; a timed-out connection never arrives', () => {
    const query = find(world.events, (e) => e.type === 'dns');
    expect(packetsAt(world.events, query + 1, options)).toMatchObject([
      { kind: 'dns', from: 'alice-pc', to: RESOLVER },
    ]);
    const timeout = find(world.events, (e) => e.type === 'connect' && e.result === 'timeout');
    expect(packetsAt(world.events, timeout + 1, options)).toMatchObject([
      { kind: 'connect', cut: true, to: 'mx.b.example' },
    ]);
  });

  test('at most `max` packets', () => {
    const last = find(world.events, isLine('Hi Bob!'));
    expect(packetsAt(world.events, last + 2, { ...options, max: 2 })).toHaveLength(2);
  });
});
