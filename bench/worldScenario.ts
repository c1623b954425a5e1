// Scenarios for the world benchmarks, written as a teacher would write them (JSON with durations
// as strings) and normalised by validateScenario, so that they go through the same path as a
// scenario loaded in the app.
import { validateScenario } from '../src/core/scenario/validate';
import type { Scenario } from '../src/core/scenario/types';
import { MESSAGE } from './workload';

/** The workload's message text without its header block: 14 lines, 953 octets. */
export const BODY = MESSAGE.slice(MESSAGE.indexOf('\r\n\r\n') + 4);
export const SENDER = 'alice@a.example';
export const RECIPIENT = 'bob@b.example';
/** One message per virtual second: each delivery (about 0.6 virtual s) is over before the next. */
export const PAIR_SPACING_MS = 1000;

function build(json: unknown): Scenario {
  const result = validateScenario(json);
  if (!result.ok) {
    const first = result.errors.slice(0, 3).map((e) => e.message);
    throw new Error(`bench scenario is invalid: ${first.join('; ')}`);
  }
  return result.scenario;
}

/**
 * Two MTAs: mail.a.example (the sender) and mx.b.example (the destination, found by MX and A
 * records). `messages` local submissions (`send` events on the sender MTA, like the `sendmail`
 * command), one every `spacingMs` of virtual time, each relayed to bob@b.example.
 */
export function pairScenario(messages: number, spacingMs = PAIR_SPACING_MS): Scenario {
  const events = [];
  for (let i = 0; i < messages; i++) {
    events.push({
      at: `${i * spacingMs}ms`,
      do: 'send',
      host: 'mail.a.example',
      from: SENDER,
      to: [RECIPIENT],
      subject: `bench ${i}`,
      body: BODY,
    });
  }
  return build({
    title: 'bench: one MTA relays to another',
    hosts: [
      {
        name: 'mail.a.example',
        ip: '192.0.2.25',
        role: 'mta',
        domains: ['a.example'],
        mailboxes: [SENDER],
      },
      {
        name: 'mx.b.example',
        ip: '198.51.100.25',
        role: 'mta',
        domains: ['b.example'],
        mailboxes: [RECIPIENT],
      },
    ],
    dns: [
      { name: 'b.example', type: 'MX', preference: 10, value: 'mx.b.example' },
      { name: 'mx.b.example', type: 'A', value: '198.51.100.25' },
    ],
    events,
  });
}

/** A small deterministic generator (mulberry32), so every run sends the same mail. */
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

export interface ScaleShape {
  hosts: number;
  messages: number;
  /** The sends are spread evenly over this much virtual time. */
  sendOverMs: number;
  /** Every `downEvery`-th host (a fifth with 5) is down from 0 to `downForMs`. */
  downEvery: number;
  downForMs: number;
}

export const SCALE: ScaleShape = {
  hosts: 1000,
  messages: 10_000,
  sendOverMs: 3_600_000,
  downEvery: 5,
  downForMs: 24 * 3_600_000,
};

/**
 * `hosts` MTAs, host i is mail.hI.example for domain hI.example (MX and A records) with one
 * mailbox, user@hI.example. `messages` local submissions, spread over `sendOverMs`, each from a
 * random host to a user at another random host. A fifth of the hosts are down from time 0 to
 * `downForMs`: mail for them (and mail written on them) waits in the queues, retried on the
 * default schedule (wait as long as the message has been queued, 5 to 67 min) until they are
 * back.
 */
export function scaleScenario(shape: ScaleShape): Scenario {
  const name = (i: number) => `mail.h${i}.example`;
  const domain = (i: number) => `h${i}.example`;
  const ip = (i: number) => `10.${(i >> 8) & 255}.${i & 255}.25`;
  const hosts = [];
  const dns = [];
  for (let i = 0; i < shape.hosts; i++) {
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
  const events: unknown[] = [];
  for (let i = 0; i < shape.hosts; i += shape.downEvery) {
    events.push({ at: '0s', do: 'down', host: name(i) });
    events.push({ at: `${shape.downForMs}ms`, do: 'up', host: name(i) });
  }
  const next = random(12345);
  for (let m = 0; m < shape.messages; m++) {
    const from = Math.floor(next() * shape.hosts);
    const to = (from + 1 + Math.floor(next() * (shape.hosts - 1))) % shape.hosts;
    events.push({
      at: `${Math.floor((m * shape.sendOverMs) / shape.messages)}ms`,
      do: 'send',
      host: name(from),
      from: `user@${domain(from)}`,
      to: [`user@${domain(to)}`],
      subject: `scale ${m}`,
      body: BODY,
    });
  }
  return build({ title: 'bench: many hosts, some down for a day', hosts, dns, events });
}
