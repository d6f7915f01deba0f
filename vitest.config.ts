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
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every core: vitest's own default left one of two idle, and the suite (database and CLI
    // tests that wait on PostgreSQL and child processes) took twice as long.
    maxWorkers: '100%',
    projects: [
      // The server side's test files share a worker's module cache (not isolated): each would
      // otherwise load the app again, which took as long as many of their tests. None mocks a
      // module; each opens its own database.
      { extends: true, test: { name: 'server side', include: ['packages/{core,contract,store,app,server,cli}/src/**/*.test.ts'], isolate: false } },
      // The web app's tests mock modules and globals: each file in a fresh module cache.
      { extends: true, test: { name: 'web', include: ['packages/web/src/**/*.test.ts', 'packages/web/src/**/*.test.tsx'] } },
    ],
  },
});
