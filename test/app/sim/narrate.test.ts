// The sentence the live region speaks for each event, in English and German.
import { afterEach, describe, expect, test } from 'vitest';
import type { TraceEvent } from '../../../src/core/trace/types';
import { i18n } from '../../../src/i18n/index.svelte';
import { narrate, stateText } from '../../../src/ui/sim/controls/narrate';

afterEach(() => {
  i18n.locale = 'en';
});

describe('narrate', () => {
  test.each<[TraceEvent, string]>([
    [
      {
        t: 12_040,
        type: 'line',
        conn: 1,
        from: 'mail.a.example',
        to: 'mx.b.example',
        dir: 'S',
        text: '250 Ok',
      },
      '12.040s mail.a.example → mx.b.example S: 250 Ok',
    ],
    [
      { t: 1320, type: 'line', conn: 1, from: 'a', to: 'b', dir: 'C', text: '' },
      '1.320s a → b C: (empty line)',
    ],
    [
      { t: 1320, type: 'line', conn: 1, from: 'a', to: 'b', dir: 'S', text: '250 Ok', lost: true },
      '1.320s a → b S: 250 Ok (lost on the way)',
    ],
    [
      {
        t: 7_260_480,
        type: 'connect',
        conn: 11,
        from: 'backup.b.example',
        to: 'mx.b.example',
        port: 25,
        result: 'open',
      },
      '02:01:00.480 backup.b.example connects to mx.b.example port 25: connection open',
    ],
    [
      { t: 31_600, type: 'connect', conn: 2, from: 'a', to: 'b', port: 25, result: 'timeout' },
      '31.600s a connects to b port 25: no answer (timeout)',
    ],
    [
      { t: 0, type: 'close', conn: 3, by: 'b', reason: 'server closed the connection' },
      '0.000s connection 3 closed by b: server closed the connection',
    ],
    [
      { t: 0, type: 'state', actor: 'c/server#1', value: { session: { transaction: 'x' } } },
      '0.000s c/server#1 is now in state session.transaction.x',
    ],
    [
      {
        t: 1440,
        type: 'dns',
        host: 'mail.a.example',
        query: { name: 'b.example', type: 'MX' },
        answer: [
          { name: 'b.example', type: 'MX', preference: 10, value: 'mx.b.example' },
          { name: 'b.example', type: 'MX', preference: 20, value: 'backup.b.example' },
        ],
      },
      '1.440s mail.a.example asks DNS for b.example MX: 10 mx.b.example, 20 backup.b.example',
    ],
    [
      { t: 0, type: 'dns', host: 'h', query: { name: 'x', type: 'A' }, error: 'NXDOMAIN' },
      '0.000s h asks DNS for x A: NXDOMAIN',
    ],
    [
      {
        t: 62_120,
        type: 'queue',
        host: 'backup.b.example',
        id: '0F07',
        action: 'defer',
        rcpt: ['bob@b.example'],
        reason: 'connection timed out',
        next: 362_120,
      },
      '00:01:02.120 backup.b.example defers 0F07: connection timed out; next try at 00:06:02.120',
    ],
    [
      {
        t: 0,
        type: 'deliver',
        host: 'mx.b.example',
        mailbox: 'bob@b.example',
        id: '1',
        messageId: '<x>',
        subject: 'Hello',
      },
      '0.000s mx.b.example delivers to bob@b.example: “Hello”',
    ],
    [{ t: 0, type: 'host', host: 'mx.b.example', up: false }, '0.000s mx.b.example is down'],
    [{ t: 0, type: 'link', between: ['a', 'b'], up: false }, '0.000s the link a – b is down'],
    [{ t: 5, type: 'note', text: 'a note' }, '0.005s a note'],
  ])('%j', (event, sentence) => {
    expect(narrate(event)).toBe(sentence);
  });

  test('the start', () => {
    expect(narrate(undefined)).toBe('Start: nothing has happened yet.');
  });

  test('in German', () => {
    i18n.locale = 'de';
    expect(narrate({ t: 0, type: 'host', host: 'mx', up: true })).toBe('0.000s mx ist erreichbar');
    expect(narrate(undefined)).toBe('Anfang: Noch ist nichts geschehen.');
  });

  test.each([
    ['ready', 'ready'],
    [{ session: 'ready' }, 'session.ready'],
    [{ a: 'x', b: { c: 'y' } }, 'a.x, b.c.y'],
    [undefined, ''],
    [3, '3'],
  ])('stateText(%j)', (value, text) => {
    expect(stateText(value)).toBe(text);
  });
});
