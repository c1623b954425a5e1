// Command-line flags through node:util parseArgs, with one clear line per mistake naming the flag.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isIP } from 'node:net';
import { parseDuration } from '../core/net/duration';

export class ArgumentError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The flags given, or an ArgumentError saying what is wrong with the first bad one. */
export function parseFlags<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new ArgumentError(flagProblem(error as Error & { code?: string }));
  }
}

function flagProblem(error: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const flag = quoted.split(' ')[0] ?? quoted;
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${flag}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return error.message.includes('argument missing')
        ? `${flag} needs a value`
        : `${flag} takes no value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${JSON.stringify(quoted)}`;
    default:
      return error.message;
  }
}

/** A whole number from `min` to `max`, or an ArgumentError naming the flag. */
export function integerFlag(flag: string, text: string, min: number, max: number): number {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new ArgumentError(
      `--${flag}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`,
    );
  }
  return n;
}

/** A positive duration such as `300s`, `5m`, `1m30s` (milliseconds). */
export function durationFlag(flag: string, text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined || ms <= 0) {
    throw new ArgumentError(
      `--${flag}: expected a duration such as 300s or 5m, got ${JSON.stringify(text)}`,
    );
  }
  return ms;
}

/** An IPv4 or IPv6 address, or `localhost`. */
export function addressFlag(flag: string, text: string): string {
  if (isIP(text) === 0 && text !== 'localhost') {
    throw new ArgumentError(
      `--${flag}: expected an IP address such as 127.0.0.1, got ${JSON.stringify(text)}`,
    );
  }
  return text;
}
