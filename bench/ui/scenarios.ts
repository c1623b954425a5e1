// Scenarios for the UI benchmark, as JSON a teacher would write (they travel in a share link,
// so they stay under its 200 KB limit): many hosts playing, and one long trace for seeking.

/** A small deterministic generator (mulberry32): every run sends the same mail. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const name = (i: number) => `mail.h${i}.example`;
const domain = (i: number) => `h${i}.example`;
const ip = (i: number) => `10.0.${i >> 8}.${(i & 255) + 1}`;

function mtas(count: number): { hosts: unknown[]; dns: unknown[] } {
  const hosts = [];
  const dns = [];
  for (let i = 0; i < count; i++) {
    hosts.push({
      name: name(i),
      ip: ip(i),
      role: 'mta',
      domains: [domain(i)],
      mailboxes: [`user@${domain(i)}`],
    });
    dns.push({ name: domain(i), type: 'MX', preference: 10, value: name(i) });
    dns.push({ name: name(i), type: 'A', value: ip(i) });
  }
  return { hosts, dns };
}

/**
 * `hosts` MTAs (mail.hI.example for hI.example, with MX and A records and one mailbox each) and
 * `messages` local submissions spread over `overSeconds` of virtual time, each from a random
 * host to the user of another.
 */
export function playScenario(hosts = 50, messages = 500, overSeconds = 600): unknown {
  const next = random(20260105);
  const events = [];
  for (let m = 0; m < messages; m++) {
    const from = Math.floor(next() * hosts);
    const to = (from + 1 + Math.floor(next() * (hosts - 1))) % hosts;
    events.push({
      at: `${Math.floor((m * overSeconds * 1000) / messages)}ms`,
      do: 'send',
      host: name(from),
      from: `user@${domain(from)}`,
      to: [`user@${domain(to)}`],
      subject: `m${m}`,
      body: `Message ${m}.`,
    });
  }
  return { title: `UI bench: ${hosts} hosts, ${messages} messages`, ...mtas(hosts), events };
}

/**
 * A long trace from a small scenario: `messages` messages of `lines` short body lines each, from
 * one MTA to a user at each of `recipients` others (one relay session per recipient's host, and
 * every body line is an event on the wire).
 */
export function seekScenario(messages = 2, recipients = 8, lines = 6_500): unknown {
  const body = Array.from({ length: lines }, (_, i) => String(i % 10)).join('\n');
  const to = Array.from({ length: recipients }, (_, i) => `user@${domain(i + 1)}`);
  const events = [];
  for (let m = 0; m < messages; m++) {
    events.push({
      at: `${m * 600}s`,
      do: 'send',
      host: name(0),
      from: `user@${domain(0)}`,
      to,
      subject: `long ${m}`,
      body,
    });
  }
  return { title: 'UI bench: a long trace', ...mtas(recipients + 1), events };
}
