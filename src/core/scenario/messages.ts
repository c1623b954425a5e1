// The validation toolkit: a collector of problems with their JSON paths, and small checks that
// read a value, report what is wrong with it in a full sentence, and return it normalised.
// Problems are structured texts (src/core/text): `message` has them in English, and the page
// formats `problem` in its own language. Message shapes, so that every problem reads alike:
//   wrong type      `hosts[0].ip: expected an IPv4 address, got 42`
//   invalid value   `hosts[0].ip: "10.0.0.300" is not an IPv4 address`
//   missing key     `hosts[0].ip: missing, expected an IPv4 address`
//   unknown key     `hosts[0].colour: unknown key (expected one of name, ip, role, …)`

import { parseDuration } from '../net/duration';
import { formatCidr, hasHostBits, parseCidr, parseIPv4, type Cidr } from '../net/ip';
import { coreText, english, type CoreText, type TextValue } from '../text/message';
import type { ScenarioError } from './types';

/** A problem or a noun phrase: a structured text, or plain English (not translated). */
export type Wording = string | CoreText;

const inEnglish = (wording: Wording): string =>
  typeof wording === 'string' ? wording : english(wording);

export class Issues {
  readonly errors: ScenarioError[] = [];

  /** Records a problem at `path`; returns undefined so readers can `return issues.report(…)`. */
  report(path: string, problem: Wording): undefined {
    const text = inEnglish(problem);
    const message = path === '' ? text : `${path}: ${text}`;
    this.errors.push(typeof problem === 'string' ? { path, message } : { path, message, problem });
    return undefined;
  }
}

/** A value as a message quotes it: strings in JSON quotes (shortened), containers by kind. */
export function shown(value: unknown): TextValue {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  if (Array.isArray(value)) return coreText('scenario.got.list');
  if (value === null) return 'null';
  if (typeof value === 'object') return coreText('scenario.got.object');
  if (value === undefined) return coreText('scenario.got.nothing');
  return String(value as number | boolean | bigint);
}

/** `shown` in English, for messages written as plain text. */
export function show(value: unknown): string {
  const text = shown(value);
  return typeof text === 'object' ? english(text) : String(text);
}

/** "expected …, got …": the value has the wrong JSON type. */
export function wrongType(expected: Wording, got: TextValue): CoreText {
  return coreText('scenario.problem.wrongType', { expected, got });
}

/** "… is not …": the type is right, the value is not. */
export function invalid(value: unknown, expected: Wording): CoreText {
  return coreText('scenario.problem.invalid', { value: shown(value), expected });
}

