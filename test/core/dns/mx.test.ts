import { describe, expect, it, vi } from 'vitest';
import { selectNextHops } from '../../../src/core/dns/mx';
import type { NextHopOptions } from '../../../src/core/dns/mx';
import type { DnsRecord, DnsRecordType } from '../../../src/core/dns/records';
import { ZoneStore } from '../../../src/core/dns/zone';
import { a, aaaa, cname, keepOrder, mx, reverse, txt } from './helpers';

function select(
  domain: string,
  records: DnsRecord[],
  opts: Partial<NextHopOptions> = {},
  setup?: (zone: ZoneStore) => void,
) {
  const zone = new ZoneStore(records);
  setup?.(zone);
  return selectNextHops(domain, (name, type) => zone.lookup(name, type), {
    shuffle: keepOrder,
    ...opts,
  });
}

const hostsOf = (result: ReturnType<typeof selectNextHops>) =>
  result.kind === 'hops' ? result.hops.map((hop) => hop.host) : result;

const asked = (result: ReturnType<typeof selectNextHops>) =>
  result.queries.map((q) => `${q.type} ${q.name} ${q.result.kind}`);

const bExample = [
  mx('b.example', 20, 'backup.b.example'),
  mx('b.example', 10, 'mx.b.example'),
  mx('b.example', 30, 'last.b.example'),
  a('mx.b.example', '198.51.100.25'),
  a('mx.b.example', '198.51.100.26'),
  a('backup.b.example', '203.0.113.25'),
  a('last.b.example', '203.0.113.99'),
  a('b.example', '192.0.2.80'),
];

describe('selectNextHops: MX records', () => {
  it('orders hops by preference, each with its addresses', () => {
    const result = select('b.example', bExample);
    expect(result).toEqual({
      kind: 'hops',
      hops: [
        {
          host: 'mx.b.example',
          ips: ['198.51.100.25', '198.51.100.26'],
          preference: 10,
          implicit: false,
        },
        { host: 'backup.b.example', ips: ['203.0.113.25'], preference: 20, implicit: false },
        { host: 'last.b.example', ips: ['203.0.113.99'], preference: 30, implicit: false },
      ],
      queries: expect.any(Array),
    });
  });

  it('records every lookup, in the order made and as lookup() answered', () => {
    const zone = new ZoneStore(bExample);
    const lookup = vi.fn((name: string, type: DnsRecordType) => zone.lookup(name, type));
    const result = selectNextHops('B.Example.', lookup, { shuffle: keepOrder });
    expect(asked(result)).toEqual([
      'MX b.example answer',
      'A mx.b.example answer',
      'A backup.b.example answer',
      'A last.b.example answer',
    ]);
    expect(result.queries.map((q) => q.result)).toEqual(lookup.mock.results.map((r) => r.value));
  });

  it('shuffles only within each group of equal preference', () => {
    const records = [
      mx('b.example', 10, 'a.b.example'),
      mx('b.example', 20, 'b.b.example'),
      mx('b.example', 20, 'c.b.example'),
      mx('b.example', 20, 'd.b.example'),
      mx('b.example', 30, 'e.b.example'),
      ...['a', 'b', 'c', 'd', 'e'].map((h, i) => a(`${h}.b.example`, `192.0.2.${i + 1}`)),
    ];
    const groups: unknown[][] = [];
    const shuffle = <T>(items: T[]): T[] => {
      groups.push([...items]);
      return reverse(items);
    };
    expect(hostsOf(select('b.example', records))).toEqual(
      ['a', 'b', 'c', 'd', 'e'].map((h) => `${h}.b.example`),
    );
    const reversed = select('b.example', records, { shuffle });
    expect(hostsOf(reversed)).toEqual(['a', 'd', 'c', 'b', 'e'].map((h) => `${h}.b.example`));
    expect(groups).toEqual([
      [
        { host: 'b.b.example', preference: 20 },
        { host: 'c.b.example', preference: 20 },
        { host: 'd.b.example', preference: 20 },
      ],
    ]);
    // Addresses are looked up in the order they will be tried.
    expect(asked(reversed).slice(1, 4)).toEqual([
      'A a.b.example answer',
      'A d.b.example answer',
      'A c.b.example answer',
    ]);
  });

  it('never uses the domain’s own address when MX records exist', () => {
    const records = [mx('b.example', 10, 'mx.b.example'), a('b.example', '192.0.2.80')];
    const result = select('b.example', records);
    expect(result).toMatchObject({ kind: 'permanent', reason: 'noAddress', status: '5.4.4' });
    expect(asked(result)).toEqual(['MX b.example answer', 'A mx.b.example nxdomain']);
  });

  it('keeps a target listed twice once, at its best preference', () => {
    const records = [
      mx('b.example', 30, 'mx.b.example'),
      mx('b.example', 20, 'other.b.example'),
      mx('b.example', 10, 'MX.b.example.'),
      a('mx.b.example', '198.51.100.25'),
      a('other.b.example', '198.51.100.30'),
    ];
    const result = select('b.example', records);
    expect(result.kind === 'hops' && result.hops.map((h) => [h.host, h.preference])).toEqual([
      ['mx.b.example', 10],
      ['other.b.example', 20],
    ]);
  });

  it('resolves an MX target that is an alias, keeping the MX name as the host', () => {
    const records = [
      mx('b.example', 10, 'alias.b.example'),
      cname('alias.b.example', 'real.b.example'),
      a('real.b.example', '198.51.100.7'),
    ];
    const result = select('b.example', records);
    expect(result).toMatchObject({
      kind: 'hops',
      hops: [{ host: 'alias.b.example', ips: ['198.51.100.7'] }],
    });
    expect(result.queries[1]).toMatchObject({
      name: 'alias.b.example',
      type: 'A',
      result: { kind: 'answer', cnameChain: ['alias.b.example'] },
    });
  });

  it('follows a CNAME on the mail domain itself', () => {
    const records = [
      cname('b.example', 'c.example'),
      mx('c.example', 10, 'mx.c.example'),
      a('mx.c.example', '192.0.2.9'),
    ];
    expect(hostsOf(select('b.example', records))).toEqual(['mx.c.example']);
  });
});

