// What the scenario form shows: the fields of the settings, of a host, a DNS record and each
// kind of event, as paths into the scenario document (the same paths the validator reports), and
// new items to add. Components draw these; error placement reads the same tables.
import {
  DNS_TYPES,
  EXTENSIONS,
  FAULT_COMMANDS,
  HOST_ROLES,
  type EventKind,
} from '../../../../core/scenario/types';
import type { MessageKey } from '../../../../i18n/index.svelte';
import type { ValueKind } from './convert';
import { isObject, join, type JsonObject } from './paths';

export type FieldKind = ValueKind | 'bool' | 'host' | 'extensions' | 'greylisting';

export interface FieldSpec {
  /** Path below the item: `ip`, `retry.first`, `between[1]`, `record.name`. */
  key: string;
  label: MessageKey;
  kind: FieldKind;
  required?: boolean;
  options?: readonly string[];
  hint?: MessageKey;
  /** A host field that may be left empty (`via`). */
  optional?: boolean;
  /** Takes the whole row. */
  wide?: boolean;
  /** Shown when this holds for the item, or when the item has a value there. */
  when?: (item: JsonObject) => boolean;
}

export const EVENT_KINDS: readonly EventKind[] = [
  'send',
  'down',
  'up',
  'linkDown',
  'linkUp',
  'dns',
  'etrn',
  'session',
  'note',
  'fault',
];

export const SETTINGS_FIELDS: readonly FieldSpec[] = [
  { key: 'title', label: 'edit.field.title', kind: 'text', required: true, wide: true },
  { key: 'description', label: 'edit.field.description', kind: 'textarea', wide: true },
  { key: 'seed', label: 'edit.field.seed', kind: 'number', hint: 'edit.hint.seed' },
  { key: 'latency', label: 'edit.field.latency', kind: 'text', hint: 'edit.hint.duration' },
  { key: 'until', label: 'edit.field.until', kind: 'text', hint: 'edit.hint.until' },
];

const isMta = (host: JsonObject) => host.role === 'mta';

export interface FieldGroup {
  legend: MessageKey;
  fields: readonly FieldSpec[];
}

export const HOST_GROUPS: readonly FieldGroup[] = [
  {
    legend: 'edit.group.identity',
    fields: [
      { key: 'name', label: 'edit.field.name', kind: 'text', required: true },
      { key: 'ip', label: 'edit.field.ip', kind: 'text', required: true, hint: 'edit.hint.ip' },
      {
        key: 'role',
        label: 'edit.field.role',
        kind: 'select',
        required: true,
        options: HOST_ROLES,
      },
    ],
  },
  {
    legend: 'edit.group.mail',
    fields: [
      {
        key: 'domains',
        label: 'edit.field.domains',
        kind: 'list',
        hint: 'edit.hint.list',
        when: isMta,
      },
      {
        key: 'mailboxes',
        label: 'edit.field.mailboxes',
        kind: 'list',
        hint: 'edit.hint.list',
        when: isMta,
      },
      {
        key: 'backupFor',
        label: 'edit.field.backupFor',
        kind: 'list',
        hint: 'edit.hint.backupFor',
        when: isMta,
      },
      {
        key: 'relayFrom',
        label: 'edit.field.relayFrom',
        kind: 'list',
        hint: 'edit.hint.relayFrom',
        when: isMta,
      },
      { key: 'etrn', label: 'edit.field.etrn', kind: 'bool', when: isMta },
    ],
  },
  {
    legend: 'edit.group.policies',
    fields: [
      {
        key: 'ports',
        label: 'edit.field.ports',
        kind: 'numberList',
        hint: 'edit.hint.ports',
        when: isMta,
      },
      {
        key: 'size',
        label: 'edit.field.size',
        kind: 'number',
        hint: 'edit.hint.size',
        when: isMta,
      },
      { key: 'greylisting', label: 'edit.field.greylisting', kind: 'greylisting', when: isMta },
      {
        key: 'users',
        label: 'edit.field.users',
        kind: 'map',
        hint: 'edit.hint.users',
        when: isMta,
      },
      {
        key: 'banner',
        label: 'edit.field.banner',
        kind: 'banner',
        hint: 'edit.hint.banner',
        when: isMta,
        wide: true,
      },
      {
        key: 'extensions',
        label: 'edit.field.extensions',
        kind: 'extensions',
        when: isMta,
        wide: true,
      },
    ],
  },
  {
    legend: 'edit.group.retry',
    fields: [
      {
        key: 'retry.first',
        label: 'edit.field.retryFirst',
        kind: 'text',
        hint: 'edit.hint.duration',
        when: isMta,
      },
      {
        key: 'retry.max',
        label: 'edit.field.retryMax',
        kind: 'text',
        hint: 'edit.hint.duration',
        when: isMta,
      },
      {
        key: 'retry.giveUp',
        label: 'edit.field.retryGiveUp',
        kind: 'text',
        hint: 'edit.hint.duration',
        when: isMta,
      },
      {
        key: 'retry.warnAfter',
        label: 'edit.field.retryWarnAfter',
        kind: 'text',
        hint: 'edit.hint.warnAfter',
        when: isMta,
      },
    ],
  },
];

