// The DNS at the cursor: records from the scenario with the changes traced so far, failures
// injected and lifted, and the query log.
import { describe, expect, test } from 'vitest';
import {
  dnsAt,
  dnsCursor,
  dnsNoteText,
  queriesAt,
  zoneOf,
} from '../../../src/ui/sim/inspect/dnsState';
import { runJson, runScenario, scenarioJson } from './helpers';

describe('dnsAt', () => {
  test('a failure is shown from its note on, and gone after the restore', () => {
    const { simulation, timeline } = runScenario('dns-servfail-restore');
    const notes = timeline.events.flatMap((e, i) =>
      e.type === 'note' && e.text.startsWith('DNS: ') ? [i] : [],
    );
    expect(notes).toHaveLength(2);
    const [fail, restore] = notes as [number, number];
    expect(dnsAt(simulation.scenario, timeline.events, fail).failures).toEqual([]);
    const during = dnsAt(simulation.scenario, timeline.events, fail + 1);
    expect(during.failures).toMatchObject([{ name: 'b.example', mode: 'servfail', index: fail }]);
    expect(during.changes).toBe(1);
    expect(dnsAt(simulation.scenario, timeline.events, restore + 1).failures).toEqual([]);
  });

  test('records added, removed and replaced are marked from the moment they change', () => {
    const json = scenarioJson('dns-servfail-restore') as {
      events: Array<Record<string, unknown>>;
    };
    json.events = [
      {
        at: '1s',
        do: 'dns',
        action: 'add',
        record: { name: 'c.example', type: 'A', value: '192.0.2.99' },
      },
      {
        at: '2s',
        do: 'dns',
        action: 'remove',
        record: { name: 'mx.b.example', type: 'A', value: '198.51.100.25' },
      },
      {
        at: '3s',
        do: 'dns',
        action: 'replace',
        record: { name: 'b.example', type: 'MX', preference: 5, value: 'mx2.b.example' },
      },
    ];
    const { simulation, timeline } = runJson(json);
    const start = dnsAt(simulation.scenario, timeline.events, 0);
    expect(start.zones.flatMap((z) => z.rows).every((r) => r.status === 'original')).toBe(true);
    const end = dnsAt(simulation.scenario, timeline.events, timeline.length);
    expect(end.changes).toBe(3);
    const rows = end.zones.flatMap((z) => z.rows);
    const find = (name: string, value: string) =>
      rows.find((r) => r.record.name === name && r.record.value === value);
    expect(find('c.example', '192.0.2.99')?.status).toBe('added');
    expect(find('mx.b.example', '198.51.100.25')?.status).toBe('removed');
    expect(find('b.example', 'mx.b.example')?.status).toBe('removed');
    expect(find('b.example', 'mx2.b.example')).toMatchObject({ status: 'added', t: 3000 });
    expect(end.zones.map((z) => z.zone)).toEqual(['b.example', 'c.example']);
  });

  test('dnsCursor: the same zones at every cursor, moving only at a change', () => {
    const { simulation, timeline } = runScenario('dns-servfail-restore');
    const notes = timeline.events.flatMap((e, i) =>
      e.type === 'note' && e.text.startsWith('DNS: ') ? [i] : [],
    );
    const seen = new Set<number>();
    for (let c = 0; c <= timeline.length; c += 1) {
      const at = dnsCursor(timeline.events, c);
      seen.add(at);
      expect(dnsAt(simulation.scenario, timeline.events, at)).toEqual(
        dnsAt(simulation.scenario, timeline.events, c),
      );
    }
    expect([...seen]).toEqual([0, ...notes.map((i) => i + 1)]);
  });

  test('the note text matches what the world traces', () => {
    expect(
      dnsNoteText({
        do: 'dns',
        action: 'add',
        record: { name: 'x', type: 'MX', preference: 10, value: 'y' },
      }),
    ).toBe('DNS: add x MX 10 y');
    expect(dnsNoteText({ do: 'dns', action: 'fail', name: 'x', fail: 'timeout' })).toBe(
      'DNS: x now answers TIMEOUT',
    );
    expect(zoneOf('mx.b.example.')).toBe('b.example');
  });
});

describe('queriesAt', () => {
  test('queries up to the cursor, newest last, the last N only', () => {
    const { timeline } = runScenario('dns-servfail-restore');
    const all = queriesAt(timeline.events, timeline.length);
    expect(all.total).toBeGreaterThan(2);
    expect(all.rows.map((r) => r.index)).toEqual(
      [...all.rows.map((r) => r.index)].sort((a, b) => a - b),
    );
    const first = all.rows[0]?.index as number;
    expect(queriesAt(timeline.events, first).total).toBe(0);
    expect(queriesAt(timeline.events, first + 1).rows).toHaveLength(1);
    const two = queriesAt(timeline.events, timeline.length, 2);
    expect(two.rows).toHaveLength(2);
    expect(two.rows[1]?.index).toBe(all.rows.at(-1)?.index);
  });
});