describe('selectNextHops: MX targets without an address', () => {
  it('skips a target with no A record and uses the next', () => {
    const records = [
      mx('b.example', 10, 'gone.b.example'),
      mx('b.example', 20, 'v6.b.example'),
      mx('b.example', 30, 'backup.b.example'),
      aaaa('v6.b.example', '2001:db8::25'),
      a('backup.b.example', '203.0.113.25'),
    ];
    const result = select('b.example', records);
    expect(hostsOf(result)).toEqual(['backup.b.example']);
    expect(asked(result)).toEqual([
      'MX b.example answer',
      'A gone.b.example nxdomain',
      'A v6.b.example nodata',
      'A backup.b.example answer',
    ]);
  });

  it('fails permanently when no target has an address', () => {
    const records = [
      mx('b.example', 10, 'gone.b.example'),
      mx('b.example', 20, 'v6.b.example'),
      aaaa('v6.b.example', '2001:db8::25'),
    ];
    expect(select('b.example', records)).toMatchObject({
      kind: 'permanent',
      reason: 'noAddress',
      status: '5.4.4',
      message:
        'Host or domain name not found. Name service error for name=v6.b.example type=A: Host found but no data record of requested type',
    });
  });

  it('uses the hosts that resolve when another target fails temporarily', () => {
    const records = [
      mx('b.example', 10, 'mx.b.example'),
      mx('b.example', 20, 'backup.b.example'),
      a('mx.b.example', '1.2.3.4'),
      a('backup.b.example', '5.6.7.8'),
    ];
    const result = select('b.example', records, {}, (zone) => zone.fail('mx.b.example', 'timeout'));
    expect(hostsOf(result)).toEqual(['backup.b.example']);
  });

  it('fails temporarily when a target failed temporarily and none resolved', () => {
    const records = [
      mx('b.example', 10, 'mx.b.example'),
      mx('b.example', 20, 'gone.b.example'),
      a('mx.b.example', '1.2.3.4'),
    ];
    const result = select('b.example', records, {}, (zone) =>
      zone.fail('mx.b.example', 'servfail'),
    );
    expect(result).toMatchObject({
      kind: 'temporary',
      reason: 'servfail',
      status: '4.4.3',
      message:
        'Host or domain name not found. Name service error for name=mx.b.example type=A: Host not found, try again',
    });
  });

  it('skips targets that are not host names without looking them up', () => {
    const records = [
      mx('b.example', 10, '192.0.2.1'),
      mx('b.example', 20, '.'),
      mx('b.example', 30, 'mx.b.example'),
      a('mx.b.example', '1.2.3.4'),
    ];
    const result = select('b.example', records);
    expect(hostsOf(result)).toEqual(['mx.b.example']);
    expect(asked(result)).toEqual(['MX b.example answer', 'A mx.b.example answer']);
    expect(select('b.example', records.slice(0, 2))).toMatchObject({
      kind: 'permanent',
      reason: 'noAddress',
      message: 'Name service error for .: invalid host or domain name',
    });
  });
});

