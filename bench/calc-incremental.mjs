/*
 * A full calc run on the large demo, then the one-deal incremental update: a won deal of the
 * quarter changes amount, and the time is measured from the write until the rep's statement
 * shows the recalculated result (the write's commit, the incremental run of the payees it
 * credits, and its publication).
 *
 *   node packages/cli/dist/main.js --db /tmp/attain-large.db seed demo --size large   (once, ~5 min)
 *   node bench/calc-incremental.mjs --db /tmp/attain-large.db [--period FY2027-Q3] [--repeat 5]
 *
 * Run `npx tsc -b` first (it loads the built packages). Writes to the database it is given.
 */

import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const load = (pkg) => import(pathToFileURL(join(root, `packages/${pkg}/dist/index.js`)).href);
const { openDatabase, calcRunRepo } = await load('store');
const app = await load('app');

const { values } = parseArgs({ options: { db: { type: 'string', default: '/tmp/attain-large.db' }, period: { type: 'string', default: 'FY2027-Q3' }, repeat: { type: 'string', default: '5' } } });
const database = openDatabase(values.db);
const ctx = app.createAppContext(database);
const org = await database.db.selectFrom('orgs').select(['id']).executeTakeFirstOrThrow();
const actor = app.systemActor(org.id);
const mb = (bytes) => `${Math.round(bytes / 1024 / 1024)} MB`;

let t0 = performance.now();
const run = await app.runCalc(ctx, actor, { period: values.period });
console.log(`full run ${run.periodKey}: ${Math.round(performance.now() - t0)} ms, ${run.payeeCount} payees, peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);

// Won deals of the quarter owned by payees of the run, largest first.
const fiscal = app.parseRunPeriod(values.period, 2);
const payees = (await calcRunRepo.resultsOfRun(database.db, org.id, run.id)).map((r) => r.personId);
// Deals without line items (whose amount is their own, not their lines' sum), from their bookings.
const deals = (await database.db.selectFrom('comp_transactions').select(['opportunity_id as id', 'owner_id', 'deal_amount_minor as amount_minor']).distinct().where('org_id', '=', org.id)
  .where('source', '=', 'opportunity').where('reverses', 'is', null).where('source_key', 'not like', '%:%').where('line_items', '=', '[]').where('date', '>=', fiscal.start).where('date', '<=', fiscal.end)
  .where('deal_currency', '=', 'USD').where('owner_id', 'in', payees).orderBy('amount_minor', 'desc').limit(Number(values.repeat)).execute());

const times = [];
const settled = [];
for (const deal of deals) {
  const before = await calcRunRepo.latestResult(database.db, org.id, String(deal.owner_id), run.periodKey);
  const startedAt = Date.now();
  t0 = performance.now();
  await app.updateRecord(ctx, actor, app.opportunities, String(deal.id), { amountMinor: String(BigInt(deal.amount_minor) + 100_000n) });
  await app.settleRecalculations(ctx);
  const all = performance.now() - t0;
  const after = await calcRunRepo.latestResult(database.db, org.id, String(deal.owner_id), run.periodKey);
  if (after?.runId === before?.runId) {
    console.log(`deal ${deal.id}: the write changed no booking (left out)`);
    continue;
  }
  // The rep's statement changes when the run of the deal's own payees publishes; her managers' roll-ups follow in a run of their own.
  const ms = Date.parse((await calcRunRepo.findSummary(database.db, org.id, after.runId)).finishedAt) - startedAt;
  times.push(ms);
  settled.push(all);
  console.log(`deal ${deal.id}: write to the rep's updated statement ${Math.round(ms)} ms; managers' roll-ups done at ${Math.round(all)} ms`);
}
settled.sort((a, b) => a - b);
times.sort((a, b) => a - b);
console.log(`one-deal update: the rep's statement in median ${Math.round(times[Math.floor(times.length / 2)])} ms (max ${Math.round(times.at(-1))} ms); with her managers' roll-ups median ${Math.round(settled[Math.floor(settled.length / 2)])} ms, over ${times.length} deals`);
await database.close();
