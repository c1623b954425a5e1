// Key names as a person reads them, in the current language: `Shift+ArrowLeft` → `Shift+←`,
// `Control` → `Strg` in German. For tooltips and the keyboard help.
import { t, type MessageKey } from '../../../i18n/index.svelte';
import { keyParts } from './keymap';

const NAMES: Record<string, MessageKey | string> = {
  Space: 'sim.keyName.Space',
  Shift: 'sim.keyName.Shift',
  Alt: 'sim.keyName.Alt',
  Control: 'sim.keyName.Control',
  Home: 'sim.keyName.Home',
  End: 'sim.keyName.End',
  ArrowLeft: '←',
  ArrowRight: '→',
};

/** One key's name: translated words, arrows as arrows, letters and symbols as they are. */
export function keyName(key: string): string {
  const name = NAMES[key];
  if (name === undefined) return key;
  return name.startsWith('sim.') ? t(name as MessageKey) : name;
}

/** The parts of a combination, each named: for `<kbd>` elements. */
export function keyNames(keys: string): string[] {
  return keyParts(keys).map(keyName);
}

/** A combination as one string: `Shift+←`. */
export function keyText(keys: string): string {
  return keyNames(keys).join('+');
}

/** A tooltip: what a control does and its keys, `Next line (Shift+→)`. */
export function withKeys(label: string, keys: readonly string[]): string {
  return keys.length === 0 ? label : `${label} (${keys.map(keyText).join(', ')})`;
}
