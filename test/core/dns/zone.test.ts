import { describe, expect, it } from 'vitest';
import { MAX_CNAME_HOPS, ZoneStore } from '../../../src/core/dns/zone';
import { a, aaaa, cname, mx, txt } from './helpers';

const sample = () =>
  new ZoneStore([
    mx('b.example', 10, 'mx.b.example'),
    mx('b.example', 20, 'backup.b.example'),
    a('mx.b.example', '198.51.100.25'),
    a('mx.b.example', '198.51.100.26'),
    a('backup.b.example', '203.0.113.25'),
    txt('b.example', 'v=spf1 mx -all'),
  ]);

describe('ZoneStore.lookup', () => {
  it('answers A and MX with every record of that name and type', () => {
    const zone = sample();
    expect(zone.lookup('mx.b.example', 'A')).toEqual({
      kind: 'answer',
      records: [a('mx.b.example', '198.51.100.25'), a('mx.b.example', '198.51.100.26')],
      cnameChain: [],
    });
    const result = zone.lookup('b.example', 'MX');
    expect(result.kind === 'answer' && result.records.map((r) => r.value)).toEqual([
      'mx.b.example',
      'backup.b.example',
    ]);
  });

  it('compares names case-insensitively and ignores a trailing dot', () => {
    const zone = new ZoneStore([a('Mail.A.Example.', '192.0.2.25')]);
    expect(zone.lookup('MAIL.a.example', 'A').kind).toBe('answer');
    expect(zone.lookup('mail.a.example.', 'A').kind).toBe('answer');
  });

  it('tells nxdomain (no such name) from nodata (name exists, not that type)', () => {
    const zone = sample();
    expect(zone.lookup('nosuch.example', 'A')).toEqual({ kind: 'nxdomain' });
    expect(zone.lookup('mx.b.example', 'MX')).toEqual({ kind: 'nodata' });
    expect(zone.lookup('b.example', 'A')).toEqual({ kind: 'nodata' });
  });

  it('gives nodata for an empty non-terminal, nxdomain beside it', () => {
    const zone = new ZoneStore([a('mx.b.example', '198.51.100.25')]);
    expect(zone.lookup('b.example', 'MX')).toEqual({ kind: 'nodata' });
    expect(zone.lookup('example', 'A')).toEqual({ kind: 'nodata' });
    expect(zone.lookup('x.b.example', 'A')).toEqual({ kind: 'nxdomain' });
    expect(zone.lookup('ab.example', 'A')).toEqual({ kind: 'nxdomain' });
  });

  it('follows a CNAME chain and reports the aliases followed', () => {
    const zone = new ZoneStore([
      cname('www.b.example', 'web.b.example.'),
      cname('WEB.b.example', 'host.b.example'),
      a('host.b.example', '198.51.100.80'),
    ]);
    expect(zone.lookup('www.b.example', 'A')).toEqual({
      kind: 'answer',
      records: [a('host.b.example', '198.51.100.80')],
      cnameChain: ['www.b.example', 'web.b.example'],
    });
  });

  it('answers a CNAME query with the alias itself, unfollowed', () => {
    const zone = new ZoneStore([
      cname('www.b.example', 'host.b.example'),
      a('host.b.example', '1.2.3.4'),
    ]);
    expect(zone.lookup('www.b.example', 'CNAME')).toEqual({
      kind: 'answer',
      records: [cname('www.b.example', 'host.b.example')],
      cnameChain: [],
    });
  });

  it('passes on the outcome at the end of the chain', () => {
    const zone = new ZoneStore([
      cname('gone.b.example', 'nowhere.example'),
      cname('text.b.example', 'txt.b.example'),
      txt('txt.b.example', 'hello'),
    ]);
    expect(zone.lookup('gone.b.example', 'A')).toEqual({ kind: 'nxdomain' });
    expect(zone.lookup('text.b.example', 'A')).toEqual({ kind: 'nodata' });
  });

  it('follows the alias when a name wrongly has a CNAME beside other data', () => {
    const zone = new ZoneStore([
      cname('x.example', 'y.example'),
      a('x.example', '1.1.1.1'),
      a('y.example', '2.2.2.2'),
    ]);
    const result = zone.lookup('x.example', 'A');
    expect(result.kind === 'answer' && result.records.map((r) => r.value)).toEqual(['2.2.2.2']);
  });

  it('turns a CNAME loop into servfail', () => {
    const loop = new ZoneStore([cname('a.example', 'b.example'), cname('b.example', 'A.example.')]);
    expect(loop.lookup('a.example', 'A')).toEqual({ kind: 'servfail' });
    const self = new ZoneStore([cname('a.example', 'a.example')]);
    expect(self.lookup('a.example', 'MX')).toEqual({ kind: 'servfail' });
  });

  it(`follows at most ${MAX_CNAME_HOPS} CNAMEs`, () => {
    const chain = (hops: number) => {
      const records = Array.from({ length: hops }, (_, i) =>
        cname(`n${i}.example`, `n${i + 1}.example`),
      );
      return new ZoneStore([...records, a(`n${hops}.example`, '192.0.2.1')]);
    };
    expect(chain(MAX_CNAME_HOPS).lookup('n0.example', 'A').kind).toBe('answer');
    expect(chain(MAX_CNAME_HOPS + 1).lookup('n0.example', 'A')).toEqual({ kind: 'servfail' });
  });

  it('returns copies that cannot change the store', () => {
    const zone = sample();
    const result = zone.lookup('backup.b.example', 'A');
    if (result.kind === 'answer' && result.records[0]) result.records[0].value = '0.0.0.0';
    const listed = zone.records();
    listed.length = 0;
    expect(zone.lookup('backup.b.example', 'A')).toMatchObject({
      records: [{ value: '203.0.113.25' }],
    });
    expect(zone.records()).toHaveLength(6);
  });
});

