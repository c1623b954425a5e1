import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDsn, parseDsn } from '../../../src/core/mail/dsn';
import type { DsnInput, DsnRecipient } from '../../../src/core/mail/dsn';
import { getHeader, parseMessage } from '../../../src/core/mail/message';

const T = Date.UTC(2026, 0, 5, 9, 0, 1);
const BOUNDARY = 'ABC123.1767603601/mail.a.example';
const ORIGINAL =
  'Received: from client.a.example (unknown [192.0.2.10])\r\n' +
  '\tby mail.a.example (smtp-sim) with ESMTP id ABC123\r\n' +
  '\tfor <bob@b.example>; Mon, 5 Jan 2026 09:00:00 +0000\r\n' +
  'From: alice@a.example\r\n' +
  'To: bob@b.example, carol@c.example\r\n' +
  'Subject: Lunch\r\n' +
  'Message-ID: <lunch@a.example>\r\n' +
  '\r\n' +
  'Noon?\r\n';

const BOB: DsnRecipient = {
  address: 'bob@b.example',
  action: 'failed',
  status: '5.1.1',
  remoteMta: 'dns; mx.b.example',
  diagnostic:
    'smtp; 550 5.1.1 <bob@b.example>: Recipient address rejected: User unknown in local recipient table',
  lastAttempt: T,
};
const CAROL: DsnRecipient = {
  address: 'carol@c.example',
  action: 'failed',
  status: '5.4.4',
  diagnostic: 'Host or domain name not found. Name service error for name=c.example type=MX',
};

function input(overrides: Partial<DsnInput> = {}): DsnInput {
  return {
    kind: 'failure',
    reportingMta: 'mail.a.example',
    to: 'alice@a.example',
    date: T,
    messageId: '<20260105090001.DEF456@mail.a.example>',
    boundary: BOUNDARY,
    queueId: 'ABC123',
    arrivalDate: T - 1000,
    original: { text: ORIGINAL },
    returnContent: 'full',
    recipients: [BOB, CAROL],
    ...overrides,
  };
}

/** The body parts between `--boundary` lines, each parsed. */
function parts(text: string, boundary: string) {
  const body = parseMessage(text).body;
  const pieces = body.split(`\r\n--${boundary}`);
  expect(pieces.at(-1)).toBe('--\r\n');
  return pieces.slice(1, -1).map((p) => parseMessage(p.replace(/^\r\n/, '')));
}

