// Between a JSON value in the scenario and the text of a form control, one kind of field at a
// time. Reading shows any value, even one of the wrong type (the validator then says why);
// writing turns what was typed into JSON, leaving an empty optional field out of the document.

/** How a field shows and writes its value. */
export type ValueKind =
  | 'text' // a string
  | 'textarea' // a string over several lines
  | 'number' // a number ("abc" stays a string, and the validator says it is not a number)
  | 'list' // strings, separated by commas or line ends
  | 'numberList' // numbers, separated by commas
  | 'lines' // one string per line, empty lines kept (a hand-typed session)
  | 'banner' // one line as a string, several as a list
  | 'map' // `name: value` per line (AUTH users, extra header fields)
  | 'select'; // one of some options

function showScalar(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The text a control shows for a JSON value. */
export function display(kind: ValueKind, value: unknown): string {
  switch (kind) {
    case 'list':
    case 'numberList':
      return Array.isArray(value) ? value.map(showScalar).join(', ') : showScalar(value);
    case 'lines':
    case 'banner':
      return Array.isArray(value) ? value.map(showScalar).join('\n') : showScalar(value);
    case 'map':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return showScalar(value);
      }
      return Object.entries(value)
        .map(([k, v]) => `${k}: ${showScalar(v)}`)
        .join('\n');
    default:
      return showScalar(value);
  }
}

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

function number(text: string): unknown {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The JSON value for what was typed; undefined leaves the key out. */
export function parse(kind: ValueKind, text: string): unknown {
  switch (kind) {
    case 'text':
    case 'textarea':
    case 'select':
      return text === '' ? undefined : text;
    case 'number':
      return text.trim() === '' ? undefined : number(text);
    case 'list': {
      const items = splitList(text);
      return items.length === 0 ? undefined : items;
    }
    case 'numberList': {
      const items = splitList(text).map(number);
      return items.length === 0 ? undefined : items;
    }
    case 'lines':
      return text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n');
    case 'banner': {
      const lines = text
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .filter((l) => l !== '');
      if (lines.length === 0) return undefined;
      return lines.length === 1 ? lines[0] : lines;
    }
    case 'map': {
      const entries: Array<[string, string]> = [];
      for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
        if (line.trim() === '') continue;
        const colon = line.indexOf(':');
        if (colon < 0) entries.push([line.trim(), '']);
        else entries.push([line.slice(0, colon).trim(), line.slice(colon + 1).replace(/^ /, '')]);
      }
      return entries.length === 0 ? undefined : Object.fromEntries(entries);
    }
  }
}

function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
