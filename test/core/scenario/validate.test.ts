import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findJsonSyntaxError } from '../../../src/core/scenario/jsonText';
import { parseScenarioText, validateScenario } from '../../../src/core/scenario/validate';
import type { Scenario } from '../../../src/core/scenario/types';

const SHARED = join(import.meta.dirname, '../../../../shared/scenarios');
const sharedFiles = readdirSync(SHARED).filter((f) => f.endsWith('.json'));

function valid(input: unknown): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.scenario;
}

function messages(input: unknown): string[] {
  const result = validateScenario(input);
  return result.ok ? [] : result.errors.map((e) => e.message);
}

/** A small valid scenario; cases below break it in various ways. */
const base = () => ({
  title: 'Base',
  hosts: [
    { name: 'alice-pc', ip: '192.0.2.10', role: 'client' },
    { name: 'mail.a.example', ip: '192.0.2.25', role: 'mta', domains: ['a.example'] },
    { name: 'mx.b.example', ip: '198.51.100.25', role: 'mta', mailboxes: ['bob@b.example'] },
  ],
  dns: [{ name: 'b.example', type: 'MX', preference: 10, value: 'mx.b.example' }],
  events: [
    {
      at: '1s',
      do: 'send',
      host: 'alice-pc',
      via: 'mail.a.example',
      from: 'alice@a.example',
      to: ['bob@b.example'],
    },
  ],
  expect: [{ delivered: 'bob@b.example' }],
});

const HOSTS = 'alice-pc, mail.a.example, mx.b.example';

