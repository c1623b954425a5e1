// A host that is switched off starts nothing: the script's send, session or ETRN from it is
// reported, not carried out.
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../src/core/scenario/validate';
import { simulate } from '../../../src/core/world/simulate';

function run(event: Record<string, unknown>) {
  const checked = validateScenario({
    title: 'down host',
    hosts: [
      { name: 'alice-pc', ip: '192.0.2.10', role: 'client' },
      {
        name: 'mx.b.example',
        ip: '198.51.100.25',
        role: 'mta',
        domains: ['b.example'],
        mailboxes: ['bob@b.example'],
        etrn: true,
      },
      { name: 'mail.a.example', ip: '192.0.2.25', role: 'mta', domains: ['a.example'] },
    ],
    dns: [
      { name: 'b.example', type: 'MX', preference: 10, value: 'mx.b.example' },
      { name: 'mx.b.example', type: 'A', value: '198.51.100.25' },
    ],
    events: [
      { at: '0s', do: 'down', host: event.host },
      { at: '1s', ...event },
    ],
  });
  if (!checked.ok) throw new Error(checked.errors.map((e) => e.message).join('\n'));
  return simulate(checked.scenario);
}

describe('a host that is down', () => {
  it.each([
    [
      { do: 'etrn', host: 'mail.a.example', server: 'mx.b.example', argument: 'a.example' },
      'mail.a.example is down: it cannot send ETRN',
    ],
    [
      { do: 'session', host: 'alice-pc', server: 'mx.b.example', lines: ['QUIT'] },
      'alice-pc is down: it cannot open the session',
    ],
    [
      { do: 'send', host: 'alice-pc', from: 'alice@a.example', to: ['bob@b.example'] },
      'alice-pc is down: it cannot send the message',
    ],
  ])('starts nothing: %o', (event, note) => {
    const result = run(event);
    expect(result.trace.filter((e) => e.type === 'connect')).toEqual([]);
    expect(
      result.trace.filter((e) => e.type === 'note').map((e) => e.type === 'note' && e.text),
    ).toEqual([note]);
    expect(result.summary.accounting.lost).toBe(0);
  });
});
