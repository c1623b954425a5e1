// The MTA's queue, bounces and ETRN, driven through small worlds: what happens to the mail when a
// host crashes mid-attempt, when several recipients fail at once, when the sender is <>, and what
// ETRN answers (RFC 1985).
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../src/core/scenario/validate';
import {
  connects,
  dsnsIn,
  eventsOf,
  headerValues,
  linesOf,
  mailbox,
  queueEvents,
  runScenario,
  type Run,
} from '../world/helpers';

const A = {
  name: 'mail.a.example',
  ip: '192.0.2.25',
  role: 'mta',
  domains: ['a.example'],
  mailboxes: ['alice@a.example'],
  retry: { first: '5m', max: '1h', giveUp: '1d' },
};
const B = {
  name: 'mx.b.example',
  ip: '198.51.100.25',
  role: 'mta',
  domains: ['b.example'],
  mailboxes: ['bob@b.example'],
};
const C = {
  name: 'mx.c.example',
  ip: '198.51.100.35',
  role: 'mta',
  domains: ['c.example'],
  mailboxes: ['carol@c.example'],
};
const BACKUP = {
  name: 'backup.b.example',
  ip: '203.0.113.25',
  role: 'mta',
  backupFor: ['b.example'],
  etrn: true,
};
const DNS = [
  { name: 'a.example', type: 'MX', preference: 10, value: 'mail.a.example' },
  { name: 'mail.a.example', type: 'A', value: '192.0.2.25' },
  { name: 'b.example', type: 'MX', preference: 10, value: 'mx.b.example' },
  { name: 'b.example', type: 'MX', preference: 20, value: 'backup.b.example' },
  { name: 'mx.b.example', type: 'A', value: '198.51.100.25' },
  { name: 'backup.b.example', type: 'A', value: '203.0.113.25' },
  { name: 'c.example', type: 'MX', preference: 10, value: 'mx.c.example' },
  { name: 'mx.c.example', type: 'A', value: '198.51.100.35' },
];

function world(hosts: object[], events: object[], until?: number): Run {
  const result = validateScenario({ title: 'mta test', hosts, dns: DNS, events });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return runScenario(result.scenario, until);
}

const send = (at: string, to: string[], extra: object = {}) => ({
  at,
  do: 'send',
  host: 'mail.a.example',
  from: 'alice@a.example',
  to,
  subject: 'Test',
  body: 'Hello.',
  ...extra,
});

describe('a host that crashes in the middle of an attempt', () => {
  it('does not carry on with the old attempt after it restarts (no ghost duplicate)', () => {
    // The first attempt's MX lookup is in flight when the host crashes; it restarts 10 ms later
    // and retries at once. The old lookup's answer must not start a second delivery.
    const run = world(
      [A, B],
      [
        send('1s', ['bob@b.example']),
        { at: '1050ms', do: 'down', host: 'mail.a.example' },
        { at: '1060ms', do: 'up', host: 'mail.a.example' },
      ],
    );
    expect(queueEvents(run.trace, 'attempt')).toHaveLength(2);
    expect(connects(run.trace, 'mail.a.example')).toHaveLength(1);
    expect(mailbox(run, 'bob@b.example')).toHaveLength(1);
    expect(run.summary.accounting).toMatchObject({ delivered: 1, duplicated: 0, lost: 0 });
  });

  it('keeps what one domain already took when it crashes before the other domain is done', () => {
    // bob@b.example goes through at once; c.example's DNS times out (5 s). The host crashes right
    // after the b.example session ends, before the attempt is over. Postfix would have marked bob
    // done already: after the restart only carol is tried again.
    const events = (crashAt?: number) => [
      { at: '0s', do: 'dns', fail: 'timeout', name: 'c.example' },
      { at: '1m', do: 'dns', restore: 'c.example' },
      send('1s', ['bob@b.example', 'carol@c.example']),
      ...(crashAt === undefined
        ? []
        : [
            { at: `${crashAt}ms`, do: 'down', host: 'mail.a.example' },
            { at: `${crashAt + 1000}ms`, do: 'up', host: 'mail.a.example' },
          ]),
    ];
    const calm = world([A, B, C], events());
    const bSession = connects(calm.trace, 'mail.a.example').find((c) => c.to === 'mx.b.example');
    const closed = eventsOf(calm.trace, 'close').filter((c) => c.conn === bSession?.conn);
    const crashAt = Math.max(...closed.map((c) => c.t)) + 1;
    expect(crashAt).toBeLessThan(6000); // before the c.example lookup has timed out

    const run = world([A, B, C], events(crashAt));
    const retried = queueEvents(run.trace, 'attempt').map((a) => a.rcpt);
    expect(retried[0]).toEqual(['bob@b.example', 'carol@c.example']);
    expect(retried.slice(1).every((r) => r?.join() === 'carol@c.example')).toBe(true);
    expect(mailbox(run, 'bob@b.example')).toHaveLength(1);
    expect(mailbox(run, 'carol@c.example')).toHaveLength(1);
    expect(run.summary.accounting).toMatchObject({ delivered: 2, duplicated: 0, lost: 0 });
  });

  // Postfix marks each recipient done as soon as the reply to the final dot arrives (smtp_proto.c,
  // smtp_rcpt_done → deliver_completed), so a crash between that 250 and the end of the session
  // does not send the message again. The client session reports each transaction when decided.
  it('a crash after the 250 to the dot, before QUIT, does not send the message again', () => {
    // The 250 to the dot reaches mail.a.example at 1.56 s; it sends QUIT then and crashes 1 ms
    // later, before the 221.
    const run = world(
      [A, B],
      [
        send('1s', ['bob@b.example']),
        { at: '1561ms', do: 'down', host: 'mail.a.example' },
        { at: '1m', do: 'up', host: 'mail.a.example' },
      ],
    );
    const dot = eventsOf(run.trace, 'line').find(
      (l) => l.dir === 'S' && l.text.startsWith('250 2.0.0 Ok: queued'),
    );
    expect((dot?.t ?? 0) + run.scenario.latency).toBeLessThan(1561);
    expect(run.summary.accounting).toMatchObject({ delivered: 1, duplicated: 0, lost: 0 });
  });

  it('keeps its queue while down and retries due mail as soon as it is up', () => {
    const run = world(
      [A, B],
      [
        { at: '0s', do: 'down', host: 'mx.b.example' },
        send('1s', ['bob@b.example']),
        { at: '2m', do: 'down', host: 'mail.a.example' },
        { at: '3m', do: 'up', host: 'mx.b.example' },
        { at: '20m', do: 'up', host: 'mail.a.example' },
      ],
    );
    const attempts = queueEvents(run.trace, 'attempt').map((a) => a.t);
    // The retry due at 5m31s found the host down; the next attempt is the moment it came back.
    expect(attempts).toEqual([1000, 20 * 60_000]);
    expect(eventsOf(run.trace, 'deliver')[0]?.t).toBeGreaterThan(20 * 60_000);
    expect(run.summary.accounting).toMatchObject({ delivered: 1, duplicated: 0, lost: 0 });
  });
});