describe('ZoneStore failures', () => {
  it('fails every lookup of a failed name, whatever the type', () => {
    const zone = sample();
    zone.fail('B.Example.', 'servfail');
    expect(zone.lookup('b.example', 'MX')).toEqual({ kind: 'servfail' });
    expect(zone.lookup('b.example', 'TXT')).toEqual({ kind: 'servfail' });
    expect(zone.lookup('mx.b.example', 'A').kind).toBe('answer');
    zone.fail('mx.b.example', 'timeout');
    expect(zone.lookup('mx.b.example', 'A')).toEqual({ kind: 'timeout' });
    expect(zone.failures()).toEqual([
      { name: 'b.example', mode: 'servfail' },
      { name: 'mx.b.example', mode: 'timeout' },
    ]);
  });

  it('applies to a name reached through a CNAME', () => {
    const zone = new ZoneStore([
      cname('www.b.example', 'host.b.example'),
      a('host.b.example', '1.2.3.4'),
    ]);
    zone.fail('host.b.example', 'timeout');
    expect(zone.lookup('www.b.example', 'A')).toEqual({ kind: 'timeout' });
  });

  it('fails a name that has no records too', () => {
    const zone = new ZoneStore([]);
    zone.fail('nosuch.example', 'servfail');
    expect(zone.lookup('nosuch.example', 'A')).toEqual({ kind: 'servfail' });
  });

  it('restores a failed name, and says when there was nothing to restore', () => {
    const zone = sample();
    zone.fail('b.example', 'timeout');
    expect(zone.restore('B.EXAMPLE')).toBe(true);
    expect(zone.lookup('b.example', 'MX').kind).toBe('answer');
    expect(zone.restore('b.example')).toBe(false);
    expect(zone.failures()).toEqual([]);
  });
});

describe('ZoneStore changes', () => {
  it('adds records, refusing an exact duplicate', () => {
    const zone = new ZoneStore([a('x.example', '192.0.2.1'), a('X.example.', '192.0.2.1')]);
    expect(zone.records()).toHaveLength(1);
    expect(zone.add(a('x.example', '192.0.2.2'))).toBe(true);
    expect(zone.add(a('x.example', '192.0.2.2'))).toBe(false);
    expect(zone.add(mx('x.example', 10, 'mx.x.example'))).toBe(true);
    expect(zone.add(mx('x.example', 20, 'MX.x.example.'))).toBe(true);
    expect(zone.add(mx('x.example', 10, 'MX.x.example.'))).toBe(false);
    expect(zone.add(txt('x.example', 'A'))).toBe(true);
    expect(zone.add(txt('x.example', 'a'))).toBe(true);
    expect(zone.records()).toHaveLength(6);
  });

  it('removes by name and type, or by value too, and counts', () => {
    const zone = sample();
    expect(zone.remove({ name: 'MX.b.example', type: 'A', value: '198.51.100.26' })).toBe(1);
    expect(zone.remove({ name: 'b.example', type: 'MX' })).toBe(2);
    expect(zone.remove({ name: 'b.example', type: 'MX' })).toBe(0);
    expect(zone.remove({ name: 'b.example', type: 'TXT', value: 'other' })).toBe(0);
    expect(zone.lookup('b.example', 'MX')).toEqual({ kind: 'nodata' });
    expect(zone.records()).toHaveLength(3);
  });

  it('replaces one record set and leaves the others', () => {
    const zone = sample();
    zone.replace('b.example', 'MX', [
      { preference: 5, value: 'new.b.example' },
      mx('B.example.', 6, 'other.b.example'),
    ]);
    expect(zone.lookup('b.example', 'MX')).toMatchObject({
      records: [
        { name: 'b.example', preference: 5, value: 'new.b.example' },
        { name: 'b.example', preference: 6, value: 'other.b.example' },
      ],
    });
    expect(zone.lookup('b.example', 'TXT').kind).toBe('answer');
    zone.replace('b.example', 'MX', []);
    expect(zone.lookup('b.example', 'MX')).toEqual({ kind: 'nodata' });
  });

  it('refuses a replacement record for another name or type', () => {
    const zone = sample();
    expect(() => zone.replace('b.example', 'MX', [a('b.example', '1.2.3.4')])).toThrow(RangeError);
    expect(() => zone.replace('b.example', 'A', [a('c.example', '1.2.3.4')])).toThrow(RangeError);
    expect(zone.records()).toHaveLength(6);
  });

  it('makes a name vanish once its last record goes', () => {
    const zone = new ZoneStore([aaaa('v6.example', '2001:db8::1')]);
    expect(zone.lookup('v6.example', 'A')).toEqual({ kind: 'nodata' });
    zone.remove({ name: 'v6.example', type: 'AAAA' });
    expect(zone.lookup('v6.example', 'A')).toEqual({ kind: 'nxdomain' });
  });
});
