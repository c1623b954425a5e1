// Every scenario file (the shared contract and ours) loads, runs to the end, passes its own
// `expect` checks and loses no mail; then, per scenario, what `expect` cannot say: the shape of the
// trace, the accounting, the DSNs and the headers.
import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../../src/core/mta/retry';
import { MAX_RUN_MS } from '../../../src/core/world/world';
import {
  allScenarios,
  connWithClientLine,
  connects,
  deliveriesNotAccepted,
  dsnsIn,
  eventsOf,
  headerValues,
  linesOf,
  mailbox,
  queueEvents,
  runFile,
  runLocal,
  runShared,
  type Run,
} from './helpers';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('every scenario file', () => {
  const files = allScenarios();

  it('finds the shared contract and at least 15 scenarios of our own', () => {
    expect(files.filter((f) => f.label.startsWith('shared/')).length).toBeGreaterThanOrEqual(4);
    expect(files.filter((f) => f.label.startsWith('test/')).length).toBeGreaterThanOrEqual(16);
  });

  it.each(files.map((f) => [f.label, f] as const))(
    '%s runs green: every expect check holds, nothing is lost',
    (_label, file) => {
      const run = runFile(file.path);
      const failed = run.summary.expect.filter((c) => !c.ok);
      expect(failed, JSON.stringify(failed, null, 1)).toEqual([]);
      expect(run.summary.accounting.lost).toBe(0);
      // It ended because nothing was left to happen, not at the 30-day stop.
      expect(run.world.scheduler.now()).toBeLessThan(MAX_RUN_MS);
      expect(deliveriesNotAccepted(run)).toEqual([]);
      const { accepted, delivered, bounced, queued } = run.summary.accounting;
      expect(delivered + bounced + queued).toBe(accepted);
      // Our own scenarios all have checks that can fail.
      if (file.label.startsWith('test/')) expect(run.scenario.expect.length).toBeGreaterThan(0);
    },
  );
});

/** The ETRN rule (RFC 1985, Postfix ETRN_README): the queue run uses a new connection. */
function expectEtrnUsesNewConnection(run: Run, backup: string, primary: string, argument: string) {
  const [etrnConn] = connWithClientLine(run.trace, `ETRN ${argument}`);
  expect(etrnConn).toBeDefined();
  const etrn = connects(run.trace).find((c) => c.conn === etrnConn && c.result === 'open');
  expect(etrn).toMatchObject({ from: primary, to: backup });
  // Nothing but EHLO, ETRN and QUIT on the ETRN session: no mail flows back over it.
  const clientLines = linesOf(run.trace, etrnConn as number).filter((l) => l.startsWith('C: '));
  expect(clientLines).toEqual([`C: EHLO ${primary}`, `C: ETRN ${argument}`, 'C: QUIT']);
  // The delivery: a connection the backup opens to the primary after the ETRN, carrying the mail.
  const etrnAt = etrn?.t ?? 0;
  const deliveries = connects(run.trace, backup).filter(
    (c) => c.to === primary && c.result === 'open' && c.t > etrnAt,
  );
  expect(deliveries.length).toBeGreaterThan(0);
  for (const d of deliveries) {
    expect(d.conn).not.toBe(etrnConn);
    expect(linesOf(run.trace, d.conn).some((l) => l.startsWith('C: MAIL FROM:'))).toBe(true);
  }
}

describe('shared scenarios, beyond their expect blocks', () => {
  it('backup-mx-etrn: the backup delivers over its own new connection after ETRN', () => {
    const run = runShared('backup-mx-etrn');
    expectEtrnUsesNewConnection(run, 'backup.b.example', 'mx.b.example', 'b.example');
    expect(run.summary.accounting).toMatchObject({ accepted: 1, delivered: 1, duplicated: 0 });
  });

  it('mx-fallback-and-bounce: one warning, then one bounce, for dave only', () => {
    const run = runShared('mx-fallback-and-bounce');
    const dsns = dsnsIn(run, 'alice@a.example');
    expect(dsns.map((d) => d.dsn.kind)).toEqual(['delay', 'failure']);
    for (const { dsn } of dsns)
      expect(dsn.recipients.map((r) => r.address)).toEqual(['dave@d.example']);
  });
});