describe('delivery status notifications', () => {
  it('reports every recipient that failed in one attempt in one DSN, with the enhanced code', () => {
    const run = world(
      [A, B, C],
      [send('1s', ['ghost@b.example', 'bob@b.example', 'nobody@c.example'])],
    );
    const dsns = dsnsIn(run, 'alice@a.example');
    expect(dsns).toHaveLength(1);
    const recipients = dsns[0]?.dsn.recipients ?? [];
    expect(recipients.map((r) => [r.address, r.status]).sort()).toEqual([
      ['ghost@b.example', '5.1.1'],
      ['nobody@c.example', '5.1.1'],
    ]);
    for (const r of recipients)
      expect(r.diagnostic).toMatch(/^smtp; 550 5\.1\.1 <\w+@[bc]\.example>: /);
    // As Postfix logs it: `host X[ip] said: 550 5.1.1 …`.
    const bounce = queueEvents(run.trace, 'bounce')[0];
    expect(bounce?.reason).toMatch(/^host mx\.[bc]\.example\[[\d.]+\] said: 550 5\.1\.1 /);
    expect(mailbox(run, 'bob@b.example')).toHaveLength(1);
  });

  it('never sends a DSN about a message from the null sender', () => {
    const run = world([A, B], [send('1s', ['ghost@b.example'], { from: '' })]);
    expect(queueEvents(run.trace, 'bounce')).toHaveLength(1);
    expect(queueEvents(run.trace, 'bounce')[0]?.reason).toContain('never bounce a bounce');
    expect(eventsOf(run.trace, 'deliver')).toEqual([]);
    expect(run.summary.accounting).toMatchObject({ accepted: 1, bounced: 1, lost: 0 });
  });

  it('sends no delay warning for a message from the null sender either', () => {
    const a = { ...A, retry: { first: '10m', max: '1h', giveUp: '6h', warnAfter: '1h' } };
    const run = world(
      [a, B],
      [{ at: '0s', do: 'down', host: 'mx.b.example' }, send('1s', ['bob@b.example'], { from: '' })],
    );
    expect(queueEvents(run.trace, 'warn')).toEqual([]);
    expect(queueEvents(run.trace, 'expire')).toHaveLength(1);
    expect(eventsOf(run.trace, 'deliver')).toEqual([]);
  });

  it('warns once, with Action: delayed and Will-Retry-Until, then delivers', () => {
    const a = { ...A, retry: { first: '10m', max: '1h', giveUp: '1d', warnAfter: '1h' } };
    const run = world(
      [a, B],
      [
        { at: '0s', do: 'down', host: 'mx.b.example' },
        send('1s', ['bob@b.example']),
        { at: '5h', do: 'up', host: 'mx.b.example' },
      ],
    );
    expect(queueEvents(run.trace, 'warn')).toHaveLength(1);
    const dsns = dsnsIn(run, 'alice@a.example');
    expect(dsns.map((d) => d.dsn.kind)).toEqual(['delay']);
    expect(dsns[0]?.dsn.recipients[0]).toMatchObject({
      address: 'bob@b.example',
      action: 'delayed',
    });
    expect(dsns[0]?.message.subject).toMatch(/^Warning: /);
    expect(headerValues(dsns[0]!.message, 'Auto-Submitted')).toEqual(['auto-replied']);
    expect(mailbox(run, 'bob@b.example')).toHaveLength(1);
  });
});

