// Helpers for changing a scenario by hand (the sandbox's send form, faults at the cursor, the
// console): one event checked on its own, and what the script has made of DNS at a moment.
import type { DnsRecord as ZoneRecord } from '../dns/records';
import { ZoneStore } from '../dns/zone';
import { eventCheck } from './events';
import { Issues } from './messages';
import type { DnsRecord, EventAction, Scenario, ScenarioError } from './types';

export type ActionResult =
  { ok: true; action: EventAction } | { ok: false; errors: ScenarioError[] };

/**
 * Checks one event as a teacher would write it (without `at`), against the scenario's hosts.
 * Error paths are relative to the event: `reply`, `to[1]`, `auth.user`.
 */
export function checkAction(
  json: Record<string, unknown>,
  hostNames: readonly string[],
): ActionResult {
  const issues = new Issues();
  const event = eventCheck(hostNames).read({ ...json, at: '0s' }, '', issues);
  if (event === undefined || issues.errors.length > 0) return { ok: false, errors: issues.errors };
  const { at: _at, ...action } = event;
  return { ok: true, action };
}

/**
 * The DNS as the script has left it at virtual time `t`: the initial records changed by every
 * dns event up to `t` (the same zone store the world uses), and the names made to fail.
 */
export function dnsAt(
  scenario: Scenario,
  t: number,
): { records: DnsRecord[]; failures: Array<{ name: string; mode: 'servfail' | 'timeout' }> } {
  const zones = new ZoneStore(scenario.dns as ZoneRecord[]);
  for (const event of scenario.events) {
    if (event.at > t || event.do !== 'dns') continue;
    if (event.action === 'fail') zones.fail(event.name, event.fail);
    else if (event.action === 'restore') zones.restore(event.name);
    else {
      const r = event.record as ZoneRecord;
      if (event.action === 'add') zones.add(r);
      else if (event.action === 'remove') zones.remove(r);
      else zones.replace(r.name, r.type, [r]);
    }
  }
  return { records: zones.records() as DnsRecord[], failures: zones.failures() };
}
