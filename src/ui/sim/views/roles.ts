// What a host is drawn as: its role, with a backup MX (an MTA that queues for other domains) told
// apart, and the DNS resolver as a node of its own when the scenario has no DNS server host.
import type { Host } from '../../../core/scenario/types';

export type NodeRole = 'client' | 'mta' | 'backup' | 'dns' | 'resolver';

/** The id of the resolver node (not a host name: host names never hold `#`). */
export const RESOLVER = '#dns';

export function nodeRole(host: Pick<Host, 'role' | 'backupFor'>): NodeRole {
  if (host.role === 'mta' && host.backupFor.length > 0) return 'backup';
  return host.role;
}

const ORDER: Record<NodeRole, number> = { client: 0, mta: 1, backup: 2, dns: 3, resolver: 4 };

export interface RoleNode {
  id: string;
  role: NodeRole;
}

/**
 * The nodes of a world in drawing order: clients, mail servers, backup MXs, DNS servers, each
 * group in scenario order; a resolver node is added when no host is a DNS server.
 */
export function worldNodes(
  hosts: ReadonlyArray<Pick<Host, 'name' | 'role' | 'backupFor'>>,
): RoleNode[] {
  const nodes = hosts.map((h, i) => ({ id: h.name, role: nodeRole(h), i }));
  nodes.sort((a, b) => ORDER[a.role] - ORDER[b.role] || a.i - b.i);
  const result: RoleNode[] = nodes.map(({ id, role }) => ({ id, role }));
  if (!result.some((n) => n.role === 'dns')) result.push({ id: RESOLVER, role: 'resolver' });
  return result;
}

/** Where DNS queries go: the first DNS server host, else the resolver node. */
export function dnsTarget(hosts: ReadonlyArray<Pick<Host, 'name' | 'role'>>): string {
  return hosts.find((h) => h.role === 'dns')?.name ?? RESOLVER;
}
