// Paths into the scenario document and the text of form controls.
import { describe, expect, test } from 'vitest';
import { display, parse } from '../../../src/ui/sim/edit/form/convert';
import { fieldValue } from '../../../src/ui/sim/edit/form/editorModel.svelte';
import { messageText } from '../../../src/ui/sim/edit/form/items';
import { fieldId, getAt, isUnder, parsePath, setAt } from '../../../src/ui/sim/edit/form/paths';

describe('paths', () => {
  test('parse, read and write the paths the validator reports', () => {
    expect(parsePath('hosts[2].retry.first')).toEqual(['hosts', 2, 'retry', 'first']);
    const doc: Record<string, unknown> = { hosts: [{ name: 'a' }, { name: 'b' }] };
    expect(getAt(doc, 'hosts[1].name')).toBe('b');
    expect(getAt(doc, 'hosts[5].name')).toBeUndefined();
    setAt(doc, 'hosts[1].retry.first', '5m');
    expect(doc.hosts).toEqual([{ name: 'a' }, { name: 'b', retry: { first: '5m' } }]);
    setAt(doc, 'hosts[1].retry.first', undefined);
    // The emptied `retry` goes too: an optional part left empty is left out.
    expect(doc.hosts).toEqual([{ name: 'a' }, { name: 'b' }]);
    setAt(doc, 'events[0].between[1]', 'x');
    expect(doc.events).toEqual([{ between: [undefined, 'x'] }]);
  });

  test('element ids and what lies under what', () => {
    expect(fieldId('hosts[2].ip')).toBe('ed-hosts-2-ip');
    expect(fieldId('events[0].between[1]')).toBe('ed-events-0-between-1');
    expect(fieldId('')).toBe('ed-doc');
    expect(isUnder('hosts[2].ip', 'hosts[2]')).toBe(true);
    expect(isUnder('hosts[21].ip', 'hosts[2]')).toBe(false);
    expect(isUnder('hosts[2].ipx', 'hosts[2].ip')).toBe(false);
    expect(isUnder('anything', '')).toBe(true);
  });

  test('messages lose the part of the path their place already says', () => {
    const e = { path: 'hosts[2].colour', message: 'hosts[2].colour: unknown key (expected …)' };
    expect(messageText(e, 'hosts[2]')).toBe('colour: unknown key (expected …)');
    expect(messageText(e)).toBe('unknown key (expected …)');
    const item = {
      path: 'events[0].to[1]',
      message: 'events[0].to[1]: "x" is not an email address',
    };
    expect(messageText(item, 'events[0].to')).toBe('"x" is not an email address');
  });
});

describe('controls', () => {
  test('lists, numbers, lines, banners and maps', () => {
    expect(parse('list', 'a.example, b.example,\n c.example')).toEqual([
      'a.example',
      'b.example',
      'c.example',
    ]);
    expect(parse('list', ' ')).toBeUndefined();
    expect(display('list', ['a', 'b'])).toBe('a, b');
    expect(display('list', 'not a list')).toBe('not a list');
    expect(parse('number', '42')).toBe(42);
    // Not a number stays text, and the validator says why.
    expect(parse('number', '4x')).toBe('4x');
    expect(parse('numberList', '25, 587')).toEqual([25, 587]);
    expect(parse('lines', 'DATA\nSubject: x\n\nHi\n.')).toEqual([
      'DATA',
      'Subject: x',
      '',
      'Hi',
      '.',
    ]);
    expect(parse('banner', 'one')).toBe('one');
    expect(parse('banner', 'one\ntwo')).toEqual(['one', 'two']);
    expect(parse('map', 'alice: secret\nbob:pw')).toEqual({ alice: 'secret', bob: 'pw' });
    expect(display('map', { alice: 'secret' })).toBe('alice: secret');
    expect(display('text', 42)).toBe('42');
  });

  test('an emptied optional field leaves the document; a required one stays as typed', () => {
    expect(fieldValue('text', '')).toBeUndefined();
    expect(fieldValue('text', '', true)).toBe('');
    expect(fieldValue('number', '', true)).toBeUndefined();
  });
});
