import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatReply,
  isReplyCode,
  MAX_REPLY_LINE_LENGTH,
  ReplyReader,
} from '../../../src/core/protocol/replyFormat';
import type { Reply } from '../../../src/core/protocol/types';

const RUNS = { numRuns: 1000 };

const code = fc.integer({ min: 200, max: 559 }).filter(isReplyCode);

function enhancedFor(c: number): fc.Arbitrary<string | undefined> {
  const cls = String(c)[0];
  if (cls === '3') return fc.constant(undefined);
  return fc.option(
    fc
      .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 }))
      .map(([s, d]) => `${cls}.${s}.${d}`),
    { nil: undefined },
  );
}

function replyWith(text: fc.Arbitrary<string>): fc.Arbitrary<Reply> {
  return code.chain((c) =>
    fc.record(
      { code: fc.constant(c), enhanced: enhancedFor(c), lines: fc.array(text, { maxLength: 8 }) },
      { requiredKeys: ['code', 'lines'] },
    ),
  );
}

// Any text: control characters, CR/LF, full Unicode, and now and then a huge line.
const hostileText = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 100 }), weight: 4 },
  {
    arbitrary: fc.string({ unit: fc.constantFrom('\r', '\n', '\r\n', '\0', 'a', ' ') }),
    weight: 2,
  },
  { arbitrary: fc.nat(3000).map((n) => 'y'.repeat(n)), weight: 1 },
);

function assemble(lines: string[]): ReturnType<ReplyReader['push']>[] {
  const reader = new ReplyReader();
  return lines.map((l) => reader.push(l));
}

describe('formatReply properties', () => {
  it('always yields valid reply lines that ReplyReader reassembles to the same code', () => {
    fc.assert(
      fc.property(replyWith(hostileText), fc.boolean(), (reply, enhanced) => {
        const wire = formatReply(reply, { enhanced });
        expect(wire.length).toBe(Math.max(1, reply.lines.length));
        wire.forEach((line, i) => {
          expect(line).toMatch(/^[2-5]\d\d[- ]/);
          expect(line.startsWith(String(reply.code))).toBe(true);
          expect(line[3]).toBe(i === wire.length - 1 ? ' ' : '-');
          expect(line.length).toBeLessThanOrEqual(MAX_REPLY_LINE_LENGTH);
          expect(line).not.toMatch(/[\r\n]/);
        });
        const results = assemble(wire);
        expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
        const last = results[results.length - 1];
        expect(last).toMatchObject({ code: reply.code });
      }),
      RUNS,
    );
  });

  it('round-trips code, enhanced code and text when the text is plain', () => {
    const plain = fc.string({
      unit: fc.constantFrom(...'abcXYZ <>@.:-_'.split('')),
      maxLength: 60,
    });
    const text = plain.filter((t) => !/^\d/.test(t));
    fc.assert(
      fc.property(replyWith(text), fc.boolean(), (reply, enhanced) => {
        const results = assemble(formatReply(reply, { enhanced }));
        const expected: Reply = {
          code: reply.code,
          lines: reply.lines.length > 0 ? reply.lines : [''],
        };
        if (enhanced && reply.enhanced !== undefined) expected.enhanced = reply.enhanced;
        expect(results[results.length - 1]).toEqual(expected);
      }),
      RUNS,
    );
  });
});
