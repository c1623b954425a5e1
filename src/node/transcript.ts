// The live transcript of the bridge: one line per command, reply and event, prefixed with the
// wall-clock time and the connection (`12:00:01.234 [#3 127.0.0.1:53122] C: MAIL FROM:<a@b>`).

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function clockTime(date: Date): string {
  const hms = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return `${hms}.${pad(date.getMilliseconds(), 3)}`;
}

const MAX_SHOWN = 300;

/**
 * A line from the wire made safe for a terminal: control characters (escape sequences a client
 * could send) shown as `\xNN`, and very long lines cut.
 */
export function printable(text: string): string {
  const cut = text.length > MAX_SHOWN ? text.slice(0, MAX_SHOWN) : text;
  const shown = cut.replace(
    // eslint-disable-next-line no-control-regex
    /[\x00-\x08\x0a-\x1f\x7f-\x9f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return text.length > MAX_SHOWN ? `${shown}… (${text.length} chars)` : shown;
}

export type Log = (line: string) => void;

/** A logger for one connection; `undefined` when the transcript is off. */
export function connectionLog(log: Log | undefined, label: string): Log | undefined {
  return log && ((line) => log(`${clockTime(new Date())} [${label}] ${line}`));
}
