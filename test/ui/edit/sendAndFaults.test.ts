// The send form's event, likely parties for a new message, and faults checked before they run.
import { describe, expect, test } from 'vitest';
import { presetJson } from './fixtures';
import { Simulator } from '../../../src/app/simulator/simulator.svelte';
import { guessParties } from '../../../src/ui/sim/edit/form/items';
import { likelyDomain, likelySender, likelyServers } from '../../../src/ui/sim/edit/parts/defaults';
import { byField, injectChecked } from '../../../src/ui/sim/edit/parts/inject';
import { sendJson } from '../../../src/ui/sim/edit/send/sendAction';

const backupMx = () => presetJson();

const fields = {
  host: 'alice-pc',
  via: 'mail.a.example',
  port: '587',
  user: 'alice',
  password: 'wonderland',
  from: ' alice@a.example ',
  to: 'bob@b.example, carol@b.example',
  subject: 'Hi',
  body: '',
};

describe('send form', () => {
  test('the fields as a send event', () => {
    expect(sendJson(fields)).toEqual({
      do: 'send',
      host: 'alice-pc',
      via: 'mail.a.example',
      port: 587,
      auth: { user: 'alice', password: 'wonderland' },
      from: 'alice@a.example',
      to: ['bob@b.example', 'carol@b.example'],
      subject: 'Hi',
    });
    // Straight by MX: no port, no login.
    expect(sendJson({ ...fields, via: '', user: '' })).toEqual({
      do: 'send',
      host: 'alice-pc',
      from: 'alice@a.example',
      to: ['bob@b.example', 'carol@b.example'],
      subject: 'Hi',
    });
  });

  test('a sender at the submission server, a recipient elsewhere', () => {
    expect(guessParties(backupMx())).toEqual({
      client: 'alice-pc',
      server: 'mail.a.example',
      from: 'alice@a.example',
      to: 'bob@b.example',
    });
  });

  test('a message sent at the cursor forks the run; a wrong address is refused at its field', () => {
    const sim = new Simulator();
    sim.loadJson(backupMx());
    sim.seek(sim.length);
    const before = sim.simulation;
    const bad = injectChecked(sim, sendJson({ ...fields, port: '25', user: '', to: 'bob@' }), 'x');
    expect([...byField(bad, ['to', 'from']).keys()]).toEqual(['to']);
    expect(sim.simulation).toBe(before);
    const ok = injectChecked(sim, sendJson({ ...fields, port: '25', user: '' }), 'Message');
    expect(ok).toEqual([]);
    expect(sim.forks).toEqual([
      expect.objectContaining({ label: 'Message', t: before?.trace.at(-1)?.t }),
    ]);
    expect(sim.simulation?.summary.mailboxes['bob@b.example']).toHaveLength(2);
  });
});

describe('faults at the cursor', () => {
  test('a reply fault: "250" is refused at the reply field; a 451 forks the run', () => {
    const sim = new Simulator();
    sim.loadJson(backupMx());
    const json = { do: 'fault', host: 'mx.b.example', command: 'RCPT', reply: '250 fine' };
    expect(injectChecked(sim, json, 'f').map((e) => e.path)).toEqual(['reply']);
    expect(injectChecked(sim, { ...json, reply: '451 4.3.0 Try later', times: 1 }, 'f')).toEqual(
      [],
    );
    expect(sim.scenario?.events.find((e) => e.do === 'fault')).toMatchObject({
      at: 0,
      reply: { code: 451 },
    });
    expect(sim.forks).toHaveLength(1);
  });

  test('a host taken down at the cursor changes the run from there on', () => {
    const sim = new Simulator();
    sim.loadJson(backupMx());
    sim.step('delivery', 1);
    const time = sim.time;
    const before = sim.simulation?.trace ?? [];
    injectChecked(sim, { do: 'down', host: 'mx.b.example' }, 'mx.b.example down');
    const fork = sim.forks[0];
    expect(fork?.t).toBe(time);
    // The run is the same up to the fork, which is at the cursor's virtual time.
    expect(before[fork?.index ?? 0]?.t).toBe(time);
    expect(sim.simulation?.trace.slice(0, fork?.index)).toEqual(before.slice(0, fork?.index));
    expect(sim.simulation?.trace[fork?.index ?? 0]).toMatchObject({
      type: 'host',
      host: 'mx.b.example',
      up: false,
    });
  });
});

describe('first choices of the fault forms', () => {
  test('the servers the script mails to, its sender, its recipients’ domain', () => {
    const sim = new Simulator();
    sim.loadJson(backupMx());
    expect(likelyServers(sim.scenario)).toEqual([
      'mx.b.example',
      'backup.b.example',
      'mail.a.example',
    ]);
    expect(likelySender(sim.scenario)).toBe('mail.a.example');
    expect(likelyDomain(sim.scenario)).toBe('b.example');
  });
});
