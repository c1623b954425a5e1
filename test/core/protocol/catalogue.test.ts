import { describe, expect, it } from 'vitest';
import {
  AUTH_CODES,
  COMMANDS,
  ENHANCED_CODES,
  ETRN_CODES,
  explainCommand,
  explainReply,
  REPLY_CODES,
  SIZE_CODES,
  STARTTLS_CODES,
  type CodeInfo,
} from '../../../src/core/protocol/catalogue';
import { isReplyCode } from '../../../src/core/protocol/replyFormat';
import type { Verb } from '../../../src/core/protocol/types';

const RFC_REF = /^RFC \d{3,4} §\d+(\.\d+)*$/;

const RFC5321 = [
  211, 214, 220, 221, 250, 251, 252, 354, 421, 450, 451, 452, 455, 500, 501, 502, 503, 504, 550,
  551, 552, 553, 554, 555,
];
const AUTH = [235, 334, 432, 454, 500, 530, 534, 535, 538];
const STARTTLS = [220, 454, 501];
const ETRN = [250, 251, 252, 253, 458, 459];
const ENHANCED = [
  '2.0.0', '2.1.0', '2.1.5', '2.7.0', '4.2.2', '4.3.1', '4.4.1', '4.4.2', '4.4.3', '4.4.7', '4.5.3',
  '4.7.0', '4.7.1', '5.1.1', '5.1.2', '5.1.3', '5.1.7', '5.1.10', '5.2.1', '5.2.2', '5.3.4',
  '5.4.4', '5.4.6', '5.4.7', '5.5.1', '5.5.2', '5.5.4', '5.7.0', '5.7.1', '5.7.8', '5.7.9',
  '5.7.11', '5.7.27', '4.3.0', '5.3.0', '2.6.0', '5.6.0', '5.5.0', '4.5.0', '4.4.0',
]; // prettier-ignore
const VERBS: Verb[] = [
  'HELO', 'EHLO', 'MAIL', 'RCPT', 'DATA', 'RSET', 'VRFY', 'EXPN', 'HELP', 'NOOP', 'QUIT', 'ETRN',
  'STARTTLS', 'AUTH',
]; // prettier-ignore

function expectWellFormed(table: Record<string, CodeInfo>): void {
  for (const [key, info] of Object.entries(table)) {
    expect(info.meaning.trim(), key).not.toBe('');
    expect(info.meaning, key).not.toMatch(/[\r\n]/);
    expect(info.rfc, key).toMatch(RFC_REF);
  }
}

describe('catalogue tables', () => {
  it('has every code of RFC 5321 §4.2.3, AUTH, STARTTLS, SIZE, ETRN and 556', () => {
    for (const c of [...RFC5321, ...AUTH, ...STARTTLS, 452, 552, 556, 253, 458, 459]) {
      expect(REPLY_CODES[c], String(c)).toBeDefined();
    }
    for (const c of RFC5321) expect(REPLY_CODES[c]?.rfc, String(c)).toBe('RFC 5321 §4.2.3');
    for (const c of ETRN) expect(ETRN_CODES[c], String(c)).toBeDefined();
    for (const c of AUTH) expect(AUTH_CODES[c], String(c)).toBeDefined();
    for (const c of STARTTLS) expect(STARTTLS_CODES[c], String(c)).toBeDefined();
    expect(Object.keys(SIZE_CODES).map(Number)).toEqual([452, 552]);
    expect(REPLY_CODES[556]?.rfc).toBe('RFC 7504 §3');
  });

  it('has every enhanced code of the reference', () => {
    for (const e of ENHANCED) expect(ENHANCED_CODES[e], e).toBeDefined();
    for (const key of Object.keys(ENHANCED_CODES)) expect(key).toMatch(/^[245]\.\d{1,3}\.\d{1,3}$/);
  });

  it('keys every reply table by valid reply codes', () => {
    for (const table of [REPLY_CODES, ETRN_CODES, AUTH_CODES, STARTTLS_CODES, SIZE_CODES]) {
      for (const key of Object.keys(table)) expect(isReplyCode(Number(key)), key).toBe(true);
    }
  });

  it('gives every entry a one-line meaning and an "RFC nnnn §x" reference', () => {
    for (const table of [
      REPLY_CODES,
      ETRN_CODES,
      AUTH_CODES,
      STARTTLS_CODES,
      SIZE_CODES,
      ENHANCED_CODES,
      COMMANDS,
    ]) {
      expectWellFormed(table);
    }
  });

  it('describes every command with its syntax', () => {
    expect(Object.keys(COMMANDS).sort()).toEqual([...VERBS].sort());
    for (const verb of VERBS) {
      expect(COMMANDS[verb].syntax.startsWith(verb), verb).toBe(true);
    }
    expect(COMMANDS.MAIL).toEqual({
      meaning:
        'Starts a mail transaction and names the sender (the reverse-path, where bounces go)',
      rfc: 'RFC 5321 §4.1.1.2',
      syntax: 'MAIL FROM:<reverse-path> [SP mail-parameters]',
    });
  });
});