describe('Received', () => {
  it('names the recipient (`for`) only when the transaction had exactly one', () => {
    const run = world(
      [A, { ...B, mailboxes: ['bob@b.example', 'bea@b.example'] }],
      [
        {
          at: '0s',
          do: 'session',
          host: 'mail.a.example',
          server: 'mx.b.example',
          port: 25,
          lines: [
            'EHLO mail.a.example',
            'MAIL FROM:<alice@a.example>',
            'RCPT TO:<bob@b.example>',
            'RCPT TO:<bea@b.example>',
            'DATA',
            'Subject: Two',
            '',
            'Hi.',
            '.',
            'QUIT',
          ],
        },
      ],
    );
    const [received] = headerValues(mailbox(run, 'bob@b.example')[0]!, 'Received');
    expect(received).toMatch(
      /^from mail\.a\.example \(mail\.a\.example \[192\.0\.2\.25\]\) by mx\.b\.example \(smtp-sim\) with ESMTP id [0-9A-F]+; Mon, 5 Jan 2026 09:00:00 \+0000$/,
    );
    expect(received).not.toContain(' for ');
  });
});

describe('ETRN (RFC 1985)', () => {
  const etrnSession = (at: string, argument: string, from = 'mx.b.example') => ({
    at,
    do: 'session',
    host: from,
    server: 'backup.b.example',
    port: 25,
    lines: [`EHLO ${from}`, `ETRN ${argument}`, 'QUIT'],
  });
  const etrnReply = (run: Run, argument: string) => {
    const conn = eventsOf(run.trace, 'line').find(
      (l) => l.dir === 'C' && l.text === `ETRN ${argument}`,
    )?.conn;
    const lines = linesOf(run.trace, conn ?? -1);
    return lines[lines.indexOf(`C: ETRN ${argument}`) + 1];
  };

  it('253 with the count for a node it queues for, 251 when nothing waits', () => {
    const run = world(
      [A, B, BACKUP],
      [
        { at: '0s', do: 'linkDown', between: ['mail.a.example', 'mx.b.example'] },
        { at: '0s', do: 'down', host: 'mx.b.example' },
        send('1s', ['bob@b.example']),
        // Anyone may ask (the queue run goes to the MX, not to whoever asked).
        etrnSession('1m', 'b.example', 'mail.a.example'),
        { at: '2m', do: 'up', host: 'mx.b.example' },
        etrnSession('3m', 'b.example'),
        etrnSession('4m', 'b.example'),
      ],
    );
    const replies = eventsOf(run.trace, 'line')
      .filter((l) => l.dir === 'S' && /^(25[1-3]|45\d) /.test(l.text))
      .map((l) => l.text);
    // ETRN at 1m: the primary is down (the mail is tried and stays queued, not lost);
    // at 3m: delivered; at 4m: nothing left.
    expect(replies).toEqual([
      '253 OK, 1 pending messages for node b.example started',
      '253 OK, 1 pending messages for node b.example started',
      '251 OK, no messages waiting for node b.example',
    ]);
    expect(mailbox(run, 'bob@b.example')).toHaveLength(1);
    expect(run.summary.accounting).toMatchObject({ delivered: 1, duplicated: 0, lost: 0 });
  });

  it('@domain covers the domain; #queue is refused (458); another domain is not allowed (459)', () => {
    const run = world(
      [A, B, BACKUP],
      [
        etrnSession('1s', '@b.example'),
        etrnSession('2s', '#deferred'),
        etrnSession('3s', 'a.example'),
      ],
    );
    expect(etrnReply(run, '@b.example')).toBe('S: 251 OK, no messages waiting for node @b.example');
    expect(etrnReply(run, '#deferred')).toBe('S: 458 Unable to queue messages for node #deferred');
    expect(etrnReply(run, 'a.example')).toMatch(/^S: 459 /);
  });
});
