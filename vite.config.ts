import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  // Relative asset paths: the built site works from any sub-path of any static host.
  base: './',
  plugins: [svelte()],
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
