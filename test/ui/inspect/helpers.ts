// Scenarios run for the inspector tests: a preset or a test scenario file, or a scenario object.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateScenario } from '../../../src/core/scenario/validate';
import { Timeline } from '../../../src/core/trace/timeline';
import { simulate, type Simulation } from '../../../src/core/world/simulate';

const ROOT = join(import.meta.dirname, '../../..');

export interface Run {
  simulation: Simulation;
  timeline: Timeline;
}

export function runJson(json: unknown): Run {
  const result = validateScenario(json);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  const simulation = simulate(result.scenario);
  const hosts = result.scenario.hosts.map((h) => h.name);
  return { simulation, timeline: new Timeline(simulation.trace, hosts) };
}

export const presetJson = (id: string): unknown =>
  JSON.parse(readFileSync(join(ROOT, 'src/app/simulator/presets', `${id}.json`), 'utf8'));

export const scenarioJson = (name: string): unknown =>
  JSON.parse(readFileSync(join(ROOT, 'test/scenarios', `${name}.json`), 'utf8'));

export const runPreset = (id: string): Run => runJson(presetJson(id));
export const runScenario = (name: string): Run => runJson(scenarioJson(name));

/** A small scenario whose one message carries a hostile body and subject. */
export function hostileScenario(body = '<img src=x onerror=alert(1)>'): unknown {
  return {
    title: 'A hostile message',
    hosts: [
      { name: 'alice-pc', ip: '192.0.2.10', role: 'client' },
      {
        name: 'mail.a.example',
        ip: '192.0.2.25',
        role: 'mta',
        domains: ['a.example'],
        relayFrom: ['192.0.2.0/24'],
        mailboxes: ['alice@a.example', 'bob@a.example'],
      },
    ],
    dns: [
      { name: 'a.example', type: 'MX', preference: 10, value: 'mail.a.example' },
      { name: 'mail.a.example', type: 'A', value: '192.0.2.25' },
    ],
    events: [
      {
        at: '1s',
        do: 'send',
        host: 'alice-pc',
        via: 'mail.a.example',
        from: 'alice@a.example',
        to: ['bob@a.example'],
        subject: '<b>bold</b> <script>alert(2)</script>',
        body,
      },
    ],
    expect: [],
  };
}
