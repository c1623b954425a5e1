// The simulated world end to end: DNS, network, client machine, server machine, queue and
// trace, on one core, no I/O (see bench/README.md).
import { World } from '../src/core/world/world';
import { Tracer } from '../src/core/world/tracer';
import type { Scenario } from '../src/core/scenario/types';
import type { Accounting } from '../src/core/trace/types';
import { pairScenario, scaleScenario, type ScaleShape } from './worldScenario';

/** Messages per world run in the delivery figure (a run is about half a second). */
const RUN_MESSAGES = 500;

/**
 * What the trace keeps. `full` is the world as it is. The others replace Tracer.prototype.record
 * (call this only in a process of its own): `no-state` drops `state` events, `none` drops every
 * event. The sessions still serialise each new state value to see whether it changed, and the
 * callers still build the event objects; only the recording (and keeping) is skipped.
 */
export type TraceMode = 'full' | 'no-state' | 'none';

export function setTraceMode(mode: TraceMode): void {
  if (mode === 'full') return;
  const record = Tracer.prototype.record;
  Tracer.prototype.record =
    mode === 'none'
      ? () => {}
      : function (this: Tracer, event: Parameters<Tracer['record']>[0]) {
          if (event.type !== 'state') record.call(this, event);
        };
}

function checkAccounting(accounting: Accounting, messages: number, what: string): void {
  if (
    accounting.delivered !== messages ||
    accounting.accepted !== messages ||
    accounting.lost !== 0
  ) {
    throw new Error(`${what}: expected ${messages} delivered, got ${JSON.stringify(accounting)}`);
  }
}

function runWorld(scenario: Scenario): { world: World; ms: number } {
  const start = performance.now();
  const world = new World(scenario);
  world.run();
  return { world, ms: performance.now() - start };
}

export interface WorldFigures {
  txPerS: number;
  /** CPU time (user + system, GC threads included) per delivery, µs. */
  cpuUsPerTx: number;
  traceEventsPerTx: number;
  stateEventsPerTx: number;
  /** Octets of one message as stored in the mailbox (Return-Path and Received added). */
  messageOctets: number;
}

/**
 * Deliveries per wall second: worlds of RUN_MESSAGES messages (see pairScenario) built and run
 * to completion, one after the other, for `durationMs` after a warm-up. Scenario validation is
 * not timed; building the World and running it is.
 */
export function worldTxPerSecond(durationMs: number, warmUpMs: number): WorldFigures {
  const scenario = pairScenario(RUN_MESSAGES);
  const measure = (ms: number) => {
    let elapsed = 0;
    let delivered = 0;
    let cpu = 0;
    let events = 0;
    let states = 0;
    let octets = 0;
    while (elapsed < ms) {
      const cpuBefore = process.cpuUsage();
      const run = runWorld(scenario);
      const used = process.cpuUsage(cpuBefore);
      cpu += used.user + used.system;
      elapsed += run.ms;
      checkAccounting(run.world.summary().accounting, RUN_MESSAGES, 'world');
      delivered += RUN_MESSAGES;
      events += run.world.trace.length;
      for (const event of run.world.trace) if (event.type === 'state') states += 1;
      const stored = run.world.mtas.get('mx.b.example')?.mailboxes.get('bob@b.example');
      octets = stored?.[0]?.raw.length ?? 0;
    }
    return {
      txPerS: delivered / (elapsed / 1000),
      cpuUsPerTx: cpu / delivered,
      traceEventsPerTx: events / delivered,
      stateEventsPerTx: states / delivered,
      messageOctets: octets,
    };
  };
  measure(warmUpMs);
  return measure(durationMs);
}

export interface ScaleFigures {
  hosts: number;
  messages: number;
  /** Building the World and running it until every queue is empty, wall s. */
  wallS: number;
  cpuS: number;
  /** validateScenario on the scenario's JSON, wall s (not in wallS). */
  validateS: number;
  /** Peak resident set size of the whole process (kernel's maxrss), MB. */
  peakRssMb: number;
  /** JS heap in use after the run and a full GC (the trace and mailboxes are still held), MB. */
  heapMb: number;
  virtualHours: number;
  traceEvents: number;
  accounting: Accounting;
}

/** One scale run, after a small warm-up run of the same shape (so JIT warm-up is not timed). */
export function scaleRun(shape: ScaleShape): ScaleFigures {
  const warmUp = scaleScenario({ ...shape, hosts: 20, messages: 200 });
  checkAccounting(runWorld(warmUp).world.summary().accounting, 200, 'scale warm-up');
  const validateStart = performance.now();
  const scenario = scaleScenario(shape);
  const validateS = (performance.now() - validateStart) / 1000;
  const cpuBefore = process.cpuUsage();
  const { world, ms } = runWorld(scenario);
  const cpu = process.cpuUsage(cpuBefore);
  // With --expose-gc (as bench/run.ts starts the child), what the world still holds, not garbage.
  (globalThis as { gc?: () => void }).gc?.();
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  const { accounting } = world.summary();
  checkAccounting(accounting, shape.messages, 'scale');
  for (const mta of world.mtas.values()) {
    if (mta.queue.size > 0) throw new Error(`scale: ${mta.host.name} still has mail queued`);
  }
  return {
    hosts: shape.hosts,
    messages: shape.messages,
    wallS: ms / 1000,
    cpuS: (cpu.user + cpu.system) / 1e6,
    validateS,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapMb,
    virtualHours: world.scheduler.now() / 3_600_000,
    traceEvents: world.trace.length,
    accounting,
  };
}