describe('the shared scenarios', () => {
  it('has some', () => expect(sharedFiles.length).toBeGreaterThanOrEqual(4));

  it.each(sharedFiles)('%s validates', (file) => {
    const result = parseScenarioText(readFileSync(join(SHARED, file), 'utf8'));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('normalises backup-mx-etrn.json for the simulator', () => {
    const result = parseScenarioText(readFileSync(join(SHARED, 'backup-mx-etrn.json'), 'utf8'));
    if (!result.ok) throw new Error('invalid');
    const { scenario } = result;
    expect(scenario.seed).toBe(1);
    expect(scenario.latency).toBe(40);
    expect(scenario.until).toBeUndefined();
    expect(scenario.events.map((e) => e.at)).toEqual([0, 1000, 7_200_000, 7_260_000]);
    expect(scenario.events[3]).toEqual({
      at: 7_260_000,
      do: 'etrn',
      host: 'mx.b.example',
      server: 'backup.b.example',
      argument: 'b.example',
    });
    const backup = scenario.hosts[3];
    expect(backup?.retry).toEqual({
      first: 300_000,
      max: 3_600_000,
      giveUp: 432_000_000,
      warnAfter: 14_400_000,
    });
    expect(backup?.extensions).toContain('ETRN');
    expect(scenario.hosts[1]?.relayFrom).toEqual([{ network: 0xc0000200, prefix: 24 }]);
    expect(scenario.expect).toEqual([
      { check: 'delivered', mailbox: 'bob@b.example', subject: 'Hello' },
      { check: 'queueEmpty', host: 'backup.b.example' },
      { check: 'deliveredBefore', mailbox: 'bob@b.example', before: 7_320_000 },
    ]);
  });

  it('keeps banners, sizes and extensions as written', () => {
    const ehlo = parseScenarioText(readFileSync(join(SHARED, 'seed-ehlo-size.json'), 'utf8'));
    const session = parseScenarioText(readFileSync(join(SHARED, 'seed-session.json'), 'utf8'));
    if (!ehlo.ok || !session.ok) throw new Error('invalid');
    expect(ehlo.scenario.hosts[1]).toMatchObject({
      banner: ['serverdomain.com ESMTP Postfix', 'NO UCE. Terms of service apply.'],
      size: 14_680_064,
      extensions: ['SIZE', 'PIPELINING', 'HELP'],
    });
    expect(ehlo.scenario.expect[0]).toEqual({
      check: 'session',
      session: 1,
      codes: [220, 250, 552, 250, 221],
    });
    expect(session.scenario.hosts[1]?.banner).toEqual(['www.example.com ESMTP Postfix']);
    expect(session.scenario.events[0]).toMatchObject({ do: 'session', port: 25 });
  });
});

describe('defaults', () => {
  it('fills in every optional value', () => {
    const scenario = valid({ title: 'T', hosts: [{ name: 'mx', ip: '192.0.2.1', role: 'mta' }] });
    expect(scenario).toEqual({
      title: 'T',
      seed: 1,
      latency: 40,
      hosts: [
        {
          name: 'mx',
          ip: '192.0.2.1',
          role: 'mta',
          domains: [],
          mailboxes: [],
          relayFrom: [],
          backupFor: [],
          etrn: false,
          retry: { first: 300_000, max: 4_000_000, giveUp: 432_000_000 },
          banner: ['mx ESMTP Postfix'],
          size: 10_240_000,
          extensions: ['PIPELINING', 'SIZE', 'ENHANCEDSTATUSCODES', '8BITMIME', 'DSN'],
          users: {},
          ports: [25],
        },
      ],
      dns: [],
      events: [],
      expect: [],
    });
    expect(Object.keys(scenario)).not.toContain('until');
    expect(Object.keys(scenario.hosts[0] ?? {})).not.toContain('greylisting');
  });

  it('offers ETRN and AUTH by default when the host accepts them; merges partial retry', () => {
    const scenario = valid({
      title: 'T',
      seed: 9,
      latency: '0s',
      until: '1d',
      description: 'd',
      hosts: [
        {
          name: 'mx',
          ip: '192.0.2.1',
          role: 'mta',
          etrn: true,
          users: { alice: 'secret' },
          retry: { max: '1h' },
          greylisting: true,
          ports: [25, 587],
        },
        { name: 'mx2', ip: '192.0.2.2', role: 'mta', greylisting: { delay: '1m' } },
        { name: 'mx3', ip: '192.0.2.3', role: 'mta', greylisting: false },
      ],
    });
    expect(scenario).toMatchObject({ seed: 9, latency: 0, until: 86_400_000, description: 'd' });
    expect(scenario.hosts[0]).toMatchObject({
      extensions: ['PIPELINING', 'SIZE', 'ETRN', 'AUTH', 'ENHANCEDSTATUSCODES', '8BITMIME', 'DSN'],
      retry: { first: 300_000, max: 3_600_000, giveUp: 432_000_000 },
      greylisting: { delay: 300_000 },
      users: { alice: 'secret' },
      ports: [25, 587],
    });
    expect(scenario.hosts[1]?.greylisting).toEqual({ delay: 60_000 });
    expect(scenario.hosts[2]?.greylisting).toBeUndefined();
  });

  it('normalises every event kind', () => {
    const scenario = valid({
      ...base(),
      dns: [
        { name: 'b.example', type: 'MX', preference: 0, value: '.' },
        { name: 'b.example', type: 'AAAA', value: '2001:db8::25' },
        { name: 'www.b.example', type: 'CNAME', value: 'mx.b.example' },
        { name: 'b.example', type: 'TXT', value: 'v=spf1 -all' },
      ],
      events: [
        { at: '0s', do: 'note', text: 'Start' },
        { at: '1s', do: 'down', host: 'mx.b.example' },
        { at: '2s', do: 'up', host: 'mx.b.example' },
        { at: '3s', do: 'linkDown', between: ['alice-pc', 'mail.a.example'] },
        { at: '4s', do: 'linkUp', between: ['alice-pc', 'mail.a.example'] },
        {
          at: '5s',
          do: 'dns',
          action: 'replace',
          record: { name: 'mx.b.example', type: 'A', value: '198.51.100.26' },
        },
        { at: '6s', do: 'dns', fail: 'servfail', name: 'b.example' },
        { at: '7s', do: 'dns', restore: 'b.example' },
        {
          at: '8s',
          do: 'fault',
          host: 'mx.b.example',
          command: 'RCPT',
          reply: '451 4.3.0 Try later',
          times: 2,
        },
        {
          at: '9s',
          do: 'fault',
          host: 'mx.b.example',
          command: '.',
          reply: '554 Transaction failed',
        },
        {
          at: '10s',
          do: 'send',
          host: 'mail.a.example',
          from: '',
          to: ['bob@b.example', 'x@[192.0.2.1]'],
          subject: 'S',
          body: 'B',
          headers: { 'X-Lesson': '1' },
          size: 1000,
        },
        {
          at: '11s',
          do: 'session',
          host: 'alice-pc',
          server: 'mx.b.example',
          port: 587,
          lines: ['EHLO x', ''],
        },
      ],
      expect: [
        { delivered: 'bob@b.example', subjectContains: 'Undelivered' },
        { session: 2, replyLines: ['250 Ok'] },
      ],
    });
    expect(scenario.events).toEqual([
      { at: 0, do: 'note', text: 'Start' },
      { at: 1000, do: 'down', host: 'mx.b.example' },
      { at: 2000, do: 'up', host: 'mx.b.example' },
      { at: 3000, do: 'linkDown', between: ['alice-pc', 'mail.a.example'] },
      { at: 4000, do: 'linkUp', between: ['alice-pc', 'mail.a.example'] },
      {
        at: 5000,
        do: 'dns',
        action: 'replace',
        record: { name: 'mx.b.example', type: 'A', value: '198.51.100.26' },
      },
      { at: 6000, do: 'dns', action: 'fail', fail: 'servfail', name: 'b.example' },
      { at: 7000, do: 'dns', action: 'restore', name: 'b.example' },
      {
        at: 8000,
        do: 'fault',
        host: 'mx.b.example',
        command: 'RCPT',
        reply: { code: 451, enhanced: '4.3.0', lines: ['Try later'] },
        times: 2,
      },
      {
        at: 9000,
        do: 'fault',
        host: 'mx.b.example',
        command: '.',
        reply: { code: 554, lines: ['Transaction failed'] },
      },
      {
        at: 10_000,
        do: 'send',
        host: 'mail.a.example',
        from: '',
        to: ['bob@b.example', 'x@[192.0.2.1]'],
        subject: 'S',
        body: 'B',
        headers: { 'X-Lesson': '1' },
        size: 1000,
      },
      {
        at: 11_000,
        do: 'session',
        host: 'alice-pc',
        server: 'mx.b.example',
        port: 587,
        lines: ['EHLO x', ''],
      },
    ]);
    expect(Object.keys(scenario.events[9] ?? {})).not.toContain('times');
    expect(scenario.expect).toEqual([
      { check: 'delivered', mailbox: 'bob@b.example', subjectContains: 'Undelivered' },
      { check: 'session', session: 2, replyLines: ['250 Ok'] },
    ]);
  });
});

type Edit = (s: ReturnType<typeof base>) => unknown;
const withHost =
  (extra: Record<string, unknown>): Edit =>
  (s) => ({
    ...s,
    hosts: [...s.hosts, { name: 'h', ip: '203.0.113.1', role: 'mta', ...extra }],
  });
const withEvents =
  (...events: unknown[]): Edit =>
  (s) => ({ ...s, events });
const withExpect =
  (...expect: unknown[]): Edit =>
  (s) => ({ ...s, expect });
const withDns =
  (...dns: unknown[]): Edit =>
  (s) => ({ ...s, dns });

describe('broken scenarios: one message per problem, all of them', () => {
  const cases: [string, Edit, string[]][] = [
    ['not an object', () => [1], ['expected a scenario (a JSON object), got a list']],
    ['null', () => null, ['expected a scenario (a JSON object), got null']],
    [
      'empty object',
      () => ({}),
      [
        'title: missing, expected a title (a non-empty string)',
        'hosts: missing, expected a list of hosts',
      ],
    ],
    [
      'top-level keys',
      (s) => ({ ...s, title: ' ', seed: 1.5, latency: 40, until: '-1s', colour: 'red' }),
      [
        'colour: unknown key (expected one of title, description, seed, latency, until, hosts, dns, events, expect)',
        'title: " " is not a title (a non-empty string)',
        'seed: 1.5 is not a whole number, 0 or more',
        'latency: expected a duration (like "40ms", "1.5s" or "2h1m"), got 40',
        'until: "-1s" is not a duration (like "40ms", "1.5s" or "2h1m")',
      ],
    ],
    [
      'no hosts',
      (s) => ({ ...s, hosts: [], events: [], expect: [] }),
      ['hosts: expected a list of hosts, got an empty list'],
    ],
    [
      'host basics',
      (s) => ({
        ...s,
        hosts: [
          ...s.hosts,
          { name: 'bad host', ip: '10.0.0.300', role: 'server', colour: 'blue' },
          { ip: '10.0.0.1' },
          'mx.c.example',
        ],
      }),
      [
        `hosts[3].colour: unknown key (expected one of name, ip, role, domains, mailboxes, relayFrom, backupFor, etrn, retry, banner, size, extensions, greylisting, users, ports)`,
        'hosts[3].name: "bad host" is not a host name (letters, digits, "-" and ".")',
        'hosts[3].ip: "10.0.0.300" is not an IPv4 address',
        'hosts[3].role: "server" is not one of client, mta, dns',
        'hosts[4].name: missing, expected a host name (letters, digits, "-" and ".")',
        'hosts[4].role: missing, expected one of client, mta, dns',
        'hosts[5]: expected a host (an object with name, ip and role), got "mx.c.example"',
      ],
    ],
    [
      'duplicate names and addresses',
      (s) => ({
        ...s,
        hosts: [...s.hosts, { name: 'mx.b.example', ip: '192.0.2.10', role: 'mta' }],
      }),
      [
        'hosts[3].name: "mx.b.example" is already the name of hosts[2]',
        'hosts[3].ip: "192.0.2.10" is already the address of hosts[0]',
      ],
    ],
    [
      'host lists',
      withHost({
        domains: ['a.example', 'a.example', 'bad_domain'],
        mailboxes: ['bob', 'bob@b.example', 'a b@c.example'],
        relayFrom: ['192.0.2.7/24', '10.0.0.0/33', 24],
        backupFor: 'b.example',
        extensions: ['SIZE', 'size', 'TURN', 'SIZE'],
        ports: [25, 0, 25],
      }),
      [
        'hosts[3].domains[1]: "a.example" is listed twice',
        'hosts[3].domains[2]: "bad_domain" is not a domain name',
        'hosts[3].mailboxes[0]: "bob" is not an email address (local@domain)',
        'hosts[3].mailboxes[2]: "a b@c.example" is not an email address (local@domain)',
        'hosts[3].relayFrom[0]: "192.0.2.7/24" has host bits set (did you mean "192.0.2.0/24"?)',
        'hosts[3].relayFrom[1]: "10.0.0.0/33" is not a CIDR block (like "192.0.2.0/24")',
        'hosts[3].relayFrom[2]: expected a CIDR block (like "192.0.2.0/24"), got 24',
        'hosts[3].backupFor: expected a list of domain names, got "b.example"',
        'hosts[3].extensions[1]: "size" is not one of SIZE, PIPELINING, 8BITMIME, ENHANCEDSTATUSCODES, DSN, ETRN, STARTTLS, AUTH, HELP, VRFY',
        'hosts[3].extensions[2]: "TURN" is not one of SIZE, PIPELINING, 8BITMIME, ENHANCEDSTATUSCODES, DSN, ETRN, STARTTLS, AUTH, HELP, VRFY',
        'hosts[3].extensions[3]: "SIZE" is listed twice',
        'hosts[3].ports[1]: 0 is not a port number (1 to 65535)',
        'hosts[3].ports[2]: 25 is listed twice',
      ],
    ],
    [
      'host settings',
      withHost({
        etrn: 'yes',
        retry: { first: '1h', max: '5m', giveUp: '5 days', warn: '4h' },
        banner: ['first', 'second\r\nthird'],
        size: -1,
        greylisting: { delay: 5 },
        users: { alice: 1, 'bob smith': 'pw' },
      }),
      [
        'hosts[3].etrn: expected true or false, got "yes"',
        'hosts[3].retry.warn: unknown key (expected one of first, max, giveUp, warnAfter)',
        'hosts[3].retry.giveUp: "5 days" is not a duration (like "40ms", "1.5s" or "2h1m")',
        'hosts[3].retry: first (1h) is longer than max (5m)',
        'hosts[3].banner[1]: "second\\r\\nthird" is not a single line of text',
        'hosts[3].size: -1 is not a size in octets (0 or more; 0: no limit)',
        'hosts[3].greylisting.delay: expected a duration (like "40ms", "1.5s" or "2h1m"), got 5',
        'hosts[3].users.alice: expected a string, got 1',
        'hosts[3].users["bob smith"]: "bob smith" is not a user name (no spaces)',
      ],
    ],
    [
      'retry durations must be positive',
      withHost({ retry: { first: '0s', warnAfter: '0ms' }, banner: [], ports: [] }),
      [
        'hosts[3].retry.first: "0s" is not a duration longer than 0s (like "5m")',
        'hosts[3].retry.warnAfter: "0ms" is not a duration longer than 0s (like "5m")',
        'hosts[3].banner: expected a list of lines, got an empty list',
        'hosts[3].ports: expected a list of port numbers, got an empty list',
      ],
    ],
    [
      'dns records',
      withDns(
        { name: 'b.example', type: 'MX', value: 'mx.b.example' },
        { name: 'b.example', type: 'A', value: '198.51.100.300', preference: 10 },
        { name: 'b.example', type: 'SRV', value: 'x' },
        { name: 'b..example', type: 'AAAA', value: '2001:db8::g' },
        { name: 'b.example', type: 'MX', preference: 70000, value: 'not a host' },
        { type: 'TXT', value: 7, ttl: 60 },
      ),
      [
        'dns[0].preference: missing, expected an MX preference (0 to 65535)',
        'dns[1].value: "198.51.100.300" is not an IPv4 address',
        'dns[1].preference: only MX records have a preference',
        'dns[2].type: "SRV" is not one of MX, A, AAAA, CNAME, TXT',
        'dns[3].name: "b..example" is not a domain name',
        'dns[3].value: "2001:db8::g" is not an IPv6 address',
        'dns[4].value: "not a host" is not a host name, or "." for a null MX',
        'dns[4].preference: 70000 is not an MX preference (0 to 65535)',
        'dns[5].ttl: unknown key (expected one of name, type, preference, value)',
        'dns[5].name: missing, expected a domain name',
        'dns[5].value: expected a string, got 7',
      ],
    ],
    [
      'send events',
      withEvents(
        {
          at: '1x',
          do: 'send',
          host: 'carol-pc',
          via: 'mx.c.example',
          from: 'alice',
          to: ['bob', 'bob@b.example'],
        },
        {
          at: '1s',
          do: 'send',
          host: 'alice-pc',
          from: 'a@a.example',
          to: [],
          subject: 'two\nlines',
          cc: 'x',
        },
        {
          at: '1s',
          do: 'send',
          host: 'alice-pc',
          from: 'a@a.example',
          to: 'bob@b.example',
          headers: { 'Bad Name': 'v' },
          size: 0,
        },
      ),
      [
        'events[0].at: "1x" is not a duration (like "40ms", "1.5s" or "2h1m")',
        `events[0].host: "carol-pc" is not one of the hosts (${HOSTS})`,
        `events[0].via: "mx.c.example" is not one of the hosts (${HOSTS})`,
        'events[0].from: "alice" is not an email address, or "" for the null sender',
        'events[0].to[0]: "bob" is not an email address (local@domain)',
        'events[1].cc: unknown key (expected one of at, do, host, via, port, auth, from, to, subject, body, headers, size)',
        'events[1].to: expected a list of email addresses, got an empty list',
        'events[1].subject: "two\\nlines" is not a single line of text',
        'events[2].to: expected a list of email addresses, got "bob@b.example"',
        'events[2].headers["Bad Name"]: "Bad Name" is not a header name (printable ASCII, no ":")',
        'events[2].size: 0 is not a size in octets (1 or more)',
      ],
    ],
    [
      'other events',
      withEvents(
        { do: 'explode', host: 'x' },
        { at: '1s' },
        'down',
        { at: '1s', do: 'down' },
        { at: '1s', do: 'up', host: 'mx.c.example', between: [] },
        { at: '1s', do: 'linkDown', between: ['alice-pc'] },
        { at: '1s', do: 'linkUp', between: ['alice-pc', 'alice-pc'] },
        { at: '1s', do: 'linkUp', between: ['alice-pc', 'nowhere'] },
        {
          at: '1s',
          do: 'etrn',
          host: 'mx.b.example',
          server: 'mail.a.example',
          argument: 'b example',
        },
        {
          at: '1s',
          do: 'session',
          host: 'alice-pc',
          server: 'mx.b.example',
          port: 99999,
          lines: ['EHLO x\r\n'],
        },
        { at: '1s', do: 'note' },
        { at: '1s', do: 'fault', host: 'mx.b.example', command: 'mail', reply: '250 Ok', times: 0 },
        { at: '1s', do: 'fault', host: 'mx.b.example', command: 'MAIL', reply: '451 5.3.0 x' },
      ),
      [
        'events[0].at: missing, expected a duration (like "40ms", "1.5s" or "2h1m")',
        'events[0].do: "explode" is not one of send, down, up, linkDown, linkUp, dns, etrn, session, note, fault',
        'events[1].do: missing, expected one of send, down, up, linkDown, linkUp, dns, etrn, session, note, fault',
        'events[2]: expected an event (an object with "at" and "do"), got "down"',
        `events[3].host: missing, expected one of the hosts (${HOSTS})`,
        'events[4].between: unknown key (expected one of at, do, host)',
        `events[4].host: "mx.c.example" is not one of the hosts (${HOSTS})`,
        'events[5].between: expected a list of two hosts, got 1 items',
        'events[6].between: a link joins two different hosts, got "alice-pc" twice',
        `events[7].between[1]: "nowhere" is not one of the hosts (${HOSTS})`,
        'events[8].argument: "b example" is not an ETRN argument (like "b.example", "@b.example" or "#queue")',
        'events[9].port: 99999 is not a port number (1 to 65535)',
        'events[9].lines[0]: "EHLO x\\r\\n" is not a single line of text',
        'events[10].text: missing, expected a string',
        'events[11].command: "mail" is not one of CONNECT, HELO, EHLO, MAIL, RCPT, DATA, ., RSET, VRFY, EXPN, HELP, NOOP, QUIT, ETRN, STARTTLS, AUTH',
        'events[11].reply: "250 Ok" is not a reply like "451 4.3.0 Try later" (a 4xx or 5xx code, then text), or "drop"',
        'events[11].times: 0 is not a number of times (1 or more)',
        'events[12].reply: "451 5.3.0 x" is not a reply like "451 4.3.0 Try later" (a 4xx or 5xx code, then text), or "drop"',
      ],
    ],
    [
      'dns events',
      withEvents(
        { at: '1s', do: 'dns', action: 'rename', record: { name: 'b.example', type: 'A' } },
        { at: '1s', do: 'dns', fail: 'nxdomain', name: 'b.example', action: 'add' },
        { at: '1s', do: 'dns', restore: 42 },
        { at: '1s', do: 'dns' },
      ),
      [
        'events[0].action: "rename" is not one of add, remove, replace',
        'events[0].record.value: missing, expected an IPv4 address',
        'events[1].action: unknown key (expected one of at, do, fail, name)',
        'events[1].fail: "nxdomain" is not one of servfail, timeout',
        'events[2].restore: expected a domain name, got 42',
        'events[3].action: missing, expected one of add, remove, replace',
        'events[3].record: missing, expected a DNS record (an object with name, type and value)',
      ],
    ],
    [
      'expect checks',
      withExpect(
        { delivered: 'bob', subject: 3 },
        { deliveredBefore: 'soon', mailbox: 'bob@b.example', subject: 'x' },
        { queueEmpty: 'mx.c.example' },
        { session: 0, codes: [250, 99] },
        { session: 1 },
        { mailbox: 'bob@b.example' },
        [],
      ),
      [
        'expect[0].delivered: "bob" is not an email address (local@domain)',
        'expect[0].subject: expected a single line of text, got 3',
        'expect[1].subject: unknown key (expected one of deliveredBefore, mailbox)',
        'expect[1].deliveredBefore: "soon" is not a duration (like "40ms", "1.5s" or "2h1m")',
        `expect[2].queueEmpty: "mx.c.example" is not one of the hosts (${HOSTS})`,
        'expect[3].session: 0 is not a connection number (1 or more)',
        'expect[3].codes[1]: 99 is not a reply code (200 to 599)',
        'expect[4]: a session check needs codes, replyLines or both',
        'expect[5]: expected a check (an object with one of delivered, deliveredBefore, queueEmpty, session), got an object without any of them',
        'expect[6]: expected a check (an object with one of delivered, deliveredBefore, queueEmpty, session), got a list',
      ],
    ],
    [
      'references are not checked against a broken host list (no cascade)',
      (s) => ({ ...s, hosts: 'alice-pc' }),
      ['hosts: expected a list of hosts, got "alice-pc"'],
    ],
    [
      'a host with other mistakes still counts for references',
      (s) => ({ ...s, hosts: [{ ...s.hosts[0], ip: 'x' }, ...s.hosts.slice(1)] }),
      ['hosts[0].ip: "x" is not an IPv4 address'],
    ],
  ];

  it.each(cases)('%s', (_name, edit, expected) => {
    expect(messages(edit(base()))).toEqual(expected);
  });

  it('gives each error its path', () => {
    const result = validateScenario(withHost({ ip: '10.0.0.300' })(base()));
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: 'hosts[3].ip',
          message: 'hosts[3].ip: "10.0.0.300" is not an IPv4 address',
          problem: expect.anything(),
        },
      ],
    });
  });
});

