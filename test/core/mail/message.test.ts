import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  composeMessage,
  foldHeader,
  getHeader,
  getHeaders,
  parseMessage,
  splitHeaderBlock,
} from '../../../src/core/mail/message';

const DATE = 'Mon, 5 Jan 2026 09:00:01 +0000';

describe('parseMessage', () => {
  it('unfolds folded headers, keeps names as written and the body as is', () => {
    const raw =
      'Received: from a.example\r\n\tby b.example;\r\n Mon, 5 Jan 2026 09:00:01 +0000\r\n' +
      'subject: Hello\r\n  world\r\n' +
      'Message-Id: <1@a.example>\r\n' +
      '\r\n' +
      'line 1\r\n\r\nline 3\r\n';
    const m = parseMessage(raw);
    expect(m.headers).toEqual([
      ['Received', 'from a.example\tby b.example; Mon, 5 Jan 2026 09:00:01 +0000'],
      ['subject', 'Hello  world'],
      ['Message-Id', '<1@a.example>'],
    ]);
    expect(m.body).toBe('line 1\r\n\r\nline 3\r\n');
    expect(m.subject).toBe('Hello  world');
    expect(m.messageId).toBe('<1@a.example>');
  });

  it('reads LF-only messages', () => {
    const m = parseMessage('From: a@x\nSubject: hi\n there\n\nbody\nmore\n');
    expect(m.headers).toEqual([
      ['From', 'a@x'],
      ['Subject', 'hi there'],
    ]);
    expect(m.body).toBe('body\nmore\n');
  });

  it('treats a text without an empty line as all headers when every line is a field', () => {
    const m = parseMessage('From: a@x\r\nSubject: no body');
    expect(m.headers).toEqual([
      ['From', 'a@x'],
      ['Subject', 'no body'],
    ]);
    expect(m.body).toBe('');
  });

  it('treats a text as all body when its first block is not all header fields', () => {
    expect(parseMessage('Subject: x\nhello there\n')).toEqual({
      headers: [],
      body: 'Subject: x\nhello there\n',
      subject: '',
      messageId: '',
    });
    expect(parseMessage('Dear Bob,\n\nSubject: not a header\n').headers).toEqual([]);
    expect(parseMessage(' leading continuation: x\n\nbody').body).toBe(
      ' leading continuation: x\n\nbody',
    );
  });

  it('parses the empty string and a text starting with an empty line', () => {
    expect(parseMessage('')).toEqual({ headers: [], body: '', subject: '', messageId: '' });
    expect(parseMessage('\r\nbody only')).toEqual({
      headers: [],
      body: 'body only',
      subject: '',
      messageId: '',
    });
  });

  it('accepts the obsolete space before the colon and keeps the Message-ID brackets', () => {
    const m = parseMessage('Subject : old style\r\nMessage-ID: <a@b> (comment)\r\n\r\n');
    expect(m.headers[0]).toEqual(['Subject', 'old style']);
    expect(m.subject).toBe('old style');
    expect(m.messageId).toBe('<a@b>');
  });

  it('never throws and returns a body that ends the text', () => {
    const mailish = fc
      .array(
        fc.constantFrom('Subject: x', 'From:', ' cont', '\tcont', '', 'body', ':', '\r', 'A :b'),
        { maxLength: 12 },
      )
      .chain((parts) =>
        fc
          .array(fc.constantFrom('\r\n', '\n', '\r', ''), {
            minLength: parts.length,
            maxLength: parts.length,
          })
          .map((ends) => parts.map((p, i) => p + (ends[i] ?? '')).join('')),
      );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), mailish), (raw) => {
        const m = parseMessage(raw);
        expect(raw.endsWith(m.body)).toBe(true);
        for (const [name] of m.headers) expect(name).not.toMatch(/[\r\n:]/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('splitHeaderBlock', () => {
  it('gives where a new field goes and where the body starts', () => {
    expect(splitHeaderBlock('A: 1\r\nB: 2\r\n\r\nbody')).toEqual({
      lines: ['A: 1', 'B: 2'],
      headerEnd: 12,
      bodyStart: 14,
      allBody: false,
    });
    expect(splitHeaderBlock('just text').allBody).toBe(true);
  });
});

describe('getHeader / getHeaders', () => {
  const headers: Array<[string, string]> = [
    ['Received', 'one'],
    ['SUBJECT', 's'],
    ['received', 'two'],
  ];

  it('match names case-insensitively', () => {
    expect(getHeader(headers, 'Received')).toBe('one');
    expect(getHeader(headers, 'subject')).toBe('s');
    expect(getHeader(headers, 'To')).toBeUndefined();
    expect(getHeaders(headers, 'RECEIVED')).toEqual(['one', 'two']);
    expect(getHeaders(headers, 'To')).toEqual([]);
  });
});

describe('composeMessage', () => {
  it('writes the fields in order, CRLF line ends and a final CRLF', () => {
    const raw = composeMessage({
      from: 'alice@a.example',
      to: ['bob@b.example', 'carol@c.example'],
      subject: 'Lunch',
      body: 'Hi Bob,\nnoon?',
      date: DATE,
      messageId: '<1@a.example>',
      extraHeaders: [['X-Lesson', '3']],
    });
    expect(raw).toBe(
      'From: alice@a.example\r\n' +
        'To: bob@b.example, carol@c.example\r\n' +
        'Subject: Lunch\r\n' +
        `Date: ${DATE}\r\n` +
        'Message-ID: <1@a.example>\r\n' +
        'X-Lesson: 3\r\n' +
        'MIME-Version: 1.0\r\n' +
        'Content-Type: text/plain; charset=us-ascii\r\n' +
        'Content-Transfer-Encoding: 7bit\r\n' +
        '\r\n' +
        'Hi Bob,\r\nnoon?\r\n',
    );
  });

  it('declares utf-8 and 8bit for a non-ASCII body', () => {
    const m = parseMessage(
      composeMessage({ from: 'a@x', to: ['b@y'], body: 'Grüße\r\n', date: DATE }),
    );
    expect(getHeader(m.headers, 'Content-Type')).toBe('text/plain; charset=utf-8');
    expect(getHeader(m.headers, 'Content-Transfer-Encoding')).toBe('8bit');
    expect(m.body).toBe('Grüße\r\n');
  });

  it('writes undisclosed recipients, no Subject when none and an empty body', () => {
    const raw = composeMessage({ from: 'a@x', to: [], date: DATE });
    expect(raw).toContain('\r\nTo: undisclosed-recipients:;\r\n');
    expect(raw).not.toContain('Subject');
    expect(raw.endsWith('7bit\r\n\r\n')).toBe(true);
  });

  it('does not let a subject inject a header field', () => {
    const raw = composeMessage({
      from: 'a@x',
      to: ['b@y'],
      subject: 'Hi\r\nBcc: everyone@x\nX-Evil: 1\r\rtail',
      date: DATE,
    });
    const m = parseMessage(raw);
    expect(getHeader(m.headers, 'Bcc')).toBeUndefined();
    expect(getHeader(m.headers, 'X-Evil')).toBeUndefined();
    expect(m.subject).toBe('Hi Bcc: everyone@x X-Evil: 1  tail');
    expect(raw.split('\r\n').some((line) => /[\r\n]/.test(line))).toBe(false);
  });

  it('rejects an extra header name that is not a field name', () => {
    const base = { from: 'a@x', to: ['b@y'], date: DATE };
    expect(() => composeMessage({ ...base, extraHeaders: [['X-A\r\nBcc', 'v']] })).toThrow(
      RangeError,
    );
    expect(() => composeMessage({ ...base, extraHeaders: [['X A', 'v']] })).toThrow(RangeError);
  });

  it('lets an extra header replace a field it writes, in place', () => {
    const raw = composeMessage({
      from: 'a@x',
      to: ['b@y'],
      date: DATE,
      messageId: '<given@x>',
      extraHeaders: [
        ['X-Lesson', '3'],
        ['message-id', '<mine@x>'],
        ['Content-Type', 'text/plain; format=flowed'],
      ],
    });
    expect(parseMessage(raw).headers).toEqual([
      ['From', 'a@x'],
      ['To', 'b@y'],
      ['Date', DATE],
      ['Message-ID', '<mine@x>'],
      ['X-Lesson', '3'],
      ['MIME-Version', '1.0'],
      ['Content-Type', 'text/plain; format=flowed'],
      ['Content-Transfer-Encoding', '7bit'],
    ]);
  });

  it('folds a long subject within 78 characters and unfolds it back', () => {
    const subject = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const raw = composeMessage({ from: 'a@x', to: ['b@y'], subject, date: DATE });
    const head = raw.slice(0, raw.indexOf('\r\n\r\n')).split('\r\n');
    expect(head.every((line) => line.length <= 78)).toBe(true);
    expect(parseMessage(raw).subject).toBe(subject);
  });

  it('keeps the subject through parse (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.string({ unit: 'binary', maxLength: 200 }),
        (subject, body) => {
          const raw = composeMessage({ from: 'a@x', to: ['b@y'], subject, body, date: DATE });
          const expected = subject.replace(/\r\n|[\r\n]/g, ' ').trim();
          expect(parseMessage(raw).subject).toBe(expected);
          expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
          expect(raw.endsWith('\r\n')).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('foldHeader', () => {
  it('cuts a word that cannot fit in 998 characters', () => {
    const folded = foldHeader('X-Long', 'a'.repeat(2500));
    const lines = folded.split('\r\n');
    expect(lines.every((line) => line.length <= 998)).toBe(true);
    expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(lines.join('').replace(/ /g, '')).toBe(`X-Long:${'a'.repeat(2500)}`);
  });
});
