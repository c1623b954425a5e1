import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseScenarioText } from '../../../src/core/scenario/validate';
import { forkIndex, simulate, withEvent } from '../../../src/core/world/simulate';
import { Timeline } from '../../../src/core/trace/timeline';

function load(name: string) {
  const result = parseScenarioText(readFileSync(`../shared/scenarios/${name}.json`, 'utf8'));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.scenario;
}

describe('moving through the backup-MX trace', () => {
  const scenario = load('backup-mx-etrn');
  const sim = simulate(scenario);
  const timeline = new Timeline(
    sim.trace,
    scenario.hosts.map((h) => h.name),
  );

  test('viewAt any cursor equals folding the prefix from the start (checkpoints change nothing)', () => {
    const long = simulate(load('mx-fallback-and-bounce'));
    const names = load('mx-fallback-and-bounce').hosts.map((h) => h.name);
    const line = new Timeline(long.trace, names, { checkpointEvery: 16 });
    for (const cursor of [0, 1, 15, 16, 17, 100, line.length - 1, line.length]) {
      const prefix = new Timeline(long.trace.slice(0, cursor), names);
      expect(line.viewAt(cursor)).toEqual(prefix.viewAt(cursor));
      expect(line.viewAt(cursor).t).toBe(line.timeAt(cursor));
    }
    const end = timeline.viewAt(timeline.length);
    expect(end.hosts['backup.b.example']?.queue).toEqual([]);
    expect(end.delivered['bob@b.example']).toBe(1);
  });

  test('the backup holds the message while the primary is down', () => {
    const firstDefer = sim.trace.findIndex(
      (e) => e.type === 'queue' && e.action === 'defer' && e.host === 'backup.b.example',
    );
    const view = timeline.viewAt(firstDefer + 1);
    expect(view.hosts['mx.b.example']?.up).toBe(false);
    expect(view.hosts['backup.b.example']?.queue.map((q) => q.rcpt)).toEqual([['bob@b.example']]);
    expect(view.hosts['backup.b.example']?.queue[0]?.lastError).toMatch(/timed out/);
  });

  test('stepping by line, session and delivery, forwards and back', () => {
    const afterFirstLine = timeline.step(0, 'line', 1);
    expect(sim.trace[afterFirstLine - 1]?.type).toBe('line');
    expect(timeline.step(afterFirstLine, 'line', -1)).toBe(0);
    const delivery = timeline.step(0, 'delivery', 1);
    expect(sim.trace[delivery - 1]).toMatchObject({ type: 'deliver', mailbox: 'bob@b.example' });
    const sessions: number[] = [];
    for (let c = 0; c < timeline.length;) {
      c = timeline.step(c, 'session', 1);
      if (c <= timeline.length && sim.trace[c - 1]?.type === 'connect') sessions.push(c);
      else break;
    }
    expect(sessions.length).toBe(timeline.connections.size);
    expect(timeline.step(sessions[1] as number, 'session', -1)).toBe(sessions[0]);
  });

  test('markers show sessions, retries and the delivery', () => {
    const kinds = new Set(timeline.markers.map((m) => m.kind));
    expect(kinds).toEqual(new Set(['session', 'retry', 'delivery', 'host']));
  });
});

describe('forks', () => {
  test('a host taken down at the cursor changes the run only from there', () => {
    const scenario = load('seed-session');
    const base = simulate(scenario);
    const at = base.trace[5]?.t ?? 0;
    const forked = simulate(withEvent(scenario, at, { do: 'down', host: 'www.example.com' }));
    const index = forkIndex(base.trace, forked.trace);
    expect(index).toBeGreaterThan(0);
    expect(forked.trace.slice(0, index)).toEqual(base.trace.slice(0, index));
    expect(forked.trace[index]).toMatchObject({ type: 'host', host: 'www.example.com', up: false });
    expect(forked.summary.mailboxes['friend@example.com']).toBeUndefined();
  });
});
