// The simulator store's additions for the page: share links in and out, clearing, speed steps.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SPEEDS, Simulator } from '../../../src/app/simulator/simulator.svelte';
import { encodeScenario } from '../../../src/core/scenario/share';

const backup: unknown = JSON.parse(
  readFileSync('src/app/simulator/presets/backup-mx-etrn.json', 'utf8'),
);

describe('Simulator', () => {
  test('a share link of the store opens the same scenario at the same cursor', () => {
    const sim = new Simulator();
    expect(sim.shareQuery()).toBeUndefined();
    expect(sim.loadJson(backup)).toBe(true);
    sim.step('session', 1);
    sim.step('session', 1);
    const query = new URLSearchParams(sim.shareQuery());
    const other = new Simulator();
    const result = other.loadShare(query.get('s'), query.get('c'));
    expect(result.ok).toBe(true);
    expect(other.cursor).toBe(sim.cursor);
    expect(other.scenario).toEqual(sim.scenario);
    expect(other.simulation?.trace).toEqual(sim.simulation?.trace);
  });

  test('a fault injected before sharing travels in the link', () => {
    const sim = new Simulator();
    sim.loadJson(backup);
    sim.step('session', 1);
    sim.inject({ do: 'down', host: 'backup.b.example' }, 'backup down');
    const query = new URLSearchParams(sim.shareQuery());
    const other = new Simulator();
    other.loadShare(query.get('s'), query.get('c'));
    expect(other.simulation?.trace).toEqual(sim.simulation?.trace);
  });

  test('a broken link changes nothing; clear() forgets everything', () => {
    const sim = new Simulator();
    sim.loadJson(backup);
    sim.seek(40);
    const result = sim.loadShare('not*base64');
    expect(result).toMatchObject({ ok: false, error: { kind: 'base64' } });
    expect(sim.cursor).toBe(40);
    sim.clear();
    expect(sim.simulation).toBeUndefined();
    expect(sim.timeline).toBeUndefined();
    expect(sim.length).toBe(0);
    expect(sim.cursor).toBe(0);
  });

  test('a cursor past the end is clamped to the end', () => {
    const sim = new Simulator();
    const result = sim.loadShare(encodeScenario(backup), '999999');
    expect(result.ok).toBe(true);
    expect(sim.cursor).toBe(sim.length);
  });

  test('changeSpeed walks SPEEDS and stops at the ends', () => {
    const sim = new Simulator();
    expect(sim.speed).toBe(1);
    sim.changeSpeed(1);
    expect(sim.speed).toBe(2);
    for (let i = 0; i < 10; i++) sim.changeSpeed(1);
    expect(sim.speed).toBe(SPEEDS.at(-1));
    for (let i = 0; i < 10; i++) sim.changeSpeed(-1);
    expect(sim.speed).toBe(SPEEDS[0]);
  });
});