describe('MX selection', () => {
  it('mx-failover-refused: a refused connection moves on to the next MX at once', () => {
    const run = runLocal('mx-failover-refused');
    const tried = connects(run.trace, 'mail.a.example').map((c) => [c.to, c.result]);
    expect(tried).toEqual([
      ['mx1.b.example', 'refused'],
      ['mx2.b.example', 'open'],
    ]);
    expect(eventsOf(run.trace, 'deliver').map((d) => d.host)).toEqual(['mx2.b.example']);
    expect(queueEvents(run.trace, 'defer')).toEqual([]);
  });

  it('mx-failover-down: timeout at the primary, the backup queues and never tries itself', () => {
    const run = runLocal('mx-failover-down');
    const fromA = connects(run.trace, 'mail.a.example');
    expect(fromA.map((c) => [c.to, c.result])).toEqual([
      ['mx.b.example', 'timeout'],
      ['backup.b.example', 'open'],
    ]);
    // 30 s connect timeout (Postfix smtp_connect_timeout) before the second MX.
    expect((fromA[1]?.t ?? 0) - (fromA[0]?.t ?? 0)).toBeLessThan(1000);
    // RFC 5321 §5.1: the backup drops itself and everything less preferred.
    const fromBackup = connects(run.trace, 'backup.b.example');
    expect(new Set(fromBackup.map((c) => c.to))).toEqual(new Set(['mx.b.example']));
    expect(queueEvents(run.trace, 'defer', 'backup.b.example').length).toBeGreaterThan(0);
    const [delivery] = eventsOf(run.trace, 'deliver');
    expect(delivery?.host).toBe('mx.b.example');
    expect(delivery?.t).toBeGreaterThan(15 * MIN);
  });

  it('mx-equal-preference: the first try goes to one of the equal exchangers and succeeds', () => {
    const run = runLocal('mx-equal-preference');
    const [first] = connects(run.trace, 'mail.a.example');
    expect(['mx1.b.example', 'mx2.b.example', 'mx3.b.example']).toContain(first?.to);
    expect(eventsOf(run.trace, 'deliver').map((d) => d.host)).toEqual([first?.to]);
  });

  it('mx-implicit: MX gets no data, the A record of the domain is used', () => {
    const run = runLocal('mx-implicit');
    const queries = eventsOf(run.trace, 'dns').map((d) => [
      d.query.name,
      d.query.type,
      d.error ?? 'answer',
    ]);
    expect(queries).toEqual([
      ['c.example', 'MX', 'nodata'],
      ['c.example', 'A', 'answer'],
    ]);
    expect(connects(run.trace).map((c) => [c.to, c.result])).toEqual([['c.example', 'open']]);
  });

  it('mx-null: no connection is attempted; the DSN says 5.1.10 and comes from <>', () => {
    const run = runLocal('mx-null');
    expect(connects(run.trace)).toEqual([]);
    expect(queueEvents(run.trace, 'attempt')).toHaveLength(1);
    const [only] = dsnsIn(run, 'alice@a.example');
    expect(only?.dsn.recipients).toMatchObject([
      { address: 'nobody@n.example', action: 'failed', status: '5.1.10' },
    ]);
    expect(headerValues(only!.message, 'Return-Path')).toEqual(['<>']);
  });

  it('mx-loops-back: the sender is the only MX and drops itself: 5.4.6, no connection', () => {
    const run = runLocal('mx-loops-back');
    expect(connects(run.trace)).toEqual([]);
    const [only] = dsnsIn(run, 'alice@a.example');
    expect(only?.dsn.recipients).toMatchObject([{ address: 'lou@l.example', status: '5.4.6' }]);
  });
});

