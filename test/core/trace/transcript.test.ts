// The human transcript: each trace event type in the seed's style, and the summary.
import { describe, expect, it } from 'vitest';
import {
  describeCheck,
  formatEvent,
  formatRecord,
  formatSummary,
  printable,
  runFailed,
  verdict,
} from '../../../src/core/trace/transcript';
import type { Summary, TraceEvent } from '../../../src/core/trace/types';

const line = (over: Partial<Extract<TraceEvent, { type: 'line' }>> = {}): TraceEvent => ({
  t: 12_040,
  type: 'line',
  conn: 3,
  from: 'mx.b.example',
  to: 'mail.a.example',
  dir: 'S',
  text: '250 Ok: queued as 3F2A',
  ...over,
});

describe('formatEvent', () => {
  it('formats a line as the seed does', () => {
    expect(formatEvent(line())).toBe(
      '12.040s mx.b.example → mail.a.example  S: 250 Ok: queued as 3F2A',
    );
    expect(
      formatEvent(line({ from: 'mail.a.example', to: 'mx.b.example', dir: 'C', text: 'QUIT' })),
    ).toBe('12.040s mail.a.example → mx.b.example  C: QUIT');
  });

  it('shows a lost line as lost', () => {
    expect(formatEvent(line({ lost: true }))).toBe(
      '12.040s mx.b.example → mail.a.example  S: 250 Ok: queued as 3F2A' +
        '  [lost: the connection was broken, it never arrived]',
    );
  });

  it('keeps tabs and escapes control characters in lines', () => {
    expect(formatEvent(line({ text: '\tby x\x1b[31m' }))).toBe(
      '12.040s mx.b.example → mail.a.example  S: \tby x\\x1b[31m',
    );
    expect(printable('x'.repeat(301))).toBe(`${'x'.repeat(300)}… (301 chars)`);
  });

  it('writes times with formatClock', () => {
    expect(formatEvent({ ...line(), t: 0 })).toMatch(/^0\.000s /);
    expect(formatEvent({ ...line(), t: 7_260_040 })).toMatch(/^02:01:00\.040 /);
    expect(formatEvent({ ...line(), t: 93_784_005 })).toMatch(/^1d 02:03:04\.005 /);
  });

  it('formats connects with their result and connection number', () => {
    for (const result of ['open', 'refused', 'timeout'] as const) {
      expect(
        formatEvent({
          t: 31_600,
          type: 'connect',
          conn: 2,
          from: 'mail.a.example',
          to: 'mx.b.example',
          port: 25,
          result,
        }),
      ).toBe(`31.600s connect mail.a.example → mx.b.example:25 ${result} (#2)`);
    }
  });

  it('formats closes', () => {
    expect(
      formatEvent({
        t: 1440,
        type: 'close',
        conn: 1,
        by: 'mail.a.example',
        reason: 'server closed the connection',
      }),
    ).toBe('1.440s close #1 by mail.a.example: server closed the connection');
  });

  it('hides state events unless asked', () => {
    const state: TraceEvent = {
      t: 5,
      type: 'state',
      actor: 'mx.b.example/server#3',
      value: 'greeting',
    };
    expect(formatEvent(state)).toBeUndefined();
    expect(formatEvent(state, { states: true })).toBe(
      '0.005s mx.b.example/server#3 state greeting',
    );
    expect(formatEvent({ ...state, value: { transaction: 'envelope' } }, { states: true })).toBe(
      '0.005s mx.b.example/server#3 state {"transaction":"envelope"}',
    );
  });

  it('formats DNS answers and errors', () => {
    const query = (type: string, name: string) => ({
      t: 1440,
      type: 'dns' as const,
      host: 'mail.a.example',
      query: { name, type },
    });
    expect(
      formatEvent({
        ...query('MX', 'b.example'),
        answer: [
          { name: 'b.example', type: 'MX', preference: 10, value: 'mx.b.example' },
          { name: 'b.example', type: 'MX', preference: 20, value: 'backup.b.example' },
        ],
      }),
    ).toBe('1.440s mail.a.example DNS MX b.example? → 10 mx.b.example, 20 backup.b.example');
    expect(
      formatEvent({
        ...query('A', 'mx.b.example'),
        answer: [{ name: 'mx.b.example', type: 'A', value: '198.51.100.25' }],
      }),
    ).toBe('1.440s mail.a.example DNS A mx.b.example? → 198.51.100.25');
    expect(formatEvent({ ...query('MX', 'nowhere.example'), error: 'nxdomain' })).toBe(
      '1.440s mail.a.example DNS MX nowhere.example? → NXDOMAIN',
    );
    expect(formatEvent({ ...query('MX', 'c.example'), error: 'nodata' })).toBe(
      '1.440s mail.a.example DNS MX c.example? → NODATA (the name exists, no records of this type)',
    );
    expect(formatEvent({ ...query('MX', 'c.example'), error: 'servfail' })).toMatch(/→ SERVFAIL$/);
    expect(formatEvent({ ...query('MX', 'c.example'), error: 'timeout' })).toMatch(
      /→ no answer \(timed out\)$/,
    );
    expect(formatRecord({ name: 'www.x', type: 'CNAME', value: 'host.x' }, 'A')).toBe(
      'CNAME host.x',
    );
    expect(formatRecord({ name: 'x', type: 'TXT', value: 'v=spf1 -all' }, 'TXT')).toBe(
      '"v=spf1 -all"',
    );
  });

  it('formats queue events with reason and next try', () => {
    expect(
      formatEvent({
        t: 31_600,
        type: 'queue',
        host: 'mail.a.example',
        id: '4448C5FEB9',
        action: 'defer',
        rcpt: ['bob@b.example'],
        reason: 'connect to mx.b.example[198.51.100.25]:25: Connection timed out',
        next: 331_600,
      }),
    ).toBe(
      '31.600s mail.a.example queue 4448C5FEB9 defer bob@b.example: connect to ' +
        'mx.b.example[198.51.100.25]:25: Connection timed out; next try at 00:05:31.600',
    );
    expect(
      formatEvent({
        t: 1360,
        type: 'queue',
        host: 'mail.a.example',
        id: '4448C5FEB9',
        action: 'enqueue',
        rcpt: ['bob@b.example', 'carol@c.example'],
      }),
    ).toBe('1.360s mail.a.example queue 4448C5FEB9 enqueue bob@b.example, carol@c.example');
  });

  it('formats deliveries, hosts, links and notes', () => {
    expect(
      formatEvent({
        t: 7_260_720,
        type: 'deliver',
        host: 'mx.b.example',
        mailbox: 'bob@b.example',
        id: '74641BE896',
        messageId: '<20260105090001.4448C5FEB9@mail.a.example>',
        subject: 'Hello',
      }),
    ).toBe(
      '02:01:00.720 mx.b.example delivered to bob@b.example: "Hello" <20260105090001.4448C5FEB9@mail.a.example>',
    );
    expect(formatEvent({ t: 0, type: 'host', host: 'mx.b.example', up: false })).toBe(
      '0.000s mx.b.example is down',
    );
    expect(formatEvent({ t: 7_200_000, type: 'host', host: 'mx.b.example', up: true })).toBe(
      '02:00:00.000 mx.b.example is up',
    );
    expect(formatEvent({ t: 60_000, type: 'link', between: ['a', 'b'], up: false })).toBe(
      '00:01:00.000 link a ↔ b is down',
    );
    expect(formatEvent({ t: 60_000, type: 'note', text: 'The MX is back' })).toBe(
      '00:01:00.000 note: The MX is back',
    );
  });
});

