// The simulator's keyboard map: which key does what, and when a key is left to the focused
// element (typing in a field, a button's Space, arrows in a tab list).
import { describe, expect, test } from 'vitest';
import {
  SHORTCUTS,
  commandFor,
  keyBelongsToTarget,
  keyParts,
  keysOf,
  type KeyLike,
  type TargetLike,
} from '../../../src/ui/sim/controls/keymap';

const press = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('commandFor', () => {
  test.each([
    [press(' '), { do: 'toggle' }],
    [press('ArrowRight'), { do: 'step', kind: 'event', dir: 1 }],
    [press('ArrowLeft'), { do: 'step', kind: 'event', dir: -1 }],
    [press('ArrowRight', { shiftKey: true }), { do: 'step', kind: 'line', dir: 1 }],
    [press('ArrowLeft', { shiftKey: true }), { do: 'step', kind: 'line', dir: -1 }],
    [press('ArrowRight', { altKey: true }), { do: 'step', kind: 'session', dir: 1 }],
    [press('ArrowLeft', { altKey: true }), { do: 'step', kind: 'session', dir: -1 }],
    [press('ArrowRight', { ctrlKey: true }), { do: 'step', kind: 'session', dir: 1 }],
    [press('ArrowLeft', { ctrlKey: true }), { do: 'step', kind: 'session', dir: -1 }],
    [press('d'), { do: 'step', kind: 'delivery', dir: 1 }],
    [press('D', { shiftKey: true }), { do: 'step', kind: 'delivery', dir: -1 }],
    [press('f'), { do: 'step', kind: 'failure', dir: 1 }],
    [press('F', { shiftKey: true }), { do: 'step', kind: 'failure', dir: -1 }],
    [press('Home'), { do: 'home' }],
    [press('End'), { do: 'end' }],
    [press('+', { shiftKey: true }), { do: 'faster' }],
    [press('='), { do: 'faster' }],
    [press('-'), { do: 'slower' }],
    [press('?', { shiftKey: true }), { do: 'help' }],
    [press('?'), { do: 'help' }],
  ])('%j', (event, command) => {
    expect(commandFor(event)).toEqual(command);
  });

  test.each([
    press('ArrowRight', { metaKey: true }),
    press('ArrowRight', { altKey: true, shiftKey: true }),
    press('d', { ctrlKey: true }),
    press('f', { ctrlKey: true }),
    press('f', { altKey: true }),
    press('?', { ctrlKey: true }),
    press(' ', { ctrlKey: true }),
    press('Home', { shiftKey: true }),
    press('ArrowUp'),
    press('x'),
    press('Enter'),
    press('Tab'),
  ])('%j is not a shortcut', (event) => {
    expect(commandFor(event)).toBeUndefined();
  });

  test('every shortcut the help lists is one the map answers, and back', () => {
    const toEvent = (keys: string): KeyLike => {
      const parts = keyParts(keys);
      const key = parts.at(-1) ?? '';
      return press(key === 'Space' ? ' ' : key, {
        shiftKey: parts.includes('Shift'),
        altKey: parts.includes('Alt'),
        ctrlKey: parts.includes('Control'),
      });
    };
    for (const shortcut of SHORTCUTS) {
      for (const keys of shortcut.keys) {
        expect(commandFor(toEvent(keys)), `${keys}`).toEqual(shortcut.command);
      }
    }
    expect(new Set(SHORTCUTS.map((s) => s.label)).size).toBe(SHORTCUTS.length);
    expect(keysOf('sim.key.sessionNext')).toEqual(['Alt+ArrowRight', 'Control+ArrowRight']);
  });

  test.each([
    ['Shift+ArrowLeft', ['Shift', 'ArrowLeft']],
    ['+', ['+']],
    ['Control+ArrowRight', ['Control', 'ArrowRight']],
    ['?', ['?']],
  ])('keyParts(%j)', (keys, parts) => {
    expect(keyParts(keys)).toEqual(parts);
  });
});

describe('keyBelongsToTarget', () => {
  const el = (tagName: string, attrs: Record<string, string> = {}, extra: object = {}) =>
    ({
      tagName: tagName.toUpperCase(),
      type: attrs.type,
      isContentEditable: false,
      getAttribute: (name: string) => attrs[name] ?? null,
      ...extra,
    }) as TargetLike;

  test('every key belongs to a text field', () => {
    for (const target of [
      el('input'),
      el('input', { type: 'text' }),
      el('input', { type: 'search' }),
      el('input', { type: 'number' }),
      el('textarea'),
      el('select'),
      el('div', {}, { isContentEditable: true }),
      el('div', { role: 'textbox' }),
      el('div', { role: 'combobox' }),
    ]) {
      for (const key of [' ', 'ArrowLeft', 'd', '?', 'Home']) {
        expect(keyBelongsToTarget(target, key)).toBe(true);
      }
    }
  });

  test('Space and Enter belong to buttons and links; the other keys do not', () => {
    for (const target of [el('button'), el('a'), el('summary'), el('div', { role: 'button' })]) {
      expect(keyBelongsToTarget(target, ' ')).toBe(true);
      expect(keyBelongsToTarget(target, 'Enter')).toBe(true);
      expect(keyBelongsToTarget(target, 'ArrowRight')).toBe(false);
      expect(keyBelongsToTarget(target, '?')).toBe(false);
    }
  });

  test('arrows and Home/End belong to tabs, radios, other sliders and scrolling boxes', () => {
    for (const target of [
      el('button', { role: 'tab' }),
      el('input', { type: 'radio' }),
      el('input', { type: 'range' }),
      el('div', { role: 'slider' }),
      el('li', { role: 'option' }),
      el('div', { role: 'region', 'data-scroll-keys': '' }),
    ]) {
      for (const key of ['ArrowLeft', 'ArrowRight', 'Home', 'End']) {
        expect(keyBelongsToTarget(target, key)).toBe(true);
      }
      expect(keyBelongsToTarget(target, 'd')).toBe(false);
    }
  });

  test('the scrubber hands every key to the shortcuts; so does the page itself', () => {
    const scrubber = el('input', { type: 'range', 'data-sim-scrubber': '' });
    for (const key of [' ', 'ArrowLeft', 'Home', 'd']) {
      expect(keyBelongsToTarget(scrubber, key)).toBe(false);
      expect(keyBelongsToTarget(el('body'), key)).toBe(false);
      expect(keyBelongsToTarget(null, key)).toBe(false);
    }
  });
});