export const RECORD_FIELDS: readonly FieldSpec[] = [
  { key: 'name', label: 'edit.field.recordName', kind: 'text', required: true },
  {
    key: 'type',
    label: 'edit.field.recordType',
    kind: 'select',
    required: true,
    options: DNS_TYPES,
  },
  {
    key: 'preference',
    label: 'edit.field.preference',
    kind: 'number',
    hint: 'edit.hint.preference',
    when: (r) => r.type === 'MX',
  },
  {
    key: 'value',
    label: 'edit.field.recordValue',
    kind: 'text',
    required: true,
    hint: 'edit.hint.recordValue',
  },
];

export const EXTENSION_OPTIONS = EXTENSIONS;

export type DnsForm = 'change' | 'fail' | 'restore';

/** Which of the three forms a dns event has, decided as the validator does. */
export function dnsForm(event: JsonObject): DnsForm {
  if (Object.hasOwn(event, 'fail')) return 'fail';
  if (Object.hasOwn(event, 'restore')) return 'restore';
  return 'change';
}

/** When an event happens; every event has it. */
export const AT_FIELD: FieldSpec = {
  key: 'at',
  label: 'edit.field.at',
  kind: 'text',
  required: true,
  hint: 'edit.hint.duration',
};
const host = (key: string, label: MessageKey, optional = false): FieldSpec => ({
  key,
  label,
  kind: 'host',
  required: !optional,
  optional,
});

const record = (prefix: string): FieldSpec[] =>
  RECORD_FIELDS.map((f) => ({
    ...f,
    key: `${prefix}.${f.key}`,
    ...(f.when
      ? { when: (e: JsonObject) => isObject(e.record) && f.when?.(e.record) === true }
      : {}),
  }));

