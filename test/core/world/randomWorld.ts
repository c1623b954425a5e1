// Random worlds for the no-mail-lost property: a plan of small numbers (so fast-check can shrink
// it) and the scenario built from it, through the validator as a teacher's file would go.
import fc from 'fast-check';
import { validateScenario } from '../../../src/core/scenario/validate';
import type { Scenario } from '../../../src/core/scenario/types';

const MIN = 60_000;
const HOUR = 60 * MIN;

// --- The world, as small numbers (so fast-check can shrink it) --------------------------------

interface DomainPlan {
  /** MTA indexes that are final destinations (equal preference among themselves). */
  primaries: number[];
  primaryPref: number;
  /** MTA indexes that queue for the domain, with their preferences (may equal the primary's). */
  backups: Array<{ mta: number; pref: number }>;
  /** No MX records: the domain's own A record points at the (single) primary. */
  implicit: boolean;
  users: number;
}

interface MtaPlan {
  relay: 'none' | 'all' | 'clients';
  greylisting: boolean;
  smallSize: boolean;
  retry: { first: number; max: number; giveUp: number; warnAfter?: number };
  etrn: boolean;
}

/** When trouble starts: `offset` ms after the send number `near` (modulo the number of sends). */
interface Near {
  near: number;
  offset: number;
}

type Trouble =
  | { kind: 'down'; host: number; at: Near; for: number }
  | { kind: 'link'; a: number; b: number; at: Near; for: number }
  | { kind: 'dns'; name: number; mode: 'servfail' | 'timeout'; at: Near; for: number }
  | { kind: 'fault'; mta: number; command: string; reply: string; times: number; at: Near }
  /** `server` picks one of the domain's backups, when it has any. */
  | { kind: 'etrn'; from: number; server: number; domain: number; at: number };

interface SendPlan {
  at: number;
  /** Index into the senders pool. */
  from: number;
  /** Indexes into the recipients pool. */
  to: number[];
  /** 0: a client via an MTA, 1: a client straight to the MX, 2: local submission on an MTA. */
  how: number;
  client: number;
  mta: number;
  big: boolean;
}

export interface Plan {
  mtas: MtaPlan[];
  domains: DomainPlan[];
  clients: number;
  dnsHost: boolean;
  sends: SendPlan[];
  trouble: Trouble[];
  seed: number;
}

const FAULT_COMMANDS = ['CONNECT', 'EHLO', 'MAIL', 'RCPT', 'DATA', '.'];
const FAULT_REPLIES = [
  '451 4.3.0 Try again later',
  '421 4.3.2 Service shutting down',
  '450 4.2.1 Mailbox busy',
  '550 5.7.1 Not today',
  '554 5.3.0 Rejected',
  'drop',
];

const duration = (min: number, max: number) =>
  fc.integer({ min: min / 1000, max: max / 1000 }).map((s) => s * 1000);

const mtaPlan: fc.Arbitrary<MtaPlan> = fc.record({
  relay: fc.constantFrom('none', 'all', 'all', 'clients'),
  greylisting: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  smallSize: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  retry: fc
    .record({
      first: fc.constantFrom(5 * MIN, 10 * MIN, 30 * MIN),
      max: fc.constantFrom(HOUR, 2 * HOUR),
      giveUp: fc.constantFrom(6 * HOUR, 12 * HOUR, 24 * HOUR),
      warn: fc.boolean(),
    })
    .map(({ warn, ...r }) => (warn ? { ...r, warnAfter: 2 * HOUR } : r)),
  etrn: fc.boolean(),
});

