// The console's state: one simulated host per preset server, at most one open connection, and
// the transcript. Components read the fields; they act through connect, disconnect and send.
import type { ActorOptions, AnyActorLogic } from 'xstate';
import { ServerSession } from '../../core/machines/smtpServer';
import { CLIENT_IP, PRESETS, SimulatedHost, findPreset, type ServerPreset } from './presets';
import { DialogueTracker, type Entry, type EntryBody, type InputMode } from './transcript';

export interface ConsoleOptions {
  /** Wall-clock time for greylisting; Date.now by default. */
  now?: () => number;
  /** A clock for the server's timeouts (tests pass a SimulatedClock); real time by default. */
  clock?: ActorOptions<AnyActorLogic>['clock'];
  presetId?: string;
}

const FIRST_PRESET = PRESETS[0] as ServerPreset;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** What a terminal sends for typed text: its UTF-8 octets, one char per octet (see session.ts). */
export function toOctets(text: string): string {
  let octets = '';
  for (const byte of utf8.encode(text)) octets += String.fromCharCode(byte);
  return octets;
}

/** What a terminal shows for octets the server wrote: UTF-8 decoded, invalid bytes as U+FFFD. */
export function fromOctets(octets: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(octets)) return octets;
  return fromUtf8.decode(Uint8Array.from(octets, (c) => c.charCodeAt(0) & 0xff));
}

export class ConsoleSession {
  /** The transcript, oldest first. Replaced, never mutated: entries are immutable. */
  entries = $state.raw<Entry[]>([]);
  /** The server chosen in the picker: the next connection goes there. */
  presetId = $state(FIRST_PRESET.id);
  /** The server of the open connection, or null. */
  connectedTo = $state.raw<ServerPreset | null>(null);
  /** What the next line of the client is: a command, message text, or an AUTH response. */
  mode = $state<InputMode>('command');

  readonly #options: ConsoleOptions;
  // Not reactive on purpose: the hosts are looked up, never shown.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #hosts = new Map<string, SimulatedHost>();
  #session: ServerSession | null = null;
  #tracker = new DialogueTracker();
  #nextId = 1;
  #connections = 0;

  constructor(options: ConsoleOptions = {}) {
    this.#options = options;
    if (options.presetId && findPreset(options.presetId)) this.presetId = options.presetId;
  }

  get preset(): ServerPreset {
    return findPreset(this.presetId) ?? FIRST_PRESET;
  }

  get connected(): boolean {
    return this.connectedTo !== null;
  }

  /** The host behind a preset, created on first use and kept across connections. */
  host(presetId: string): SimulatedHost | undefined {
    const preset = findPreset(presetId);
    if (!preset) return undefined;
    let host = this.#hosts.get(preset.id);
    if (!host) {
      host = new SimulatedHost(preset, this.#options.now);
      this.#hosts.set(preset.id, host);
    }
    return host;
  }

  /** Opens a connection to the chosen server, closing the open one first. */
  connect(): void {
    if (this.#session) this.disconnect();
    const preset = this.preset;
    const host = this.host(preset.id) as SimulatedHost;
    const tracker = new DialogueTracker();
    this.#tracker = tracker;
    this.mode = tracker.mode;
    this.#connections += 1;
    this.#add(
      { side: 'note', kind: 'note', text: `$ telnet ${preset.host} ${preset.port}` },
      { side: 'note', kind: 'note', text: `Trying ${preset.ip}...` },
      { side: 'note', kind: 'note', text: `Connected to ${preset.host}.`, announce: true },
      { side: 'note', kind: 'note', text: "Escape character is '^]'." },
    );
    const session: ServerSession = new ServerSession(
      {
        policy: preset.policy,
        hooks: host.hooks,
        clientIp: CLIENT_IP,
        id: `${preset.host}/server#${this.#connections}`,
        ...(this.#options.clock ? { clock: this.#options.clock } : {}),
      },
      {
        reply: (lines, reply) => {
          if (this.#session !== session) return;
          this.#add(tracker.server(lines.map(fromOctets), reply));
          this.mode = tracker.mode;
        },
        close: () => {
          if (this.#session !== session) return;
          this.#session = null;
          this.connectedTo = null;
          this.#add({
            side: 'note',
            kind: 'note',
            text: 'Connection closed by foreign host.',
            announce: true,
          });
        },
      },
    );
    this.#session = session;
    this.connectedTo = preset;
    session.start();
  }

  /** The client closes the connection (telnet: `^]` then `quit`). */
  disconnect(): void {
    const session = this.#session;
    if (!session) return;
    this.#session = null;
    this.connectedTo = null;
    session.stop();
    this.#add({ side: 'note', kind: 'note', text: 'Connection closed.', announce: true });
  }

  /** Sends one line (CRLF added). False when there is no open connection. */
  send(text: string): boolean {
    const session = this.#session;
    if (!session) return false;
    this.#add(this.#tracker.client(text));
    this.mode = this.#tracker.mode;
    session.receive(`${toOctets(text)}\r\n`);
    return true;
  }

  clear(): void {
    this.entries = [];
  }

  /** Stops the open session and its timers without a transcript line (the page is left). */
  dispose(): void {
    const session = this.#session;
    this.#session = null;
    this.connectedTo = null;
    session?.stop();
  }

  #add(...bodies: EntryBody[]): void {
    const added = bodies.map((body) => ({ ...body, id: this.#nextId++ }) as Entry);
    this.entries = [...this.entries, ...added];
  }
}