describe('explainReply', () => {
  it('explains a known code with its class', () => {
    expect(explainReply(250)).toEqual({
      code: '250',
      class: 'Positive Completion',
      meaning: 'Requested mail action okay, completed',
      rfc: 'RFC 5321 §4.2.3',
    });
    expect(explainReply(354).class).toBe('Positive Intermediate');
    expect(explainReply(421).class).toBe('Transient Negative Completion');
    expect(explainReply(550).class).toBe('Permanent Negative Completion');
  });

  it.each([
    [239, 'Positive Completion', /completed/],
    [339, 'Positive Intermediate', /waiting/],
    [439, 'Transient Negative Completion', /temporary/],
    [539, 'Permanent Negative Completion', /fail again/],
  ])('explains unknown code %i by its class', (code, cls, meaning) => {
    const e = explainReply(code);
    expect(e.class).toBe(cls);
    expect(e.meaning).toMatch(meaning);
    expect(e.rfc).toBe('RFC 5321 §4.2.1');
  });

  it('does not throw on numbers that are no reply code', () => {
    for (const n of [0, 150, 600, 999, 250.5, NaN]) {
      const e = explainReply(n);
      expect(e.class).toBe('Not a reply code');
      expect(e.rfc).toMatch(RFC_REF);
    }
  });

  it('uses the ETRN meanings in the ETRN context', () => {
    expect(explainReply(250, undefined, { verb: 'ETRN' }).meaning).toBe(
      'OK, queuing for node <x> started',
    );
    expect(explainReply(251, undefined, { verb: 'ETRN' }).rfc).toBe('RFC 1985 §5');
    expect(explainReply(251).meaning).toMatch(/forward/);
    expect(explainReply(458).rfc).toBe('RFC 1985 §5');
    // A code ETRN does not redefine keeps its general meaning.
    expect(explainReply(503, undefined, { verb: 'ETRN' }).rfc).toBe('RFC 5321 §4.2.3');
  });

  it('uses the AUTH, STARTTLS and SIZE meanings in their contexts', () => {
    expect(explainReply(454, '4.7.0', { verb: 'AUTH' }).meaning).toBe(
      'Temporary authentication failure',
    );
    expect(explainReply(220, undefined, { verb: 'STARTTLS' }).meaning).toMatch(/TLS/);
    expect(explainReply(552, '5.3.4', { verb: 'MAIL' }).rfc).toBe('RFC 1870 §6.1');
    expect(explainReply(552, '5.3.4', { verb: 'RCPT' }).rfc).toBe('RFC 5321 §4.2.3');
  });

  it('explains the enhanced code', () => {
    expect(explainReply(550, '5.1.1').enhanced).toEqual(ENHANCED_CODES['5.1.1']);
    expect(explainReply(556, '5.1.10').enhanced?.rfc).toBe('RFC 7505 §4.1');
    // 4.1.1 is not in the table; subject and detail mean the same as in 5.1.1.
    expect(explainReply(450, '4.1.1').enhanced).toEqual(ENHANCED_CODES['5.1.1']);
    expect(explainReply(550, '5.1.99').enhanced).toEqual({
      meaning: 'Permanent failure: Addressing status',
      rfc: 'RFC 3463 §2',
    });
    expect(explainReply(250, '2.4.0').enhanced?.meaning).toBe(
      'Success: Network and routing status',
    );
    expect(explainReply(250, 'x.y').enhanced?.meaning).toMatch(/Not an enhanced status code/);
    expect(explainReply(250)).not.toHaveProperty('enhanced');
  });
});

describe('explainCommand', () => {
  it('returns the verb with its meaning, reference and syntax', () => {
    expect(explainCommand('ETRN')).toEqual({ verb: 'ETRN', ...COMMANDS.ETRN });
    expect(explainCommand('RCPT').rfc).toBe('RFC 5321 §4.1.1.3');
  });
});
