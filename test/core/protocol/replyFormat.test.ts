import { describe, expect, it } from 'vitest';
import {
  formatReply,
  isReplyCode,
  MAX_REPLY_LINE_LENGTH,
  parseReplyLine,
  replyClass,
  ReplyReader,
} from '../../../src/core/protocol/replyFormat';
import type { Reply } from '../../../src/core/protocol/types';

// The EHLO reply of RFC 5321 §4.3.1's example session style.
const EHLO_REPLY: Reply = {
  code: 250,
  lines: [
    'serverdomain.com Hello client.example [192.0.2.1]',
    'SIZE 14680064',
    'PIPELINING',
    'HELP',
  ],
};
const EHLO_WIRE = [
  '250-serverdomain.com Hello client.example [192.0.2.1]',
  '250-SIZE 14680064',
  '250-PIPELINING',
  '250 HELP',
];

describe('formatReply', () => {
  it('formats a single-line reply', () => {
    expect(formatReply({ code: 221, lines: ['Bye'] }, { enhanced: false })).toEqual(['221 Bye']);
  });

  it('formats a multi-line reply with "-" on all but the last line', () => {
    expect(formatReply(EHLO_REPLY, { enhanced: false })).toEqual(EHLO_WIRE);
  });

  it('puts the enhanced code on every line when enabled (RFC 2034)', () => {
    const reply: Reply = { code: 250, enhanced: '2.1.0', lines: ['Sender', 'ok'] };
    expect(formatReply(reply, { enhanced: true })).toEqual(['250-2.1.0 Sender', '250 2.1.0 ok']);
    expect(formatReply(reply, { enhanced: false })).toEqual(['250-Sender', '250 ok']);
    expect(formatReply({ code: 250, lines: ['Ok'] }, { enhanced: true })).toEqual(['250 Ok']);
  });

  it('sends "code SP" for a reply without text', () => {
    expect(formatReply({ code: 250, lines: [] }, { enhanced: false })).toEqual(['250 ']);
    expect(formatReply({ code: 250, enhanced: '2.0.0', lines: [] }, { enhanced: true })).toEqual([
      '250 2.0.0 ',
    ]);
  });

  it('turns CR, LF and control characters into spaces so no line can be injected', () => {
    const reply: Reply = { code: 550, lines: ['no such user <x>\r\n250 2.0.0 Ok\x00\x7f\tend'] };
    expect(formatReply(reply, { enhanced: false })).toEqual([
      '550 no such user <x>  250 2.0.0 Ok  \tend',
    ]);
  });

  it('cuts lines to 510 characters', () => {
    const long = 'x'.repeat(2000);
    const [plain] = formatReply({ code: 250, lines: [long] }, { enhanced: false });
    expect(plain).toBe('250 ' + 'x'.repeat(506));
    const [enh] = formatReply({ code: 550, enhanced: '5.1.1', lines: [long] }, { enhanced: true });
    expect(enh?.length).toBe(MAX_REPLY_LINE_LENGTH);
    expect(enh?.startsWith('550 5.1.1 xxx')).toBe(true);
  });

  it('throws on an invalid code or enhanced code', () => {
    for (const code of [199, 600, 260, 250.5, NaN]) {
      expect(() => formatReply({ code, lines: ['x'] }, { enhanced: false })).toThrow(RangeError);
    }
    for (const enhanced of ['2.1', '5.1.1', '3.0.0', '2.1.0 x', '2.1000.0']) {
      expect(() => formatReply({ code: 250, enhanced, lines: ['x'] }, { enhanced: true })).toThrow(
        RangeError,
      );
    }
  });
});

describe('parseReplyLine', () => {
  it.each([
    ['250 OK', { code: 250, last: true, text: 'OK' }],
    ['250-SIZE 14680064', { code: 250, last: false, text: 'SIZE 14680064' }],
    ['250', { code: 250, last: true, text: '' }],
    ['250 ', { code: 250, last: true, text: '' }],
    ['250-', { code: 250, last: false, text: '' }],
    [
      '354 End data with <CR><LF>.<CR><LF>',
      { code: 354, last: true, text: 'End data with <CR><LF>.<CR><LF>' },
    ],
    [
      '421 4.7.0 Error: too many errors',
      { code: 421, last: true, text: '4.7.0 Error: too many errors' },
    ],
  ])('parses %j', (line, expected) => {
    expect(parseReplyLine(line)).toEqual(expected);
  });

  it.each(['', '25', '2500', '250x', '150 x', '650 x', 'abc', ' 250 x', '250\tx'])(
    'rejects %j',
    (line) => {
      expect(parseReplyLine(line)).toBeNull();
    },
  );
});