describe('parseScenarioText', () => {
  it('validates the parsed value', () => {
    expect(parseScenarioText(JSON.stringify(base()))).toEqual(validateScenario(base()));
    expect(parseScenarioText(`\uFEFF${JSON.stringify(base())}`).ok).toBe(true);
    expect(parseScenarioText('{"title": "x"}')).toEqual({
      ok: false,
      errors: [
        {
          path: 'hosts',
          message: 'hosts: missing, expected a list of hosts',
          problem: expect.anything(),
        },
      ],
    });
  });

  it('reports a syntax error with its line and column', () => {
    const text = '{\n  "title": "x",\n  "hosts": [}\n}';
    expect(parseScenarioText(text)).toEqual({
      ok: false,
      errors: [
        {
          path: '',
          message: 'line 3, column 13: Unexpected token "}", expected a value or "]"',
          problem: expect.anything(),
          line: 3,
          column: 13,
        },
      ],
    });
  });

  it.each([
    ['', 'line 1, column 1: Unexpected end of text, expected a value'],
    [
      '{',
      'line 1, column 2: Unexpected end of text, expected a property name in double quotes or "}"',
    ],
    [
      '{"a": 1,}',
      'line 1, column 9: Unexpected "}" after ",": JSON does not allow a trailing comma',
    ],
    [
      '[1,\n 2,\n]',
      'line 3, column 1: Unexpected "]" after ",": JSON does not allow a trailing comma',
    ],
    [
      "{'a': 1}",
      'line 1, column 2: Unexpected "\'": JSON strings and property names need double quotes',
    ],
    ['{"a": 1 // x\n}', 'line 1, column 9: Unexpected "/": JSON does not allow comments'],
    ['{"a" 1}', 'line 1, column 6: Unexpected token "1", expected ":"'],
    ['{"a": 1 "b": 2}', 'line 1, column 9: Unexpected token "\\"", expected "," or "}"'],
    ['[1 2]', 'line 1, column 4: Unexpected token "2", expected "," or "]"'],
    ['{"a": [1, 2}', 'line 1, column 12: Unexpected token "}", expected "," or "]"'],
    ['{"a": tru}', 'line 1, column 7: Unexpected token "tru", expected a value'],
    ['{"a": -}', 'line 1, column 7: Unexpected token "-", expected a value'],
    ['{"a": 1} x', 'line 1, column 10: Unexpected token "x" after the end of the JSON value'],
    ['{"a": "b\nc"}', 'line 1, column 9: Line break inside a string (write \\n)'],
    ['{"a": "b\\qc"}', 'line 1, column 9: Bad escape "\\\\q" in a string'],
    ['{"a": "\\u12"}', 'line 1, column 8: Bad escape "\\\\u" in a string'],
    ['{"a": "bc', 'line 1, column 7: Unterminated string'],
    ['{"a": "\t"}', 'line 1, column 8: Control character inside a string'],
    ['\r\n\r\n  ]', 'line 3, column 3: Unexpected token "]", expected a value'],
  ])('%j', (text, message) => {
    const result = parseScenarioText(text);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([message]);
  });

  it('finds an error exactly when JSON.parse fails', () => {
    const nearlyJson = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', '{', '[', ' ', '\n', 'x', '0', '\\', "'"),
        fc.nat(3),
      )
      .map(([json, at, insert, cut]) => {
        const i = at % (json.length + 1);
        return json.slice(0, i) + insert + json.slice(i + cut);
      });
    fc.assert(
      fc.property(fc.oneof(nearlyJson, fc.string()), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(findJsonSyntaxError(text) === undefined).toBe(parses);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const result = parseScenarioText(text);
        if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('robustness', () => {
  it('never throws on arbitrary JSON values and always explains a refusal', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateScenario(value);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const e of result.errors) expect(e.message.startsWith(e.path)).toBe(true);
        }
      }),
    );
  });

  it('never throws on arbitrary values, prototypes and odd keys included', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (value) => {
        expect(() => validateScenario(value)).not.toThrow();
      }),
    );
    expect(messages(JSON.parse('{"title":"t","hosts":[],"__proto__":{"x":1}}'))).toEqual([
      '__proto__: unknown key (expected one of title, description, seed, latency, until, hosts, dns, events, expect)',
      'hosts: expected a list of hosts, got an empty list',
    ]);
  });

  it('never throws when any part of a valid scenario is replaced by any JSON value', () => {
    const scenarios = sharedFiles.map(
      (f) => JSON.parse(readFileSync(join(SHARED, f), 'utf8')) as unknown,
    );
    scenarios.push(base());
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.jsonValue(), (which, where, replacement) => {
        const copy = structuredClone(scenarios[which % scenarios.length]);
        const slots: [Record<string, unknown> | unknown[], string | number][] = [];
        const collect = (node: unknown): void => {
          if (Array.isArray(node)) node.forEach((v, i) => (slots.push([node, i]), collect(v)));
          else if (node !== null && typeof node === 'object') {
            for (const [k, v] of Object.entries(node)) {
              slots.push([node as Record<string, unknown>, k]);
              collect(v);
            }
          }
        };
        collect(copy);
        const slot = slots[where % slots.length];
        if (slot !== undefined)
          (slot[0] as Record<string | number, unknown>)[slot[1]] = replacement;
        const result = validateScenario(copy);
        if (!result.ok) {
          for (const e of result.errors) expect(e.message.startsWith(`${e.path}: `)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
