import { describe, expect, it } from 'vitest';
import {
  formatRfc5322Date,
  prependHeaders,
  receivedHeader,
  returnPathHeader,
} from '../../../src/core/mail/traceHeaders';

const MARCH_3_2026_10H = Date.UTC(2026, 2, 3, 10, 0, 0);

describe('formatRfc5322Date', () => {
  it('writes the day without padding and the time in UTC', () => {
    expect(formatRfc5322Date(MARCH_3_2026_10H)).toBe('Tue, 3 Mar 2026 10:00:00 +0000');
  });

  it('pads hours, minutes and seconds, ignores milliseconds', () => {
    expect(formatRfc5322Date(Date.UTC(1999, 11, 31, 7, 5, 9, 999))).toBe(
      'Fri, 31 Dec 1999 07:05:09 +0000',
    );
    expect(formatRfc5322Date(0)).toBe('Thu, 1 Jan 1970 00:00:00 +0000');
  });

  it('refuses a time that is not one', () => {
    expect(() => formatRfc5322Date(Number.NaN)).toThrow(RangeError);
  });
});

describe('receivedHeader', () => {
  const base = {
    helo: 'mydomain.com',
    clientIp: '192.0.2.10',
    by: 'mx.example.com',
    protocol: 'ESMTP' as const,
    queueId: '3F2A1B4C5D',
    date: MARCH_3_2026_10H,
  };

  it('follows the Postfix layout with one recipient', () => {
    expect(receivedHeader({ ...base, rdns: 'client.example', recipient: 'bob@example.com' })).toBe(
      'Received: from mydomain.com (client.example [192.0.2.10])\r\n' +
        '\tby mx.example.com (smtp-sim) with ESMTP id 3F2A1B4C5D\r\n' +
        '\tfor <bob@example.com>; Tue, 3 Mar 2026 10:00:00 +0000',
    );
  });

  it('writes unknown without reverse DNS and no for clause with several recipients', () => {
    expect(receivedHeader({ ...base, protocol: 'SMTP' })).toBe(
      'Received: from mydomain.com (unknown [192.0.2.10])\r\n' +
        '\tby mx.example.com (smtp-sim) with SMTP id 3F2A1B4C5D;\r\n' +
        '\tTue, 3 Mar 2026 10:00:00 +0000',
    );
  });
});

describe('returnPathHeader and prependHeaders', () => {
  it('brackets the reverse path, empty for the null path', () => {
    expect(returnPathHeader('alice@a.example')).toBe('Return-Path: <alice@a.example>');
    expect(returnPathHeader('')).toBe('Return-Path: <>');
  });

  it('puts each header and a CRLF before the text', () => {
    expect(prependHeaders('Subject: x\r\n\r\nbody\r\n', ['A: 1', 'B: 2'])).toBe(
      'A: 1\r\nB: 2\r\nSubject: x\r\n\r\nbody\r\n',
    );
    expect(prependHeaders('text', [])).toBe('text');
  });
});
