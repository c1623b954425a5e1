import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBelow, normalizeName } from '../../../src/core/dns/names';
import { DNS_RECORD_TYPES } from '../../../src/core/dns/records';
import type { DnsRecord } from '../../../src/core/dns/records';
import { ZoneStore } from '../../../src/core/dns/zone';

const NAMES = ['a.example', 'B.example.', 'x.b.example', 'y.x.b.example', 'c.example'];
const name = fc.constantFrom(...NAMES);
const type = fc.constantFrom(...DNS_RECORD_TYPES);
const record: fc.Arbitrary<DnsRecord> = fc.record({
  name,
  type,
  value: fc.oneof(name, fc.constantFrom('192.0.2.1', '192.0.2.2', 'text')),
  preference: fc.constantFrom(0, 10),
});

describe('ZoneStore.lookup over random zones', () => {
  it('never throws, answers only the type asked, and says nxdomain only for absent names', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), name, type, (records, asked, askedType) => {
        const zone = new ZoneStore(records);
        const result = zone.lookup(asked, askedType);
        const owners = zone.records().map((r) => normalizeName(r.name));
        const here = normalizeName(asked);
        if (result.kind === 'answer') {
          expect(result.records.every((r) => r.type === askedType)).toBe(true);
          expect(result.records.length).toBeGreaterThan(0);
          expect(result.cnameChain[0] ?? here).toBe(here);
        }
        const isAlias = zone
          .records()
          .some((r) => r.type === 'CNAME' && normalizeName(r.name) === here);
        if (result.kind === 'nxdomain' && !isAlias) {
          expect(owners.filter((o) => o === here || isBelow(o, here))).toEqual([]);
        }
        if (!isAlias && owners.includes(here)) expect(result.kind).not.toBe('nxdomain');
      }),
      { numRuns: 500 },
    );
  });
});
