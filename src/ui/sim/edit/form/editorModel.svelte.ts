// The scenario editor's working copy: the scenario document as JSON (exactly as written, unknown
// keys and wrong types included, so that nothing is lost and every error has a place), edited
// through a form or as raw text. Validation runs on every change; the simulator only reruns on
// `apply`, and only when there is no error.
import type { Simulator } from '../../../../app/simulator/simulator.svelte';
import { parseScenarioText, validateScenario } from '../../../../core/scenario/validate';
import type { EventKind, ScenarioError } from '../../../../core/scenario/types';
import { parse, type ValueKind } from './convert';
import { dnsTemplate, newEvent, newHost, newRecord, placeErrors } from './items';
import { getAt, isObject, setAt, type JsonObject } from './paths';
import type { DnsForm } from './spec';

export type EditorMode = 'form' | 'json';
export type ListKey = 'hosts' | 'dns' | 'events';

/** The JSON value a field writes for the text typed; a required text stays even when empty. */
export function fieldValue(kind: ValueKind, text: string, required = false): unknown {
  const value = parse(kind, text);
  if (value === undefined && required && kind !== 'number') return text;
  return value;
}

const pretty = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export class ScenarioEditorModel {
  /** The scenario document being edited (form mode). */
  doc = $state<JsonObject>({});
  mode = $state<EditorMode>('form');
  /** The text of the JSON tab. */
  raw = $state('');
  /** Changed here since it was loaded or applied. */
  dirty = $state(false);
  /** The simulator's scenario changed (a fault, a message) while this copy had changes. */
  stale = $state(false);

  readonly errors: ScenarioError[] = $derived.by(() => {
    const result =
      this.mode === 'form'
        ? validateScenario($state.snapshot(this.doc))
        : parseScenarioText(this.raw);
    return result.ok ? [] : result.errors;
  });
  /** Errors by the place that shows them (form mode). */
  readonly placed: Map<string, ScenarioError[]> = $derived(placeErrors(this.errors, this.doc));

  /** The simulator source this copy was loaded from (or last applied). */
  #source: string | undefined;
  #latest: string | undefined;

  /** Loads scenario text: the form when it is a JSON object, else the JSON tab. */
  load(text: string): void {
    this.#source = text;
    this.#latest = text;
    this.dirty = false;
    this.stale = false;
    const value = tryJson(text);
    if (isObject(value)) {
      this.doc = value;
      this.raw = this.mode === 'json' ? text : pretty(value);
    } else {
      this.doc = {};
      this.raw = text;
      this.mode = 'json';
    }
  }

  /** The simulator's source changed: take it unless there are edits here, then say so. */
  sync(source: string): void {
    this.#latest = source;
    if (source === this.#source) return;
    if (this.dirty) this.stale = true;
    else this.load(source);
  }

  /** Drops the edits here and takes the simulator's current scenario. */
  reload(): void {
    if (this.#latest !== undefined) this.load(this.#latest);
  }

  get(path: string): unknown {
    return getAt(this.doc, path);
  }

  set(path: string, value: unknown): void {
    setAt(this.doc, path, value);
    this.dirty = true;
  }

  setRaw(text: string): void {
    this.raw = text;
    this.dirty = true;
  }

  /** Switches tabs; false (and no switch) when the JSON text cannot become the form. */
  setMode(mode: EditorMode): boolean {
    if (mode === this.mode) return true;
    if (mode === 'json') {
      this.raw = pretty($state.snapshot(this.doc));
      this.mode = 'json';
      return true;
    }
    const value = tryJson(this.raw);
    if (!isObject(value)) return false;
    this.doc = value;
    this.mode = 'form';
    return true;
  }

  list(key: ListKey): unknown[] | undefined {
    const value = this.doc[key];
    return Array.isArray(value) ? value : undefined;
  }

  #ensure(key: ListKey): unknown[] | undefined {
    if (this.doc[key] === undefined) this.doc[key] = [];
    return this.list(key);
  }

  #add(key: ListKey, item: JsonObject): number {
    const list = this.#ensure(key);
    if (!list) return -1;
    list.push(item);
    this.dirty = true;
    return list.length - 1;
  }

  addHost(): number {
    return this.#add('hosts', newHost($state.snapshot(this.doc)));
  }

  addRecord(): number {
    return this.#add('dns', newRecord($state.snapshot(this.doc)));
  }

  /** Adds an event at the time of the last one (or 0s). */
  addEvent(kind: EventKind): number {
    const events = this.list('events') ?? [];
    const last = events.at(-1);
    const at = isObject(last) && typeof last.at === 'string' ? last.at : '0s';
    return this.#add('events', newEvent(kind, $state.snapshot(this.doc), at));
  }

  remove(key: ListKey, index: number): void {
    const list = this.list(key);
    if (!list || index < 0 || index >= list.length) return;
    list.splice(index, 1);
    this.dirty = true;
  }

  /** Moves an item one place up (-1) or down (1); returns its new index. */
  move(key: ListKey, index: number, dir: -1 | 1): number {
    const list = this.list(key);
    const to = index + dir;
    if (!list || to < 0 || to >= list.length) return index;
    const [item] = list.splice(index, 1);
    list.splice(to, 0, item);
    this.dirty = true;
    return to;
  }

  /** Changes what an event does: a new event of that kind at the same time. */
  setEventKind(index: number, kind: EventKind): void {
    const event = this.list('events')?.[index];
    const at = isObject(event) ? event.at : '0s';
    this.set(`events[${index}]`, newEvent(kind, $state.snapshot(this.doc), at));
  }

  setDnsForm(index: number, form: DnsForm): void {
    const event = this.list('events')?.[index];
    this.set(`events[${index}]`, dnsTemplate(form, isObject(event) ? event.at : '0s'));
  }

  /** The scenario as JSON text, as edited (for export and copying). */
  text(): string {
    return this.mode === 'json' ? this.raw : pretty($state.snapshot(this.doc));
  }

  /** Reruns the world with this scenario; false (nothing runs) while there are errors. */
  apply(sim: Simulator): boolean {
    if (this.errors.length > 0) return false;
    const ok =
      this.mode === 'json' ? sim.loadText(this.raw) : sim.loadJson($state.snapshot(this.doc));
    if (ok) {
      this.#source = sim.source;
      this.#latest = sim.source;
      this.dirty = false;
      this.stale = false;
    }
    return ok;
  }

  /**
   * An imported file goes to the simulator, which runs it only when it is valid; either way the
   * editor shows it, with its errors next to the fields (or in the JSON tab for broken JSON).
   */
  importText(sim: Simulator, text: string): boolean {
    const ok = sim.loadText(text);
    this.load(text);
    if (!ok && !isObject(tryJson(text))) this.mode = 'json';
    else if (!ok) this.mode = 'form';
    return ok;
  }
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return undefined;
  }
}

// One editor per simulator, so that edits outlive the editor's tab being closed and opened again.
const editors = new WeakMap<Simulator, ScenarioEditorModel>();

export function editorFor(sim: Simulator): ScenarioEditorModel {
  let model = editors.get(sim);
  if (!model) {
    model = new ScenarioEditorModel();
    editors.set(sim, model);
  }
  return model;
}
