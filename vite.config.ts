import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { lessonsCheck } from './src/node/lessonsPlugin.ts';

/**
 * Writes the list of files to keep offline into the built sw.js (copied from public/): the app
 * shell, every chunk and asset of the bundle, every public file; source maps left out. The
 * version is a hash of that list and of index.html, so that each build changes sw.js.
 */
function precacheList(): Plugin {
  let publicDir = '';
  return {
    name: 'smtp-sim:precache',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    writeBundle(options, bundle) {
      const outDir = options.dir ?? 'dist';
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
          entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
        );
      const publicFiles = publicDir ? walk(publicDir).map((f) => relative(publicDir, f)) : [];
      const files = [...Object.keys(bundle), ...publicFiles]
        .map((f) => f.split('\\').join('/'))
        .filter((f) => !f.endsWith('.map') && f !== 'sw.js')
        .sort();
      const index = readFileSync(join(outDir, 'index.html'), 'utf8');
      const version = createHash('sha256')
        .update(files.join('\n'))
        .update(index)
        .digest('hex')
        .slice(0, 16);
      const swPath = join(outDir, 'sw.js');
      const sw = readFileSync(swPath, 'utf8');
      const list = JSON.stringify({ version, files: ['./', ...files] });
      const written = sw.replace(/\/\*__PRECACHE__\*\/[^;]*;/, `${list};`);
      if (written === sw) throw new Error('public/sw.js has no /*__PRECACHE__*/ marker');
      writeFileSync(swPath, written);
    },
  };
}

export default defineConfig({
  // Relative asset paths: the built site works from any sub-path of any static host.
  base: './',
  plugins: [svelte(), precacheList(), lessonsCheck()],
  build: { target: 'es2022', sourcemap: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/peers/**', 'test/e2e/**', 'test/ui/**/*.dom.test.ts'],
          environment: 'node',
          // Some tests start the CLI as a child process (tsx compiles on start): slow on a loaded
          // 2-core machine, so give every test room.
          testTimeout: 30_000,
        },
      },
      {
        // Svelte components in jsdom need Svelte's browser build.
        extends: true,
        resolve: { conditions: ['browser'] },
        test: { name: 'ui', include: ['test/ui/**/*.dom.test.ts'], environment: 'jsdom' },
      },
      {
        extends: true,
        test: { name: 'peers', include: ['test/peers/**/*.test.ts'], testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
