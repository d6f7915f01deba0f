import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

// Tests run on the TypeScript sources of the packages, without a build.
export default defineConfig({
  resolve: {
    alias: [
      { find: '@attain/app/test-support', replacement: src('app/src/test-support/index.ts') },
      { find: '@attain/store/test-support', replacement: src('store/src/test-support/index.ts') },
      ...['core', 'contract', 'store', 'app', 'server', 'cli'].map((name) => ({ find: `@attain/${name}`, replacement: src(`${name}/src/index.ts`) })),
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every core: vitest's own default left one of two idle, and the suite (database and CLI
    // tests that wait on PostgreSQL and child processes) took twice as long.
    maxWorkers: '100%',
  },
});
