// A Vite plugin that checks lessons/ as `smtp-sim lesson check` does. `vite build` fails on any
// problem, listing them all; the dev server only warns in the terminal (the lesson pages show a
// broken lesson's problems too) and checks a lesson folder again when one of its files changes.
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Logger, Plugin } from 'vite';
import type { LessonError } from '../core/lesson/types';

type Checker = typeof import('./lessons');

const LESSONS = 'lessons';

/**
 * The checker is loaded through tsx when first needed rather than imported: Vite bundles the
 * config with everything it imports statically, and the core's extensionless imports would make
 * it warn on every start.
 */
async function loadChecker(): Promise<Checker> {
  const { tsImport } = await import('tsx/esm/api');
  // Vite keeps import.meta.url of the config's own files when it bundles them.
  return (await tsImport(
    new URL('./lessons.ts', import.meta.url).href,
    import.meta.url,
  )) as Checker;
}

function describe(checker: Checker, errors: readonly LessonError[]): string {
  const n = errors.length;
  return [
    `lessons: ${n} problem${n === 1 ? '' : 's'} (npx smtp-sim lesson check shows them too):`,
    ...errors.map((e) => `  ${checker.formatLessonError(LESSONS, e)}`),
  ].join('\n');
}

export function lessonsCheck(): Plugin {
  let lessons = '';
  let logger: Logger | undefined;
  return {
    name: 'smtp-sim:lessons',
    // Not under Vitest: the test suite checks every lesson itself.
    apply: (_config, env) =>
      env.command === 'build' || (env.mode !== 'test' && process.env.VITEST === undefined),
    configResolved(config) {
      lessons = join(config.root, LESSONS);
      logger = config.logger;
    },
    async buildStart() {
      if (!existsSync(lessons)) return;
      const checker = await loadChecker();
      const { errors } = checker.checkLessonsDir(lessons);
      if (errors.length === 0) return;
      // `vite build --watch` keeps watching; a one-off build stops.
      if (this.meta.watchMode) this.warn(describe(checker, errors));
      else this.error(describe(checker, errors));
    },
    configureServer(server) {
      if (!existsSync(lessons)) return;
      const warn = (checker: Checker, errors: readonly LessonError[]) => {
        if (errors.length > 0) logger?.warn(describe(checker, errors), { timestamp: true });
      };
      const checked = loadChecker();
      void checked.then((checker) => warn(checker, checker.checkLessonsDir(lessons).errors));
      const recheck = (file: string) => {
        const folder = relative(lessons, file).split(sep)[0] ?? '';
        if (folder === '' || folder.startsWith('..') || !file.startsWith(lessons)) return;
        const dir = join(lessons, folder);
        if (!existsSync(dir) || dir === file) return;
        void checked.then((checker) => {
          const { errors } = checker.checkLessonFolder(dir);
          if (errors.length === 0) logger?.info(`lessons: ${folder} OK`, { timestamp: true });
          else warn(checker, errors);
        });
      };
      server.watcher.on('change', recheck);
      server.watcher.on('add', recheck);
      server.watcher.on('unlink', recheck);
    },
  };
}
