// Where a command writes: the transcript and results to `out`, problems to `err`.
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const consoleIo: Io = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/** A subcommand of `smtp-sim`: `run` gets the arguments after its name, returns the exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: Io): Promise<number>;
}

/** Exit code for a command line that cannot be used (bad flag, bad scenario). */
export const USAGE_ERROR = 2;
