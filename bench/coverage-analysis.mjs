/*
 * The coverage analysis over many accounts: every account of an organisation read, placed in its
 * segment by the starter model's rules, its potential summed, and each role's capacity worked out
 * for a headcount (the use case behind POST /coverage/analysis, which the Coverage screen asks
 * again each time the draft rests).
 *
 *   node bench/coverage-analysis.mjs [--accounts 200000] [--db /tmp/attain-coverage.db]
 *
 * Accounts are written straight into the table (a generator, not a use case): employees
 * log-uniform from 10 to 50,000, potential from employees, industries and regions from small
 * lists, all from a fixed seed. Prints the time of five analyses and the process's peak RSS.
 * Run `npx tsc -b` first (it loads the built packages).
 */

import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const load = (pkg) => import(pathToFileURL(join(root, `packages/${pkg}/dist/index.js`)).href);
const { openDatabase, migrateToLatest } = await load('store');
const app = await load('app');

const { values } = parseArgs({ options: { accounts: { type: 'string', default: '200000' }, db: { type: 'string', default: '/tmp/attain-coverage.db' } } });
const count = Number(values.accounts);
for (const suffix of ['', '-wal', '-shm']) rmSync(`${values.db}${suffix}`, { force: true });
const database = openDatabase(values.db);
await migrateToLatest(database.db);
const ctx = app.createAppContext(database, () => new Date('2026-11-27T12:00:00Z'));
const org = await app.createOrganisation(ctx, { name: 'Coverage bench', fiscalYearStartMonth: 1, defaultCurrency: 'USD' });
const actor = app.systemActor(org.id);

// A small linear congruential generator: the same seed writes the same accounts.
let seed = 1;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const INDUSTRIES = ['Software', 'Retail', 'Banking', 'Manufacturing', 'Healthcare', 'Logistics'];
const REGIONS = ['CA', 'TX', 'NY', 'WA', 'IL', 'FL', 'MA', 'GA'];
const sqlite = (await import('better-sqlite3')).default(values.db);
const insert = sqlite.prepare(`insert into accounts (org_id, id, created_at, updated_at, version, name, industry, employees, currency, region, country, potential_minor, search_text)
  values (?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 1, ?, ?, ?, 'USD', ?, 'US', ?, ?)`);
const t0 = performance.now();
sqlite.transaction(() => {
  for (let i = 0; i < count; i++) {
    const employees = Math.round(10 * 5000 ** random());
    const name = `Account ${i}`;
    insert.run(org.id, `acc_${String(i).padStart(7, '0')}`, name, INDUSTRIES[i % INDUSTRIES.length], employees, REGIONS[i % REGIONS.length], BigInt(employees) * 50_000n, name.toLowerCase());
  }
})();
sqlite.close();
console.log(`data: ${count} accounts written in ${Math.round(performance.now() - t0)} ms`);

const model = (await app.getCoverageModel(ctx, actor)).model;
const withHeadcount = { ...model, roles: model.roles.map((r) => ({ ...r, headcount: 10 })) };
const times = [];
let last;
for (let run = 0; run < 5; run++) {
  const t = performance.now();
  last = await app.analyzeCoverageModel(ctx, actor, { model: withHeadcount });
  times.push(Math.round(performance.now() - t));
}
console.log(`analysis of ${last.accounts} accounts (${last.segments.map((s) => `${s.key} ${s.accounts}`).join(', ')}): ${times.join(', ')} ms; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
await database.close();
for (const suffix of ['', '-wal', '-shm']) rmSync(`${values.db}${suffix}`, { force: true });