export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (!/^[A-Za-z_$][\w$-]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

export interface Check<T> {
  /** A noun phrase for messages: "an IPv4 address", "one of client, mta, dns". */
  readonly expected: Wording;
  read(value: unknown, path: string, issues: Issues): T | undefined;
}

/**
 * A check of a single value: `is` tells the right JSON type (else "expected …, got …"), `parse`
 * validates and normalises it (undefined: "… is not …").
 */
export function scalar<V, T>(
  expected: Wording,
  is: (value: unknown) => value is V,
  parse: (value: V) => T | undefined,
): Check<T> {
  return {
    expected,
    read(value, path, issues) {
      if (!is(value)) return issues.report(path, wrongType(expected, shown(value)));
      const result = parse(value);
      return result === undefined ? issues.report(path, invalid(value, expected)) : result;
    },
  };
}

export const isString = (v: unknown): v is string => typeof v === 'string';
export const isNumber = (v: unknown): v is number => typeof v === 'number';
export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const text: Check<string> = scalar(coreText('scenario.expected.string'), isString, (s) => s);
export const flag: Check<boolean> = scalar(
  coreText('scenario.expected.boolean'),
  isBoolean,
  (b) => b,
);

/** One line of text: no CR or LF. */
export const line: Check<string> = scalar(coreText('scenario.expected.line'), isString, (s) =>
  /[\r\n]/.test(s) ? undefined : s,
);

export function nonEmpty(expected: Wording): Check<string> {
  return scalar(expected, isString, (s) => (s.trim() === '' ? undefined : s));
}

export function integer(
  expected: Wording,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): Check<number> {
  return scalar(expected, isNumber, (n) =>
    Number.isInteger(n) && n >= min && n <= max ? n : undefined,
  );
}

export function oneOf<const T extends string>(values: readonly T[]): Check<T> {
  return scalar(
    coreText('scenario.expected.oneOf', { values: values.join(', ') }),
    isString,
    (s) => ((values as readonly string[]).includes(s) ? (s as T) : undefined),
  );
}

/** A list whose items all pass `item`; undefined when any does not. */
export function listOf<T>(
  expected: Wording,
  item: Check<T>,
  options: { nonEmpty?: boolean; unique?: boolean } = {},
): Check<T[]> {
  return {
    expected,
    read(value, path, issues) {
      if (!Array.isArray(value)) return issues.report(path, wrongType(expected, shown(value)));
      if (options.nonEmpty === true && value.length === 0) {
        return issues.report(path, wrongType(expected, coreText('scenario.got.emptyList')));
      }
      const out: T[] = [];
      let failed = false;
      const seen = new Set<unknown>();
      value.forEach((v: unknown, i) => {
        const itemPath = childPath(path, i);
        if (options.unique === true && (typeof v === 'string' || typeof v === 'number')) {
          if (seen.has(v)) {
            failed = true;
            issues.report(itemPath, coreText('scenario.problem.listedTwice', { value: shown(v) }));
            return;
          }
          seen.add(v);
        }
        const result = item.read(v, itemPath, issues);
        if (result === undefined) failed = true;
        else out.push(result);
      });
      return failed ? undefined : out;
    },
  };
}

/** An object from names (checked by `key`) to values; entries keep their order. */
export function mapOf<T>(
  expected: Wording,
  key: Check<string>,
  value: Check<T>,
): Check<Record<string, T>> {
  return {
    expected,
    read(raw, path, issues) {
      if (!isObject(raw)) return issues.report(path, wrongType(expected, shown(raw)));
      const entries: [string, T][] = [];
      let failed = false;
      for (const [k, v] of Object.entries(raw)) {
        const p = childPath(path, k);
        const name = key.read(k, p, issues);
        const result = value.read(v, p, issues);
        if (name === undefined || result === undefined) failed = true;
        else entries.push([name, result]);
      }
      // fromEntries defines own properties, so a "__proto__" key stays a plain entry.
      return failed ? undefined : Object.fromEntries(entries);
    },
  };
}

/** The keys of one JSON object, read against the keys its shape allows. */
export class Fields {
  constructor(
    readonly raw: Record<string, unknown>,
    readonly path: string,
    readonly issues: Issues,
  ) {}

  has(key: string): boolean {
    return Object.hasOwn(this.raw, key);
  }

  /** Reports every key not in `keys`. */
  allowOnly(keys: readonly string[]): void {
    for (const key of Object.keys(this.raw)) {
      if (!keys.includes(key)) {
        this.issues.report(
          childPath(this.path, key),
          coreText('scenario.problem.unknownKey', { keys: keys.join(', ') }),
        );
      }
    }
  }

  req<T>(key: string, check: Check<T>): T | undefined {
    const path = childPath(this.path, key);
    if (!this.has(key)) {
      return this.issues.report(
        path,
        coreText('scenario.problem.missing', { expected: check.expected }),
      );
    }
    return check.read(this.raw[key], path, this.issues);
  }

  opt<T>(key: string, check: Check<T>): T | undefined {
    return this.has(key)
      ? check.read(this.raw[key], childPath(this.path, key), this.issues)
      : undefined;
  }
}

/** An object with exactly these keys (unknown ones reported), built by `build`. */
export function shape<T>(
  expected: Wording,
  keys: readonly string[],
  build: (fields: Fields) => T | undefined,
): Check<T> {
  return {
    expected,
    read(value, path, issues) {
      if (!isObject(value)) return issues.report(path, wrongType(expected, shown(value)));
      const fields = new Fields(value, path, issues);
      fields.allowOnly(keys);
      return build(fields);
    },
  };
}

// Checks for the values scenarios are made of.

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DOMAIN = `${LABEL}(?:\\.${LABEL})*`;
const DOMAIN_RE = new RegExp(`^${DOMAIN}$`);
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const ADDRESS_RE = new RegExp(`^${ATOM}(?:\\.${ATOM})*@(?:${DOMAIN}|\\[[0-9.]+\\])$`);

export function isDomain(s: string): boolean {
  return s.length <= 253 && DOMAIN_RE.test(s);
}

/** `local@domain` with a dot-atom local part (quoted local parts are not needed here). */
export function isAddress(s: string): boolean {
  if (!ADDRESS_RE.test(s)) return false;
  const domain = s.slice(s.lastIndexOf('@') + 1);
  return !domain.startsWith('[') || parseIPv4(domain.slice(1, -1)) !== undefined;
}

const when =
  (test: (s: string) => boolean) =>
  (s: string): string | undefined =>
    test(s) ? s : undefined;

/** Hosts are named like DNS names: letters, digits, "-" and ".". */
export const hostName = scalar(coreText('scenario.expected.hostName'), isString, when(isDomain));
export const domainName = scalar(
  coreText('scenario.expected.domainName'),
  isString,
  when(isDomain),
);
export const address = scalar(coreText('scenario.expected.address'), isString, when(isAddress));
export const ipv4 = scalar(
  coreText('scenario.expected.ipv4'),
  isString,
  when((s) => parseIPv4(s) !== undefined),
);

export const duration = scalar(coreText('scenario.expected.duration'), isString, parseDuration);

const cidrText = scalar(coreText('scenario.expected.cidr'), isString, parseCidr);

export const cidr: Check<Cidr> = {
  expected: cidrText.expected,
  read(value, path, issues) {
    const result = cidrText.read(value, path, issues);
    if (result !== undefined && typeof value === 'string' && hasHostBits(value)) {
      return issues.report(
        path,
        coreText('scenario.problem.hostBits', { value: shown(value), cidr: formatCidr(result) }),
      );
    }
    return result;
  },
};
