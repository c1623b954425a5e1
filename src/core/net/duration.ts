// Durations as scenarios write them ("40ms", "1.5s", "2h1m", "1d12h") and virtual times as
// transcripts show them ("12.040s").

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Units largest first, each at most once; "m(?!s)" keeps minutes apart from milliseconds.
const NUM = '(\\d+(?:\\.\\d+)?)';
const DURATION = new RegExp(`^(?:${NUM}d)?(?:${NUM}h)?(?:${NUM}m(?!s))?(?:${NUM}s)?(?:${NUM}ms)?$`);
const UNITS = [DAY, HOUR, MINUTE, SECOND, 1] as const;

/** `digits[.fraction]` times `unit`, exactly, when the result is a whole number of ms. */
function amount(text: string, unit: number): number | undefined {
  const [whole = '', fraction = ''] = text.split('.');
  const digits = fraction.replace(/0+$/, '');
  // A unit is at most 8.64e7 ms, so eight fraction digits keep the product below 2^53.
  if (digits.length > 8) return undefined;
  const scale = 10 ** digits.length;
  const part = Number(digits || '0') * unit;
  if (part % scale !== 0) return undefined;
  return Number(whole) * unit + part / scale;
}

/**
 * Parses a duration with units `d h m s ms`, largest first, each at most once, no spaces:
 * `0s`, `40ms`, `1.5s`, `2h1m`, `1d12h`. Returns whole milliseconds, or undefined for anything
 * else (empty, negative, bare numbers, unknown or repeated units, sub-millisecond precision).
 */
export function parseDuration(s: string): number | undefined {
  const match = DURATION.exec(s);
  if (match === null || s === '') return undefined;
  let total = 0;
  for (let i = 0; i < UNITS.length; i++) {
    const text = match[i + 1];
    if (text === undefined) continue;
    const ms = amount(text, UNITS[i] as number);
    if (ms === undefined) return undefined;
    total += ms;
  }
  return Number.isSafeInteger(total) ? total : undefined;
}

function wholeMs(ms: number, caller: string): number {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`${caller}: expected a finite number of ms, 0 or more, got ${ms}`);
  }
  return Math.round(ms);
}

/**
 * The shortest form parseDuration reads back: `0s`, `40ms`, `1.5s`, `1m30.5s`, `2h1m`, `1d`,
 * `1m40ms`. Fractions of a millisecond are rounded.
 */
export function formatDuration(ms: number): string {
  let rest = wholeMs(ms, 'formatDuration');
  if (rest === 0) return '0s';
  let out = '';
  for (const [unit, suffix] of [
    [DAY, 'd'],
    [HOUR, 'h'],
    [MINUTE, 'm'],
  ] as const) {
    const n = Math.floor(rest / unit);
    if (n > 0) out += `${n}${suffix}`;
    rest -= n * unit;
  }
  if (rest >= SECOND) {
    const fraction = String(rest % SECOND)
      .padStart(3, '0')
      .replace(/0+$/, '');
    out += `${Math.floor(rest / SECOND)}${fraction === '' ? '' : `.${fraction}`}s`;
  } else if (rest > 0) {
    out += `${rest}ms`;
  }
  return out;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * A virtual time for transcripts, always to the millisecond:
 * - under a minute, seconds: `0.000s`, `12.040s`;
 * - under a day, `HH:MM:SS.mmm`: `00:05:00.000`, `02:01:00.040`;
 * - from one day, days first: `1d 02:03:04.005`, `30d 00:00:00.000`.
 */
export function formatClock(ms: number): string {
  const t = wholeMs(ms, 'formatClock');
  const millis = pad(t % SECOND, 3);
  if (t < MINUTE) return `${Math.floor(t / SECOND)}.${millis}s`;
  const days = Math.floor(t / DAY);
  const hms = `${pad(Math.floor((t % DAY) / HOUR))}:${pad(Math.floor((t % HOUR) / MINUTE))}:${pad(
    Math.floor((t % MINUTE) / SECOND),
  )}.${millis}`;
  return days > 0 ? `${days}d ${hms}` : hms;
}
