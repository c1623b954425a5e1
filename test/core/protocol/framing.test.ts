import { describe, expect, it } from 'vitest';
import {
  DataReader,
  DEFAULT_MAX_LINE_LENGTH,
  dotStuff,
  encodeMessageText,
  LineReader,
  type FramedLine,
} from '../../../src/core/protocol/framing';

const crlf = (text: string): FramedLine => ({ text, ending: 'CRLF', overlong: false });
const lf = (text: string): FramedLine => ({ text, ending: 'LF', overlong: false });

function feed(reader: LineReader, ...chunks: string[]): FramedLine[] {
  return chunks.flatMap((c) => reader.push(c));
}

describe('LineReader', () => {
  it('splits CRLF-terminated lines and keeps a partial line buffered', () => {
    const r = new LineReader();
    expect(r.push('EHLO client.example\r\nMAIL FROM:<a@b>\r\nRCPT')).toEqual([
      crlf('EHLO client.example'),
      crlf('MAIL FROM:<a@b>'),
    ]);
    expect(r.pending()).toBe(4);
    expect(r.push(' TO:<c@d>\r\n')).toEqual([crlf('RCPT TO:<c@d>')]);
    expect(r.pending()).toBe(0);
  });

  it('returns empty lines for consecutive CRLFs', () => {
    expect(new LineReader().push('\r\n\r\n')).toEqual([crlf(''), crlf('')]);
  });

  it('handles a CRLF split across chunks at every position', () => {
    const wire = 'EHLO a\r\nNOOP\r\n\r\nQUIT\r\n';
    const expected = [crlf('EHLO a'), crlf('NOOP'), crlf(''), crlf('QUIT')];
    for (let i = 0; i <= wire.length; i++) {
      for (let j = i; j <= wire.length; j++) {
        const r = new LineReader();
        expect(feed(r, wire.slice(0, i), wire.slice(i, j), wire.slice(j))).toEqual(expected);
        expect(r.pending()).toBe(0);
      }
    }
  });

  it('handles one character per chunk', () => {
    const r = new LineReader();
    expect(feed(r, ...'a\r\nb\nc\rd\r\n')).toEqual([crlf('a'), lf('b'), crlf('c\rd')]);
  });

  it('ends a line on a bare LF and records it', () => {
    expect(new LineReader().push('HELO x\nNOOP\r\n')).toEqual([lf('HELO x'), crlf('NOOP')]);
  });

  it('keeps a bare CR inside the line', () => {
    expect(new LineReader().push('a\rb\r\n\rc\r\r\n')).toEqual([crlf('a\rb'), crlf('\rc\r')]);
  });

  it('holds a CR at the end of a chunk until the next one decides', () => {
    const r = new LineReader();
    expect(r.push('abc\r')).toEqual([]);
    expect(r.pending()).toBe(4);
    expect(r.push('x\r')).toEqual([]);
    expect(r.push('')).toEqual([]);
    expect(r.push('\n')).toEqual([crlf('abc\rx')]);
  });

  it('cuts an overlong line, discards the rest and recovers on the next line', () => {
    const r = new LineReader({ maxLineLength: 10 });
    expect(r.push('0123456789\r\n')).toEqual([crlf('0123456789')]);
    expect(r.push('0123456789A')).toEqual([]);
    expect(r.pending()).toBe(10);
    expect(r.push('x'.repeat(100_000))).toEqual([]);
    expect(r.pending()).toBe(10);
    expect(r.push('BC\r\nok\n')).toEqual([
      { text: '0123456789', ending: 'CRLF', overlong: true },
      lf('ok'),
    ]);
  });

  it('does not count a CRLF split after exactly maxLineLength characters as text', () => {
    const r = new LineReader({ maxLineLength: 3 });
    expect(feed(r, 'abc\r', '\n')).toEqual([crlf('abc')]);
    expect(feed(r, 'abc\r', 'd\n')).toEqual([{ text: 'abc', ending: 'LF', overlong: true }]);
  });

  it('defaults to 4096 characters and rejects a bad limit', () => {
    expect(DEFAULT_MAX_LINE_LENGTH).toBe(4096);
    const [line] = new LineReader().push('y'.repeat(4097) + '\r\n');
    expect(line?.overlong).toBe(true);
    expect(line?.text.length).toBe(4096);
    expect(() => new LineReader({ maxLineLength: 0 })).toThrow(RangeError);
    expect(() => new LineReader({ maxLineLength: 1.5 })).toThrow(RangeError);
  });
});