describe('selectNextHops: implicit MX', () => {
  it('uses the domain’s own A record at preference 0 when it has no MX', () => {
    const result = select('c.example', [a('c.example', '192.0.2.30'), txt('c.example', 'hi')]);
    expect(result).toEqual({
      kind: 'hops',
      hops: [{ host: 'c.example', ips: ['192.0.2.30'], preference: 0, implicit: true }],
      queries: [
        { name: 'c.example', type: 'MX', result: { kind: 'nodata' } },
        { name: 'c.example', type: 'A', result: expect.objectContaining({ kind: 'answer' }) },
      ],
    });
  });

  it('treats a domain with only AAAA as having no address (the simulator is IPv4)', () => {
    expect(select('c.example', [aaaa('c.example', '2001:db8::1')])).toMatchObject({
      kind: 'permanent',
      reason: 'noAddress',
      status: '5.4.4',
      message:
        'Host or domain name not found. Name service error for name=c.example type=A: Host found but no data record of requested type',
    });
  });

  it('fails permanently when the domain has no address at all', () => {
    const result = select('c.example', [txt('c.example', 'v=spf1 -all')]);
    expect(result).toMatchObject({ kind: 'permanent', reason: 'noAddress', status: '5.4.4' });
    expect(asked(result)).toEqual(['MX c.example nodata', 'A c.example nodata']);
  });

  it('fails temporarily when the A lookup fails temporarily', () => {
    const result = selectNextHops(
      'c.example',
      (_name, type) => (type === 'MX' ? { kind: 'nodata' } : { kind: 'timeout' }),
      { shuffle: keepOrder },
    );
    expect(result).toMatchObject({ kind: 'temporary', reason: 'timeout', status: '4.4.3' });
  });

  it('treats an empty non-terminal domain as existing but without address', () => {
    const result = select('c.example', [a('mail.c.example', '192.0.2.30')]);
    expect(result).toMatchObject({ kind: 'permanent', reason: 'noAddress' });
  });
});

