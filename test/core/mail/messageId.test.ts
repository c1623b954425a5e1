import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/core/mail/message';
import { ensureMessageId, makeMessageId, withMessageId } from '../../../src/core/mail/messageId';

const ID = '<20260105090001.ABC123@mail.a.example>';

describe('makeMessageId', () => {
  it('formats the virtual time as yyyymmddhhmmss UTC, then queue id and host', () => {
    expect(
      makeMessageId({
        host: 'mail.a.example',
        queueId: 'ABC123',
        time: Date.UTC(2026, 0, 5, 9, 0, 1, 999),
      }),
    ).toBe(ID);
    expect(makeMessageId({ host: 'h', queueId: 'Q', time: 0 })).toBe('<19700101000000.Q@h>');
  });

  it('rejects a time that is not one', () => {
    expect(() => makeMessageId({ host: 'h', queueId: 'Q', time: Number.NaN })).toThrow(RangeError);
  });
});

describe('ensureMessageId', () => {
  it('adds the field at the end of the header block, once', () => {
    const raw = 'From: a@x\r\nSubject: hi\r\n\r\nbody\r\n';
    const first = ensureMessageId(raw, ID);
    expect(first).toEqual({
      raw: `From: a@x\r\nSubject: hi\r\nMessage-ID: ${ID}\r\n\r\nbody\r\n`,
      messageId: ID,
      added: true,
    });
    const second = ensureMessageId(first.raw, '<other@x>');
    expect(second).toEqual({ raw: first.raw, messageId: ID, added: false });
  });

  it('keeps an existing Message-ID, whatever its case', () => {
    const raw = 'Message-Id: <mine@x> \nSubject: hi\n\nbody';
    expect(ensureMessageId(raw, ID)).toEqual({ raw, messageId: '<mine@x>', added: false });
  });

  it('keeps the line ends of an LF-only message', () => {
    expect(ensureMessageId('Subject: hi\n\nbody\n', ID).raw).toBe(
      `Subject: hi\nMessage-ID: ${ID}\n\nbody\n`,
    );
  });

  it('handles a header block without a final line end, an all-body text and an empty one', () => {
    expect(ensureMessageId('Subject: hi', ID).raw).toBe(`Subject: hi\r\nMessage-ID: ${ID}\r\n`);
    expect(ensureMessageId('hello\r\n', ID).raw).toBe(`Message-ID: ${ID}\r\n\r\nhello\r\n`);
    expect(ensureMessageId('', ID).raw).toBe(`Message-ID: ${ID}\r\n`);
  });

  it('always leaves a text whose Message-ID reads back (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => {
        const result = ensureMessageId(raw, ID);
        const parsed = parseMessage(result.raw);
        expect(parsed.messageId).toBe(result.messageId);
        if (result.added) {
          expect(result.messageId).toBe(ID);
          expect(parsed.body).toBe(parseMessage(raw).body);
        } else {
          expect(result.raw).toBe(raw);
        }
        expect(ensureMessageId(result.raw, '<again@x>').added).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('withMessageId', () => {
  it('gives the Subject of a message that has a Message-ID, from the same parse', () => {
    const raw = `Subject: hi there\r\nMessage-ID: <mine@x>\r\n\r\nbody\r\n`;
    expect(withMessageId(raw, ID)).toEqual({
      raw,
      messageId: '<mine@x>',
      added: false,
      subject: 'hi there',
    });
  });

  it('is ensureMessageId with no Subject when the field is added', () => {
    const raw = 'Subject: hi\r\n\r\nbody\r\n';
    const { subject, ...rest } = withMessageId(raw, ID);
    expect(subject).toBeUndefined();
    expect(rest).toEqual(ensureMessageId(raw, ID));
  });
});
