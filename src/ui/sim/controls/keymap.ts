// The simulator's keyboard shortcuts as data: what each key does, how the help overlay shows it,
// and when a key belongs to the element that has the focus instead (a text field, a button, a
// tab list). Pure: the page's keydown handler and the tests both use it.
import type { StepKind } from '../../../core/trace/timeline';
import type { MessageKey } from '../../../i18n/index.svelte';

export type Command =
  | { do: 'toggle' }
  | { do: 'step'; kind: StepKind; dir: 1 | -1 }
  | { do: 'home' }
  | { do: 'end' }
  | { do: 'faster' }
  | { do: 'slower' }
  | { do: 'help' };

/** The parts of a KeyboardEvent the map reads. */
export interface KeyLike {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

type Mods = 'none' | 'shift' | 'alt';

export interface Shortcut {
  /** Each way to press it, written as aria-keyshortcuts wants: `Shift+ArrowRight`. */
  keys: string[];
  label: MessageKey;
  command: Command;
}

interface Binding {
  key: string;
  mods: Mods;
  command: Command;
}

const step = (kind: StepKind, dir: 1 | -1): Command => ({ do: 'step', kind, dir });

/**
 * The map. Arrows step: alone by event, with Shift by line, with Alt (or Ctrl, for keyboards
 * where Alt+arrow belongs to the browser or the system) by session. Letters jump: D to a
 * delivery, F to a failure, with Shift backwards. The help overlay lists exactly these.
 */
export const SHORTCUTS: Shortcut[] = [
  { keys: ['Space'], label: 'sim.key.toggle', command: { do: 'toggle' } },
  { keys: ['ArrowRight'], label: 'sim.key.eventNext', command: step('event', 1) },
  { keys: ['ArrowLeft'], label: 'sim.key.eventPrev', command: step('event', -1) },
  { keys: ['Shift+ArrowRight'], label: 'sim.key.lineNext', command: step('line', 1) },
  { keys: ['Shift+ArrowLeft'], label: 'sim.key.linePrev', command: step('line', -1) },
  {
    keys: ['Alt+ArrowRight', 'Control+ArrowRight'],
    label: 'sim.key.sessionNext',
    command: step('session', 1),
  },
  {
    keys: ['Alt+ArrowLeft', 'Control+ArrowLeft'],
    label: 'sim.key.sessionPrev',
    command: step('session', -1),
  },
  { keys: ['D'], label: 'sim.key.deliveryNext', command: step('delivery', 1) },
  { keys: ['Shift+D'], label: 'sim.key.deliveryPrev', command: step('delivery', -1) },
  { keys: ['F'], label: 'sim.key.failureNext', command: step('failure', 1) },
  { keys: ['Shift+F'], label: 'sim.key.failurePrev', command: step('failure', -1) },
  { keys: ['Home'], label: 'sim.key.home', command: { do: 'home' } },
  { keys: ['End'], label: 'sim.key.end', command: { do: 'end' } },
  { keys: ['+'], label: 'sim.key.faster', command: { do: 'faster' } },
  { keys: ['-'], label: 'sim.key.slower', command: { do: 'slower' } },
  { keys: ['?'], label: 'sim.key.help', command: { do: 'help' } },
];

/** The keys of the shortcut with this label (for aria-keyshortcuts and tooltips). */
export function keysOf(label: MessageKey): string[] {
  return SHORTCUTS.find((s) => s.label === label)?.keys ?? [];
}

/** A key combination in parts for display: `Shift+ArrowLeft` → `['Shift', 'ArrowLeft']`. */
export function keyParts(keys: string): string[] {
  if (keys === '+' || !keys.includes('+')) return [keys];
  const parts = keys.split('+');
  return parts.map((p, i) => (p === '' && i === parts.length - 1 ? '+' : p)).filter(Boolean);
}

const BINDINGS: Binding[] = [
  { key: ' ', mods: 'none', command: { do: 'toggle' } },
  { key: 'ArrowRight', mods: 'none', command: step('event', 1) },
  { key: 'ArrowLeft', mods: 'none', command: step('event', -1) },
  { key: 'ArrowRight', mods: 'shift', command: step('line', 1) },
  { key: 'ArrowLeft', mods: 'shift', command: step('line', -1) },
  { key: 'ArrowRight', mods: 'alt', command: step('session', 1) },
  { key: 'ArrowLeft', mods: 'alt', command: step('session', -1) },
  { key: 'd', mods: 'none', command: step('delivery', 1) },
  { key: 'd', mods: 'shift', command: step('delivery', -1) },
  { key: 'f', mods: 'none', command: step('failure', 1) },
  { key: 'f', mods: 'shift', command: step('failure', -1) },
  { key: 'Home', mods: 'none', command: { do: 'home' } },
  { key: 'End', mods: 'none', command: { do: 'end' } },
];

/** Keys whose character already says whether Shift was down (`?` is Shift+/ on many layouts). */
const CHARACTERS: Record<string, Command> = {
  '+': { do: 'faster' },
  '=': { do: 'faster' },
  '-': { do: 'slower' },
  '?': { do: 'help' },
};

function modsOf(e: KeyLike): Mods | undefined {
  if (e.metaKey) return undefined;
  const alt = e.altKey || e.ctrlKey;
  if (alt && e.shiftKey) return undefined;
  if (alt) return 'alt';
  return e.shiftKey ? 'shift' : 'none';
}

/** The command for a key press, or undefined when the key is not a shortcut. */
export function commandFor(e: KeyLike): Command | undefined {
  const character = CHARACTERS[e.key];
  if (character) return e.altKey || e.ctrlKey || e.metaKey ? undefined : character;
  const mods = modsOf(e);
  if (mods === undefined) return undefined;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  // Ctrl with a letter is the browser's (Ctrl+D bookmarks, Ctrl+F finds).
  if (key.length === 1 && mods === 'alt') return undefined;
  return BINDINGS.find((b) => b.key === key && b.mods === mods)?.command;
}

/** The parts of the focused element the decision reads (an HTMLElement has them all). */
export interface TargetLike {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
  getAttribute?(name: string): string | null;
}

const TEXT_ROLES = ['textbox', 'searchbox', 'combobox', 'spinbutton'];
const ARROW_ROLES = [
  'tab',
  'tablist',
  'radio',
  'radiogroup',
  'option',
  'listbox',
  'menu',
  'menuitem',
  'menubar',
  'tree',
  'treeitem',
  'grid',
  'gridcell',
  'row',
  'slider',
];
const NON_TEXT_INPUTS = [
  'button',
  'submit',
  'reset',
  'checkbox',
  'radio',
  'range',
  'color',
  'file',
];
const NAVIGATION_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];

