import { describe, expect, test } from 'vitest';
import type { TraceEvent } from '../../../src/core/trace/types';
import { classLabel, dnsAnswer, lineRole, rowText } from '../../../src/ui/sim/views/ladderText';
import { packetLabel, packetStyle } from '../../../src/ui/sim/views/packetText';

const line = (dir: 'C' | 'S', text: string): TraceEvent => ({
  t: 0,
  type: 'line',
  conn: 1,
  from: 'a',
  to: 'b',
  dir,
  text,
});

describe('ladder labels', () => {
  test('replies start with their class glyph; commands and text do not', () => {
    expect(rowText(line('S', '550 5.1.1 No such user'), 'reply5')).toBe('✗ 550 5.1.1 No such user');
    expect(rowText(line('S', '451 Try later'), 'reply4')).toBe('⟳ 451 Try later');
    expect(rowText(line('C', 'RCPT TO:<x@y>'), 'command')).toBe('RCPT TO:<x@y>');
    expect(rowText(line('C', ''), 'text')).toBe('(empty line)');
  });

  test('the class and kind of a line in words, for screen readers', () => {
    expect(classLabel('reply2')).toBe('2xx success');
    expect(classLabel('command')).toBeUndefined();
    expect(lineRole('text')).toBe('message text');
    expect(lineRole('reply4')).toBe('4xx try again later');
  });

  test('connections, DNS, queue steps, hosts', () => {
    const connect: TraceEvent = {
      t: 0,
      type: 'connect',
      conn: 4,
      from: 'a',
      to: 'b',
      port: 25,
      result: 'timeout',
    };
    expect(rowText(connect, 'timeout')).toBe('connect #4 :25 timed out');
    const dns: TraceEvent = {
      t: 0,
      type: 'dns',
      host: 'a',
      query: { name: 'b.example', type: 'MX' },
      answer: [
        { name: 'b.example', type: 'MX', preference: 10, value: 'mx.b.example' },
        { name: 'b.example', type: 'MX', preference: 20, value: 'backup.b.example' },
      ],
    };
    expect(rowText(dns, 'dns')).toBe('MX? b.example → mx.b.example (10), backup.b.example (20)');
    expect(rowText({ ...dns, answer: undefined, error: 'timeout' } as TraceEvent, 'dnsError')).toBe(
      'MX? b.example ✗ timeout',
    );
    expect(dnsAnswer([{ name: 'x', type: 'A', value: '192.0.2.1' }])).toBe('192.0.2.1');
    const defer: TraceEvent = {
      t: 0,
      type: 'queue',
      host: 'a',
      id: 'Q1',
      action: 'defer',
      reason: 'connection timed out',
    };
    expect(rowText(defer, 'markBad')).toBe('deferred Q1: connection timed out');
    expect(rowText({ t: 0, type: 'host', host: 'mx', up: false }, 'markBad')).toBe('mx is down');
  });
});

describe('packet labels', () => {
  test('a multi-line reply says how many lines travel with it; long lines are cut', () => {
    expect(packetLabel(line('S', '250-mx.b.example Hello'), 7)).toBe(
      '✓ 250-mx.b.example Hello (+6 lines)',
    );
    expect(packetLabel(line('C', 'MAIL FROM:<someone@somewhere.example>'), 1)).toBe(
      'MAIL FROM:<someone@somewh…',
    );
    expect(packetStyle(line('S', '354 go'))).toBe('reply3');
    expect(packetStyle(line('C', 'DATA'))).toBe('command');
  });
});
