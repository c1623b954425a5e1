// The simulator's state for the browser: a scenario, its run, and one cursor over the trace that
// every view follows. Views read from here; every command (step, play, fault, load) is a method.
// Stepping back only moves the cursor: the run itself never changes unless a fault forks it.
import type { EventAction, Scenario } from '../../core/scenario/types';
import { parseScenarioText, validateScenario } from '../../core/scenario/validate';
import type { ScenarioError } from '../../core/scenario/types';
import { Timeline, type StepKind, type WorldView } from '../../core/trace/timeline';
import type { TraceEvent } from '../../core/trace/types';
import { forkIndex, simulate, withEvent, type Simulation } from '../../core/world/simulate';
import { scenarioToJson } from '../../core/scenario/serialize';
import { decodeShare, shareQuery, type ShareDecodeResult } from '../../core/scenario/share';

/** Playback speeds offered, in events per second at 1×. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;
export const EVENTS_PER_SECOND = 4;

export interface Fork {
  /** Trace index where the forked run first differs from the one before. */
  index: number;
  t: number;
  label: string;
}

export interface Selection {
  conn?: number;
  actor?: string;
  host?: string;
  /** A focused or hovered transcript/ladder line: its trace index (for the explanation). */
  line?: number;
}

export class Simulator {
  /** The scenario as written (JSON text), for the editor and for export. */
  source = $state('');
  errors = $state.raw<ScenarioError[]>([]);
  simulation = $state.raw<Simulation | undefined>(undefined);
  timeline = $state.raw<Timeline | undefined>(undefined);
  cursor = $state(0);
  playing = $state(false);
  speed = $state<(typeof SPEEDS)[number]>(1);
  selection = $state<Selection>({});
  forks = $state.raw<Fork[]>([]);

  readonly view: WorldView | undefined = $derived(this.timeline?.viewAt(this.cursor));
  /** The event just applied (the one the cursor is after), if any. */
  readonly current: TraceEvent | undefined = $derived(
    this.cursor > 0 ? this.timeline?.events[this.cursor - 1] : undefined,
  );
  readonly time: number = $derived(this.timeline?.timeAt(this.cursor) ?? 0);
  readonly length: number = $derived(this.timeline?.length ?? 0);

  #timer: ReturnType<typeof setInterval> | undefined;

  get scenario(): Scenario | undefined {
    return this.simulation?.scenario;
  }

  /** Loads scenario JSON text; on errors nothing runs and `errors` says what and where. */
  loadText(text: string, cursor = 0): boolean {
    this.source = text;
    const result = parseScenarioText(text);
    if (!result.ok) {
      this.errors = result.errors;
      return false;
    }
    this.errors = [];
    this.selection = {};
    this.#run(result.scenario, cursor);
    return true;
  }

  /** Loads an already parsed JSON value. */
  loadJson(value: unknown, cursor = 0): boolean {
    const result = validateScenario(value);
    this.source = JSON.stringify(value, null, 2);
    if (!result.ok) {
      this.errors = result.errors;
      return false;
    }
    this.errors = [];
    this.selection = {};
    this.#run(result.scenario, cursor);
    return true;
  }

  /**
   * Loads the scenario of a share link (`s` and `c` of `#/sandbox?s=…&c=…`). On a broken link
   * nothing changes and the result says which layer failed (see core/scenario/share.ts).
   */
  loadShare(s: string | null | undefined, c?: string | null): ShareDecodeResult {
    const result = decodeShare(s, c);
    if (result.ok) {
      this.errors = [];
      this.selection = {};
      this.source = JSON.stringify(result.json, null, 2);
      this.#run(result.scenario, result.cursor);
    }
    return result;
  }

  /** Forgets the scenario and its run (a broken link shows nothing stale). */
  clear(): void {
    this.pause();
    this.source = '';
    this.errors = [];
    this.simulation = undefined;
    this.timeline = undefined;
    this.forks = [];
    this.selection = {};
    this.cursor = 0;
  }

  /** The running scenario as JSON a teacher writes (faults injected so far included). */
  exportJson(): unknown {
    return this.scenario ? scenarioToJson(this.scenario) : undefined;
  }

  /** The query of a link to this scenario at this cursor (`s=…&c=…`), or undefined. */
  shareQuery(): string | undefined {
    const json = this.exportJson();
    return json === undefined ? undefined : shareQuery(json, this.cursor);
  }

  #run(scenario: Scenario, cursor: number): void {
    this.pause();
    const simulation = simulate(scenario);
    this.simulation = simulation;
    this.timeline = new Timeline(
      simulation.trace,
      scenario.hosts.map((h) => h.name),
    );
    this.forks = [];
    this.cursor = Math.max(0, Math.min(cursor, simulation.trace.length));
  }

  seek(cursor: number): void {
    this.cursor = Math.max(0, Math.min(this.length, Math.round(cursor)));
  }

  step(kind: StepKind, dir: 1 | -1): void {
    if (!this.timeline) return;
    this.seek(this.timeline.step(this.cursor, kind, dir));
  }

  home(): void {
    this.seek(0);
  }

  end(): void {
    this.seek(this.length);
  }

  play(): void {
    if (this.playing || !this.timeline) return;
    if (this.cursor >= this.length) this.cursor = 0;
    this.playing = true;
    this.#schedule();
  }

  pause(): void {
    this.playing = false;
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  setSpeed(speed: (typeof SPEEDS)[number]): void {
    this.speed = speed;
    if (this.playing) this.#schedule();
  }

  /** The next speed up (or down, with -1) from SPEEDS; stays at the ends. */
  changeSpeed(dir: 1 | -1): void {
    const i = SPEEDS.indexOf(this.speed) + dir;
    const next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, i))];
    if (next !== undefined) this.setSpeed(next);
  }

  #schedule(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    // Up to 60 updates a second; at high speeds each tick moves several events.
    const rate = EVENTS_PER_SECOND * this.speed;
    const interval = Math.max(1000 / 60, 1000 / rate);
    const perTick = Math.max(1, Math.round((rate * interval) / 1000));
    this.#timer = setInterval(() => {
      if (this.cursor >= this.length) return this.pause();
      this.seek(this.cursor + perTick);
    }, interval);
  }

  /**
   * Injects a change at the cursor's virtual time and reruns the world from the scenario with it;
   * the timeline records where the new run first differs.
   */
  inject(action: EventAction, label: string): void {
    const before = this.simulation;
    if (!before) return;
    const at = this.time;
    const scenario = withEvent(before.scenario, at, action);
    const cursor = this.cursor;
    const forks = this.forks;
    this.#run(scenario, cursor);
    const index = forkIndex(before.trace, this.simulation?.trace ?? []);
    this.forks = [...forks, { index, t: at, label }];
    // The injected event can land before events already shown at the same virtual time: show
    // the fork itself rather than a moment after it.
    this.seek(Math.min(cursor, index + 1));
    this.source = JSON.stringify(scenarioToJson(scenario), null, 2);
  }

  select(selection: Selection): void {
    this.selection = selection;
  }
}
