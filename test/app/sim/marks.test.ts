// Scrubber marks: where each marker and fork sits, which lane it is in, and that a long trace
// draws at most one mark per kind per slot while counting them all.
import { describe, expect, test } from 'vitest';
import { coreText } from '../../../src/core/text/message';
import type { Marker } from '../../../src/core/trace/timeline';
import { SLOTS, markLayout } from '../../../src/ui/sim/controls/marks';

const marker = (index: number, kind: Marker['kind']): Marker => ({
  index,
  t: index,
  kind,
  text: coreText('marker.note', { text: `${kind} ${index}` }),
});

describe('markLayout', () => {
  test('places each mark at the cursor just after its event, in its lane', () => {
    const layout = markLayout(
      [marker(9, 'session'), marker(49, 'delivery'), marker(19, 'retry'), marker(99, 'bounce')],
      [{ index: 30, label: 'mx down' }],
      100,
    );
    expect(layout.upper.map((m) => [m.kind, m.at])).toEqual([
      ['session', 0.1],
      ['fork', 0.3],
    ]);
    expect(layout.lower.map((m) => [m.kind, m.at])).toEqual([
      ['delivery', 0.5],
      ['retry', 0.2],
      ['bounce', 1],
    ]);
    expect(layout.counts).toEqual({
      session: 1,
      fork: 1,
      delivery: 1,
      retry: 1,
      warning: 0,
      bounce: 1,
    });
  });

  test('leaves out host and note markers', () => {
    const layout = markLayout([marker(1, 'host'), marker(2, 'note')], [], 10);
    expect(layout.upper).toEqual([]);
    expect(layout.lower).toEqual([]);
  });

  test('a long trace: one mark per kind and slot, all counted', () => {
    const markers = Array.from({ length: 100_000 }, (_, i) =>
      marker(i, i % 2 === 0 ? 'session' : 'delivery'),
    );
    const layout = markLayout(markers, [], 100_000);
    expect(layout.counts.session).toBe(50_000);
    expect(layout.upper.length).toBeLessThanOrEqual(SLOTS + 1);
    expect(layout.lower.length).toBeLessThanOrEqual(SLOTS + 1);
    expect(new Set(layout.upper.map((m) => m.key)).size).toBe(layout.upper.length);
  });

  test('an empty trace puts everything at the start', () => {
    expect(markLayout([marker(0, 'session')], [], 0).upper[0]?.at).toBe(0);
  });
});
