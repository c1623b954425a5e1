// The core's texts are data now; formatted in English they must read exactly as the core wrote
// them before (the CLI, its JSON summary and the documentation quote them).
import { describe, expect, test } from 'vitest';
import { parseCommand } from '../../../src/core/protocol/commands';
import { checkAction } from '../../../src/core/scenario/edit';
import { parseScenarioText, validateScenario } from '../../../src/core/scenario/validate';
import { CORE_EN } from '../../../src/core/text/english';
import { coreText, english, fillTemplate } from '../../../src/core/text/message';
import { Timeline, markerLabel } from '../../../src/core/trace/timeline';
import type { TraceEvent } from '../../../src/core/trace/types';
import { outcome, type EndState } from '../../../src/core/world/expect';

describe('formatting', () => {
  test('fills placeholders, texts inside texts too, and leaves unknown ones', () => {
    const inner = coreText('scenario.expected.ipv4');
    expect(english(coreText('scenario.problem.wrongType', { expected: inner, got: 42 }))).toBe(
      'expected an IPv4 address, got 42',
    );
    expect(fillTemplate('{a} and {b}', { a: 'x' }, english)).toBe('x and {b}');
    expect(english(coreText('syntax.etrnQueue', { name: '"a b"' }))).toBe(
      'queue name "a b" must be letters, digits or !#$%&\'*+-/=?^_`{|}~',
    );
  });

  test('every English text is a non-empty string', () => {
    for (const [key, text] of Object.entries(CORE_EN)) expect(text.trim(), key).not.toBe('');
  });
});

const messages = (value: unknown) => {
  const result = validateScenario(value);
  return result.ok ? [] : result.errors.map((e) => e.message);
};

describe('scenario problems read as before', () => {
  test('types, values, keys and lists', () => {
    expect(messages([])).toEqual(['expected a scenario (a JSON object), got a list']);
    expect(messages(undefined)).toEqual(['expected a scenario (a JSON object), got nothing']);
    expect(messages({ title: 'x', hosts: [], colour: 1, description: {} })).toEqual([
      'colour: unknown key (expected one of title, description, seed, latency, until, hosts, dns, events, expect)',
      'description: expected a string, got an object',
      'hosts: expected a list of hosts, got an empty list',
    ]);
    const hosts = [
      { name: 'a', ip: '1.1.1.1', role: 'mta', domains: ['x.example', 'x.example'] },
      { name: 'a', ip: '1.1.1.1', role: 'mx', relayFrom: ['10.0.0.1/8'] },
      { name: 'c', ip: '1.1.1.3', role: 'mta', retry: { first: '10m', max: '5m' } },
    ];
    expect(messages({ title: 'x', hosts, expect: [{}, { session: 1 }] })).toEqual([
      'hosts[0].domains[1]: "x.example" is listed twice',
      'hosts[1].role: "mx" is not one of client, mta, dns',
      'hosts[1].relayFrom[0]: "10.0.0.1/8" has host bits set (did you mean "10.0.0.0/8"?)',
      'hosts[2].retry: first (10m) is longer than max (5m)',
      'hosts[1].name: "a" is already the name of hosts[0]',
      'hosts[1].ip: "1.1.1.1" is already the address of hosts[0]',
      'expect[0]: expected a check (an object with one of delivered, deliveredBefore, queueEmpty, session), got an object without any of them',
      'expect[1]: a session check needs codes, replyLines or both',
    ]);
  });

  test('events, checked one by one', () => {
    const check = (json: Record<string, unknown>) => {
      const result = checkAction(json, ['a', 'b']);
      return result.ok ? [] : result.errors.map((e) => e.message);
    };
    expect(check({ do: 'linkDown', between: ['a'] })).toEqual([
      'between: expected a list of two hosts, got 1 items',
    ]);
    expect(check({ do: 'linkDown', between: ['a', 'a'] })).toEqual([
      'between: a link joins two different hosts, got "a" twice',
    ]);
    expect(check({ do: 'down', host: 'c' })).toEqual(['host: "c" is not one of the hosts (a, b)']);
    expect(check({ do: 'down' })).toEqual(['host: missing, expected one of the hosts (a, b)']);
    expect(
      check({
        do: 'dns',
        action: 'add',
        record: { name: 'a', type: 'A', value: 'x', preference: 1 },
      }),
    ).toEqual([
      'record.value: "x" is not an IPv4 address',
      'record.preference: only MX records have a preference',
    ]);
  });

  test('JSON syntax errors, with their place', () => {
    const first = (text: string) => {
      const result = parseScenarioText(text);
      return result.ok ? undefined : result.errors[0]?.message;
    };
    expect(first('{"a": [}')).toBe(
      'line 1, column 8: Unexpected token "}", expected a value or "]"',
    );
    expect(first("{'a': 1}")).toBe(
      'line 1, column 2: Unexpected "\'": JSON strings and property names need double quotes',
    );
    expect(first('{"a": 1,}')).toBe(
      'line 1, column 9: Unexpected "}" after ",": JSON does not allow a trailing comma',
    );
    expect(first('{"a\n": 1}')).toBe('line 1, column 4: Line break inside a string (write \\n)');
    expect(first('{"a": 1} x')).toBe(
      'line 1, column 10: Unexpected token "x" after the end of the JSON value',
    );
    expect(first('{"a"')).toBe('line 1, column 5: Unexpected end of text, expected ":"');
  });
});

