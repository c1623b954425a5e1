// The entry points: a scenario from JSON text or from a parsed value, checked in full (every
// problem reported, each once, with its path) and normalised for the simulator.

import { eventCheck, expectCheck } from './events';
import { findJsonSyntaxError } from './jsonText';
import {
  duration,
  Fields,
  integer,
  isObject,
  Issues,
  listOf,
  nonEmpty,
  shown,
  text,
  wrongType,
} from './messages';
import { coreText, english } from '../text/message';
import { DEFAULT_LATENCY_MS, DEFAULT_SEED, type Scenario, type ValidationResult } from './types';
import { dnsRecord, host } from './world';

const SCENARIO_KEYS = [
  'title',
  'description',
  'seed',
  'latency',
  'until',
  'hosts',
  'dns',
  'events',
  'expect',
] as const;

/** Checks and normalises a parsed scenario; never throws. */
export function validateScenario(input: unknown): ValidationResult {
  const issues = new Issues();
  const scenario = readScenario(input, issues);
  if (scenario === undefined || issues.errors.length > 0)
    return { ok: false, errors: issues.errors };
  return { ok: true, scenario };
}

/** Parses JSON text (a leading byte-order mark is ignored), then validates it. */
export function parseScenarioText(source: string): ValidationResult {
  const json = source.startsWith('\uFEFF') ? source.slice(1) : source;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    const where = findJsonSyntaxError(json);
    if (where === undefined) {
      const problem = coreText('json.engine', {
        message: e instanceof Error ? e.message : String(e),
      });
      return { ok: false, errors: [{ path: '', message: english(problem), problem }] };
    }
    const { line, column } = where;
    const problem = coreText('json.at', { line, column, problem: where.problem });
    return { ok: false, errors: [{ path: '', message: english(problem), problem, line, column }] };
  }
  return validateScenario(value);
}

function readScenario(input: unknown, issues: Issues): Scenario | undefined {
  if (!isObject(input))
    return issues.report('', wrongType(coreText('scenario.expected.scenario'), shown(input)));
  const f = new Fields(input, '', issues);
  f.allowOnly(SCENARIO_KEYS);
  const title = f.req('title', nonEmpty(coreText('scenario.expected.title')));
  const description = f.opt('description', text);
  const seed = f.opt('seed', integer(coreText('scenario.expected.seed'), 0)) ?? DEFAULT_SEED;
  const latency = f.opt('latency', duration) ?? DEFAULT_LATENCY_MS;
  const until = f.opt('until', duration);
  const hosts = f.req(
    'hosts',
    listOf(coreText('scenario.expected.hosts'), host, { nonEmpty: true }),
  );
  const names = hostNames(input.hosts, issues);
  const dns = f.opt('dns', listOf(coreText('scenario.expected.dnsRecords'), dnsRecord)) ?? [];
  const events =
    f.opt('events', listOf(coreText('scenario.expected.events'), eventCheck(names))) ?? [];
  const expect =
    f.opt('expect', listOf(coreText('scenario.expected.checks'), expectCheck(names))) ?? [];
  if (title === undefined || hosts === undefined) return undefined;
  return {
    title,
    ...(description === undefined ? {} : { description }),
    seed,
    latency,
    ...(until === undefined ? {} : { until }),
    hosts,
    dns,
    events,
    expect,
  };
}

/**
 * The names of the hosts as written, reporting duplicate names and addresses. Taken from the raw
 * list so that a host with some other mistake still counts as a host for events that name it.
 */
function hostNames(raw: unknown, issues: Issues): string[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const names = new Map<string, number>();
  const ips = new Map<string, number>();
  raw.forEach((h: unknown, i) => {
    if (!isObject(h)) return;
    noteUnique(names, h.name, i, `hosts[${i}].name`, 'scenario.problem.nameTaken', issues);
    noteUnique(ips, h.ip, i, `hosts[${i}].ip`, 'scenario.problem.addressTaken', issues);
  });
  return [...names.keys()];
}

function noteUnique(
  seen: Map<string, number>,
  value: unknown,
  index: number,
  path: string,
  taken: 'scenario.problem.nameTaken' | 'scenario.problem.addressTaken',
  issues: Issues,
): void {
  if (typeof value !== 'string') return;
  const first = seen.get(value);
  if (first === undefined) seen.set(value, index);
  else issues.report(path, coreText(taken, { value: shown(value), other: `hosts[${first}]` }));
}
