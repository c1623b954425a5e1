// The seed is the only randomness: the same scenario run twice gives the same trace and summary,
// byte for byte; another seed changes only what the seed is for: queue ids (and the Message-IDs,
// boundaries and SIZE= figures built from them stay the same length) and the order in which
// exchangers of equal preference are tried (RFC 5321 §5.1).
import { describe, expect, it } from 'vitest';
import { allScenarios, connects, eventsOf, loadScenario, runScenario, LOCAL_DIR } from './helpers';
import { join } from 'node:path';
import type { Scenario } from '../../../src/core/scenario/types';

const fingerprint = (scenario: Scenario) => {
  const run = runScenario(scenario);
  return JSON.stringify(run.trace) + '\n' + JSON.stringify(run.summary);
};

/** Queue ids (10 upper-case hex digits) renamed Q1, Q2, … in order of first appearance. */
function withoutQueueIds(text: string): string {
  const names = new Map<string, string>();
  return text.replace(/\b[0-9A-F]{10}\b/g, (id) => {
    let name = names.get(id);
    if (name === undefined) {
      name = `Q${String(names.size + 1).padStart(9, '0')}`;
      names.set(id, name);
    }
    return name;
  });
}

/** True when some domain has two or more MX records of the same preference. */
function hasEqualPreferences(scenario: Scenario): boolean {
  const seen = new Set<string>();
  for (const r of scenario.dns) {
    if (r.type !== 'MX') continue;
    const key = `${r.name.toLowerCase()} ${r.preference}`;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

describe('determinism', () => {
  const files = allScenarios();

  it.each(files.map((f) => [f.label, f] as const))(
    '%s: two runs give identical traces and summaries',
    (_label, file) => {
      const scenario = loadScenario(file.path);
      expect(fingerprint(scenario)).toBe(fingerprint(loadScenario(file.path)));
    },
  );

  it.each(
    files
      .filter((f) => !hasEqualPreferences(loadScenario(f.path)))
      .map((f) => [f.label, f] as const),
  )('%s: another seed changes nothing but the queue ids', (_label, file) => {
    const scenario = loadScenario(file.path);
    const other = { ...scenario, seed: scenario.seed + 7 };
    const a = fingerprint(scenario);
    const b = fingerprint(other);
    expect(withoutQueueIds(b)).toBe(withoutQueueIds(a));
  });
});

describe('equal MX preferences and the seed', () => {
  const base = loadScenario(join(LOCAL_DIR, 'mx-equal-preference.json'));
  const firstHost = (seed: number) => {
    const run = runScenario({ ...base, seed });
    return connects(run.trace, 'mail.a.example')[0]?.to;
  };

  it('the same seed always picks the same first exchanger', () => {
    for (const seed of [0, 1, 2, 3, 42, 1234]) {
      const first = firstHost(seed);
      expect(firstHost(seed)).toBe(first);
      expect(fingerprint({ ...base, seed })).toBe(fingerprint({ ...base, seed }));
    }
  });

  it('different seeds pick different first exchangers, each of the three now and then', () => {
    const firsts = Array.from({ length: 30 }, (_, seed) => firstHost(seed));
    expect(new Set(firsts)).toEqual(new Set(['mx1.b.example', 'mx2.b.example', 'mx3.b.example']));
  });

  it('seeds that shuffle the exchangers alike give the same trace, queue ids aside', () => {
    // The shuffled order shows in the order of the A lookups that follow the MX lookup.
    const order = (seed: number) =>
      eventsOf(runScenario({ ...base, seed }).trace, 'dns')
        .filter((d) => d.query.type === 'A')
        .map((d) => d.query.name)
        .join(' ');
    const runs = Array.from({ length: 16 }, (_, seed) => ({
      order: order(seed),
      text: withoutQueueIds(fingerprint({ ...base, seed })),
    }));
    expect(new Set(runs.map((r) => r.order)).size).toBeGreaterThan(2);
    for (const a of runs) {
      for (const b of runs) {
        if (a.order === b.order) expect(a.text).toBe(b.text);
        else expect(a.text).not.toBe(b.text);
      }
    }
  });
});
