// The scenario editor's working copy: every error goes to the field it is about, items are
// added, removed and moved, and nothing runs while there is a problem.
import { beforeEach, describe, expect, test } from 'vitest';
import { presetJson } from './fixtures';
import { Simulator } from '../../../src/app/simulator/simulator.svelte';
import { ScenarioEditorModel } from '../../../src/ui/sim/edit/form/editorModel.svelte';

const backupMx = () => presetJson();

const text = (value: unknown) => JSON.stringify(value, null, 2);

let sim: Simulator;
let model: ScenarioEditorModel;

beforeEach(() => {
  sim = new Simulator();
  sim.loadJson(backupMx());
  model = new ScenarioEditorModel();
  model.sync(sim.source);
});

const placesOf = (m: ScenarioEditorModel) =>
  Object.fromEntries([...m.placed].map(([place, errors]) => [place, errors.map((e) => e.path)]));

describe('errors next to their fields', () => {
  test('a valid scenario has none', () => {
    expect(model.mode).toBe('form');
    expect(model.errors).toEqual([]);
  });

  test('each error path goes to the deepest field or item that holds it', () => {
    model.set('hosts[2].ip', '10.0.0.300');
    model.set('hosts[2].colour', 'red');
    model.set('hosts[3].retry.first', 'soon');
    model.set('hosts[1].users', { 'bad name': 'x' });
    model.set('dns[1].preference', 5);
    model.set('events[1].to', ['bob@b.example', 'not an address']);
    model.set('events[0].at', 'soon');
    model.set('colour', 'blue');
    expect(placesOf(model)).toEqual({
      'hosts[2].ip': ['hosts[2].ip'],
      'hosts[2]': ['hosts[2].colour'],
      'hosts[3].retry.first': ['hosts[3].retry.first'],
      'hosts[1].users': ['hosts[1].users["bad name"]'],
      'dns[1].preference': ['dns[1].preference'],
      'events[1].to': ['events[1].to[1]'],
      'events[0].at': ['events[0].at'],
      '': ['colour'],
    });
  });

  test('a field of the wrong type still has its error at the field', () => {
    model.set('hosts[0].ports', ['twenty-five']);
    model.set('hosts[2].etrn', 'yes');
    expect(placesOf(model)).toEqual({
      'hosts[0].ports': ['hosts[0].ports[0]'],
      'hosts[2].etrn': ['hosts[2].etrn'],
    });
  });

  test('an event naming an unknown host', () => {
    model.set('events[0].host', 'mx.c.example');
    expect([...model.placed.keys()]).toEqual(['events[0].host']);
    expect(model.errors[0]?.message).toContain('is not one of the hosts');
  });
});

describe('lists', () => {
  test('add, move and remove hosts, records and events', () => {
    const hosts = model.list('hosts')?.length ?? 0;
    const i = model.addHost();
    expect(i).toBe(hosts);
    expect(model.errors).toEqual([]); // a new host is valid at once
    expect(model.get(`hosts[${i}].name`)).toBe('host1.example');
    model.remove('hosts', i);
    expect(model.list('hosts')).toHaveLength(hosts);

    const r = model.addRecord();
    expect(model.get(`dns[${r}].type`)).toBe('A');
    expect(model.errors.map((e) => e.path)).toEqual([`dns[${r}].value`]);
    model.set(`dns[${r}].value`, '192.0.2.99');
    expect(model.errors).toEqual([]);
    model.remove('dns', r);

    const events = model.list('events')?.length ?? 0;
    const e = model.addEvent('fault');
    expect(model.get(`events[${e}]`)).toMatchObject({
      do: 'fault',
      command: 'RCPT',
      reply: '451 4.3.0 Try again later',
    });
    expect(model.errors).toEqual([]);
    expect(model.move('events', e, -1)).toBe(e - 1);
    expect(model.get(`events[${e - 1}].do`)).toBe('fault');
    expect(model.move('events', 0, -1)).toBe(0); // already first
    model.remove('events', e - 1);
    expect(model.list('events')).toHaveLength(events);
    expect(model.dirty).toBe(true);
  });

  test('every kind of event can be added and is valid in this scenario', () => {
    for (const kind of [
      'send',
      'down',
      'up',
      'linkDown',
      'linkUp',
      'etrn',
      'session',
      'note',
      'fault',
    ] as const) {
      model.addEvent(kind);
    }
    expect(model.errors).toEqual([]);
  });

  test('changing the kind or the DNS form starts a fresh event at the same time', () => {
    model.setEventKind(0, 'note');
    expect(model.get('events[0]')).toEqual({ at: '0s', do: 'note', text: '' });
    model.setEventKind(0, 'dns');
    model.setDnsForm(0, 'restore');
    expect(model.get('events[0]')).toEqual({ at: '0s', do: 'dns', restore: '' });
    expect(model.errors.map((e) => e.path)).toEqual(['events[0].restore']);
  });
});

