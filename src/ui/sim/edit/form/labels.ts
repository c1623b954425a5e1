// The names of event kinds and DNS event forms in the catalogue.
import type { EventKind } from '../../../../core/scenario/types';
import type { MessageKey } from '../../../../i18n/index.svelte';
import type { DnsForm } from './spec';

export const KIND_LABELS: Record<EventKind, MessageKey> = {
  send: 'edit.kind.send',
  down: 'edit.kind.down',
  up: 'edit.kind.up',
  linkDown: 'edit.kind.linkDown',
  linkUp: 'edit.kind.linkUp',
  dns: 'edit.kind.dns',
  etrn: 'edit.kind.etrn',
  session: 'edit.kind.session',
  note: 'edit.kind.note',
  fault: 'edit.kind.fault',
};

export const DNS_FORM_LABELS: Record<DnsForm, MessageKey> = {
  change: 'edit.dnsForm.change',
  fail: 'edit.dnsForm.fail',
  restore: 'edit.dnsForm.restore',
};
