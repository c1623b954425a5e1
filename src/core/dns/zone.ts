// The authoritative data of the simulated internet: every record, and the failures a scenario
// injects. One store answers for every zone, so a lookup needs no delegation.

import { normalizeName } from './names';
import type { DnsFailureMode, DnsRecord, DnsRecordType, LookupResult } from './records';
import { sameRecord, sameValue } from './records';

export type { LookupResult } from './records';

/** CNAMEs followed by one lookup before it gives up with SERVFAIL, as a resolver would. */
export const MAX_CNAME_HOPS = 8;

/** A record for `replace`: name and type come from the call and, when given, must agree. */
export type ReplacementRecord = Omit<DnsRecord, 'name' | 'type'> & {
  name?: string;
  type?: DnsRecordType;
};

export class ZoneStore {
  #records: DnsRecord[] = [];
  readonly #failures = new Map<string, DnsFailureMode>();
  // Indexes rebuilt after a change: lookups are frequent, changes rare (a scenario's dns events).
  #byName: Map<string, DnsRecord[]> | undefined;
  #withDescendants: Set<string> | undefined;

  constructor(records: readonly DnsRecord[] = []) {
    for (const record of records) this.add(record);
  }

  /** Adds a record; false when the same record is already there. */
  add(record: DnsRecord): boolean {
    const name = normalizeName(record.name);
    const index = this.#index();
    if (index.get(name)?.some((r) => sameRecord(r, record))) return false;
    const copy = { ...record };
    this.#records.push(copy);
    this.#indexRecord(index, this.#withDescendants as Set<string>, name, copy);
    return true;
  }

  /** Removes the records of that name and type (and value, when given); returns how many. */
  remove(match: { name: string; type: DnsRecordType; value?: string }): number {
    const name = normalizeName(match.name);
    const before = this.#records.length;
    this.#records = this.#records.filter(
      (r) =>
        !(
          r.type === match.type &&
          normalizeName(r.name) === name &&
          (match.value === undefined || sameValue(r.type, r.value, match.value))
        ),
    );
    this.#byName = undefined;
    return before - this.#records.length;
  }

  /** Replaces the whole record set of that name and type (an empty list removes it). */
  replace(name: string, type: DnsRecordType, records: readonly ReplacementRecord[]): void {
    for (const r of records) {
      if (
        (r.name !== undefined && normalizeName(r.name) !== normalizeName(name)) ||
        (r.type !== undefined && r.type !== type)
      ) {
        throw new RangeError(`replace(${name}, ${type}): got a record for ${r.name} ${r.type}`);
      }
    }
    this.remove({ name, type });
    for (const r of records) this.add({ ...r, name, type });
  }

  /** Every lookup of this name now fails this way, also when reached through a CNAME. */
  fail(name: string, mode: DnsFailureMode): void {
    this.#failures.set(normalizeName(name), mode);
  }

  /** Ends an injected failure; false when the name had none. */
  restore(name: string): boolean {
    return this.#failures.delete(normalizeName(name));
  }

  /** A copy of every record, in the order added, for the inspector. */
  records(): DnsRecord[] {
    return this.#records.map((r) => ({ ...r }));
  }

  /** The injected failures, in the order injected. */
  failures(): Array<{ name: string; mode: DnsFailureMode }> {
    return [...this.#failures].map(([name, mode]) => ({ name, mode }));
  }

  lookup(name: string, type: DnsRecordType): LookupResult {
    let current = normalizeName(name);
    const cnameChain: string[] = [];
    for (;;) {
      const failure = this.#failures.get(current);
      if (failure !== undefined) return { kind: failure };
      const owned = this.#recordsAt(current);
      // A name with a CNAME has no other data (RFC 1034 §3.6.2); if a zone has both, the alias wins.
      const alias = type === 'CNAME' ? undefined : owned.find((r) => r.type === 'CNAME');
      if (alias === undefined) {
        const records = owned.filter((r) => r.type === type);
        if (records.length > 0) return { kind: 'answer', records, cnameChain };
        return owned.length > 0 || this.#hasNamesBelow(current)
          ? { kind: 'nodata' }
          : { kind: 'nxdomain' };
      }
      cnameChain.push(current);
      const target = normalizeName(alias.value);
      if (cnameChain.includes(target) || cnameChain.length > MAX_CNAME_HOPS) {
        return { kind: 'servfail' };
      }
      current = target;
    }
  }

  #recordsAt(name: string): DnsRecord[] {
    return (this.#index().get(name) ?? []).map((r) => ({ ...r }));
  }

  // An empty non-terminal (`b.example` when only `mx.b.example` has records) exists: NODATA.
  #hasNamesBelow(name: string): boolean {
    this.#index();
    return this.#withDescendants?.has(name) ?? false;
  }

  #index(): Map<string, DnsRecord[]> {
    if (this.#byName) return this.#byName;
    const byName = new Map<string, DnsRecord[]>();
    const withDescendants = new Set<string>();
    for (const record of this.#records) {
      this.#indexRecord(byName, withDescendants, normalizeName(record.name), record);
    }
    this.#byName = byName;
    this.#withDescendants = withDescendants;
    return byName;
  }

  #indexRecord(
    byName: Map<string, DnsRecord[]>,
    withDescendants: Set<string>,
    name: string,
    record: DnsRecord,
  ): void {
    const list = byName.get(name);
    if (list) list.push(record);
    else byName.set(name, [record]);
    // Every proper ancestor, the root ('') included, has a name below it.
    const labels = name === '' ? [] : name.split('.');
    for (let i = 1; i <= labels.length; i += 1) withDescendants.add(labels.slice(i).join('.'));
  }
}
