// The console inside the simulated network: typed lines become one session event at the moment
// of connecting, the world reruns, and the replies come from the server machine in the trace.
import { beforeEach, describe, expect, test } from 'vitest';
import { presetJson } from './fixtures';
import { Simulator } from '../../../src/app/simulator/simulator.svelte';
import { SimConsoleSession } from '../../../src/ui/sim/edit/console/simConsole.svelte';
import type { Entry } from '../../../src/ui/console/transcript';

const preset = (id: string) => presetJson(id);

const wire = (entries: readonly Entry[]) =>
  entries.flatMap((e) =>
    e.side === 'S' ? e.lines.map((l) => `S: ${l}`) : e.side === 'C' ? [`C: ${e.text}`] : [e.text],
  );

const sessionEvents = (sim: Simulator) =>
  sim.scenario?.events.filter((e) => e.do === 'session') ?? [];

let sim: Simulator;
let session: SimConsoleSession;

beforeEach(() => {
  sim = new Simulator();
  expect(sim.loadJson(preset('backup-mx-etrn'))).toBe(true);
  session = new SimConsoleSession(sim);
  session.choose();
});

describe('console in the simulated network', () => {
  test('picks a client and a server of the scenario', () => {
    expect(session.client).toBe('alice-pc');
    expect(sim.scenario?.hosts.find((h) => h.name === session.server)?.role).toBe('mta');
    expect(session.port).toBe(25);
  });

  test('connecting adds a session at the cursor time and shows the greeting of the real server', () => {
    sim.seek(sim.length); // mx.b.example is up again at the end
    const time = sim.time;
    session.server = 'mx.b.example';
    expect(session.connect()).toBe(true);
    expect(session.live).toBe(true);
    const [event] = sessionEvents(sim);
    expect(event).toMatchObject({ at: time, host: 'alice-pc', server: 'mx.b.example', lines: [] });
    expect(wire(session.entries)).toEqual([
      '$ telnet mx.b.example 25',
      'Trying 198.51.100.25...',
      'Connected to mx.b.example.',
      "Escape character is '^]'.",
      'S: 220 mx.b.example ESMTP Postfix',
    ]);
    // The cursor follows the session: just after the greeting.
    const current = sim.current;
    expect(current).toMatchObject({
      type: 'line',
      dir: 'S',
      text: '220 mx.b.example ESMTP Postfix',
    });
    expect(sim.forks).toHaveLength(1);
    expect(sim.forks[0]?.t).toBe(time);
  });

  test('typed lines with mistakes: 503 and 501 come from the server machine, earlier lines replay', () => {
    sim.seek(sim.length);
    session.server = 'mx.b.example';
    session.connect();
    session.send('MAIL FROM:<alice@a.example>');
    const afterFirst = wire(session.entries);
    expect(afterFirst.at(-1)).toBe('S: 503 Error: send HELO/EHLO first');
    session.send('HELO alice-pc');
    session.send('MAIL FROM:bad');
    const lines = wire(session.entries);
    expect(lines.slice(0, afterFirst.length)).toEqual(afterFirst);
    expect(lines.slice(afterFirst.length)).toEqual([
      'C: HELO alice-pc',
      'S: 250 Hello alice-pc',
      'C: MAIL FROM:bad',
      'S: 501 Syntax: MAIL FROM:<address>',
    ]);
    // One session event holds every line; the forks list keeps one entry for it.
    expect(sessionEvents(sim)).toHaveLength(1);
    expect(sessionEvents(sim)[0]).toMatchObject({
      lines: ['MAIL FROM:<alice@a.example>', 'HELO alice-pc', 'MAIL FROM:bad'],
    });
    expect(sim.forks).toHaveLength(1);
    expect(sim.current).toMatchObject({ type: 'line', dir: 'S', from: 'mx.b.example' });
    expect((sim.current as { text: string }).text).toMatch(/^501 /);
  });

  test('a whole message typed by hand is delivered in the world; hang up says QUIT', () => {
    sim.seek(sim.length);
    session.server = 'mx.b.example';
    session.connect();
    for (const line of [
      'EHLO alice-pc',
      'MAIL FROM:<alice@a.example>',
      'RCPT TO:<bob@b.example>',
      'DATA',
    ])
      session.send(line);
    expect(session.mode).toBe('text');
    session.send('Subject: by hand');
    // Message text gets no reply of its own: nothing after the line typed.
    expect(wire(session.entries).at(-1)).toBe('C: Subject: by hand');
    session.send('');
    session.send('Hello Bob.');
    session.send('.');
    expect(wire(session.entries).at(-1)).toMatch(/^S: 250 2\.0\.0 Ok: queued as /);
    expect(session.mode).toBe('command');
    session.hangUp();
    expect(session.phase).toBe('ended');
    const lines = wire(session.entries);
    expect(lines).toContain('C: QUIT');
    expect(lines).toContain('S: 221 2.0.0 Bye');
    expect(lines.at(-1)).toMatch(/^Connection closed/);
    const subjects = sim.simulation?.summary.mailboxes['bob@b.example']?.map((m) => m.subject);
    expect(subjects).toContain('by hand');
    expect(session.send('NOOP')).toBe(false);
  });

  test('a change made elsewhere ends the session instead of typing into a stale world', () => {
    sim.seek(sim.length);
    session.server = 'mx.b.example';
    session.connect();
    sim.inject({ do: 'down', host: 'mx.b.example' }, 'down');
    expect(session.send('HELO x')).toBe(false);
    expect(session.phase).toBe('ended');
  });

  test('a server that is down: the connection times out and the session ends', () => {
    // At the start mx.b.example is down (the scenario's first event).
    sim.seek(2);
    session.server = 'mx.b.example';
    session.connect();
    expect(session.phase).toBe('ended');
    expect(wire(session.entries).at(-1)).toBe(
      'telnet: Unable to connect to remote host: Connection timed out',
    );
  });
});