const SUMMARY: Summary = {
  type: 'summary',
  mailboxes: {
    'bob@b.example': [{ messageId: '<1@a>', subject: 'Hello', headers: [], body: 'Hi\r\n' }],
  },
  queues: {
    'mail.a.example': [],
    'backup.b.example': [
      {
        id: '0F0727F17E',
        from: 'alice@a.example',
        subject: 'Hello',
        attempts: 5,
        nextAttemptAt: 6_222_920,
        recipients: [{ address: 'bob@b.example', status: 'pending', lastError: 'timed out' }],
      },
    ],
  },
  accounting: { accepted: 1, delivered: 1, bounced: 0, queued: 1, duplicated: 0, lost: 0 },
  expect: [
    {
      check: { check: 'delivered', mailbox: 'bob@b.example', subject: 'Hello' },
      ok: true,
      detail: 'bob@b.example has it',
    },
    {
      check: { check: 'queueEmpty', host: 'backup.b.example' },
      ok: false,
      detail: 'backup.b.example has 1 message(s) in its queue',
    },
  ],
};

describe('formatSummary', () => {
  it('lists mailboxes, non-empty queues, accounting and checks', () => {
    expect(formatSummary(SUMMARY)).toEqual([
      '── summary ──',
      'mailboxes:',
      '  bob@b.example: 1 message',
      '    "Hello" <1@a>',
      'queues:',
      '  backup.b.example: 1 message',
      '    0F0727F17E from <alice@a.example> "Hello", 5 attempts, next try at 01:43:42.920',
      '      bob@b.example pending: timed out',
      'accounting: accepted 1, delivered 1, bounced 0, queued 1, duplicated 0, lost 0',
      'expect:',
      '  ✓ delivered to bob@b.example with subject "Hello": bob@b.example has it',
      '  ✗ queue of backup.b.example empty: backup.b.example has 1 message(s) in its queue',
      'FAILED: 1 of 2 checks failed',
    ]);
    expect(runFailed(SUMMARY)).toBe(true);
  });

  it('says OK when every check holds and nothing is lost, FAILED when a message is lost', () => {
    const ok: Summary = { ...SUMMARY, queues: {}, expect: SUMMARY.expect.slice(0, 1) };
    expect(verdict(ok)).toBe('OK: the check holds');
    expect(runFailed(ok)).toBe(false);
    expect(formatSummary(ok)).toContain('queues: all empty');
    const lost = { ...ok, accounting: { ...ok.accounting, lost: 1 } };
    expect(verdict(lost)).toBe('FAILED: 1 message lost');
    expect(runFailed(lost)).toBe(true);
    expect(verdict({ ...ok, expect: [] })).toBe('OK (no checks)');
  });

  it('describes every kind of check', () => {
    expect(describeCheck({ check: 'delivered', mailbox: 'a@x', subjectContains: 'Warn' })).toBe(
      'delivered to a@x with a subject containing "Warn"',
    );
    expect(describeCheck({ check: 'deliveredBefore', mailbox: 'a@x', before: 7_320_000 })).toBe(
      'delivered to a@x before 2h2m',
    );
    expect(
      describeCheck({ check: 'session', session: 1, codes: [220, 250], replyLines: ['x'] }),
    ).toBe('session 1: codes 220 250, 1 reply line');
  });
});
