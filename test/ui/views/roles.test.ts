import { describe, expect, test } from 'vitest';
import { dnsTarget, nodeRole, RESOLVER, worldNodes } from '../../../src/ui/sim/views/roles';
import { backupMx } from './fixtures';

describe('roles', () => {
  test('an MTA that queues for other domains is a backup MX', () => {
    expect(nodeRole({ role: 'mta', backupFor: ['b.example'] })).toBe('backup');
    expect(nodeRole({ role: 'mta', backupFor: [] })).toBe('mta');
    expect(nodeRole({ role: 'client', backupFor: [] })).toBe('client');
    expect(nodeRole({ role: 'dns', backupFor: [] })).toBe('dns');
  });

  test('nodes go clients, servers, backups, DNS; a resolver joins when there is no DNS host', () => {
    const { scenario } = backupMx();
    expect(worldNodes(scenario.hosts)).toEqual([
      { id: 'alice-pc', role: 'client' },
      { id: 'mail.a.example', role: 'mta' },
      { id: 'mx.b.example', role: 'mta' },
      { id: 'backup.b.example', role: 'backup' },
      { id: RESOLVER, role: 'resolver' },
    ]);
    expect(dnsTarget(scenario.hosts)).toBe(RESOLVER);
  });

  test('with a DNS server host, queries go to it and no resolver is drawn', () => {
    const hosts = [
      { name: 'ns.example', role: 'dns' as const, backupFor: [] },
      { name: 'mail.a.example', role: 'mta' as const, backupFor: [] },
    ];
    expect(worldNodes(hosts).map((n) => n.id)).toEqual(['mail.a.example', 'ns.example']);
    expect(dnsTarget(hosts)).toBe('ns.example');
  });
});