export function plan(): fc.Arbitrary<Plan> {
  return fc
    .record({
      nMta: fc.integer({ min: 2, max: 6 }),
      nDomains: fc.integer({ min: 1, max: 3 }),
      clients: fc.integer({ min: 1, max: 2 }),
      dnsHost: fc.boolean(),
      seed: fc.integer({ min: 0, max: 1000 }),
    })
    .chain(({ nMta, nDomains, clients, dnsHost, seed }) => {
      const mtaIndex = fc.integer({ min: 0, max: nMta - 1 });
      // Mostly an MTA; sometimes a client or the DNS server.
      const hostIndex = fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 0, max: nMta - 1 }) },
        {
          weight: 1,
          arbitrary: fc.integer({ min: 0, max: nMta + clients + (dnsHost ? 1 : 0) - 1 }),
        },
      );
      const domain: fc.Arbitrary<DomainPlan> = fc.record({
        primaries: fc.uniqueArray(mtaIndex, { minLength: 1, maxLength: 2 }),
        primaryPref: fc.constantFrom(0, 10, 20),
        backups: fc.array(fc.record({ mta: mtaIndex, pref: fc.constantFrom(5, 10, 20, 30) }), {
          maxLength: 2,
        }),
        implicit: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
        users: fc.integer({ min: 1, max: 2 }),
      });
      const names = nDomains + nMta; // DNS failures: a domain's MX or an MTA's A record
      // Trouble starts near one of the sends (index `near`), often within the very session.
      const at = fc.record({
        near: fc.nat(),
        offset: fc.oneof(
          fc.integer({ min: 0, max: 2000 }),
          fc.integer({ min: -600, max: 120 }).map((s) => s * 1000),
        ),
      });
      // Blips (a reboot, a flapping link) and long outages.
      const outage = fc.oneof(duration(1000, 2 * MIN), duration(MIN, 10 * HOUR));
      const trouble: fc.Arbitrary<Trouble> = fc.oneof(
        {
          weight: 3,
          arbitrary: fc.record({
            kind: fc.constant('down' as const),
            host: hostIndex,
            at,
            for: outage,
          }),
        },
        {
          weight: 2,
          arbitrary: fc.record({
            kind: fc.constant('link' as const),
            a: hostIndex,
            b: hostIndex,
            at,
            for: outage,
          }),
        },
        {
          weight: 2,
          arbitrary: fc.record({
            kind: fc.constant('dns' as const),
            name: fc.integer({ min: 0, max: names - 1 }),
            mode: fc.constantFrom('servfail' as const, 'timeout' as const),
            at,
            for: outage,
          }),
        },
        {
          weight: 3,
          arbitrary: fc.record({
            kind: fc.constant('fault' as const),
            mta: mtaIndex,
            command: fc.constantFrom(...FAULT_COMMANDS),
            reply: fc.constantFrom(...FAULT_REPLIES),
            times: fc.integer({ min: 1, max: 3 }),
            at,
          }),
        },
        {
          weight: 2,
          arbitrary: fc.record({
            kind: fc.constant('etrn' as const),
            from: mtaIndex,
            server: fc.nat(),
            domain: fc.integer({ min: 0, max: nDomains - 1 }),
            at: duration(0, 8 * HOUR),
          }),
        },
      );
      const send: fc.Arbitrary<SendPlan> = fc.record({
        at: duration(0, 2 * HOUR),
        from: fc.nat(),
        to: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        how: fc.integer({ min: 0, max: 2 }),
        client: fc.integer({ min: 0, max: clients - 1 }),
        mta: mtaIndex,
        big: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
      });
      return fc.record({
        mtas: fc.array(mtaPlan, { minLength: nMta, maxLength: nMta }),
        domains: fc.array(domain, { minLength: nDomains, maxLength: nDomains }),
        clients: fc.constant(clients),
        dnsHost: fc.constant(dnsHost),
        sends: fc.array(send, { minLength: 1, maxLength: 5 }),
        trouble: fc.array(trouble, { maxLength: 10 }),
        seed: fc.constant(seed),
      });
    });
}

// --- From the plan to a scenario (through the validator, as a teacher's file would go) ---------

const mtaName = (i: number) => `mx${i}.net.test`;
const mtaIp = (i: number) => `10.0.1.${10 + i}`;
const clientName = (i: number) => `pc${i}.home.test`;
const clientIp = (i: number) => `10.0.2.${10 + i}`;
const DNS_NAME = 'ns.net.test';
const domainName = (k: number) => `d${k}.test`;
const user = (k: number, u: number) => `u${u}@${domainName(k)}`;

export interface Built {
  scenario: Scenario;
  /** Subject of each send → its reverse path and recipients (lower case). */
  sends: Map<string, { from: string; to: string[] }>;
}

