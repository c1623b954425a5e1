// The accounting at the cursor agrees at the end with the run's own accounting.
import { describe, expect, test } from 'vitest';
import { accountingAt } from '../../../src/ui/sim/inspect/accountingAt';
import { runPreset } from './helpers';

describe('accountingAt', () => {
  test.each(['backup-mx-etrn', 'mx-fallback-and-bounce', 'rfc1047-duplicate', 'relay-three-hops'])(
    '%s: at the end, deliveries, duplicates and queued match the summary',
    (id) => {
      const { simulation, timeline } = runPreset(id);
      const end = accountingAt(timeline.events, timeline.length, timeline.viewAt(timeline.length));
      const a = simulation.summary.accounting;
      expect(end.delivered).toBe(a.delivered);
      expect(end.duplicated).toBe(a.duplicated);
      expect(end.queued).toBe(a.queued);
    },
  );

  test('nothing at the start; deliveries counted as they happen', () => {
    const { timeline } = runPreset('backup-mx-etrn');
    expect(accountingAt(timeline.events, 0, timeline.viewAt(0))).toEqual({
      delivered: 0,
      duplicated: 0,
      bounced: 0,
      queued: 0,
    });
    const deliver = timeline.events.findIndex((e) => e.type === 'deliver');
    expect(accountingAt(timeline.events, deliver, timeline.viewAt(deliver)).delivered).toBe(0);
    expect(accountingAt(timeline.events, deliver + 1, timeline.viewAt(deliver + 1)).delivered).toBe(
      1,
    );
  });

  test('bounces are counted by recipient', () => {
    const { timeline } = runPreset('mx-fallback-and-bounce');
    const end = accountingAt(timeline.events, timeline.length, timeline.viewAt(timeline.length));
    expect(end.bounced).toBeGreaterThan(0);
  });
});