describe('parser details read as before, and say the same as their structured reason', () => {
  test.each([
    ['FOO', 'unknown command "FOO"'],
    ['', 'empty command line'],
    ['EHLO', 'EHLO needs a hostname'],
    ['DATA x', 'DATA takes no argument'],
    ['MAIL FROM:<a@b.example> SIZE=x', 'SIZE needs a number of octets: SIZE=12345'],
    ['MAIL FROM:<a@b.example> =x', 'malformed parameter "=x"; expected KEYWORD or KEYWORD=value'],
    ['RCPT TO:<>', 'the null path <> is only allowed in MAIL FROM'],
    ['RCPT TO:<a@>', 'nothing after @; expected a domain'],
    ['RCPT TO:<@-a:b@c>', 'source route hop "@-a" must be @domain'],
    ['ETRN #a"b', 'queue name "a\\"b" must be letters, digits or !#$%&\'*+-/=?^_`{|}~'],
  ])('%s', (line, detail) => {
    const result = parseCommand(line);
    if (result.ok) throw new Error('expected a syntax error');
    expect(result.error.detail).toBe(detail);
    expect(result.error.reason && english(result.error.reason)).toBe(detail);
  });
});

describe('check results read as before', () => {
  const trace: TraceEvent[] = [
    { t: 0, type: 'connect', conn: 1, from: 'c', to: 's', port: 25, result: 'open' },
    { t: 1, type: 'line', conn: 1, from: 's', to: 'c', dir: 'S', text: '220 s ESMTP' },
    { t: 2, type: 'line', conn: 1, from: 's', to: 'c', dir: 'S', text: '250 Ok' },
  ];
  const state: EndState = {
    trace,
    mailbox: (address) =>
      address === 'bob@b.example' ? [{ subject: 'Hi' }, { subject: 'Re' }] : [],
    queueLength: () => 2,
  };
  const found = (check: Parameters<typeof outcome>[0]) => english(outcome(check, state).reason);

  test('each kind of check, holding or not', () => {
    expect(found({ check: 'delivered', mailbox: 'bob@b.example' })).toBe('bob@b.example has it');
    expect(found({ check: 'delivered', mailbox: 'bob@b.example', subject: 'X' })).toBe(
      'bob@b.example received "Hi", "Re"',
    );
    expect(found({ check: 'delivered', mailbox: 'eve@b.example' })).toBe(
      'eve@b.example received nothing',
    );
    expect(found({ check: 'deliveredBefore', mailbox: 'eve@b.example', before: 7_200_000 })).toBe(
      'never delivered, limit 2h',
    );
    expect(found({ check: 'queueEmpty', host: 'mx' })).toBe('mx has 2 message(s) in its queue');
    expect(found({ check: 'session', session: 2, codes: [220] })).toBe(
      'there is no connection number 2',
    );
    expect(found({ check: 'session', session: 1, codes: [220] })).toBe('codes were 220, 250');
    expect(found({ check: 'session', session: 1, replyLines: ['250 Ok', '220 s ESMTP'] })).toBe(
      'reply line not found in order: 220 s ESMTP',
    );
    expect(found({ check: 'session', session: 1, codes: [220, 250] })).toBe('codes 220, 250');
  });
});

describe('timeline markers read as before', () => {
  test('one label per kind', () => {
    const trace: TraceEvent[] = [
      { t: 0, type: 'connect', conn: 1, from: 'c', to: 's', port: 25, result: 'timeout' },
      { t: 1, type: 'queue', host: 'c', id: 'A1', action: 'defer' },
      { t: 2, type: 'queue', host: 'c', id: 'A1', action: 'warn' },
      { t: 3, type: 'queue', host: 'c', id: 'A1', action: 'expire' },
      { t: 4, type: 'queue', host: 'c', id: 'B2', action: 'bounce' },
      { t: 5, type: 'host', host: 's', up: false },
      { t: 6, type: 'host', host: 's', up: true },
      {
        t: 7,
        type: 'deliver',
        host: 's',
        mailbox: 'bob@b.example',
        id: 'C3',
        messageId: '<m>',
        subject: 'Hi',
      },
      { t: 8, type: 'note', text: 'The backup MX holds the mail.' },
      { t: 9, type: 'queue', host: 'c', id: 'A1', action: 'attempt' },
    ];
    expect(new Timeline(trace).markers.map((m) => [m.kind, markerLabel(m)])).toEqual([
      ['session', 'c → s:25 timeout'],
      ['retry', 'c A1 deferred'],
      ['warning', 'c A1 warning'],
      ['bounce', 'c A1 expire'],
      ['bounce', 'c B2 bounce'],
      ['host', 's down'],
      ['host', 's up'],
      ['delivery', 'bob@b.example: Hi'],
      ['note', 'The backup MX holds the mail.'],
    ]);
  });
});