describe('DNS failures', () => {
  it('dns-nxdomain: bounced on the first attempt with 5.1.2, nothing retried', () => {
    const run = runLocal('dns-nxdomain');
    expect(queueEvents(run.trace, 'attempt')).toHaveLength(1);
    expect(queueEvents(run.trace, 'defer')).toEqual([]);
    expect(connects(run.trace)).toEqual([]);
    const [dns] = eventsOf(run.trace, 'dns');
    expect(dns).toMatchObject({ host: 'mail.a.example', error: 'nxdomain' });
    const [only] = dsnsIn(run, 'alice@a.example');
    expect(only?.dsn.recipients).toMatchObject([
      { address: 'bob@no-such-domain.example', status: '5.1.2' },
    ]);
  });

  it('dns-servfail-restore: deferred while SERVFAIL (4.4.3), delivered on the retry after restore', () => {
    const run = runLocal('dns-servfail-restore');
    const defers = queueEvents(run.trace, 'defer');
    expect(defers.length).toBe(2);
    for (const d of defers) expect(d.reason).toContain('try again');
    expect(eventsOf(run.trace, 'dns').filter((d) => d.error === 'servfail')).toHaveLength(2);
    const [delivery] = eventsOf(run.trace, 'deliver');
    expect(delivery?.t).toBeGreaterThan(7 * MIN);
    expect(run.summary.accounting).toMatchObject({ accepted: 1, delivered: 1, bounced: 0 });
  });

  it('dns-server-down: queries time out (5 s each), the mail waits and then goes', () => {
    const run = runLocal('dns-server-down');
    const timeouts = eventsOf(run.trace, 'dns').filter((d) => d.error === 'timeout');
    expect(timeouts.length).toBeGreaterThanOrEqual(2);
    const [firstAttempt] = queueEvents(run.trace, 'attempt');
    const [firstDefer] = queueEvents(run.trace, 'defer');
    expect((firstDefer?.t ?? 0) - (firstAttempt?.t ?? 0)).toBe(5000);
    expect(eventsOf(run.trace, 'deliver')[0]?.t).toBeGreaterThan(8 * MIN);
  });
});

describe('policy at the server', () => {
  it('greylisting: 450 4.7.1 first, the retry after 5 minutes is accepted', () => {
    const run = runLocal('greylisting');
    const [defer] = queueEvents(run.trace, 'defer');
    expect(defer?.reason).toContain('450 4.7.1');
    expect(queueEvents(run.trace, 'attempt')).toHaveLength(2);
    const [second] = queueEvents(run.trace, 'attempt').slice(1);
    expect((second?.t ?? 0) - (defer?.t ?? 0)).toBe(5 * MIN);
    expect(run.summary.accounting).toMatchObject({ delivered: 1, duplicated: 0, bounced: 0 });
  });

  it('relay-refused: nothing queued for the foreign recipient, no connection to its MX', () => {
    const run = runLocal('relay-refused');
    expect(connects(run.trace, 'mail.a.example')).toEqual([]);
    expect(queueEvents(run.trace, 'enqueue')).toEqual([]);
    expect(mailbox(run, 'bob@b.example')).toEqual([]);
    // Only the local message was accepted.
    expect(run.summary.accounting).toMatchObject({ accepted: 1, delivered: 1 });
    const notes = eventsOf(run.trace, 'note').map((n) => n.text);
    expect(notes.some((n) => n.includes('bob@b.example was not accepted (550'))).toBe(true);
  });

  it('submission-auth: 530 without AUTH; with AUTH PLAIN the hop is stamped ESMTPA', () => {
    const run = runLocal('submission-auth');
    const ports = connects(run.trace, 'alice-laptop').map((c) => c.port);
    expect(ports).toEqual([587, 587]);
    const [unauth, auth] = connects(run.trace, 'alice-laptop');
    expect(linesOf(run.trace, unauth!.conn)).toContain('S: 530 5.7.0 Authentication required');
    expect(linesOf(run.trace, auth!.conn).some((l) => l.startsWith('C: AUTH PLAIN'))).toBe(true);
    const [message, ...more] = mailbox(run, 'bob@b.example');
    expect(more).toEqual([]);
    const received = headerValues(message!, 'Received');
    expect(received).toHaveLength(2);
    expect(received[1]).toMatch(
      /^from alice-laptop \(alice-laptop \[203\.0\.113\.50\]\) by mail\.a\.example \(smtp-sim\) with ESMTPA id /,
    );
    expect(received[0]).toContain('by mx.b.example (smtp-sim) with ESMTP id');
  });

  it('postmaster: RCPT TO:<Postmaster> gets 250 although no such mailbox is listed', () => {
    const run = runLocal('postmaster');
    const [first] = connects(run.trace, 'alice-pc');
    const lines = linesOf(run.trace, first!.conn);
    const i = lines.indexOf('C: RCPT TO:<Postmaster>');
    expect(i).toBeGreaterThan(-1);
    expect(lines.slice(i + 1).find((l) => l.startsWith('S: '))).toMatch(/^S: 250 /);
    expect(mailbox(run, 'postmaster@b.example')).toHaveLength(2);
  });
});

