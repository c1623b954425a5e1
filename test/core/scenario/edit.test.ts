// One event checked on its own, and the DNS as the script has left it at a moment.
import { describe, expect, test } from 'vitest';
import { checkAction, dnsAt } from '../../../src/core/scenario/edit';
import { parseScenarioText } from '../../../src/core/scenario/validate';

const HOSTS = ['alice-pc', 'mx.b.example'];

describe('checkAction', () => {
  test('a valid fault reply is parsed', () => {
    const result = checkAction(
      {
        do: 'fault',
        host: 'mx.b.example',
        command: 'RCPT',
        reply: '451 4.3.0 Try later',
        times: 1,
      },
      HOSTS,
    );
    expect(result).toEqual({
      ok: true,
      action: {
        do: 'fault',
        host: 'mx.b.example',
        command: 'RCPT',
        reply: { code: 451, enhanced: '4.3.0', lines: ['Try later'] },
        times: 1,
      },
    });
  });

  test('problems come with paths relative to the event', () => {
    const result = checkAction(
      { do: 'fault', host: 'nope', command: 'RCPT', reply: '250 fine', times: 0 },
      HOSTS,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path).sort()).toEqual(['host', 'reply', 'times']);
    const send = checkAction(
      { do: 'send', host: 'alice-pc', from: 'a@x', to: ['ok@b.example', 'bad'] },
      HOSTS,
    );
    expect(send.ok ? [] : send.errors.map((e) => e.path)).toEqual(['to[1]']);
  });
});

describe('dnsAt', () => {
  const text = JSON.stringify({
    title: 't',
    hosts: [{ name: 'a.example', ip: '192.0.2.1', role: 'mta' }],
    dns: [
      { name: 'b.example', type: 'MX', preference: 10, value: 'mx.b.example' },
      { name: 'mx.b.example', type: 'A', value: '198.51.100.25' },
    ],
    events: [
      {
        at: '1m',
        do: 'dns',
        action: 'replace',
        record: { name: 'mx.b.example', type: 'A', value: '198.51.100.99' },
      },
      { at: '2m', do: 'dns', name: 'b.example', fail: 'servfail' },
      { at: '3m', do: 'dns', restore: 'b.example' },
      {
        at: '4m',
        do: 'dns',
        action: 'remove',
        record: { name: 'b.example', type: 'MX', preference: 10, value: 'mx.b.example' },
      },
    ],
  });
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error('bad test scenario');
  const scenario = parsed.scenario;

  test('follows the script up to the moment', () => {
    expect(dnsAt(scenario, 0).records.map((r) => r.value)).toEqual([
      'mx.b.example',
      '198.51.100.25',
    ]);
    expect(dnsAt(scenario, 60_000).records.map((r) => r.value)).toEqual([
      'mx.b.example',
      '198.51.100.99',
    ]);
    expect(dnsAt(scenario, 120_000).failures).toEqual([{ name: 'b.example', mode: 'servfail' }]);
    expect(dnsAt(scenario, 180_000).failures).toEqual([]);
    expect(dnsAt(scenario, 240_000).records.map((r) => r.type)).toEqual(['A']);
  });
});