describe('ReplyReader', () => {
  function readAll(reader: ReplyReader, lines: string[]) {
    return lines.map((l) => reader.push(l));
  }

  it('assembles the multi-line EHLO reply', () => {
    const r = new ReplyReader();
    const results = readAll(r, EHLO_WIRE);
    expect(results.slice(0, 3)).toEqual([null, null, null]);
    expect(results[3]).toEqual(EHLO_REPLY);
    expect(r.inProgress()).toBe(false);
  });

  it('moves the enhanced code into `enhanced`', () => {
    const r = new ReplyReader();
    expect(r.push('250 2.1.0 Ok')).toEqual({ code: 250, enhanced: '2.1.0', lines: ['Ok'] });
    expect(r.push('250 2.0.0')).toEqual({ code: 250, enhanced: '2.0.0', lines: [''] });
    expect(
      readAll(r, ['550-5.1.1 The account does not exist.', '550 5.1.1 See the help page'])[1],
    ).toEqual({
      code: 550,
      enhanced: '5.1.1',
      lines: ['The account does not exist.', 'See the help page'],
    });
    expect(r.push('556 5.1.10 Recipient address has null MX')).toEqual({
      code: 556,
      enhanced: '5.1.10',
      lines: ['Recipient address has null MX'],
    });
  });

  it('leaves text alone when it is not an enhanced code of the same class', () => {
    const r = new ReplyReader();
    for (const line of [
      '220 mx.example.com ESMTP Postfix',
      '250 5.1.1 mismatched class',
      '354 2.0.0 no enhanced codes on 3yz',
      '250 2.1.0abc',
      '250 8BITMIME',
      '250 1.2.3 not a class',
    ]) {
      const reply = r.push(line);
      expect(reply).not.toBeNull();
      expect(reply).not.toHaveProperty('enhanced');
      expect(reply).not.toHaveProperty('error');
    }
  });

  it('reports a continuation with another code and then starts afresh', () => {
    const r = new ReplyReader();
    expect(r.push('250-first')).toBeNull();
    expect(r.inProgress()).toBe(true);
    expect(r.push('251 second')).toEqual({ error: expect.stringContaining('251') });
    expect(r.inProgress()).toBe(false);
    expect(r.push('221 Bye')).toEqual({ code: 221, lines: ['Bye'] });
  });

  it('reports a malformed line', () => {
    const r = new ReplyReader();
    expect(r.push('250-ok')).toBeNull();
    expect(r.push('hello')).toEqual({ error: expect.stringContaining('malformed') });
    expect(r.push('250 ok')).toEqual({ code: 250, lines: ['ok'] });
  });

  it('limits the number of lines in one reply', () => {
    const r = new ReplyReader({ maxLines: 3 });
    expect(readAll(r, ['250-a', '250-b', '250 c'])[2]).toEqual({
      code: 250,
      lines: ['a', 'b', 'c'],
    });
    expect(readAll(r, ['250-a', '250-b', '250-c'])[2]).toEqual({
      error: expect.stringContaining('3 lines'),
    });
  });
});

describe('reply codes', () => {
  it('classifies by the first digit (RFC 5321 §4.2.1)', () => {
    expect(replyClass(250)).toBe('positive-completion');
    expect(replyClass(354)).toBe('positive-intermediate');
    expect(replyClass(451)).toBe('transient-negative');
    expect(replyClass(554)).toBe('permanent-negative');
    for (const bad of [199, 600, 250.5, NaN]) expect(() => replyClass(bad)).toThrow(RangeError);
  });

  it('accepts only %x32-35 %x30-35 %x30-39 as reply codes', () => {
    expect([200, 250, 354, 421, 559, 599].map(isReplyCode)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    expect([199, 260, 600, 250.5, -250, NaN].some(isReplyCode)).toBe(false);
  });
});
