// New items for the scenario form: a host, a DNS record, an event of each kind, filled in from
// what the scenario already has so that most of them are valid at once. Also where each
// validation error is shown.
import type { EventKind, ScenarioError } from '../../../../core/scenario/types';
import type { DnsForm } from './spec';
import { targets } from './spec';
import { isObject, isUnder, type JsonObject } from './paths';
import { coreMessage } from '../../../../i18n/coreText';

interface HostInfo {
  name: string;
  role: string;
  ip: string;
  domains: string[];
  mailboxes: string[];
  etrn: boolean;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];

/** The hosts of a document as far as they can be read. */
export function hostsOf(doc: JsonObject): HostInfo[] {
  const list: unknown[] = Array.isArray(doc.hosts) ? doc.hosts : [];
  return list.filter(isObject).map((h) => ({
    name: typeof h.name === 'string' ? h.name : '',
    role: typeof h.role === 'string' ? h.role : '',
    ip: typeof h.ip === 'string' ? h.ip : '',
    domains: strings(h.domains),
    mailboxes: strings(h.mailboxes),
    etrn: h.etrn === true,
  }));
}

/** Host names for a picker: the ones written, without empty or repeated ones. */
export function hostNames(doc: JsonObject): string[] {
  return [...new Set(hostsOf(doc).map((h) => h.name))].filter((n) => n !== '');
}

export function newHost(doc: JsonObject): JsonObject {
  const hosts = hostsOf(doc);
  const names = new Set(hosts.map((h) => h.name));
  const ips = new Set(hosts.map((h) => h.ip));
  let n = 1;
  while (names.has(`host${n}.example`)) n += 1;
  let last = 100;
  while (ips.has(`192.0.2.${last}`) && last < 254) last += 1;
  return { name: `host${n}.example`, ip: `192.0.2.${last}`, role: 'mta' };
}

export function newRecord(doc: JsonObject): JsonObject {
  const domain = hostsOf(doc).find((h) => h.domains.length > 0)?.domains[0] ?? '';
  return { name: domain, type: 'A', value: '' };
}

export function dnsTemplate(form: DnsForm, at: unknown): JsonObject {
  switch (form) {
    case 'fail':
      return { at, do: 'dns', name: '', fail: 'servfail' };
    case 'restore':
      return { at, do: 'dns', restore: '' };
    case 'change':
      return { at, do: 'dns', action: 'add', record: { name: '', type: 'A', value: '' } };
  }
}

/** Likely parties for a message or a session: a client (or any host), a server, two addresses. */
export function guessParties(doc: JsonObject): {
  client: string;
  server: string;
  from: string;
  to: string;
} {
  const hosts = hostsOf(doc);
  const mtas = hosts.filter((h) => h.role === 'mta');
  const client = hosts.find((h) => h.role === 'client') ?? hosts[0];
  const server = mtas.find((h) => h.name !== client?.name) ?? mtas[0];
  // The sender's mailbox is at the server the client hands mail to; the recipient elsewhere.
  const from = server?.mailboxes[0] ?? mtas.flatMap((h) => h.mailboxes)[0] ?? '';
  const to =
    mtas
      .filter((h) => h !== server)
      .flatMap((h) => h.mailboxes)
      .find((m) => m !== from) ??
    mtas.flatMap((h) => h.mailboxes).find((m) => m !== from) ??
    '';
  return { client: client?.name ?? '', server: server?.name ?? '', from, to };
}

export function newEvent(kind: EventKind, doc: JsonObject, at: unknown = '0s'): JsonObject {
  const hosts = hostsOf(doc);
  const { client, server, from, to } = guessParties(doc);
  const mta = hosts.find((h) => h.role === 'mta')?.name ?? '';
  switch (kind) {
    case 'send':
      return { at, do: kind, host: client, ...(server ? { via: server } : {}), from, to: [to] };
    case 'down':
    case 'up':
      return { at, do: kind, host: server || mta };
    case 'linkDown':
    case 'linkUp':
      return { at, do: kind, between: [client, server] };
    case 'dns':
      return dnsTemplate('change', at);
    case 'etrn': {
      const backup = hosts.find((h) => h.etrn)?.name ?? mta;
      const asker = hosts.find((h) => h.role === 'mta' && h.name !== backup)?.name ?? mta;
      const domain = hosts.find((h) => h.name === asker)?.domains[0] ?? '';
      return { at, do: kind, host: asker, server: backup, argument: domain };
    }
    case 'session':
      return {
        at,
        do: kind,
        host: client,
        server,
        port: 25,
        lines: [`EHLO ${client || 'client.example'}`, 'QUIT'],
      };
    case 'note':
      return { at, do: kind, text: '' };
    case 'fault':
      return {
        at,
        do: kind,
        host: server || mta,
        command: 'RCPT',
        reply: '451 4.3.0 Try again later',
        times: 1,
      };
  }
}

/** Errors by the path of the place that shows them (a field, an item, a list or the document). */
export function placeErrors(
  errors: readonly ScenarioError[],
  doc: JsonObject,
): Map<string, ScenarioError[]> {
  const places = targets(doc);
  const placed = new Map<string, ScenarioError[]>();
  for (const error of errors) {
    let best = '';
    for (const place of places) {
      if (place.length > best.length && isUnder(error.path, place)) best = place;
    }
    placed.set(best, [...(placed.get(best) ?? []), error]);
  }
  return placed;
}

/**
 * The message as shown at `place`, in the page's language (English when the problem came as
 * plain English: see `ScenarioError.problem`): without the part of the path the place already
 * says. What lies below the place stays (`colour: unknown key …` on a host), except a list
 * index: the message quotes the item itself.
 */
export function messageText(error: ScenarioError, place = error.path): string {
  const prefix = `${error.path}: `;
  let rest: string;
  if (error.problem !== undefined) rest = coreMessage(error.problem);
  else if (error.path !== '' && error.message.startsWith(prefix))
    rest = error.message.slice(prefix.length);
  else return error.message;
  if (error.path === '') return rest;
  const below = error.path.slice(place.length).replace(/^\./, '');
  return below === '' || /^\[\d+\]$/.test(below) ? rest : `${below}: ${rest}`;
}
