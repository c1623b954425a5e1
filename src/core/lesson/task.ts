// A task attempt judged: the attempt (scenario JSON, or its text) is validated, compared with the
// start for the task's `keep` and `allow` rules, run, and its `checks` evaluated.
import { isObject } from '../scenario/messages';
import type { Scenario, ScenarioEvent } from '../scenario/types';
import { parseScenarioText, validateScenario } from '../scenario/validate';
import type { TraceEvent } from '../trace/types';
import { simulate } from '../world/simulate';
import type { Lesson, TaskExercise, TaskVerdict } from './types';

/** The scenario a task starts from: its own file, or the lesson's scenario. */
export function taskStart(lesson: Lesson, ex: TaskExercise): { scenario: Scenario; json: unknown } {
  if (ex.scenario === undefined || ex.scenario === 'scenario.json') {
    return { scenario: lesson.scenario, json: lesson.scenarioJson };
  }
  const start = lesson.taskScenarios[ex.scenario];
  if (start === undefined) throw new Error(`${lesson.folder}: no task scenario ${ex.scenario}`);
  return start;
}

/** Never throws: an attempt that is not a valid scenario gets a verdict that says why. */
export function checkTask(ex: TaskExercise, startJson: unknown, attemptJson: unknown): TaskVerdict {
  return runTask(ex, startJson, attemptJson).verdict;
}

/** checkTask with the attempt's trace (empty when it could not run), for the prose lint. */
export function runTask(
  ex: TaskExercise,
  startJson: unknown,
  attemptJson: unknown,
): { verdict: TaskVerdict; trace: TraceEvent[] } {
  const attempt =
    typeof attemptJson === 'string'
      ? parseScenarioText(attemptJson)
      : validateScenario(attemptJson);
  if (!attempt.ok) {
    return {
      verdict: {
        ok: false,
        rules: attempt.errors.map((e) => `The scenario is not valid: ${e.message}`),
        checks: [],
      },
      trace: [],
    };
  }
  const start = validateScenario(startJson);
  const rules = start.ok ? brokenRules(ex, start.scenario, attempt.scenario) : [];
  let run;
  try {
    run = simulate({ ...attempt.scenario, expect: ex.checks });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      verdict: {
        ok: false,
        rules: [...rules, `The simulation stopped with an error: ${why}`],
        checks: [],
      },
      trace: [],
    };
  }
  const checks = run.summary.expect;
  return {
    verdict: { ok: rules.length === 0 && checks.every((c) => c.ok), rules, checks },
    trace: run.trace,
  };
}

function brokenRules(ex: TaskExercise, start: Scenario, attempt: Scenario): string[] {
  const rules: string[] = [];
  if (ex.keep.includes('hosts') && canonical(start.hosts) !== canonical(attempt.hosts)) {
    rules.push('You changed the hosts; this task keeps them as they are.');
  }
  if (
    ex.keep.includes('dns') &&
    canonical(sortedRecords(start)) !== canonical(sortedRecords(attempt))
  ) {
    rules.push('You changed the DNS records; this task keeps them as they are.');
  }
  if (ex.keep.includes('settings') && canonical(settings(start)) !== canonical(settings(attempt))) {
    rules.push('You changed the seed, the latency or the stop time; this task keeps them.');
  }
  const { missing, added } = compareEvents(start.events, attempt.events);
  if (ex.keep.includes('events') && missing > 0) {
    rules.push(
      'You removed or changed events of the script; this task keeps them (you may add new ones).',
    );
  }
  if (ex.allow.length > 0) {
    const kinds = [...new Set(added.map((e) => e.do))].filter((k) => !ex.allow.includes(k));
    if (kinds.length > 0) {
      rules.push(
        `You added ${kinds.map((k) => `${/^[aeiou]/.test(k) ? 'an' : 'a'} "${k}" event`).join(' and ')}; this task allows only ${ex.allow.map((k) => `"${k}"`).join(', ')} events.`,
      );
    }
  }
  return rules;
}

function settings(s: Scenario): unknown[] {
  return [s.seed, s.latency, s.until];
}

/** How many starting events are gone from the attempt, and the events it adds. */
function compareEvents(
  start: readonly ScenarioEvent[],
  attempt: readonly ScenarioEvent[],
): { missing: number; added: ScenarioEvent[] } {
  const left = new Map<string, number>();
  for (const e of start) left.set(canonical(e), (left.get(canonical(e)) ?? 0) + 1);
  const added: ScenarioEvent[] = [];
  for (const e of attempt) {
    const key = canonical(e);
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    else added.push(e);
  }
  const missing = [...left.values()].reduce((a, b) => a + b, 0);
  return { missing, added };
}

function sortedRecords(s: Scenario): string[] {
  return s.dns.map(canonical).sort();
}

/** JSON with object keys sorted, so that equal values give equal text whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}
