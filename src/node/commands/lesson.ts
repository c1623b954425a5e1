// `smtp-sim lesson check [DIR …]`: parses each lesson folder, runs its scenario, binds its steps to
// the trace, solves and fails its exercises and checks its prose against the trace. One line per
// problem (file, field, what), or one OK line per lesson.
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { clashes } from '../../core/lesson/library';
import { checkLessonFolder, formatLessonError, lessonFolders, type LessonReport } from '../lessons';
import { USAGE_ERROR, type Command, type Io } from '../io';

const USAGE = `usage: smtp-sim lesson check [DIR ...]

Checks lesson folders (lessons/NN-slug): lesson.md, scenario.json and exercises.json are read and
validated; the scenario is run and its expect checks must hold with no message lost; every step
must find its point in the trace; every predict exercise must have exactly one choice with the
code the server sends; every task's solution must pass and its unchanged start must fail; every
SMTP line quoted in the prose must occur in the simulation. Without DIR: every folder in lessons/.

exit status: 0 every lesson is fine, 1 a lesson has problems, 2 bad command line or no such
folder.`;

const DEFAULT_ROOT = 'lessons';

function usageError(io: Io, message: string): number {
  io.err(`smtp-sim lesson: ${message}`);
  io.err('usage: smtp-sim lesson check [DIR ...]');
  return USAGE_ERROR;
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function summary(report: LessonReport): string {
  const lesson = report.lesson;
  if (lesson === undefined) return `${report.dir}: OK`;
  const steps = lesson.steps.length;
  const exercises = lesson.exercises.length;
  return `${report.dir}: OK (${steps} step${steps === 1 ? '' : 's'}, ${exercises} exercise${exercises === 1 ? '' : 's'})`;
}

async function run(argv: string[], io: Io): Promise<number> {
  const [sub, ...dirs] = argv;
  if (sub !== 'check') {
    return usageError(
      io,
      sub === undefined ? 'no subcommand given' : `unknown subcommand ${JSON.stringify(sub)}`,
    );
  }
  const flag = dirs.find((d) => d.startsWith('-'));
  if (flag !== undefined) return usageError(io, `unknown option ${flag}`);
  let folders = dirs;
  if (folders.length === 0) {
    if (!isDirectory(DEFAULT_ROOT)) {
      return usageError(io, 'no lessons/ folder here; run it from the project folder or give DIR');
    }
    folders = lessonFolders(DEFAULT_ROOT);
    if (folders.length === 0) {
      io.out(`${DEFAULT_ROOT}: no lessons yet`);
      return 0;
    }
  }
  const missing = folders.find((d) => !isDirectory(d));
  if (missing !== undefined) return usageError(io, `${missing}: no such folder`);

  const reports = folders.map((dir) => checkLessonFolder(dir.replace(/[\\/]+$/, '')));
  let problems = 0;
  for (const report of reports) {
    const root = dirname(report.dir);
    for (const error of report.errors) io.out(formatLessonError(root, error));
    problems += report.errors.length;
    if (report.errors.length === 0) io.out(summary(report));
  }
  const lessons = reports.flatMap((r) => (r.lesson ? [r.lesson] : []));
  for (const error of clashes(lessons)) {
    const report = reports.find((r) => r.lesson?.folder === error.file);
    io.out(formatLessonError(report ? dirname(report.dir) : '.', error));
    problems += 1;
  }
  if (problems > 0) io.err(`${problems} problem${problems === 1 ? '' : 's'}`);
  return problems > 0 ? 1 : 0;
}

export const lessonCommand: Command = {
  name: 'lesson',
  summary: 'check lesson folders: steps, exercises and prose against the simulation',
  usage: USAGE,
  run,
};