describe('relaying and DSNs', () => {
  it('relay-three-hops: three Received lines, newest first, each hop names the one before', () => {
    const run = runLocal('relay-three-hops');
    const [message, ...more] = mailbox(run, 'bob@b.example');
    expect(more).toEqual([]);
    const received = headerValues(message!, 'Received');
    expect(received).toHaveLength(3);
    expect(received[0]).toMatch(
      /^from backup\.b\.example \(backup\.b\.example \[203\.0\.113\.25\]\) by mx\.b\.example /,
    );
    expect(received[1]).toMatch(
      /^from mail\.a\.example \(mail\.a\.example \[192\.0\.2\.25\]\) by backup\.b\.example /,
    );
    expect(received[2]).toMatch(
      /^from alice-pc \(alice-pc \[192\.0\.2\.10\]\) by mail\.a\.example \(smtp-sim\) with ESMTP id \w+ for <bob@b\.example>; Mon, 5 Jan 2026 09:00:01 \+0000$/,
    );
    // Return-Path is added once, at final delivery, above everything else.
    expect(message!.headers[0]).toEqual(['Return-Path', '<alice@a.example>']);
    expect(headerValues(message!, 'Return-Path')).toHaveLength(1);
    // The firewall: mail.a.example never reached the primary.
    expect(connects(run.trace, 'mail.a.example').map((c) => [c.to, c.result])).toEqual([
      ['mx.b.example', 'timeout'],
      ['backup.b.example', 'open'],
    ]);
  });

  it('size-refused: 552 at MAIL SIZE= and 552 after the dot each give a 5.3.4 DSN', () => {
    const run = runLocal('size-refused');
    const dsns = dsnsIn(run, 'alice@a.example');
    expect(dsns).toHaveLength(2);
    expect(dsns.map((d) => d.dsn.recipients.map((r) => [r.address, r.status]))).toEqual([
      [['bob@b.example', '5.3.4']],
      [['carol@c.example', '5.3.4']],
    ]);
    for (const { dsn } of dsns)
      expect(dsn.recipients[0]?.diagnostic).toMatch(/^smtp; 552 5\.3\.4 /);
    // At b.example the text was never sent; at c.example it was, and refused after the dot.
    const [toB, toC] = connects(run.trace, 'mail.a.example').filter((c) => c.result === 'open');
    expect(linesOf(run.trace, toB!.conn)).not.toContain('C: .');
    expect(
      linesOf(run.trace, toB!.conn).some((l) =>
        /^C: MAIL FROM:<alice@a\.example> SIZE=\d+$/.test(l),
      ),
    ).toBe(true);
    const c = linesOf(run.trace, toC!.conn);
    expect(c.some((l) => l.startsWith('C: MAIL FROM:') && l.includes('SIZE='))).toBe(false);
    expect(c[c.indexOf('C: .') + 1]).toBe('S: 552 5.3.4 Message size exceeds fixed limit');
    expect(mailbox(run, 'carol@c.example').map((m) => m.subject)).toEqual(['Small note']);
  });

  it('relay-unknown-user: the backup that accepted sends the DSN from <> over SMTP', () => {
    const run = runLocal('relay-unknown-user');
    expect(mailbox(run, 'bob@b.example')).toHaveLength(1);
    const [only, ...more] = dsnsIn(run, 'alice@a.example');
    expect(more).toEqual([]);
    expect(only?.dsn.reportingMta).toBe('backup.b.example');
    expect(only?.dsn.recipients).toMatchObject([
      {
        address: 'bobby@b.example',
        action: 'failed',
        status: '5.1.1',
        remoteMta: 'dns; mx.b.example',
      },
    ]);
    expect(only?.dsn.recipients[0]?.diagnostic).toMatch(/^smtp; 550 5\.1\.1 <bobby@b\.example>/);
    expect(only?.message.subject).toBe('Undelivered Mail Returned to Sender');
    expect(headerValues(only!.message, 'Return-Path')).toEqual(['<>']);
    // It travelled from the backup to a.example's MX with the null reverse path.
    const back = connects(run.trace, 'backup.b.example').find((c) => c.to === 'mail.a.example');
    expect(linesOf(run.trace, back!.conn)).toContain(
      'C: MAIL FROM:<> SIZE=' + sizeOn(run, back!.conn),
    );
    expect(run.summary.accounting).toMatchObject({ accepted: 3, delivered: 2, bounced: 1 });
  });

  it('expire-and-fail-one-dsn: one DSN for a hard failure and an expiry in the same attempt', () => {
    const run = runLocal('expire-and-fail-one-dsn');
    const dsns = dsnsIn(run, 'alice@a.example');
    expect(dsns).toHaveLength(1);
    expect(dsns[0]?.dsn.recipients.map((r) => [r.address, r.action, r.status])).toEqual([
      ['carol@c.example', 'failed', '5.1.1'],
      ['bob@b.example', 'failed', '4.4.7'],
    ]);
    expect(queueEvents(run.trace, 'bounce')).toHaveLength(1);
  });

  it('bounce-never-bounced: the undeliverable DSN expires and is dropped, never bounced', () => {
    const run = runLocal('bounce-never-bounced');
    const bounces = queueEvents(run.trace, 'bounce');
    expect(bounces.map((b) => b.rcpt)).toEqual([['nosuchuser@b.example'], ['nobody@gone.example']]);
    expect(bounces[1]?.reason).toContain('never bounce a bounce');
    // Exactly one DSN was ever created, and nothing was delivered anywhere.
    const enqueued = queueEvents(run.trace, 'enqueue').map((e) => e.rcpt);
    expect(enqueued).toEqual([['nosuchuser@b.example'], ['nobody@gone.example']]);
    expect(eventsOf(run.trace, 'deliver')).toEqual([]);
    expect(queueEvents(run.trace, 'warn')).toEqual([]);
    expect(run.summary.accounting).toMatchObject({ accepted: 2, delivered: 0, bounced: 2 });
  });
});

