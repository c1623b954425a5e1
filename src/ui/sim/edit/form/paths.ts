// JSON paths as the validator writes them (`hosts[2].retry.first`, `events[0].between[1]`):
// reading and writing a value at a path of the scenario document, and the element id of the
// form field that shows it.

export type Segment = string | number;
export type JsonObject = Record<string, unknown>;

export const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `hosts[2].retry.first` → ['hosts', 2, 'retry', 'first']. Quoted keys are not needed here. */
export function parsePath(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}

/** `hosts`, 2 → `hosts[2]`; `hosts[2]`, `ip` → `hosts[2].ip`. */
export function join(path: string, key: Segment): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

export function getAt(doc: unknown, path: string): unknown {
  let value = doc;
  for (const segment of parsePath(path)) {
    if (typeof segment === 'number') value = Array.isArray(value) ? value[segment] : undefined;
    else value = isObject(value) ? value[segment] : undefined;
  }
  return value;
}

/**
 * Sets the value at `path`, creating objects on the way; `undefined` removes the key, and an
 * object left empty by that goes too (an empty `retry` or `auth`), so optional parts vanish.
 */
export function setAt(doc: JsonObject, path: string, value: unknown): void {
  const segments = parsePath(path);
  const parents: Array<[JsonObject | unknown[], Segment]> = [];
  let node: JsonObject | unknown[] = doc;
  for (let i = 0; i < segments.length - 1; i += 1) {
    const segment = segments[i] as Segment;
    const nextIsIndex = typeof segments[i + 1] === 'number';
    const child = read(node, segment);
    const fits = nextIsIndex ? Array.isArray(child) : isObject(child);
    if (!fits) {
      if (value === undefined) return;
      write(node, segment, nextIsIndex ? [] : {});
    }
    parents.push([node, segment]);
    node = read(node, segment) as JsonObject | unknown[];
  }
  const last = segments.at(-1);
  if (last === undefined) return;
  if (value !== undefined) return write(node, last, value);
  if (Array.isArray(node) && typeof last === 'number') node[last] = '';
  else if (!Array.isArray(node)) delete node[String(last)];
  // Prune objects emptied by the removal, innermost first.
  for (let i = parents.length - 1; i >= 0; i -= 1) {
    const [parent, key] = parents[i] as [JsonObject | unknown[], Segment];
    const child = read(parent, key);
    if (!isObject(child) || Object.keys(child).length > 0 || Array.isArray(parent)) break;
    delete parent[String(key)];
  }
}

function read(node: JsonObject | unknown[], key: Segment): unknown {
  return Array.isArray(node) ? node[Number(key)] : node[String(key)];
}

function write(node: JsonObject | unknown[], key: Segment, value: unknown): void {
  if (Array.isArray(node)) node[Number(key)] = value;
  else node[String(key)] = value;
}

/** The element id for a path: `hosts[2].ip` → `ed-hosts-2-ip`; the whole document → `ed-doc`. */
export function fieldId(path: string): string {
  if (path === '') return 'ed-doc';
  return `ed-${path
    .replace(/\[(\d+)\]/g, '-$1')
    .replace(/\[("(?:[^"\\]|\\.)*")\]/g, (_, quoted: string) => `-${encodeKey(quoted)}`)
    .replace(/\./g, '-')}`;
}

function encodeKey(quoted: string): string {
  return [...quoted.slice(1, -1)].map((c) => c.charCodeAt(0).toString(16)).join('');
}

/** True when `path` is `prefix` or lies under it (`hosts[2].ip` under `hosts[2]` and `hosts`). */
export function isUnder(path: string, prefix: string): boolean {
  if (prefix === '') return true;
  if (!path.startsWith(prefix)) return false;
  const next = path.charAt(prefix.length);
  return next === '' || next === '.' || next === '[';
}
