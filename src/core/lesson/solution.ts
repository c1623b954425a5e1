// A task's worked solution applied to the scenario JSON it starts from: events appended, host keys
// set, DNS records added and removed. The result is new JSON; the start is left as it was.
import { isObject } from '../scenario/messages';
import type { TaskSolution } from './types';

export class SolutionError extends Error {}

export function applySolution(startJson: unknown, solution: TaskSolution): unknown {
  if (!isObject(startJson)) throw new SolutionError('the starting scenario is not a JSON object');
  const json = structuredClone(startJson);
  if (solution.events.length > 0) {
    json.events = [
      ...(Array.isArray(json.events) ? json.events : []),
      ...structuredClone(solution.events),
    ];
  }
  const hosts: unknown[] = Array.isArray(json.hosts) ? json.hosts : [];
  for (const [name, keys] of Object.entries(solution.hosts)) {
    const host = hosts.find((h) => isObject(h) && h.name === name);
    if (!isObject(host))
      throw new SolutionError(`there is no host ${JSON.stringify(name)} to change`);
    Object.assign(host, structuredClone(keys));
  }
  const { add, remove } = solution.dns;
  if (add.length > 0 || remove.length > 0) {
    const records: unknown[] = Array.isArray(json.dns) ? [...(json.dns as unknown[])] : [];
    for (const record of remove) {
      const i = records.findIndex((r) => sameRecord(r, record));
      if (i === -1) {
        throw new SolutionError(`there is no DNS record ${describeRecord(record)} to remove`);
      }
      records.splice(i, 1);
    }
    json.dns = [...records, ...structuredClone(add)];
  }
  return json;
}

const RECORD_FIELDS = ['name', 'type', 'preference', 'value'] as const;

/** Same record whatever the key order; names compare without case, as DNS does. */
function sameRecord(a: unknown, b: unknown): boolean {
  if (!isObject(a) || !isObject(b)) return false;
  return RECORD_FIELDS.every((k) => {
    const x = a[k];
    const y = b[k];
    return typeof x === 'string' && typeof y === 'string' && k !== 'type' && k !== 'preference'
      ? x.toLowerCase() === y.toLowerCase()
      : x === y;
  });
}

function describeRecord(record: unknown): string {
  if (!isObject(record)) return JSON.stringify(record);
  return RECORD_FIELDS.filter((k) => record[k] !== undefined)
    .map((k) => String(record[k] as string | number))
    .join(' ');
}