/** The fields of one event after `at` and `do`, by its kind (and for dns, its form). */
export function eventFields(event: JsonObject): FieldSpec[] {
  switch (event.do) {
    case 'send':
      return [
        host('host', 'edit.field.fromHost'),
        host('via', 'edit.field.via', true),
        { key: 'port', label: 'edit.field.port', kind: 'number' },
        {
          key: 'from',
          label: 'edit.field.from',
          kind: 'text',
          required: true,
          hint: 'edit.hint.from',
        },
        { key: 'to', label: 'edit.field.to', kind: 'list', required: true, hint: 'edit.hint.list' },
        { key: 'subject', label: 'edit.field.subject', kind: 'text' },
        { key: 'auth.user', label: 'edit.field.authUser', kind: 'text' },
        { key: 'auth.password', label: 'edit.field.authPassword', kind: 'text' },
        {
          key: 'size',
          label: 'edit.field.messageSize',
          kind: 'number',
          hint: 'edit.hint.messageSize',
        },
        { key: 'headers', label: 'edit.field.headers', kind: 'map', hint: 'edit.hint.headers' },
        { key: 'body', label: 'edit.field.body', kind: 'textarea', wide: true },
      ];
    case 'down':
    case 'up':
      return [host('host', 'edit.field.host')];
    case 'linkDown':
    case 'linkUp':
      return [host('between[0]', 'edit.field.linkA'), host('between[1]', 'edit.field.linkB')];
    case 'dns':
      switch (dnsForm(event)) {
        case 'fail':
          return [
            { key: 'name', label: 'edit.field.dnsName', kind: 'text', required: true },
            {
              key: 'fail',
              label: 'edit.field.dnsFail',
              kind: 'select',
              required: true,
              options: ['servfail', 'timeout'],
            },
          ];
        case 'restore':
          return [{ key: 'restore', label: 'edit.field.dnsName', kind: 'text', required: true }];
        case 'change':
          return [
            {
              key: 'action',
              label: 'edit.field.dnsAction',
              kind: 'select',
              required: true,
              options: ['add', 'remove', 'replace'],
            },
            ...record('record'),
          ];
      }
      break;
    case 'etrn':
      return [
        host('host', 'edit.field.etrnHost'),
        host('server', 'edit.field.server'),
        {
          key: 'argument',
          label: 'edit.field.argument',
          kind: 'text',
          required: true,
          hint: 'edit.hint.argument',
        },
      ];
    case 'session':
      return [
        host('host', 'edit.field.fromHost'),
        host('server', 'edit.field.server'),
        { key: 'port', label: 'edit.field.port', kind: 'number' },
        {
          key: 'lines',
          label: 'edit.field.lines',
          kind: 'lines',
          required: true,
          hint: 'edit.hint.lines',
          wide: true,
        },
      ];
    case 'note':
      return [
        { key: 'text', label: 'edit.field.noteText', kind: 'textarea', required: true, wide: true },
      ];
    case 'fault':
      return [
        host('host', 'edit.field.host'),
        {
          key: 'command',
          label: 'edit.field.command',
          kind: 'select',
          required: true,
          options: FAULT_COMMANDS,
        },
        {
          key: 'reply',
          label: 'edit.field.reply',
          kind: 'text',
          required: true,
          hint: 'edit.hint.reply',
        },
        { key: 'times', label: 'edit.field.times', kind: 'number', hint: 'edit.hint.times' },
      ];
  }
  return [];
}

/** The fields of a host (every group), flat. */
export const HOST_FIELDS: readonly FieldSpec[] = HOST_GROUPS.flatMap((g) => g.fields);

/** Whether a field is drawn for this item. */
export function visible(field: FieldSpec, item: JsonObject, value: unknown): boolean {
  return field.when === undefined || field.when(item) || value !== undefined;
}

const LISTS = ['hosts', 'dns', 'events', 'expect'] as const;

/**
 * Every place an error can be shown: each field, each item, each list, the document. An error
 * goes to the deepest of these that holds its path.
 */
export function targets(doc: JsonObject): string[] {
  const out = ['', ...SETTINGS_FIELDS.map((f) => f.key), ...LISTS];
  const items = (key: string): JsonObject[] => {
    const list = doc[key];
    return Array.isArray(list) ? list.map((item: unknown) => (isObject(item) ? item : {})) : [];
  };
  items('hosts').forEach((_, i) => {
    const base = join('hosts', i);
    out.push(base, ...HOST_FIELDS.map((f) => join(base, f.key)));
  });
  items('dns').forEach((_, i) => {
    const base = join('dns', i);
    out.push(base, ...RECORD_FIELDS.map((f) => join(base, f.key)));
  });
  items('events').forEach((event, i) => {
    const base = join('events', i);
    out.push(base, join(base, 'at'), join(base, 'do'));
    out.push(...eventFields(event).map((f) => join(base, f.key)));
  });
  items('expect').forEach((_, i) => out.push(join('expect', i)));
  return out;
}
