import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3123);

// Debian's Chromium, never a downloaded browser; the built app on a fresh SQLite file.
export default defineConfig({
  testDir: './specs',
  outputDir: '../test-results',
  timeout: 30_000,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: `rm -f ../data/e2e-${port}.db* && npm run build --prefix .. >/dev/null && node ../packages/cli/dist/main.js --db ../data/e2e-${port}.db serve --port ${port}`,
    url: `http://127.0.0.1:${port}/api/v1/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    cwd: '.',
  },
});
