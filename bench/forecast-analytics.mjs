/*
 * The forecast roll-up, its statistical range, the output figures and the data-quality checks on a
 * demo database, in process (no HTTP), as the demo's director and as sales ops (the whole
 * organisation). Each is run `--repeat` times; the median is printed with the peak RSS.
 *
 *   node packages/cli/dist/main.js --db /tmp/attain-medium.db seed demo --size medium   (once, ~70 s)
 *   node bench/forecast-analytics.mjs --db /tmp/attain-medium.db [--repeat 3]
 *
 * Run `npx tsc -b` first (it loads the built packages). Reads only.
 */

import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const load = (pkg) => import(pathToFileURL(join(root, `packages/${pkg}/dist/index.js`)).href);
const { openDatabase, userRepo } = await load('store');
const app = await load('app');

const { values } = parseArgs({ options: { db: { type: 'string', default: '/tmp/attain-medium.db' }, repeat: { type: 'string', default: '3' } } });
const database = openDatabase(values.db);
const ctx = app.createAppContext(database);
const actorOf = async (email) => app.loadActor(ctx, (await userRepo.findForLogin(database.db, email)).user);
const actors = { director: await actorOf('director@example.com'), 'sales ops': await actorOf('ops@example.com') };
const mb = (bytes) => `${Math.round(bytes / 1024 / 1024)} MB`;

const cases = {
  'forecast roll-up': (a) => app.forecastRollup(ctx, a, {}),
  'its statistical range': (a) => app.forecastRollupRange(ctx, a, {}),
  'output figures (this quarter)': (a) => app.outputAnalytics(ctx, a, {}),
  'data quality': (a) => app.dataQuality(ctx, a, {}),
};
console.log('| what | as | median | runs |\n|---|---|---:|---:|');
for (const [what, run] of Object.entries(cases)) {
  for (const [who, actor] of Object.entries(actors)) {
    const times = [];
    for (let i = 0; i < Number(values.repeat); i++) {
      const t0 = performance.now();
      await run(actor);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`| ${what} | ${who} | ${Math.round(times[Math.floor(times.length / 2)])} ms | ${times.length} |`);
  }
}
console.log(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
await database.close();
