import { describe, expect, test } from 'vitest';
import type { TraceEvent } from '../../../src/core/trace/types';
import {
  CLASS_GLYPH,
  LineClassifier,
  replyDigit,
  styleDigit,
} from '../../../src/ui/sim/views/lineKind';

const line = (dir: 'C' | 'S', text: string, conn = 1) =>
  ({ t: 0, type: 'line', conn, from: 'a', to: 'b', dir, text }) as Extract<
    TraceEvent,
    { type: 'line' }
  >;

describe('reply class of a line', () => {
  test('the first digit of a reply code, for final and continuation lines', () => {
    expect(replyDigit('250 Ok')).toBe('2');
    expect(replyDigit('250-PIPELINING')).toBe('2');
    expect(replyDigit('354 End data with <CR><LF>.<CR><LF>')).toBe('3');
    expect(replyDigit('421')).toBe('4');
    expect(replyDigit('550 5.1.1 No such user')).toBe('5');
  });

  test('anything else has no class', () => {
    expect(replyDigit('EHLO x')).toBeUndefined();
    expect(replyDigit('2500 x')).toBeUndefined();
    expect(replyDigit('150 x')).toBeUndefined();
    expect(replyDigit('')).toBeUndefined();
  });

  test('every class has its own glyph, and styles map back to digits', () => {
    expect(new Set(Object.values(CLASS_GLYPH)).size).toBe(4);
    expect(styleDigit('reply4')).toBe('4');
    expect(styleDigit('command')).toBeUndefined();
  });
});

describe('LineClassifier', () => {
  test('after 354 the client sends message text until the final dot', () => {
    const c = new LineClassifier();
    const seq = [
      c.classify(line('C', 'MAIL FROM:<a@b>')),
      c.classify(line('C', 'DATA')),
      c.classify(line('S', '250 Ok')),
      c.classify(line('S', '354 Go ahead')),
      c.classify(line('C', 'Subject: hi')),
      c.classify(line('C', 'QUIT')),
      c.classify(line('C', '.')),
      c.classify(line('C', 'QUIT')),
    ];
    expect(seq).toEqual([
      'command',
      'command',
      'reply2',
      'reply3',
      'text',
      'text',
      'text',
      'command',
    ]);
  });

  test('after 334 one line is an AUTH response; connections are followed apart', () => {
    const c = new LineClassifier();
    c.classify(line('S', '334 VXNlcm5hbWU6', 1));
    expect(c.classify(line('C', 'QUIT', 2))).toBe('command');
    expect(c.classify(line('C', 'YWxpY2U=', 1))).toBe('auth');
    expect(c.classify(line('C', 'QUIT', 1))).toBe('command');
  });

  test('a continuation line does not end the reply', () => {
    const c = new LineClassifier();
    c.classify(line('S', '354-first'));
    expect(c.classify(line('C', 'x'))).toBe('command');
  });
});
