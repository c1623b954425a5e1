// The YAML of a ```step block: `at` (the point of the trace), `highlight`, `panel`, `exercises`,
// checked with the scenario validator's toolkit so that problems read alike.
import { hostRef } from '../scenario/events';
import {
  address,
  Fields,
  flag,
  integer,
  isObject,
  listOf,
  nonEmpty,
  oneOf,
  scalar,
  shape,
  show,
  type Check,
} from '../scenario/messages';
import { DNS_TYPES } from '../scenario/types';
import { STEP_PANELS, type Highlight, type StepPanel, type StepSelector } from './types';

export interface StepBlock {
  at: StepSelector;
  highlight: Highlight;
  panel: StepPanel;
  exercises: string[];
}

const QUEUE_ACTIONS = [
  'enqueue',
  'attempt',
  'defer',
  'deliver',
  'bounce',
  'warn',
  'expire',
] as const;
const nth = integer('a match number (1 or more)', 1);
const searchText = nonEmpty('a piece of text (not empty)');
const exerciseIds = listOf('a list of exercise ids', nonEmpty('an exercise id'), { unique: true });

type Reader = (f: Fields, host: Check<string>) => StepSelector | undefined;

/** What each kind of selector allows besides its own key, and how to read it. */
const SELECTORS: Record<
  Exclude<StepSelector['kind'], 'start' | 'end'>,
  { keys: string[]; read: Reader }
> = {
  line: {
    keys: ['dir', 'from', 'nth'],
    read(f, host) {
      const text = f.req('line', searchText);
      const dir = f.opt('dir', oneOf(['C', 'S'] as const));
      const from = f.opt('from', host);
      const n = f.opt('nth', nth) ?? 1;
      if (text === undefined) return undefined;
      return { kind: 'line', text, nth: n, ...(dir && { dir }), ...(from && { from }) };
    },
  },
  deliver: {
    keys: ['nth'],
    read(f) {
      const mailbox = f.req('deliver', address);
      const n = f.opt('nth', nth) ?? 1;
      return mailbox === undefined ? undefined : { kind: 'deliver', mailbox, nth: n };
    },
  },
  queue: {
    keys: ['host', 'nth'],
    read(f, host) {
      const action = f.req('queue', oneOf(QUEUE_ACTIONS));
      const at = f.opt('host', host);
      const n = f.opt('nth', nth) ?? 1;
      if (action === undefined) return undefined;
      return { kind: 'queue', action, nth: n, ...(at && { host: at }) };
    },
  },
  connect: {
    keys: ['from', 'result', 'nth'],
    read(f, host) {
      const to = f.req('connect', host);
      const from = f.opt('from', host);
      const result = f.opt('result', oneOf(['open', 'refused', 'timeout'] as const));
      const n = f.opt('nth', nth) ?? 1;
      if (to === undefined) return undefined;
      return { kind: 'connect', to, nth: n, ...(from && { from }), ...(result && { result }) };
    },
  },
  close: {
    keys: ['by', 'nth'],
    read(f, host) {
      const close = f.req(
        'close',
        scalar(
          'true',
          (v): v is true => v === true,
          () => true,
        ),
      );
      const by = f.opt('by', host);
      const n = f.opt('nth', nth) ?? 1;
      if (close === undefined) return undefined;
      return { kind: 'close', nth: n, ...(by && { by }) };
    },
  },
  dns: {
    keys: ['type', 'host', 'nth'],
    read(f, host) {
      const name = f.req('dns', nonEmpty('a domain name'));
      const type = f.opt('type', oneOf(DNS_TYPES));
      const asker = f.opt('host', host);
      const n = f.opt('nth', nth) ?? 1;
      if (name === undefined) return undefined;
      return { kind: 'dns', name, nth: n, ...(type && { type }), ...(asker && { host: asker }) };
    },
  },
  note: {
    keys: ['nth'],
    read(f) {
      const text = f.req('note', searchText);
      const n = f.opt('nth', nth) ?? 1;
      return text === undefined ? undefined : { kind: 'note', text, nth: n };
    },
  },
  host: {
    keys: ['up', 'nth'],
    read(f, host) {
      const name = f.req('host', host);
      const up = f.req('up', flag);
      const n = f.opt('nth', nth) ?? 1;
      if (name === undefined || up === undefined) return undefined;
      return { kind: 'host', host: name, up, nth: n };
    },
  },
  link: {
    keys: ['up', 'nth'],
    read(f, host) {
      const between = f.req('link', hostPair(host));
      const up = f.req('up', flag);
      const n = f.opt('nth', nth) ?? 1;
      if (between === undefined || up === undefined) return undefined;
      return { kind: 'link', between, up, nth: n };
    },
  },
};