describe('buildDsn: failure', () => {
  const text = buildDsn(input());
  const lines = text.split('\r\n');

  it('writes the top-level header fields', () => {
    const head = text.slice(0, text.indexOf('\r\n\r\n'));
    expect(head).toBe(
      [
        'From: MAILER-DAEMON@mail.a.example (Mail Delivery System)',
        'To: alice@a.example',
        'Subject: Undelivered Mail Returned to Sender',
        'Date: Mon, 5 Jan 2026 09:00:01 +0000',
        'Message-ID: <20260105090001.DEF456@mail.a.example>',
        'In-Reply-To: <lunch@a.example>',
        'References: <lunch@a.example>',
        'Auto-Submitted: auto-replied',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status;',
        ` boundary="${BOUNDARY}"`,
      ].join('\r\n'),
    );
  });

  it('has the notification, the report and the message, in that order', () => {
    const [human, report, returned, ...rest] = parts(text, BOUNDARY);
    expect(rest).toEqual([]);
    expect(getHeader(human?.headers ?? [], 'Content-Type')).toBe('text/plain; charset=us-ascii');
    expect(getHeader(report?.headers ?? [], 'Content-Type')).toBe('message/delivery-status');
    expect(getHeader(returned?.headers ?? [], 'Content-Type')).toBe('message/rfc822');
    expect(getHeader(returned?.headers ?? [], 'Content-Description')).toBe('Undelivered Message');
    expect(returned?.body).toBe(ORIGINAL);
  });

  it('explains in Postfix words, one paragraph per recipient', () => {
    expect(lines).toContain('This is the mail system at host mail.a.example.');
    expect(lines).toContain("I'm sorry to have to inform you that your message could not");
    expect(lines).toContain("be delivered to one or more recipients. It's attached below.");
    expect(lines).toContain('                   The mail system');
    const human = parts(text, BOUNDARY)[0]?.body ?? '';
    expect(human).toContain(
      '<bob@b.example>: host mx.b.example said: 550 5.1.1 <bob@b.example>:\r\n' +
        '    Recipient address rejected: User unknown in local recipient table\r\n',
    );
    expect(human).toContain('<carol@c.example>: Host or domain name not found.');
  });

  it('writes the per-message and per-recipient fields', () => {
    expect(parts(text, BOUNDARY)[1]?.body).toBe(
      [
        'Reporting-MTA: dns; mail.a.example',
        'X-Postfix-Queue-ID: ABC123',
        'X-Postfix-Sender: rfc822; alice@a.example',
        'Arrival-Date: Mon, 5 Jan 2026 09:00:00 +0000',
        '',
        'Final-Recipient: rfc822; bob@b.example',
        'Action: failed',
        'Status: 5.1.1',
        'Remote-MTA: dns; mx.b.example',
        'Diagnostic-Code: smtp; 550 5.1.1 <bob@b.example>: Recipient address rejected:',
        ' User unknown in local recipient table',
        'Last-Attempt-Date: Mon, 5 Jan 2026 09:00:01 +0000',
        '',
        'Final-Recipient: rfc822; carol@c.example',
        'Action: failed',
        'Status: 5.4.4',
        'Diagnostic-Code: X-Postfix; Host or domain name not found. Name service error',
        ' for name=c.example type=MX',
        '',
      ].join('\r\n'),
    );
  });

  it('ends with the closing delimiter and uses CRLF only', () => {
    expect(text.endsWith(`\r\n--${BOUNDARY}--\r\n`)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('reads back', () => {
    expect(parseDsn(text)).toEqual({
      kind: 'failure',
      reportingMta: 'mail.a.example',
      queueId: 'ABC123',
      originalMessageId: '<lunch@a.example>',
      recipients: [
        {
          address: 'bob@b.example',
          action: 'failed',
          status: '5.1.1',
          remoteMta: 'dns; mx.b.example',
          diagnostic: BOB.diagnostic,
        },
        {
          address: 'carol@c.example',
          action: 'failed',
          status: '5.4.4',
          diagnostic: `X-Postfix; ${CAROL.diagnostic}`,
        },
      ],
    });
  });
});

describe('buildDsn: delay', () => {
  const retryUntil = T + 5 * 86_400_000;
  const text = buildDsn(
    input({
      kind: 'delay',
      arrivalDate: T - 4 * 3_600_000,
      recipients: [
        {
          address: 'bob@b.example',
          action: 'delayed',
          status: '4.4.1',
          diagnostic: 'connect to mx.b.example[192.0.2.25]:25: Connection timed out',
          willRetryUntil: retryUntil,
          lastAttempt: T,
        },
      ],
    }),
  );

  it('warns and says until when it retries', () => {
    const m = parseMessage(text);
    expect(m.subject).toBe('Delayed Mail (still being retried)');
    expect(text).toContain('# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #');
    const human = parts(text, BOUNDARY)[0]?.body.replace(/\r\n/g, ' ') ?? '';
    expect(human).toContain('has not yet been delivered');
    expect(human).toContain('since Mon, 5 Jan 2026 05:00:01 +0000.');
    expect(human).toContain(
      'The mail system will continue delivery attempts until Sat, 10 Jan 2026 09:00:01 +0000.',
    );
  });

  it('reports the recipient as delayed with Will-Retry-Until', () => {
    const report = parts(text, BOUNDARY)[1]?.body.split('\r\n') ?? [];
    expect(report).toContain('Action: delayed');
    expect(report).toContain('Status: 4.4.1');
    expect(report).toContain('Last-Attempt-Date: Mon, 5 Jan 2026 09:00:01 +0000');
    expect(report).toContain('Will-Retry-Until: Sat, 10 Jan 2026 09:00:01 +0000');
    expect(parseDsn(text)?.kind).toBe('delay');
  });

  it('leaves Will-Retry-Until out of failed recipients', () => {
    const failed = buildDsn(input({ recipients: [{ ...BOB, willRetryUntil: retryUntil }] }));
    expect(failed).not.toContain('Will-Retry-Until');
  });
});

describe('buildDsn: options and edge cases', () => {
  it('returns only the header block with RET=HDRS', () => {
    const text = buildDsn(input({ returnContent: 'headers' }));
    const returned = parts(text, BOUNDARY)[2];
    expect(getHeader(returned?.headers ?? [], 'Content-Type')).toBe('text/rfc822-headers');
    expect(getHeader(returned?.headers ?? [], 'Content-Description')).toBe(
      'Undelivered Message Headers',
    );
    expect(returned?.body).toBe(ORIGINAL.slice(0, ORIGINAL.indexOf('\r\n\r\n') + 2));
    expect(text).not.toContain('Noon?');
    expect(text.replace(/\r\n/g, ' ')).toContain('Its headers are attached below.');
  });

  it('normalises the returned text to CRLF and marks 8-bit content', () => {
    const text = buildDsn(input({ original: { text: 'Subject: Grüße\n\nÄpfel\n' } }));
    expect(parts(text, BOUNDARY)[2]?.body).toBe('Subject: Grüße\r\n\r\nÄpfel\r\n');
    expect(getHeader(parseMessage(text).headers, 'Content-Transfer-Encoding')).toBe('8bit');
    expect(text).toContain('Content-Type: message/rfc822\r\nContent-Transfer-Encoding: 8bit');
  });

  it('uses a given postmaster address and a given original Message-ID', () => {
    const text = buildDsn(
      input({ postmaster: 'postmaster@a.example', original: { text: '', messageId: '<o@x>' } }),
    );
    const head = parseMessage(text).headers;
    expect(getHeader(head, 'From')).toBe('postmaster@a.example (Mail Delivery System)');
    expect(getHeader(head, 'In-Reply-To')).toBe('<o@x>');
    const named = buildDsn(input({ postmaster: 'Mail Delivery System <pm@a.example>' }));
    expect(getHeader(parseMessage(named).headers, 'From')).toBe(
      'Mail Delivery System <pm@a.example>',
    );
  });

  it('picks another boundary when the returned message contains the given one', () => {
    const original = `Subject: trap\r\n\r\n--${BOUNDARY}--\r\n--${BOUNDARY}.1\r\n`;
    const text = buildDsn(input({ original: { text: original } }));
    expect(text).toContain(`boundary="${BOUNDARY}.2"`);
    expect(parts(text, `${BOUNDARY}.2`)[2]?.body).toBe(original);
    expect(parseDsn(text)?.recipients).toHaveLength(2);
  });

  it('makes an unusable boundary valid', () => {
    expect(buildDsn(input({ boundary: 'bad"b\\oundary\r\n' }))).toContain(
      'boundary="bad_b_oundary__"',
    );
    const long = buildDsn(input({ boundary: `${'x'.repeat(69)} y` }));
    expect(long).toContain(`boundary="${'x'.repeat(69)}"`);
    expect(parseDsn(long)?.recipients).toHaveLength(2);
    expect(buildDsn(input({ boundary: '' }))).toContain('boundary="=_"');
  });

  it('joins a multi-line reply into one Diagnostic-Code and folds it', () => {
    const diagnostic =
      'smtp; 550-5.7.1 first line of a long explanation from the remote server\r\n' +
      '550 5.7.1 second line\r\nX-Injected: yes';
    const text = buildDsn(input({ recipients: [{ ...BOB, diagnostic }] }));
    const report = parts(text, BOUNDARY)[1]?.body ?? '';
    expect(report).not.toMatch(/^X-Injected/m);
    expect(report.split('\r\n').every((line) => line.length <= 78)).toBe(true);
    expect(parseDsn(text)?.recipients[0]?.diagnostic).toBe(
      'smtp; 550-5.7.1 first line of a long explanation from the remote server ' +
        '550 5.7.1 second line X-Injected: yes',
    );
  });

  it('keeps every line within 998 characters even for a huge diagnostic word', () => {
    const text = buildDsn(
      input({ recipients: [{ ...BOB, diagnostic: `smtp; 550 ${'x'.repeat(3000)}` }] }),
    );
    expect(text.split('\r\n').every((line) => line.length <= 998)).toBe(true);
    expect(parseDsn(text)?.recipients[0]?.status).toBe('5.1.1');
  });

  it('refuses what must never be sent', () => {
    expect(() => buildDsn(input({ to: '' }))).toThrow(/null reverse-path/);
    expect(() => buildDsn(input({ recipients: [] }))).toThrow(RangeError);
    expect(() => buildDsn(input({ recipients: [{ ...BOB, status: '550' }] }))).toThrow(RangeError);
    expect(() => buildDsn(input({ date: Number.NaN }))).toThrow(RangeError);
  });
});

describe('parseDsn', () => {
  it('says undefined for what is not a DSN', () => {
    expect(parseDsn('')).toBeUndefined();
    expect(parseDsn(ORIGINAL)).toBeUndefined();
    expect(
      parseDsn('Content-Type: multipart/report; report-type=delivery-status\r\n\r\nno boundary'),
    ).toBeUndefined();
  });

  it('never throws (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        parseDsn(s);
        parseDsn(`Content-Type: multipart/report; boundary="b"\r\n\r\n--b\r\n${s}\r\n--b--\r\n`);
      }),
      { numRuns: 500 },
    );
  });
});

