// The servers a student can talk to on the console page, and the small host around each one:
// where accepted messages go, ETRN, greylisting. Each host keeps its state across connections,
// so that a greylisted try passes when the student reconnects and tries again.
import {
  defaultPolicy,
  type AcceptedMessage,
  type EtrnOutcome,
  type EtrnRequest,
  type ServerHooks,
  type ServerPolicy,
} from '../../core/machines/smtpServer';
import type { MessageKey, Vars } from '../../i18n/index.svelte';

export interface ServerPreset {
  id: string;
  host: string;
  /** Documentation addresses (RFC 5737). */
  ip: string;
  port: number;
  description: { key: MessageKey; vars?: Vars };
  policy: ServerPolicy;
  /** Lines for the "try these" list, in the order of a session. */
  suggestions: readonly string[];
}

/** The address of "your computer" in the console (RFC 5737 TEST-NET-2). */
export const CLIENT_IP = '198.51.100.7';

/** Seconds a greylisted triplet must wait before it passes (Postgrey waits 300). */
export const GREYLIST_DELAY_SECONDS = 20;

/** The textbook session; '' is the empty line between header and body. */
const SEED_SESSION = [
  'HELO mydomain.com',
  'MAIL FROM:<sender@mydomain.com>',
  'RCPT TO:<friend@example.com>',
  'DATA',
  'Subject: test message',
  '',
  'Hello, this is a test.',
  '.',
];

export const PRESETS: readonly ServerPreset[] = [
  {
    id: 'www',
    host: 'www.example.com',
    ip: '192.0.2.25',
    port: 25,
    description: { key: 'preset.www.description' },
    policy: defaultPolicy('www.example.com', {
      banner: ['www.example.com ESMTP Postfix'],
      localDomains: ['example.com'],
      mailboxes: ['friend@example.com'],
      extensions: [],
    }),
    suggestions: [...SEED_SESSION, 'VRFY friend', 'NOOP', 'HELP', 'RSET', 'QUIT'],
  },
  {
    id: 'mxb',
    host: 'mx.b.example',
    ip: '192.0.2.53',
    port: 25,
    description: { key: 'preset.mxb.description' },
    policy: defaultPolicy('mx.b.example', {
      banner: ['mx.b.example ESMTP'],
      localDomains: ['b.example'],
      mailboxes: ['bob@b.example'],
      backupFor: ['a.example'],
      sizeLimit: 14_680_064,
      extensions: ['SIZE', 'PIPELINING', '8BITMIME', 'ENHANCEDSTATUSCODES', 'HELP', 'AUTH', 'ETRN'],
      users: { alice: 'secret' },
      etrn: true,
    }),
    suggestions: [
      'EHLO mydomain.com',
      'MAIL FROM:<sender@mydomain.com> SIZE=2000',
      'RCPT TO:<bob@b.example>',
      'RCPT TO:<someone@a.example>',
      'RCPT TO:<nobody@elsewhere.example>',
      'DATA',
      'Subject: for bob and a.example',
      '',
      'Hello.',
      '.',
      'ETRN a.example',
      'AUTH PLAIN AGFsaWNlAHNlY3JldA==',
      'HELP MAIL',
      'QUIT',
    ],
  },
  {
    id: 'mxc',
    host: 'mail.c.example',
    ip: '192.0.2.80',
    port: 25,
    description: { key: 'preset.mxc.description', vars: { seconds: GREYLIST_DELAY_SECONDS } },
    policy: defaultPolicy('mail.c.example', {
      banner: ['mail.c.example ESMTP Postfix'],
      localDomains: ['c.example'],
      mailboxes: ['carol@c.example'],
      greylisting: true,
    }),
    suggestions: [
      'EHLO mydomain.com',
      'MAIL FROM:<sender@mydomain.com>',
      'RCPT TO:<carol@c.example>',
      'RSET',
      'QUIT',
    ],
  },
];

export function findPreset(id: string): ServerPreset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** A Postfix-style queue id (10 hex digits), deterministic per host. */
function queueId(host: string, n: number): string {
  let h = 0x811c9dc5;
  for (const ch of `${host}#${n}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return (h.toString(16).toUpperCase() + n.toString(16).toUpperCase()).padStart(10, '0').slice(-10);
}

/** The host behind one preset: stores messages, answers ETRN, remembers greylisting triplets. */
export class SimulatedHost {
  readonly preset: ServerPreset;
  readonly stored: AcceptedMessage[] = [];
  readonly #now: () => number;
  readonly #firstSeen = new Map<string, number>();
  /** Messages waiting for a domain this host is backup MX for, until ETRN flushes them. */
  readonly #waiting = new Map<string, number>();

  constructor(preset: ServerPreset, now: () => number = () => Date.now()) {
    this.preset = preset;
    this.#now = now;
  }

  get hooks(): ServerHooks {
    const hooks: ServerHooks = { store: (message) => this.#store(message) };
    if (this.preset.policy.etrn) hooks.etrn = (request) => this.#etrn(request);
    if (this.preset.policy.greylisting) hooks.greylist = (triplet) => this.#greylist(triplet);
    return hooks;
  }

  #store(message: AcceptedMessage): { ok: true; queueId: string } {
    this.stored.push(message);
    for (const recipient of message.recipients) {
      if (recipient.route !== 'backup' || recipient.path.kind !== 'mailbox') continue;
      const domain = recipient.path.mailbox.domain.toLowerCase();
      this.#waiting.set(domain, (this.#waiting.get(domain) ?? 0) + 1);
    }
    return { ok: true, queueId: queueId(this.preset.host, this.stored.length) };
  }

  #etrn(request: EtrnRequest): EtrnOutcome {
    const node = request.argument.toLowerCase();
    if (request.kind === 'queue' || !this.preset.policy.backupFor.includes(node)) {
      return { code: 458 };
    }
    const count = this.#waiting.get(node) ?? 0;
    this.#waiting.delete(node);
    return count === 0 ? { code: 251 } : { code: 253, count };
  }

  #greylist(triplet: { ip: string; sender: string; recipient: string }): 'pass' | 'defer' {
    const key = `${triplet.ip}|${triplet.sender.toLowerCase()}|${triplet.recipient.toLowerCase()}`;
    const now = this.#now();
    const first = this.#firstSeen.get(key);
    if (first === undefined) {
      this.#firstSeen.set(key, now);
      return 'defer';
    }
    return now - first >= GREYLIST_DELAY_SECONDS * 1000 ? 'pass' : 'defer';
  }
}