/** Two host names, the ends of a link: `[mail.a.example, mx.b.example]`. */
function hostPair(host: Check<string>): Check<[string, string]> {
  const expected = 'a list of two host names';
  return {
    expected,
    read(value, path, issues) {
      if (!Array.isArray(value) || value.length !== 2) {
        return issues.report(path, `expected ${expected}, got ${show(value)}`);
      }
      const a = host.read(value[0], `${path}[0]`, issues);
      const b = host.read(value[1], `${path}[1]`, issues);
      return a === undefined || b === undefined ? undefined : [a, b];
    },
  };
}

const SELECTOR_KINDS = Object.keys(SELECTORS) as Array<keyof typeof SELECTORS>;

function selector(hostNames: readonly string[] | undefined): Check<StepSelector> {
  const host = hostRef(hostNames);
  const expected = `start, end, or an object with one of ${SELECTOR_KINDS.join(', ')}`;
  return {
    expected,
    read(value, path, issues) {
      if (value === 'start' || value === 'end') return { kind: value };
      if (!isObject(value)) return issues.report(path, `expected ${expected}, got ${show(value)}`);
      const f = new Fields(value, path, issues);
      const present = SELECTOR_KINDS.filter((k) => f.has(k));
      // `host` names a host in queue and dns selectors; it is a kind of its own only alone.
      const kinds = present.length > 1 ? present.filter((k) => k !== 'host') : present;
      const kind = kinds[0];
      if (kind === undefined) {
        return issues.report(path, `expected ${expected}, got an object without any of them`);
      }
      if (kinds.length > 1) {
        return issues.report(path, `one kind of event at a time, got ${kinds.join(' and ')}`);
      }
      f.allowOnly([kind, ...SELECTORS[kind].keys]);
      return SELECTORS[kind].read(f, host);
    },
  };
}

function highlight(hostNames: readonly string[] | undefined): Check<Highlight> {
  const plain = oneOf(['event', 'connection', 'none'] as const);
  const onHost = shape('an object with host', ['host'], (f) => {
    const name = f.req('host', hostRef(hostNames));
    return name === undefined ? undefined : { kind: 'host' as const, host: name };
  });
  return {
    expected: 'event, connection, none or { host: NAME }',
    read(value, path, issues) {
      if (isObject(value)) return onHost.read(value, path, issues);
      const kind = plain.read(value, path, issues);
      return kind === undefined ? undefined : { kind };
    },
  };
}

/** The check of a whole step block; host names come from the lesson's scenario when it is valid. */
export function stepBlock(hostNames: readonly string[] | undefined): Check<StepBlock> {
  return shape(
    'a step block (YAML with at, and maybe highlight, panel, exercises)',
    ['at', 'highlight', 'panel', 'exercises'],
    (f) => {
      const at = f.req('at', selector(hostNames));
      const light = f.opt('highlight', highlight(hostNames)) ?? { kind: 'event' };
      const panel = f.opt('panel', oneOf(STEP_PANELS)) ?? 'transcript';
      const exercises = f.opt('exercises', exerciseIds) ?? [];
      if (at === undefined) return undefined;
      return { at, highlight: light, panel, exercises };
    },
  );
}