describe('selectNextHops: failures of the MX lookup', () => {
  it('bounces a domain that does not exist', () => {
    const result = select('x.example', bExample);
    expect(result).toEqual({
      kind: 'permanent',
      reason: 'nxdomain',
      status: '5.1.2',
      message:
        'Host or domain name not found. Name service error for name=x.example type=MX: Host not found',
      queries: [{ name: 'x.example', type: 'MX', result: { kind: 'nxdomain' } }],
    });
  });

  it.each(['servfail', 'timeout'] as const)('defers on %s', (mode) => {
    const result = select('b.example', bExample, {}, (zone) => zone.fail('b.example', mode));
    expect(result).toEqual({
      kind: 'temporary',
      reason: mode,
      status: '4.4.3',
      message:
        'Host or domain name not found. Name service error for name=b.example type=MX: Host not found, try again',
      queries: [{ name: 'b.example', type: 'MX', result: { kind: mode } }],
    });
  });

  it('never delivers to a null MX domain (RFC 7505)', () => {
    const result = select('c.example', [mx('c.example', 0, '.'), a('c.example', '192.0.2.30')]);
    expect(result).toMatchObject({
      kind: 'permanent',
      reason: 'nullMx',
      status: '5.1.10',
      message: 'Domain c.example does not accept mail (nullMX)',
    });
    expect(result.queries).toHaveLength(1);
  });

  it.each(['', 'a..example', 'bad domain.example', '192.0.2.1'])(
    'refuses the invalid name %j without a lookup',
    (domain) => {
      const lookup = vi.fn(() => ({ kind: 'nxdomain' }) as const);
      const result = selectNextHops(domain, lookup, { shuffle: keepOrder });
      expect(result).toMatchObject({
        kind: 'permanent',
        reason: 'invalidName',
        status: '5.4.4',
        queries: [],
      });
      expect(lookup).not.toHaveBeenCalled();
    },
  );
});

describe('selectNextHops: a host that finds itself in the list (§5.1)', () => {
  it('a backup MX sees only the better exchangers', () => {
    const result = select('b.example', bExample, { selfNames: ['Backup.B.Example.'] });
    expect(hostsOf(result)).toEqual(['mx.b.example']);
  });

  it('recognises itself by address as well as by name', () => {
    const result = select('b.example', bExample, { selfIps: ['203.0.113.25'] });
    expect(hostsOf(result)).toEqual(['mx.b.example']);
  });

  it('drops an exchanger of the same preference as itself', () => {
    const records = [
      ...bExample,
      mx('b.example', 20, 'twin.b.example'),
      a('twin.b.example', '203.0.113.26'),
    ];
    const result = select('b.example', records, { selfNames: ['backup.b.example'] });
    expect(hostsOf(result)).toEqual(['mx.b.example']);
  });

  it('the primary that finds itself first says mail loops back to it', () => {
    const result = select('b.example', bExample, { selfNames: ['mx.b.example'] });
    expect(result).toMatchObject({
      kind: 'permanent',
      reason: 'loopsBackToMyself',
      status: '5.4.6',
      message: 'mail for b.example loops back to myself',
    });
  });

  it('a backup whose better exchangers do not resolve waits for them', () => {
    const records = [
      mx('b.example', 10, 'mx.b.example'),
      mx('b.example', 20, 'backup.b.example'),
      a('backup.b.example', '203.0.113.25'),
    ];
    expect(select('b.example', records, { selfIps: ['203.0.113.25'] })).toMatchObject({
      kind: 'temporary',
      reason: 'noPrimaryRelay',
      status: '4.4.4',
      message: 'unable to find primary relay for b.example',
    });
  });

  it('an implicit MX that is this host loops back too', () => {
    const byIp = select('c.example', [a('c.example', '192.0.2.30')], { selfIps: ['192.0.2.30'] });
    expect(byIp).toMatchObject({
      kind: 'permanent',
      reason: 'loopsBackToMyself',
      message: 'mail for c.example loops back to myself',
    });
    const byName = select('c.example', [a('c.example', '192.0.2.30')], {
      selfNames: ['c.example'],
    });
    expect(byName).toMatchObject({ reason: 'loopsBackToMyself' });
  });

  it('a host not in the list keeps every exchanger', () => {
    const result = select('b.example', bExample, {
      selfNames: ['mail.a.example'],
      selfIps: ['192.0.2.25'],
    });
    expect(hostsOf(result)).toEqual(['mx.b.example', 'backup.b.example', 'last.b.example']);
  });
});