describe('buildDsn (property)', () => {
  const shortLine = fc.string({ unit: 'binary', maxLength: 120 }).filter((s) => !/[\r\n]/.test(s));
  const address = fc.oneof(fc.emailAddress(), fc.constantFrom('jörg@exämple.de', 'x@y', 'a b@c'));
  const recipient = (action: DsnRecipient['action']) =>
    fc.record({
      address,
      action: fc.constant(action),
      status: fc.tuple(fc.constantFrom(4, 5), fc.nat(999), fc.nat(999)).map((n) => n.join('.')),
      diagnostic: fc.option(fc.string({ unit: 'binary', maxLength: 900 }), { nil: undefined }),
      remoteMta: fc.option(fc.domain(), { nil: undefined }),
      willRetryUntil: fc.option(fc.nat(4_000_000_000_000), { nil: undefined }),
      lastAttempt: fc.option(fc.nat(4_000_000_000_000), { nil: undefined }),
    });
  const boundary = fc.oneof(
    fc.stringMatching(/^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/),
    fc.string({ unit: 'binary', maxLength: 90 }),
  );

  const reported = fc.constantFrom('failure' as const, 'delay' as const).chain((kind) =>
    fc.record({
      kind: fc.constant(kind),
      recipients: fc.array(recipient(kind === 'failure' ? 'failed' : 'delayed'), {
        minLength: 1,
        maxLength: 4,
      }),
    }),
  );

  it('parses back with the same recipients, CRLF only and no line over 998', () => {
    fc.assert(
      fc.property(
        reported,
        boundary,
        fc.array(shortLine, { maxLength: 8 }),
        fc.boolean(),
        fc.constantFrom('full' as const, 'headers' as const),
        fc.nat(4_000_000_000_000),
        ({ kind, recipients }, b, originalLines, trap, returnContent, date) => {
          const lines = trap ? [...originalLines, `--${b}`, `--${b}--`] : originalLines;
          const text = buildDsn(
            input({
              kind,
              boundary: b,
              date,
              arrivalDate: date,
              original: { text: lines.join('\n') },
              returnContent,
              recipients,
            }),
          );
          expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
          expect(text.endsWith('--\r\n')).toBe(true);
          for (const line of text.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);

          const parsed = parseDsn(text);
          expect(parsed?.kind).toBe(kind);
          expect(parsed?.recipients).toEqual(recipients.map(expectedBack));
        },
      ),
      { numRuns: 600 },
    );
  });
});

/** What parseDsn gives for a recipient: one-line values, a type on each. */
function expectedBack(r: DsnRecipient) {
  const diagnostic = (r.diagnostic ?? '').replace(/\r\n|[\r\n]/g, ' ').trim();
  return {
    address: r.address,
    action: r.action,
    status: r.status,
    ...(r.remoteMta === undefined ? {} : { remoteMta: `dns; ${r.remoteMta}` }),
    ...(diagnostic === ''
      ? {}
      : {
          diagnostic: /^[A-Za-z0-9-]+[ \t]*;/.test(diagnostic)
            ? diagnostic
            : `X-Postfix; ${diagnostic}`,
        }),
  };
}
