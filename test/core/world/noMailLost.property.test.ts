// No mail is ever lost (RFC 5321 §4.2.5, §6.1), whatever the topology and whatever breaks:
// random worlds of 2–6 MTAs (primaries, equal-preference twins, backups, implicit MX, relay rules,
// greylisting, small size limits), random sends, and random trouble (hosts and links down and up,
// DNS SERVFAIL/timeouts, injected 4xx/5xx replies and dropped connections, ETRN). After six
// virtual days every accepted (message, recipient) pair is delivered, bounced or still queued;
// nothing is delivered to a mailbox that was not a recipient; no bounce is ever bounced.
//
// `npm run soak` runs the same property 20,000 times (SOAK_RUNS sets the count; SOAK_STATS=1
// prints how often each interesting thing happened).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDsn } from '../../../src/core/mail/dsn';
import { domainOf } from '../../../src/core/mta/queue';
import { runScenario, eventsOf, type Run } from './helpers';
import { build, plan, type Built } from './randomWorld';

const RUNS = Number(process.env.SOAK_RUNS ?? 1000);
const SIX_DAYS = 6 * 24 * 3_600_000;

const DSN_SUBJECT = /^(Undelivered Mail Returned to Sender|Warning: |Delayed Mail)/;

/** Everything that must hold after a run; returns the problems found. */
function problems(run: Run, sends: Built['sends']): string[] {
  const out: string[] = [];
  const { accounting } = run.summary;
  if (accounting.lost !== 0) out.push(`lost ${accounting.lost}: ${JSON.stringify(accounting)}`);
  if (accounting.delivered + accounting.bounced + accounting.queued !== accounting.accepted)
    out.push(`accounting does not add up: ${JSON.stringify(accounting)}`);

  const hosts = new Map(run.scenario.hosts.map((h) => [h.name, h]));
  const stored = new Map<string, { raw: string }>();
  for (const mta of run.world.mtas.values())
    for (const box of mta.mailboxes.values()) for (const m of box) stored.set(m.messageId, m);
  const dsnIds = new Set<string>();
  for (const d of eventsOf(run.trace, 'deliver'))
    if (DSN_SUBJECT.test(d.subject)) dsnIds.add(d.messageId);

  for (const d of eventsOf(run.trace, 'deliver')) {
    const where = `${d.mailbox} (${d.subject}) at ${d.host}`;
    if (!run.world.ledger.knows(d.messageId, d.mailbox)) out.push(`never accepted: ${where}`);
    const host = hosts.get(d.host);
    const domain = domainOf(d.mailbox);
    if (!host?.domains.some((x) => x.toLowerCase() === domain))
      out.push(`delivered by a host that is not final for ${domain}: ${where}`);
    const send = sends.get(d.subject);
    if (send) {
      if (!send.to.includes(d.mailbox)) out.push(`not a recipient: ${where}`);
      continue;
    }
    // Anything else must be a DSN to the sender of one of our messages, about one of them.
    const message = stored.get(d.messageId);
    const dsn = message ? parseDsn(message.raw) : undefined;
    if (!message || !dsn || !DSN_SUBJECT.test(d.subject)) {
      out.push(`neither a sent message nor a DSN: ${where}`);
      continue;
    }
    if (dsn.originalMessageId && dsnIds.has(dsn.originalMessageId))
      out.push(`a bounce about a bounce: ${where}`);
    const about = /^Subject: (m\d+)\r?$/m.exec(message.raw.slice(message.raw.indexOf('\r\n\r\n')));
    const original = about ? sends.get(about[1]!) : undefined;
    if (!original) {
      out.push(`a DSN about no message of ours: ${where}`);
      continue;
    }
    if (original.from !== d.mailbox) out.push(`DSN not to the sender ${original.from}: ${where}`);
    for (const r of dsn.recipients)
      if (!original.to.includes(r.address.toLowerCase()))
        out.push(`DSN names ${r.address}, not a recipient of ${about![1]}: ${where}`);
  }
  // A second delivery is only ever the RFC 1047 case: some sender never got the reply to its
  // final dot and sent again.
  if (accounting.duplicated > 0 && !replyToDotLost(run))
    out.push(`${accounting.duplicated} duplicate(s) without a lost reply to explain them`);
  // Every outage ends within a day and every retry limit is at most a day, so after six days
  // nothing may still be waiting: a queue entry left behind is stuck (an attempt that never ends).
  if (accounting.queued > 0)
    out.push(`still queued after six days: ${JSON.stringify(run.summary.queues)}`);
  return out;
}

