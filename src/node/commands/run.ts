// `smtp-sim run FILE`: loads a scenario, plays it on the virtual clock and prints the trace, as a
// human transcript or as JSON lines, then the summary. Exit 0 when every expect check holds and
// nothing was lost, 1 when not, 2 when the scenario or the command line cannot be used.
import { readFileSync, statSync } from 'node:fs';
import { parseScenarioText } from '../../core/scenario/validate';
import type { Scenario } from '../../core/scenario/types';
import { formatEvent, formatSummary, runFailed } from '../../core/trace/transcript';
import type { TraceEvent } from '../../core/trace/types';
import { World } from '../../core/world/world';
import { ArgumentError, parseFlags } from '../args';
import { parseDuration } from '../../core/net/duration';
import { USAGE_ERROR, type Command, type Io } from '../io';

const USAGE = `usage: smtp-sim run FILE [options]

Plays the scenario in FILE (JSON) on the virtual clock and prints what happens: every SMTP
line, connection, DNS query, queue decision and delivery, then the mailboxes, the queues and
the scenario's expect checks.

options:
  --json            one JSON object per line: every trace event, then the summary
  --until DURATION  stop at this virtual time (like 6d or 2h1m) instead of when all is quiet
  --quiet           leave out the events: only the summary
  --states          show the machines' state changes in the transcript too

exit status: 0 every check holds, 1 a check failed or a message was lost, 2 bad scenario or
bad option.`;

const FLAGS = {
  json: { type: 'boolean' },
  until: { type: 'string' },
  quiet: { type: 'boolean' },
  states: { type: 'boolean' },
} as const;

/** Options that take a value: their next argument is not the file. */
const VALUED = new Set(['--until']);

/** The positional arguments apart from the flags (parseFlags allows none). */
function splitArguments(argv: string[]): { flags: string[]; files: string[] } {
  const flags: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg !== '-') {
      flags.push(arg);
      if (VALUED.has(arg) && i + 1 < argv.length) flags.push(argv[++i] as string);
    } else {
      files.push(arg);
    }
  }
  return { flags, files };
}

/** `--until`: a duration with units, 0 or more. */
function untilFlag(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) {
    throw new ArgumentError(
      `--until: expected a duration such as 6d, 2h1m or 90s, got ${JSON.stringify(text)}`,
    );
  }
  return ms;
}

/** The validated scenario in `file`, or one line per problem, each starting with the file. */
export function loadScenario(
  file: string,
): { ok: true; scenario: Scenario } | { ok: false; problems: string[] } {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return { ok: false, problems: [`${file}: cannot read: ${why}`] };
  }
  if (stat.isDirectory()) {
    return { ok: false, problems: [`${file}: is a directory; give the scenario's JSON file`] };
  }
  if (/\.ya?ml$/i.test(file)) {
    return { ok: false, problems: [`${file}: YAML is not supported; write the scenario as JSON`] };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, problems: [`${file}: cannot read: ${(error as Error).message}`] };
  }
  const result = parseScenarioText(text);
  if (result.ok) return result;
  return {
    ok: false,
    problems: result.errors.map((e) =>
      e.line !== undefined && e.column !== undefined
        ? `${file}:${e.line}:${e.column}: ${e.message.replace(/^line \d+, column \d+: /, '')}`
        : `${file}: ${e.message}`,
    ),
  };
}

/** Writes lines in blocks rather than one call per event; never holds more than one block. */
function blockWriter(io: Io): { write(line: string): void; flush(): void } {
  const LIMIT = 64 * 1024;
  let block: string[] = [];
  let size = 0;
  const flush = () => {
    if (block.length === 0) return;
    io.out(block.join('\n'));
    block = [];
    size = 0;
  };
  return {
    write(line) {
      block.push(line);
      size += line.length + 1;
      if (size >= LIMIT) flush();
    },
    flush,
  };
}

async function run(argv: string[], io: Io): Promise<number> {
  let flags;
  let until: number | undefined;
  let file: string;
  try {
    const split = splitArguments(argv);
    flags = parseFlags(split.flags, FLAGS);
    if (flags.until !== undefined) until = untilFlag(flags.until);
    if (split.files.length === 0) throw new ArgumentError('no scenario file given');
    if (split.files.length > 1) {
      throw new ArgumentError(`one scenario file at a time, got ${split.files.length}`);
    }
    file = split.files[0] as string;
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    io.err(`smtp-sim run: ${error.message}`);
    io.err('usage: smtp-sim run FILE [--json] [--until DURATION] [--quiet] [--states]');
    return USAGE_ERROR;
  }

  const loaded = loadScenario(file);
  if (!loaded.ok) {
    for (const problem of loaded.problems) io.err(problem);
    return USAGE_ERROR;
  }

  const out = blockWriter(io);
  const json = flags.json === true;
  const formatOptions = { states: flags.states === true };
  const onEvent = flags.quiet
    ? undefined
    : json
      ? (event: TraceEvent) => out.write(JSON.stringify(event))
      : (event: TraceEvent) => {
          const line = formatEvent(event, formatOptions);
          if (line !== undefined) out.write(line);
        };
  if (!json && !flags.quiet) out.write(`# ${loaded.scenario.title}`);
  const world = new World(loaded.scenario, onEvent ? { onEvent } : {});
  world.run(until);
  const summary = world.summary();
  if (json) out.write(JSON.stringify(summary));
  else {
    if (!flags.quiet) out.write('');
    for (const line of formatSummary(summary)) out.write(line);
  }
  out.flush();
  return runFailed(summary) ? 1 : 0;
}

export const runCommand: Command = {
  name: 'run',
  summary: 'play a scenario file and print its transcript (or --json trace)',
  usage: USAGE,
  run,
};