/** The SIZE= the client declared on a connection (it differs per hop as Received lines grow). */
function sizeOn(run: Run, conn: number): string {
  const line = linesOf(run.trace, conn).find((l) => l.startsWith('C: MAIL FROM:'));
  return /SIZE=(\d+)/.exec(line ?? '')?.[1] ?? '?';
}

describe('queues and retries', () => {
  it('retry-backoff: every defer waits clamp(time in queue, first, max)', () => {
    const run = runLocal('retry-backoff');
    const policy = run.scenario.hosts.find((h) => h.name === 'mail.a.example')!.retry;
    const [enqueue] = queueEvents(run.trace, 'enqueue');
    const defers = queueEvents(run.trace, 'defer');
    expect(defers.length).toBeGreaterThanOrEqual(8);
    const gaps = defers.map((d) => (d.next ?? 0) - d.t);
    defers.forEach((d, i) => {
      const inQueue = d.t - enqueue!.t;
      expect(gaps[i]).toBe(Math.min(policy.max, Math.max(policy.first, inQueue)));
      expect(gaps[i]).toBe(retryDelay(policy, inQueue));
    });
    // Both ends of the clamp are reached: 5 minutes at first, one hour at the end.
    expect(gaps[0]).toBe(5 * MIN);
    expect(gaps.at(-1)).toBe(HOUR);
    // Each attempt starts when the defer said it would.
    const attempts = queueEvents(run.trace, 'attempt').slice(1);
    expect(attempts.map((a) => a.t)).toEqual(defers.map((d) => d.next));
    expect(run.summary.accounting).toMatchObject({ delivered: 1, duplicated: 0 });
  });

  it('warn-and-expire: one warning at the first defer after 2h, expiry after 8h with 4.4.7', () => {
    const run = runLocal('warn-and-expire');
    const [enqueue] = queueEvents(run.trace, 'enqueue', 'mail.a.example');
    const age = (t: number) => t - enqueue!.t;
    const warns = queueEvents(run.trace, 'warn');
    expect(warns).toHaveLength(1);
    const defers = queueEvents(run.trace, 'defer', 'mail.a.example');
    const firstLate = defers.find((d) => age(d.t) >= 2 * HOUR);
    expect(warns[0]?.t).toBe(firstLate?.t);
    const [expire] = queueEvents(run.trace, 'expire');
    expect(age(expire!.t)).toBeGreaterThanOrEqual(8 * HOUR);
    expect(age(defers.at(-1)!.t)).toBeLessThan(8 * HOUR);
    const dsns = dsnsIn(run, 'alice@a.example');
    expect(
      dsns.map((d) => [d.dsn.kind, d.dsn.recipients[0]?.action, d.dsn.recipients[0]?.status]),
    ).toEqual([
      ['delay', 'delayed', '4.4.1'],
      ['failure', 'failed', '4.4.7'],
    ]);
    expect(dsns[0]?.message.raw).toContain('Will-Retry-Until:');
    expect(dsns[0]?.message.raw).toContain('THIS IS A WARNING ONLY');
  });

  it('etrn-new-connection: 253 with a count, then 251, then 459; delivery on a new connection', () => {
    const run = runLocal('etrn-new-connection');
    expectEtrnUsesNewConnection(run, 'backup.b.example', 'mx.b.example', 'b.example');
    const etrnReplies = eventsOf(run.trace, 'line')
      .filter((l) => l.dir === 'S' && /^(25[1-3]|45[89]) /.test(l.text))
      .map((l) => l.text);
    expect(etrnReplies).toEqual([
      '253 OK, 2 pending messages for node b.example started',
      '251 OK, no messages waiting for node b.example',
      '459 Node c.example not allowed: not a domain this server queues for',
    ]);
    expect(run.summary.accounting).toMatchObject({ accepted: 2, delivered: 2, duplicated: 0 });
  });
});

