import { describe, expect, it } from 'vitest';
import { parseCidr } from '../../../src/core/net/ip';
import { policyForHost, type PolicyHost } from '../../../src/core/world/hostPolicy';

const cidr = (text: string) => parseCidr(text) ?? { network: 0, prefix: 0 };

const host: PolicyHost = {
  name: 'serverdomain.com',
  banner: ['serverdomain.com ESMTP Postfix', 'NO UCE.'],
  size: 14_680_064,
  extensions: ['SIZE', 'PIPELINING', 'VRFY', 'HELP', 'ETRN', 'AUTH'],
  domains: ['serverdomain.com'],
  mailboxes: ['friend@serverdomain.com'],
  relayFrom: [cidr('192.0.2.0/24'), cidr('127.0.0.1')],
  backupFor: ['b.example'],
  etrn: true,
  greylisting: { delay: 300_000 },
  users: { alice: 'secret' },
};

describe('policyForHost', () => {
  it('maps the scenario keys onto the server policy', () => {
    expect(policyForHost(host)).toMatchObject({
      hostname: 'serverdomain.com',
      banner: ['serverdomain.com ESMTP Postfix', 'NO UCE.'],
      sizeLimit: 14_680_064,
      localDomains: ['serverdomain.com'],
      mailboxes: ['friend@serverdomain.com'],
      relayFrom: ['192.0.2.0/24', '127.0.0.1/32'],
      backupFor: ['b.example'],
      etrn: true,
      greylisting: true,
      users: { alice: 'secret' },
      authRequired: false,
      idleTimeoutMs: 300_000,
    });
  });

  it('offers the extensions the host lists, in its order', () => {
    expect(policyForHost(host).extensions).toEqual([
      'SIZE',
      'PIPELINING',
      'VRFY',
      'HELP',
      'ETRN',
      'AUTH',
    ]);
  });

  it('keeps size 0 as no limit, no greylisting when absent, and requires AUTH on port 587', () => {
    const policy = policyForHost({ ...host, size: 0, greylisting: undefined }, { port: 587 });
    expect(policy.sizeLimit).toBe(0);
    expect(policy.greylisting).toBe(false);
    expect(policy.authRequired).toBe(true);
  });
});
