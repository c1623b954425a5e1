// The console inside the simulated network: the student sits at a host and talks SMTP to a
// server of the world. Every line typed becomes one more line of a scripted `session` event at
// the moment the connection was opened, and the world reruns from the scenario (deterministic:
// the lines before replay exactly as they went). The replies come from the server machine in the
// world, every view updates, and the cursor follows the session to its latest reply.
import { rerunWith, type RerunBase } from '../../../../app/simulator/rerun';
import type { Simulator } from '../../../../app/simulator/simulator.svelte';
import type { Scenario } from '../../../../core/scenario/types';
import type { Simulation } from '../../../../core/world/simulate';
import { t } from '../../../../i18n/index.svelte';
import type { Entry, EntryBody, InputMode } from '../../../console/transcript';
import { guessParties } from '../form/items';
import type { JsonObject } from '../form/paths';
import { findSession, readDialogue, type SessionSpec } from './dialogue';

export type Phase = 'idle' | 'live' | 'ended';

/** Hosts that can open a connection (not name servers), and the servers (mail servers). */
export function consoleHosts(scenario: Scenario | undefined): {
  clients: string[];
  servers: string[];
} {
  const hosts = scenario?.hosts ?? [];
  return {
    clients: hosts.filter((h) => h.role !== 'dns').map((h) => h.name),
    servers: hosts.filter((h) => h.role === 'mta').map((h) => h.name),
  };
}

export class SimConsoleSession {
  /** The host the student sits at. */
  client = $state('');
  server = $state('');
  port = $state(25);
  phase = $state<Phase>('idle');
  /** The lines typed in the current session. */
  lines = $state.raw<string[]>([]);
  entries = $state.raw<Entry[]>([]);
  mode = $state<InputMode>('command');
  /** Counts connections, so that views know a new transcript has begun. */
  session = $state(0);

  readonly #sim: Simulator;
  #base: RerunBase | undefined;
  #start = 0;
  #spec: Omit<SessionSpec, 'lines'> | undefined;
  #run: Simulation | undefined;

  constructor(sim: Simulator) {
    this.#sim = sim;
  }

  get live(): boolean {
    return this.phase === 'live';
  }

  /** The ports the chosen server listens on. */
  ports(): number[] {
    return this.#sim.scenario?.hosts.find((h) => h.name === this.server)?.ports ?? [25];
  }

  /** Picks a client, server and port that exist in the current scenario. */
  choose(): void {
    const scenario = this.#sim.scenario;
    if (!scenario) return;
    const { clients, servers } = consoleHosts(scenario);
    const guess = guessParties({ hosts: scenario.hosts } as unknown as JsonObject);
    if (!clients.includes(this.client))
      this.client = clients.includes(guess.client) ? guess.client : (clients[0] ?? '');
    if (!servers.includes(this.server))
      this.server = servers.includes(guess.server) ? guess.server : (servers[0] ?? '');
    const ports = this.ports();
    if (!ports.includes(this.port)) this.port = ports[0] ?? 25;
  }

  /** Opens a connection at the cursor's virtual time (hanging up the one open first). */
  connect(): boolean {
    if (this.live) this.hangUp();
    const simulation = this.#sim.simulation;
    const server = simulation?.scenario.hosts.find((h) => h.name === this.server);
    if (!simulation || !server || this.client === '') return false;
    this.#base = { simulation, forks: this.#sim.forks };
    this.#start = this.#sim.time;
    this.#spec = { host: this.client, server: server.name, serverIp: server.ip, port: this.port };
    this.lines = [];
    this.phase = 'live';
    this.session += 1;
    this.#rerun();
    return true;
  }

  /** Sends one line; false when there is no open session (or the world changed under it). */
  send(text: string): boolean {
    if (!this.live || this.#detached()) return false;
    this.lines = [...this.lines, text];
    this.#rerun();
    return true;
  }

  /** Ends the session: QUIT at a command prompt, else the connection is simply left. */
  hangUp(): void {
    if (!this.live || this.#detached()) return;
    if (this.mode === 'command') this.lines = [...this.lines, 'QUIT'];
    this.phase = 'ended';
    this.#rerun();
  }

  /** A new world was loaded (a lesson's task started): no session, nothing typed, nothing shown. */
  reset(): void {
    this.phase = 'idle';
    this.lines = [];
    this.entries = [];
    this.mode = 'command';
    this.session += 1;
    this.#base = undefined;
    this.#spec = undefined;
    this.#run = undefined;
  }

  /** The world was rerun by something else (a fault, an edit, a preset): this session is over. */
  #detached(): boolean {
    if (this.#sim.simulation === this.#run) return false;
    this.phase = 'ended';
    this.#add({ side: 'note', kind: 'note', text: t('edit.console.detached'), announce: true });
    return true;
  }

  #rerun(): void {
    const base = this.#base;
    const spec = this.#spec;
    if (!base || !spec) return;
    const action = {
      do: 'session' as const,
      host: spec.host,
      server: spec.server,
      port: spec.port,
      lines: this.lines,
    };
    const label = t('edit.console.fork', { host: spec.host, server: spec.server, port: spec.port });
    const run = rerunWith(this.#sim, base, this.#start, action, label);
    if (!run) {
      this.phase = 'ended';
      this.#add({ side: 'note', kind: 'note', text: t('edit.console.failed'), announce: true });
      return;
    }
    this.#run = run;
    const fork = this.#sim.forks.at(-1)?.index ?? 0;
    const start = findSession(run.trace, spec, fork);
    const dialogue = readDialogue(run.trace, start, { ...spec, lines: this.lines }, this.live);
    this.entries = dialogue.entries.map((body, i) => ({ ...body, id: i + 1 }) as Entry);
    this.mode = dialogue.mode;
    if (dialogue.state !== 'open') this.phase = 'ended';
    this.#sim.seek(dialogue.cursor);
  }

  #add(body: EntryBody): void {
    const id = (this.entries.at(-1)?.id ?? 0) + 1;
    this.entries = [...this.entries, { ...body, id } as Entry];
  }
}

// One console per simulator, so that a session outlives its tab being closed and opened again.
const consoles = new WeakMap<Simulator, SimConsoleSession>();

export function consoleFor(sim: Simulator): SimConsoleSession {
  let session = consoles.get(sim);
  if (!session) {
    session = new SimConsoleSession(sim);
    consoles.set(sim, session);
  }
  return session;
}
