// `smtp-sim COMMAND …`: finds the subcommand and runs it. A new subcommand is one file in
// commands/ and one line in COMMANDS.
import { readFileSync } from 'node:fs';
import { lessonCommand } from './commands/lesson';
import { runCommand } from './commands/run';
import { send } from './commands/send';
import { serve } from './commands/serve';
import { consoleIo, USAGE_ERROR, type Command, type Io } from './io';

const COMMANDS: Command[] = [runCommand, send, serve, lessonCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: smtp-sim COMMAND [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'smtp-sim COMMAND --help shows the options of a command.',
  ].join('\n');
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(version());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(
      name === undefined
        ? 'smtp-sim: no command given'
        : `smtp-sim: unknown command ${JSON.stringify(name)}`,
    );
    io.err(usage());
    return USAGE_ERROR;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  return command.run(rest, io);
}
