import cluster from 'node:cluster';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { applyAllDueTerritoryOwners, takeDueForecastSnapshots } from '@attain/app';
import { createServer } from '@attain/server';
import { orgRepo } from '@attain/store';
import { invalid } from '@attain/core';
import type { Command } from 'commander';
import { ensureDemo } from './seed.js';
import { openRuntime, reportError, type GlobalOptions } from '../runtime.js';
import { VERSION } from '../version.js';

const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

function printDemo(demo: Awaited<ReturnType<typeof ensureDemo>>): void {
  process.stdout.write(`Demo organisation "${demo.org.name}" seeded. Demo logins (demo credentials only, password "${demo.password}"):\n`);
  for (const login of demo.logins) process.stdout.write(`  ${login.email.padEnd(22)} ${login.role}\n`);
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('migrate the database, seed the demo organisation if the database is empty, and serve the API and web app')
    .option('--port <port>', 'port to listen on (or PORT)', process.env.PORT ?? '3000')
    .option('--host <host>', 'address to bind', process.env.HOST ?? '127.0.0.1')
    .option('--no-demo', 'do not seed the demo organisation into an empty database')
    .option('--workers <n>', 'server processes sharing the port (the server keeps no state, so any number works)', process.env.ATTAIN_WORKERS ?? '1')
    .action(async (options: { port: string; host: string; demo: boolean; workers: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      try {
        const workers = Number(options.workers);
        if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw invalid('--workers', 'must be a whole number from 1 to 64');
        const rt = await openRuntime(globals);
        const empty = cluster.isPrimary && (await orgRepo.list(rt.database.db)).length === 0;
        const demo = options.demo && empty ? await ensureDemo(rt) : null;
        if (cluster.isPrimary && workers > 1) {
          // Migrated and seeded once here; each worker opens its own connection and serves.
          await rt.close();
          for (let i = 0; i < workers; i++) cluster.fork();
          process.stdout.write(`Attain ${VERSION}: ${workers} server processes on http://${options.host}:${options.port}\n`);
          if (demo) printDemo(demo);
          return;
        }
        const server = createServer({ ctx: rt.ctx, version: VERSION, webDir: WEB_DIR });
        const port = Number(options.port);
        const httpServer = serve({ fetch: server.app.fetch, port, hostname: options.host }, (info) => {
          if (cluster.isWorker) return;
          const url = `http://${options.host}:${info.port}`;
          process.stdout.write(`Attain ${VERSION} on ${rt.database.dialect} (${rt.database.location})\n`);
          process.stdout.write(`  web app   ${url}\n  API       ${url}/api/v1  (docs: ${url}/api/docs)\n`);
          if (demo) printDemo(demo);
        });
        // Once at start, then every hour (one process does it): territory owners dated in the future are set when their day
        // comes, and each organisation's forecast gets this week's snapshot (a week missed while the server was down is taken late).
        const report = (what: string) => (error: unknown) => void process.stderr.write(`${what}: ${error instanceof Error ? error.message : String(error)}\n`);
        const sweep = () =>
          void applyAllDueTerritoryOwners(rt.ctx).catch(report('territory owners'))
            .then(() => takeDueForecastSnapshots(rt.ctx)).catch(report('forecast snapshots'));
        const sweeper = cluster.isPrimary || cluster.worker?.id === 1 ? setInterval(sweep, 3_600_000) : undefined;
        if (sweeper) sweep();
        const stop = () => {
          clearInterval(sweeper);
          httpServer.close();
          void rt.close().then(() => process.exit(0));
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      } catch (error) {
        process.exitCode = reportError(error, globals.json ?? false);
      }
    });
}