describe('apply, import and export', () => {
  test('nothing runs while there are problems; a valid scenario reruns the world', () => {
    const before = sim.simulation;
    model.set('hosts[0].ip', 'nope');
    expect(model.apply(sim)).toBe(false);
    expect(sim.simulation).toBe(before);
    model.set('hosts[0].ip', '192.0.2.11');
    model.set('events[1].subject', 'Edited');
    expect(model.apply(sim)).toBe(true);
    expect(sim.simulation).not.toBe(before);
    expect(sim.simulation?.summary.mailboxes['bob@b.example']?.[0]?.subject).toBe('Edited');
    expect(model.dirty).toBe(false);
  });

  test('a broken file: errors next to the fields, and nothing runs', () => {
    const before = sim.simulation;
    const broken = backupMx();
    (broken.hosts as Array<Record<string, unknown>>)[2] = {
      name: 'mx.b.example',
      ip: '10.0.0.300',
      role: 'mta',
      mailbox: ['bob@b.example'],
    };
    expect(model.importText(sim, text(broken))).toBe(false);
    expect(sim.simulation).toBe(before);
    expect(sim.errors.length).toBeGreaterThan(0);
    expect(model.mode).toBe('form');
    expect(placesOf(model)).toEqual({
      'hosts[2].ip': ['hosts[2].ip'],
      'hosts[2]': ['hosts[2].mailbox'],
    });
  });

  test('a file that is not JSON opens in the JSON tab with line and column', () => {
    const before = sim.simulation;
    expect(model.importText(sim, '{\n  "title": "x",\n}')).toBe(false);
    expect(sim.simulation).toBe(before);
    expect(model.mode).toBe('json');
    expect(model.errors).toHaveLength(1);
    expect(model.errors[0]).toMatchObject({ path: '', line: 3, column: 1 });
    expect(model.setMode('form')).toBe(false);
  });

  test('export, then import: the same scenario', () => {
    model.addEvent('note');
    model.set('events[4].text', 'Exported');
    const exported = model.text();
    const other = new Simulator();
    const fresh = new ScenarioEditorModel();
    expect(fresh.importText(other, exported)).toBe(true);
    expect(fresh.errors).toEqual([]);
    expect(other.scenario?.events.at(-1)).toMatchObject({ do: 'note', text: 'Exported' });
    expect(JSON.parse(fresh.text())).toEqual(JSON.parse(exported));
  });

  test('the JSON tab and the form edit the same document', () => {
    model.setMode('json');
    const doc = JSON.parse(model.raw) as Record<string, unknown>;
    doc.title = 'From JSON';
    model.setRaw(text(doc));
    expect(model.setMode('form')).toBe(true);
    expect(model.get('title')).toBe('From JSON');
  });

  test('a change in the simulator: taken when clean, announced when there are edits', () => {
    sim.inject({ do: 'down', host: 'mail.a.example' }, 'down');
    model.sync(sim.source);
    expect(model.stale).toBe(false);
    expect(model.list('events')?.some((e) => (e as { do?: string }).do === 'down')).toBe(true);
    model.set('title', 'Mine');
    sim.inject({ do: 'up', host: 'mail.a.example' }, 'up');
    model.sync(sim.source);
    expect(model.stale).toBe(true);
    expect(model.get('title')).toBe('Mine');
    model.reload();
    expect(model.stale).toBe(false);
    expect(model.get('title')).toBe(sim.scenario?.title);
  });
});