export function build(p: Plan): Built {
  const nMta = p.mtas.length;
  // Who is final for what, and who is a backup for what (never both for one domain).
  const finalFor = p.mtas.map(() => [] as number[]);
  const backupFor = p.mtas.map(() => [] as number[]);
  p.domains.forEach((d, k) => {
    for (const m of d.primaries) finalFor[m]!.push(k);
    for (const b of d.backups)
      if (!d.primaries.includes(b.mta) && !backupFor[b.mta]!.includes(k)) backupFor[b.mta]!.push(k);
  });
  const hostNames = [
    ...p.mtas.map((_, i) => mtaName(i)),
    ...Array.from({ length: p.clients }, (_, j) => clientName(j)),
    ...(p.dnsHost ? [DNS_NAME] : []),
  ];

  const hosts: unknown[] = p.mtas.map((m, i) => ({
    name: mtaName(i),
    ip: mtaIp(i),
    role: 'mta',
    domains: finalFor[i]!.map(domainName),
    mailboxes: finalFor[i]!.flatMap((k) =>
      Array.from({ length: p.domains[k]!.users }, (_, u) => user(k, u)),
    ),
    relayFrom: m.relay === 'all' ? ['10.0.0.0/8'] : m.relay === 'clients' ? ['10.0.2.0/24'] : [],
    backupFor: backupFor[i]!.map(domainName),
    etrn: m.etrn,
    greylisting: m.greylisting,
    ...(m.smallSize ? { size: 3000 } : {}),
    retry: {
      first: `${m.retry.first / 1000}s`,
      max: `${m.retry.max / 1000}s`,
      giveUp: `${m.retry.giveUp / 1000}s`,
      ...(m.retry.warnAfter ? { warnAfter: `${m.retry.warnAfter / 1000}s` } : {}),
    },
  }));
  for (let j = 0; j < p.clients; j++)
    hosts.push({ name: clientName(j), ip: clientIp(j), role: 'client' });
  if (p.dnsHost) hosts.push({ name: DNS_NAME, ip: '10.0.3.53', role: 'dns' });

  const dns: unknown[] = p.mtas.map((_, i) => ({ name: mtaName(i), type: 'A', value: mtaIp(i) }));
  p.domains.forEach((d, k) => {
    const [only] = d.primaries;
    if (d.implicit && d.primaries.length === 1 && d.backups.length === 0 && only !== undefined) {
      dns.push({ name: domainName(k), type: 'A', value: mtaIp(only) });
      return;
    }
    const seen = new Set<number>();
    for (const m of d.primaries) {
      seen.add(m);
      dns.push({ name: domainName(k), type: 'MX', preference: d.primaryPref, value: mtaName(m) });
    }
    for (const b of d.backups) {
      if (seen.has(b.mta)) continue;
      seen.add(b.mta);
      dns.push({ name: domainName(k), type: 'MX', preference: b.pref, value: mtaName(b.mta) });
    }
  });
  // A domain whose only MX has no address (permanent), for variety.
  dns.push({ name: 'unreach.test', type: 'MX', preference: 10, value: 'nohost.unreach.test' });

  const users = p.domains.flatMap((d, k) => Array.from({ length: d.users }, (_, u) => user(k, u)));
  // Real mailboxes most of the time; now and then a sender or recipient that cannot work.
  const senders = [...users, ...users, ...users, 'stranger@nowhere.test', ''];
  const recipients = [
    ...users,
    ...users,
    ...users,
    ...users,
    ...p.domains.map((_, k) => `nobody@${domainName(k)}`),
    ...p.domains.map((_, k) => `postmaster@${domainName(k)}`),
    'someone@nowhere.test',
    'someone@unreach.test',
  ];

  const events: unknown[] = [];
  const sends = new Map<string, { from: string; to: string[] }>();
  p.sends.forEach((s, i) => {
    const from = senders[s.from % senders.length]!;
    const to = [...new Set(s.to.map((r) => recipients[r % recipients.length]!))];
    const subject = `m${i}`;
    sends.set(subject, { from: from.toLowerCase(), to: to.map((r) => r.toLowerCase()) });
    const base = { at: `${s.at / 1000}s`, do: 'send', from, to, subject, body: `Message ${i}.` };
    const sized = s.big ? { ...base, size: 6000 } : base;
    if (s.how === 2) events.push({ ...sized, host: mtaName(s.mta) });
    else if (s.how === 0)
      events.push({ ...sized, host: clientName(s.client), via: mtaName(s.mta) });
    else events.push({ ...sized, host: clientName(s.client) });
  });
  for (const t of p.trouble) {
    const at = (ms: number) => `${ms / 1000}s`;
    const start =
      t.kind === 'etrn' ? t.at : Math.max(0, p.sends[t.at.near % p.sends.length]!.at + t.at.offset);
    switch (t.kind) {
      case 'down': {
        const host = hostNames[t.host]!;
        events.push({ at: at(start), do: 'down', host }, { at: at(start + t.for), do: 'up', host });
        break;
      }
      case 'link': {
        if (t.a === t.b) break;
        const between = [hostNames[t.a]!, hostNames[t.b]!];
        events.push(
          { at: at(start), do: 'linkDown', between },
          { at: at(start + t.for), do: 'linkUp', between },
        );
        break;
      }
      case 'dns': {
        const name =
          t.name < p.domains.length ? domainName(t.name) : mtaName(t.name - p.domains.length);
        events.push(
          { at: at(start), do: 'dns', fail: t.mode, name },
          { at: at(start + t.for), do: 'dns', restore: name },
        );
        break;
      }
      case 'fault':
        events.push({
          at: at(start),
          do: 'fault',
          host: mtaName(t.mta),
          command: t.command,
          reply: t.reply,
          times: t.times,
        });
        break;
      case 'etrn': {
        // Mostly to a backup of the domain (the interesting case), else to any MTA.
        const backups = p.mtas.map((_, i) => i).filter((i) => backupFor[i]!.includes(t.domain));
        const server = backups.length > 0 ? backups[t.server % backups.length]! : t.server % nMta;
        if (server === t.from) break;
        events.push({
          at: at(t.at),
          do: 'etrn',
          host: mtaName(t.from),
          server: mtaName(server),
          argument: domainName(t.domain),
        });
        break;
      }
    }
  }
  const raw = { title: 'random world', seed: p.seed, hosts, dns, events };
  const result = validateScenario(raw);
  if (!result.ok)
    throw new Error(`generated an invalid scenario: ${JSON.stringify(result.errors)}`);
  return { scenario: result.scenario, sends };
}
