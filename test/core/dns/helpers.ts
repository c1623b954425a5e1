import type { DnsRecord } from '../../../src/core/dns/records';

export const keepOrder = <T>(items: T[]): T[] => [...items];
export const reverse = <T>(items: T[]): T[] => [...items].reverse();

export const mx = (name: string, preference: number, value: string): DnsRecord => ({
  name,
  type: 'MX',
  preference,
  value,
});
export const a = (name: string, value: string): DnsRecord => ({ name, type: 'A', value });
export const aaaa = (name: string, value: string): DnsRecord => ({ name, type: 'AAAA', value });
export const cname = (name: string, value: string): DnsRecord => ({ name, type: 'CNAME', value });
export const txt = (name: string, value: string): DnsRecord => ({ name, type: 'TXT', value });