/**
 * Whether a key press belongs to the focused element rather than to the shortcuts: every key in
 * a text field, Space on a button or link, arrows and Home/End in tab lists, radio groups,
 * selects, sliders and scrolling boxes marked `data-scroll-keys`. Our own scrubber (`data-sim-scrubber`) hands every key to the shortcuts.
 */
export function keyBelongsToTarget(target: TargetLike | null | undefined, key: string): boolean {
  if (!target) return false;
  const attr = (name: string) => target.getAttribute?.(name) ?? null;
  if (attr('data-sim-scrubber') !== null) return false;
  const tag = (target.tagName ?? '').toLowerCase();
  const role = attr('role');
  const type = (target.type ?? attr('type') ?? 'text').toLowerCase();
  if (target.isContentEditable || tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input' && !NON_TEXT_INPUTS.includes(type)) return true;
  if (role !== null && TEXT_ROLES.includes(role)) return true;
  if (NAVIGATION_KEYS.includes(key)) {
    if (tag === 'input' && (type === 'range' || type === 'radio')) return true;
    if (role !== null && ARROW_ROLES.includes(role)) return true;
    // A focusable scrolling box (a wide diagram): the arrows scroll it.
    if (attr('data-scroll-keys') !== null) return true;
  }
  if (key === ' ' || key === 'Enter') {
    if (['button', 'a', 'summary', 'input'].includes(tag)) return true;
    if (role === 'button' || role === 'link' || role === 'checkbox' || role === 'switch')
      return true;
  }
  return false;
}