describe('connections that die', () => {
  it('rfc1047-duplicate: the message is stored, the reply lost, the resend is a duplicate', () => {
    const run = runLocal('rfc1047-duplicate');
    expect(run.summary.accounting).toEqual({
      accepted: 1,
      delivered: 1,
      bounced: 0,
      queued: 0,
      duplicated: 1,
      lost: 0,
    });
    const copies = mailbox(run, 'bob@b.example');
    expect(copies).toHaveLength(2);
    expect(copies[0]?.messageId).toBe(copies[1]?.messageId);
    const [first] = connects(run.trace, 'mail.a.example');
    expect(eventsOf(run.trace, 'close').find((c) => c.conn === first!.conn)?.reason).toBe(
      'connection dropped without a reply',
    );
    // Postfix's words: the client sees the close at once and cannot know whether the server
    // kept the message.
    const [defer] = queueEvents(run.trace, 'defer');
    expect(defer?.reason).toBe(
      'lost connection with mx.b.example[198.51.100.25] while sending end of data -- message may be sent more than once',
    );
    const dropped = eventsOf(run.trace, 'close').find((c) => c.conn === first!.conn)!;
    expect(defer!.t - dropped.t).toBe(run.scenario.latency);
  });

  it('drop-at-data: the client knows which reply it waited for, and says so at once', () => {
    const run = runLocal('drop-at-data');
    const [defer] = queueEvents(run.trace, 'defer');
    expect(defer?.reason).toBe(
      'lost connection with mx.b.example[198.51.100.25] while sending DATA command',
    );
    const [first] = connects(run.trace, 'mail.a.example');
    const dropped = eventsOf(run.trace, 'close').find((c) => c.conn === first!.conn)!;
    expect(defer!.t - dropped.t).toBe(run.scenario.latency);
    expect(run.summary.accounting.duplicated).toBe(0);
  });

  it.each(['drop-mid-data', 'crash-before-dot'])(
    '%s: the dot never arrived, nothing was stored, one copy arrives on the retry',
    (name) => {
      const run = runLocal(name);
      const [first] = connects(run.trace, 'mail.a.example');
      // The client did send the whole text, final dot included, on the first connection...
      expect(linesOf(run.trace, first!.conn)).toContain('C: .');
      // ...but the server never answered it and delivered nothing then.
      expect(eventsOf(run.trace, 'deliver')).toHaveLength(1);
      expect(eventsOf(run.trace, 'deliver')[0]?.t).toBeGreaterThan(10 * MIN);
      const [defer] = queueEvents(run.trace, 'defer');
      // The client cannot tell this from the RFC 1047 case, and says so.
      expect(defer?.reason).toMatch(
        /^conversation with mx\.b\.example\[198\.51\.100\.25\] timed out while sending end of data -- message may be sent more than once$/,
      );
      expect(run.summary.accounting).toEqual({
        accepted: 1,
        delivered: 1,
        bounced: 0,
        queued: 0,
        duplicated: 0,
        lost: 0,
      });
    },
  );
});
