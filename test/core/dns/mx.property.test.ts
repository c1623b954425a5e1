import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectNextHops } from '../../../src/core/dns/mx';
import type { NextHopOptions } from '../../../src/core/dns/mx';
import { normalizeName } from '../../../src/core/dns/names';
import type { DnsRecord } from '../../../src/core/dns/records';
import { ZoneStore } from '../../../src/core/dns/zone';
import { keepOrder, reverse } from './helpers';

const DOMAIN = 'd.example';
const NAMES = [
  DOMAIN,
  'mx1.d.example',
  'MX2.d.example.',
  'mx3.example',
  'alias.d.example',
  'sub.mx1.d.example',
];
const IPS = ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4'];

const name = fc.constantFrom(...NAMES);
const record: fc.Arbitrary<DnsRecord> = fc.oneof(
  fc.record({
    name,
    type: fc.constant('MX' as const),
    preference: fc.constantFrom(0, 5, 10, 10, 20),
    value: fc.oneof(name, fc.constantFrom('.', '192.0.2.9', 'nosuch.example')),
  }),
  fc.record({ name, type: fc.constant('A' as const), value: fc.constantFrom(...IPS) }),
  fc.record({ name, type: fc.constant('AAAA' as const), value: fc.constant('2001:db8::1') }),
  fc.record({ name, type: fc.constant('CNAME' as const), value: name }),
  fc.record({ name, type: fc.constant('TXT' as const), value: fc.constant('text') }),
);

const rotate = <T>(items: T[]): T[] => [...items.slice(1), ...items.slice(0, 1)];

// Mostly well-formed zones (an MX set for the domain, addresses for its targets), plus noise:
// any record at all, an injected failure, the selecting host among the targets.
const mxSet = fc.array(
  fc.record({
    name: fc.constant(DOMAIN),
    type: fc.constant('MX' as const),
    preference: fc.constantFrom(0, 10, 10, 20, 20),
    value: fc.oneof(
      { weight: 9, arbitrary: name },
      { weight: 1, arbitrary: fc.constantFrom('.', '192.0.2.9', 'nosuch.example') },
    ),
  }),
  { maxLength: 5 },
);
const addresses = fc.array(
  fc.record({ name, type: fc.constant('A' as const), value: fc.constantFrom(...IPS) }),
  { maxLength: 8 },
);
const mode = fc.constantFrom('servfail', 'timeout') as fc.Arbitrary<'servfail' | 'timeout'>;
const sometimes = <T>(arbitrary: fc.Arbitrary<T[]>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant<T[]>([]) }, { weight: 1, arbitrary });

const scenario = fc.record({
  records: fc
    .tuple(mxSet, addresses, fc.array(record, { maxLength: 4 }))
    .map(([mxs, as, noise]) => [...mxs, ...as, ...noise]),
  failures: sometimes(fc.array(fc.tuple(name, mode), { minLength: 1, maxLength: 2 })),
  selfNames: sometimes(fc.subarray(NAMES, { minLength: 1, maxLength: 2 })),
  selfIps: sometimes(fc.subarray(IPS, { minLength: 1, maxLength: 1 })),
  shuffle: fc.constantFrom<NextHopOptions['shuffle']>(keepOrder, reverse, rotate),
});

describe('selectNextHops over random zones', () => {
  it('never throws, sorts hops, keeps to the MX list and never picks itself', () => {
    fc.assert(
      fc.property(scenario, ({ records, failures, selfNames, selfIps, shuffle }) => {
        const zone = new ZoneStore(records);
        for (const [failed, mode] of failures) zone.fail(failed, mode);
        const run = () =>
          selectNextHops(DOMAIN, (n, t) => zone.lookup(n, t), { shuffle, selfNames, selfIps });
        const result = run();

        expect(run()).toEqual(result);
        expect(result.queries[0]).toMatchObject({ name: DOMAIN, type: 'MX' });
        for (const q of result.queries) expect(q.result).toEqual(zone.lookup(q.name, q.type));
        if (result.kind !== 'hops') return;

        expect(result.hops.length).toBeGreaterThan(0);
        const preferences = result.hops.map((hop) => hop.preference);
        expect(preferences).toEqual([...preferences].sort((x, y) => x - y));
        for (const hop of result.hops) {
          expect(hop.ips.length).toBeGreaterThan(0);
          expect(selfNames.map(normalizeName)).not.toContain(hop.host);
          expect(hop.ips.filter((ip) => selfIps.includes(ip))).toEqual([]);
        }

        const mx = zone.lookup(DOMAIN, 'MX');
        if (mx.kind === 'answer') {
          const targets = mx.records.map((r) => normalizeName(r.value));
          for (const hop of result.hops) {
            expect(hop.implicit).toBe(false);
            expect(targets).toContain(hop.host);
          }
        } else {
          expect(result.hops).toEqual([
            expect.objectContaining({ host: DOMAIN, preference: 0, implicit: true }),
          ]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('lets the shuffle change only the order within equal preferences', () => {
    fc.assert(
      fc.property(scenario, ({ records, failures, selfNames, selfIps }) => {
        const zone = new ZoneStore(records);
        for (const [failed, mode] of failures) zone.fail(failed, mode);
        const run = (shuffle: NextHopOptions['shuffle']) =>
          selectNextHops(DOMAIN, (n, t) => zone.lookup(n, t), { shuffle, selfNames, selfIps });
        const kept = run(keepOrder);
        const reversed = run(reverse);
        expect(reversed.kind).toBe(kept.kind);
        if (kept.kind !== 'hops' || reversed.kind !== 'hops') return;
        const canonical = (hops: typeof kept.hops) =>
          [...hops].sort((x, y) => x.preference - y.preference || x.host.localeCompare(y.host));
        expect(canonical(reversed.hops)).toEqual(canonical(kept.hops));
        expect(reversed.hops.map((h) => h.preference)).toEqual(kept.hops.map((h) => h.preference));
      }),
      { numRuns: 300 },
    );
  });
});
