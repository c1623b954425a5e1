// The event log's filters, windowing and wording.
import { describe, expect, test } from 'vitest';
import type { TraceEvent } from '../../../src/core/trace/types';
import {
  EVENT_TYPES,
  eventHosts,
  filterIndexes,
  visibleCount,
  windowRange,
} from '../../../src/ui/sim/inspect/eventLog';
import { eventText, stateValueText } from '../../../src/ui/sim/inspect/eventText';
import { runPreset } from './helpers';

describe('filterIndexes', () => {
  const { simulation, timeline } = runPreset('backup-mx-etrn');
  const hosts = simulation.scenario.hosts.map((h) => h.name);
  const events = timeline.events;

  test('by type', () => {
    const dns = filterIndexes(events, { types: new Set(['dns']) }, hosts);
    expect(dns.length).toBeGreaterThan(0);
    expect(dns.every((i) => events[i]?.type === 'dns')).toBe(true);
    expect(filterIndexes(events, { types: new Set(EVENT_TYPES) }, hosts)).toHaveLength(
      events.length,
    );
  });

  test('by host: the events that concern it', () => {
    const backup = filterIndexes(
      events,
      { types: new Set(EVENT_TYPES), host: 'backup.b.example' },
      hosts,
    );
    expect(backup.length).toBeGreaterThan(0);
    expect(backup.length).toBeLessThan(events.length);
    expect(
      backup.every((i) => eventHosts(events[i] as TraceEvent, hosts).includes('backup.b.example')),
    ).toBe(true);
  });

  test('cut at the cursor', () => {
    const all = filterIndexes(events, { types: new Set(EVENT_TYPES) }, hosts);
    expect(visibleCount(all, 0)).toBe(0);
    expect(visibleCount(all, 10)).toBe(10);
  });
});

describe('windowRange', () => {
  test('the rows on screen with overscan, clamped', () => {
    expect(windowRange(0, 280, 28, 1000, 5)).toEqual({ start: 0, end: 15 });
    expect(windowRange(2800, 280, 28, 1000, 5)).toEqual({ start: 95, end: 115 });
    expect(windowRange(28_000, 280, 28, 1000, 5)).toEqual({ start: 995, end: 1000 });
    expect(windowRange(0, 280, 28, 0)).toEqual({ start: 0, end: 0 });
  });
});

describe('eventText', () => {
  test('events in words; wire text as written, controls made visible', () => {
    const line: TraceEvent = {
      t: 0,
      type: 'line',
      conn: 1,
      from: 'a',
      to: 'b',
      dir: 'C',
      text: '<img src=x onerror=alert(1)>\u001b[31m',
      lost: true,
    };
    const text = eventText(line);
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('\\x1b[31m');
    expect(text).toContain('lost');
    expect(
      eventText({
        t: 0,
        type: 'dns',
        host: 'h',
        query: { name: 'x.example', type: 'MX' },
        error: 'nxdomain',
      }),
    ).toBe('h asks MX x.example → NXDOMAIN (no such name)');
    expect(
      eventText({
        t: 0,
        type: 'queue',
        host: 'h',
        id: 'Q',
        action: 'defer',
        rcpt: ['r@x'],
        reason: 'busy',
        next: 300_000,
      }),
    ).toBe('h queue Q: deferred r@x — busy (next try at 00:05:00.000)');
    expect(stateValueText({ session: { transaction: 'hasRecipients' } })).toBe(
      'session › transaction › hasRecipients',
    );
  });
});
