import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DataReader,
  encodeMessageText,
  LineReader,
  type FramedLine,
} from '../../../src/core/protocol/framing';

const RUNS = { numRuns: 1000 };

// Latin-1 characters (the TCP bridge maps each octet to one), with CR, LF and dots made common.
const latin1 = fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c));
const wireChar = fc.oneof(
  { arbitrary: fc.constantFrom('\r', '\n', '.', '\r\n'), weight: 2 },
  { arbitrary: latin1, weight: 5 },
);
const wireText = fc.string({ unit: wireChar, maxLength: 300 });

/** Cuts `text` at the given positions (taken modulo its length). */
function split(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  chunks.push(text.slice(from));
  return chunks;
}

/** A character-at-a-time model of the framing policy. */
function model(text: string, max: number): { lines: FramedLine[]; pending: number } {
  const lines: FramedLine[] = [];
  let line = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      const ending = c === '\n' ? 'LF' : 'CRLF';
      if (c === '\r') i++;
      lines.push({ text: line.slice(0, max), ending, overlong: line.length > max });
      line = '';
    } else {
      line += c;
    }
  }
  const heldCR = line.endsWith('\r') ? 1 : 0;
  return { lines, pending: Math.min(line.length - heldCR, max) + heldCR };
}

describe('LineReader properties', () => {
  it('gives the same lines however the input is chunked, as the model says', () => {
    fc.assert(
      fc.property(
        wireText,
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.integer({ min: 1, max: 24 }),
        (text, cuts, max) => {
          const whole = new LineReader({ maxLineLength: max });
          const wholeLines = whole.push(text);
          const chunked = new LineReader({ maxLineLength: max });
          const chunkedLines = split(text, cuts).flatMap((c) => chunked.push(c));
          const expected = model(text, max);
          expect(chunkedLines).toEqual(wholeLines);
          expect(wholeLines).toEqual(expected.lines);
          expect(chunked.pending()).toBe(expected.pending);
          expect(chunked.pending()).toBeLessThanOrEqual(max + 1);
        },
      ),
      RUNS,
    );
  });
});

// A message line: anything but LF (a bare CR is allowed, even at the end of the line).
// Message lines hold no CR or LF: encodeMessageText treats each of them as a line break.
const messageLine = fc.string({
  unit: fc.oneof(
    { arbitrary: fc.constant('.'), weight: 1 },
    { arbitrary: latin1.filter((c) => c !== '\n' && c !== '\r'), weight: 6 },
  ),
  maxLength: 40,
});
const messageLines = fc.array(fc.oneof(messageLine, fc.constantFrom('', '.', '..', '.x')), {
  maxLength: 30,
});

function receive(
  wire: string,
  cuts: number[],
): { data: DataReader; after: string[]; ended: boolean } {
  const reader = new LineReader({ maxLineLength: 1000 });
  const data = new DataReader();
  const after: string[] = [];
  let ended = false;
  for (const chunk of split(wire, cuts)) {
    for (const line of reader.push(chunk)) {
      if (ended) after.push(line.text);
      else ended = data.push(line).done;
    }
  }
  return { data, after, ended };
}

describe('dot-stuffing round trip', () => {
  it('DataReader recovers exactly the text encodeMessageText sent', () => {
    fc.assert(
      fc.property(messageLines, fc.array(fc.nat(), { maxLength: 10 }), (lines, cuts) => {
        const text = lines.length === 0 ? '' : lines.join('\r\n') + '\r\n';
        const wire = encodeMessageText(text).join('\r\n') + '\r\nQUIT\r\n';
        const { data, after, ended } = receive(wire, cuts);
        expect(ended).toBe(true);
        expect(data.lines()).toEqual(lines);
        expect(data.text()).toBe(text);
        expect(data.octets()).toBe(text.length);
        expect(after).toEqual(['QUIT']);
      }),
      RUNS,
    );
  });

  it('recovers the lines of a text with mixed CRLF, LF and bare CR line breaks', () => {
    const safeLine = messageLine;
    const breaks = fc.array(fc.constantFrom('\r\n', '\n', '\r'), { minLength: 30, maxLength: 30 });
    fc.assert(
      fc.property(fc.array(safeLine, { maxLength: 30 }), breaks, (lines, brk) => {
        // A CR break, then an empty line ended by LF, reads as one CRLF: not this property's case.
        fc.pre(!lines.some((l, i) => brk[i - 1] === '\r' && l === '' && brk[i] === '\n'));
        const text = lines.map((l, i) => l + (brk[i] ?? '\n')).join('');
        const wire = encodeMessageText(text).join('\r\n') + '\r\n';
        const { data, ended } = receive(wire, []);
        expect(ended).toBe(true);
        expect(data.lines()).toEqual(lines);
      }),
      RUNS,
    );
  });

  it('ends exactly on a CRLF "." line that follows a CRLF line', () => {
    const framed = fc.record({
      text: fc.constantFrom('.', '..', '', 'x'),
      ending: fc.constantFrom<'CRLF' | 'LF'>('CRLF', 'LF'),
      overlong: fc.constant(false),
    });
    fc.assert(
      fc.property(fc.array(framed, { maxLength: 20 }), (lines) => {
        const data = new DataReader();
        let previous: 'CRLF' | 'LF' = 'CRLF';
        for (const line of lines) {
          const shouldEnd = line.text === '.' && line.ending === 'CRLF' && previous === 'CRLF';
          expect(data.push(line).done).toBe(shouldEnd);
          if (shouldEnd) return;
          previous = line.ending;
        }
      }),
      RUNS,
    );
  });
});
