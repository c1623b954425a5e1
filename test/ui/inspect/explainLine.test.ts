// A trace line explained with the console's helpers: its place in the dialogue is replayed.
import { describe, expect, test } from 'vitest';
import type { TraceEvent } from '../../../src/core/trace/types';
import { explainTraceLine, lineEntry } from '../../../src/ui/sim/inspect/explainLine';
import { runPreset } from './helpers';

const { timeline } = runPreset('backup-mx-etrn');
const events = timeline.events;
const find = (pred: (e: TraceEvent) => boolean) => events.findIndex(pred);
const lineIs = (text: string) => (e: TraceEvent) => e.type === 'line' && e.text === text;

describe('explainTraceLine', () => {
  test('a reply: meaning, class, enhanced code, RFC, and who sent it', () => {
    const index = find(lineIs('250 2.1.0 Ok'));
    const ex = explainTraceLine(timeline, index);
    expect(ex?.heading).toBe('Reply 250');
    expect(ex?.source).toBe('From the server mail.a.example (to alice-pc)');
    expect(ex?.rows.map((r) => r.rfc)).toContain('RFC 5321 §4.2.3');
    expect(ex?.rows.some((r) => r.label === 'Enhanced code 2.1.0')).toBe(true);
    expect(ex?.announcement).toContain('From the server mail.a.example');
    expect(ex?.announcement).toContain('Requested mail action okay, completed');
  });

  test('a line of a multi-line reply explains the whole reply', () => {
    const index = find(lineIs('250-PIPELINING'));
    const ex = explainTraceLine(timeline, index);
    expect(ex?.lines[0]).toBe('S: 250-mail.a.example Hello alice-pc [192.0.2.10]');
    expect(ex?.lines.at(-1)).toBe('S: 250 DSN');
  });

  test('commands and message text', () => {
    const mail = explainTraceLine(
      timeline,
      find((e) => e.type === 'line' && e.text.startsWith('MAIL FROM:')),
    );
    expect(mail?.heading).toBe('Command MAIL');
    expect(mail?.source).toBe('From the client alice-pc (to mail.a.example)');
    const subject = find(lineIs('Subject: Hello'));
    expect(explainTraceLine(timeline, subject)?.heading).toBe('Message text');
    const dot = find(lineIs('.'));
    expect(explainTraceLine(timeline, dot)?.rows[0]?.rfc).toBe('RFC 5321 §4.1.1.4');
  });

  test('not a line: nothing', () => {
    expect(
      explainTraceLine(
        timeline,
        find((e) => e.type === 'dns'),
      ),
    ).toBeUndefined();
    expect(lineEntry(events, [], 0)).toBeUndefined();
  });
});