/**
 * Did some sender miss the reply to its final dot? Either it noticed (a defer "message may be
 * sent more than once") or it crashed after writing `.` and before the reply could arrive.
 */
function replyToDotLost(run: Run): boolean {
  const noticed = eventsOf(run.trace, 'queue').some(
    (e) => e.action === 'defer' && e.reason?.includes('message may be sent more than once'),
  );
  if (noticed) return true;
  const lines = eventsOf(run.trace, 'line');
  return eventsOf(run.trace, 'host').some((crash) => {
    if (crash.up) return false;
    return lines.some((dot) => {
      if (dot.dir !== 'C' || dot.text !== '.' || dot.from !== crash.host || dot.t > crash.t)
        return false;
      // The reply to that dot had not reached the sender when it crashed (the sender commits
      // on the reply, before QUIT).
      const reply = lines.find(
        (l) => l.conn === dot.conn && l.dir === 'S' && l.t >= dot.t && !l.lost,
      );
      return reply === undefined || reply.t + run.scenario.latency > crash.t;
    });
  });
}

/** With SOAK_STATS=1: how often the interesting things actually happened. */
const stats = new Map<string, number>();
function count(run: Run): void {
  if (!process.env.SOAK_STATS) return;
  const bump = (k: string, yes: boolean) => yes && stats.set(k, (stats.get(k) ?? 0) + 1);
  const a = run.summary.accounting;
  const q = (action: string) => eventsOf(run.trace, 'queue').some((e) => e.action === action);
  bump('runs', true);
  bump('accepted > 0', a.accepted > 0);
  bump('delivered > 0', a.delivered > 0);
  bump('bounced > 0', a.bounced > 0);
  bump('duplicated > 0', a.duplicated > 0);
  bump('deferred', q('defer'));
  bump('relayed (queue deliver)', q('deliver'));
  bump('attempted', q('attempt'));
  bump('host down', eventsOf(run.trace, 'host').length > 0);
  bump(
    'drop fired',
    eventsOf(run.trace, 'close').some((c) => c.reason.includes('without a reply')),
  );
  bump(
    'injected reply',
    eventsOf(run.trace, 'note').some((n) => n.text.includes('will answer')),
  );
  bump('warned', q('warn'));
  bump('expired', q('expire'));
  bump(
    'bounce dropped',
    eventsOf(run.trace, 'queue').some((e) => e.reason?.includes('never bounce')),
  );
  bump(
    'ETRN 253',
    eventsOf(run.trace, 'line').some((l) => l.text.startsWith('253 ')),
  );
  bump(
    'connect timeout',
    eventsOf(run.trace, 'connect').some((c) => c.result === 'timeout'),
  );
  bump(
    'dns timeout/servfail',
    eventsOf(run.trace, 'dns').some((d) => d.error === 'timeout' || d.error === 'servfail'),
  );
}

describe('no mail is lost', () => {
  it(
    `holds for ${RUNS} random worlds, sends and fault schedules`,
    () => {
      fc.assert(
        fc.property(plan(), (p) => {
          const { scenario, sends } = build(p);
          const run = runScenario(scenario, SIX_DAYS);
          count(run);
          expect(run.world.scheduler.now()).toBeLessThanOrEqual(SIX_DAYS);
          expect(problems(run, sends)).toEqual([]);
        }),
        { numRuns: RUNS },
      );
      if (process.env.SOAK_STATS) console.log(Object.fromEntries(stats));
    },
    60_000 + RUNS * 100,
  );
});