describe('dot-stuffing (RFC 5321 §4.5.2)', () => {
  it('doubles a leading dot only', () => {
    expect(dotStuff('.foo')).toBe('..foo');
    expect(dotStuff('.')).toBe('..');
    expect(dotStuff('foo.')).toBe('foo.');
    expect(dotStuff('')).toBe('');
  });

  it('encodes a message into stuffed lines and the final dot', () => {
    expect(encodeMessageText('Subject: hi\r\n\r\n.\r\n.foo\r\nbar\r\n')).toEqual([
      'Subject: hi',
      '',
      '..',
      '..foo',
      'bar',
      '.',
    ]);
  });

  it('adds no empty line for a trailing line break, and accepts LF', () => {
    expect(encodeMessageText('a\nb\n')).toEqual(['a', 'b', '.']);
    expect(encodeMessageText('a\nb')).toEqual(['a', 'b', '.']);
    expect(encodeMessageText('a\n\n')).toEqual(['a', '', '.']);
    expect(encodeMessageText('\r\n')).toEqual(['', '.']);
    expect(encodeMessageText('')).toEqual(['.']);
  });

  it('turns a bare CR into a line break: it may not reach the wire (RFC 5321 §2.3.8)', () => {
    expect(encodeMessageText('a\rb\r\r\n')).toEqual(['a', 'b', '', '.']);
  });
});

describe('DataReader', () => {
  function read(wire: string, opts?: { maxOctets?: number }) {
    const lines = new LineReader().push(wire);
    const data = new DataReader(opts);
    let i = 0;
    for (const line of lines) {
      i++;
      if (data.push(line).done) break;
    }
    return { data, rest: lines.slice(i).map((l) => l.text) };
  }

  it('removes one leading dot and ends on <CRLF>.<CRLF>', () => {
    const { data, rest } = read('Hi\r\n..foo\r\n...\r\n..\r\n.\r\nQUIT\r\n');
    expect(data.done()).toBe(true);
    expect(data.lines()).toEqual(['Hi', '.foo', '..', '.']);
    expect(data.text()).toBe('Hi\r\n.foo\r\n..\r\n.\r\n');
    expect(data.octets()).toBe(data.text().length);
    expect(rest).toEqual(['QUIT']);
  });

  it('accepts an empty message', () => {
    const { data } = read('.\r\n');
    expect(data.done()).toBe(true);
    expect(data.lines()).toEqual([]);
    expect(data.text()).toBe('');
    expect(data.octets()).toBe(0);
  });

  it('round-trips encodeMessageText', () => {
    const text = '.\r\n..\r\n\r\n.hidden\r\nlast\r\n';
    const { data } = read(encodeMessageText(text).join('\r\n') + '\r\n');
    expect(data.done()).toBe(true);
    expect(data.text()).toBe(text);
  });

  describe('SMTP smuggling defence', () => {
    it.each([
      ['<LF>.<LF>', 'Hello\n.\nMAIL FROM:<evil@x>\r\n.\r\n', ['Hello', '', 'MAIL FROM:<evil@x>']],
      ['<CRLF>.<LF>', 'Hello\r\n.\nRCPT TO:<a@b>\r\n.\r\n', ['Hello', '', 'RCPT TO:<a@b>']],
      ['<LF>.<CRLF>', 'Hello\n.\r\nDATA\r\n.\r\n', ['Hello', '', 'DATA']],
    ])('does not end the data on %s', (_name, wire, lines) => {
      const { data, rest } = read(wire);
      expect(data.done()).toBe(true);
      expect(data.lines()).toEqual(lines);
      expect(rest).toEqual([]);
    });

    it('does not end on a bare-LF dot line as the first line', () => {
      const data = new DataReader();
      expect(data.push(lf('.'))).toEqual({ done: false });
      expect(data.push(crlf('.'))).toEqual({ done: false });
      expect(data.push(crlf('.'))).toEqual({ done: true });
      expect(data.lines()).toEqual(['', '']);
    });
  });

  it('refuses lines after the end', () => {
    const data = new DataReader();
    data.push(crlf('.'));
    expect(() => data.push(crlf('x'))).toThrow();
  });

  it('stops storing past maxOctets but keeps counting and still finds the end', () => {
    const { data } = read('12345678\r\n12345678\r\n12345678\r\n.\r\n', { maxOctets: 20 });
    expect(data.done()).toBe(true);
    expect(data.exceeded()).toBe(true);
    expect(data.lines()).toEqual([]);
    expect(data.text()).toBe('');
    expect(data.octets()).toBe(30);
  });

  it('accepts a message of exactly maxOctets', () => {
    const { data } = read('12345678\r\n12345678\r\n.\r\n', { maxOctets: 20 });
    expect(data.exceeded()).toBe(false);
    expect(data.lines()).toEqual(['12345678', '12345678']);
  });

  it('counts octets after unstuffing', () => {
    const { data } = read('..\r\n.\r\n');
    expect(data.octets()).toBe(3);
  });
});
