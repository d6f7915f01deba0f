/*
 * Calc runs on PostgreSQL: two quarters of a year of AEs on the AE quota plan, read, credited,
 * calculated and published by the real use case over the PostgreSQL path (Kysely keyset pages).
 *
 *   node bench/calc-run-pg.mjs [--url postgres://postgres@127.0.0.1:5432/test] [--payees 2000] [--transactions 400000] [--reuse]
 *   ATTAIN_CALC_WORKERS=2 node bench/calc-run-pg.mjs --reuse      # the same in two worker threads
 *
 * Creates (or with --reuse keeps, when it is there) the database attain_calc_bench on that server. Transactions are
 * spread evenly over the year's days and payees with amounts from a fixed formula, so every run
 * writes the same rows. Run `npx tsc -b` first (it loads the built packages).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const load = (pkg) => import(pathToFileURL(join(root, `packages/${pkg}/dist/index.js`)).href);
const { openDatabase, migrateToLatest, inTransaction, planAssignmentRepo } = await load('store');
const app = await load('app');
const { values } = parseArgs({ options: { url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' }, payees: { type: 'string', default: '2000' }, transactions: { type: 'string', default: '400000' }, reuse: { type: 'boolean', default: false } } });
const base = values.url;
const name = 'attain_calc_bench';
const admin = new pg.Client({ connectionString: base }); await admin.connect();
// --reuse on a server without the database yet builds it, as without.
const fresh = !values.reuse || (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 0;
if (fresh) { await admin.query(`drop database if exists ${name} with (force)`); await admin.query(`create database ${name}`); }
await admin.end();
const target = new URL(base);
target.pathname = `/${name}`;
const url = target.toString();
const database = openDatabase(url);
const ctx = app.createAppContext(database, () => new Date('2027-01-15T12:00:00Z'));
let orgId;
if (fresh) {
  await migrateToLatest(database.db);
  const org = await app.createOrganisation(ctx, { name: 'PG bench', fiscalYearStartMonth: 1, defaultCurrency: 'USD' });
  orgId = org.id;
  const adminActor = app.systemActor(org.id);
  await inTransaction(database.db, (tx) => app.seedPlanTemplates(ctx, tx, adminActor));
  const plan = (await app.listPlans(ctx, adminActor)).find((p) => p.key === 'ae-quota-commission');
  const P = Number(values.payees);
  const T = Number(values.transactions);
  await inTransaction(database.db, async (tx) => {
    const people = Array.from({ length: P }, (_, p) => ({ orgId: org.id, id: `p${String(p).padStart(5, '0')}`, name: `Payee ${p}`, email: null, title: null, kind: 'ae', hireDate: '2020-01-01', terminationDate: null, teamId: null, managerId: null, externalId: null, createdAt: ctx.now(), updatedAt: ctx.now(), archivedAt: null, version: 1 }));
    await app.repos.person.insertMany(tx, people);
    for (let p = 0; p < P; p++) await planAssignmentRepo.insert(tx, { orgId: org.id, id: `pas${p}`, personId: people[p].id, planId: plan.id, planVersion: 1, validFrom: '2026-01-01', validTo: '2026-12-31', targetIncentiveMinor: 4000000n, annualQuotaMinor: 80000000n, ramp: null, reason: 'bench', createdBy: 'system', createdAt: ctx.now(), endedBy: null, endedAt: null });
  });
  const c = new pg.Client({ connectionString: url }); await c.connect();
  const t0 = performance.now();
  for (let i = 0; i < T; i += 2000) {
    const rows = [];
    const params = [];
    for (let j = i; j < Math.min(T, i + 2000); j++) {
      const day = 1 + (j * 7919) % 365; const d = new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10);
      const k = params.length;
      params.push(org.id, `t${String(j).padStart(8, '0')}`, `t${j}`, d, BigInt(100000 + (j * 104729) % 5000000), `p${String(j % P).padStart(5, '0')}`, j + 1);
      rows.push(`($${k + 1}, $${k + 2}, 'import', $${k + 3}, 'new-business', $${k + 4}, $${k + 5}, 'USD', $${k + 5}, 'USD', $${k + 6}, null, null, null, null, '[]', '[]', null, '2027-01-01T00:00:00.000Z', $${k + 7})`);
    }
    await c.query(`insert into comp_transactions (org_id, id, source, source_key, kind, date, amount_minor, currency, deal_amount_minor, deal_currency, owner_id, account_id, opportunity_id, pipeline_id, territory_id, line_items, splits, reverses, created_at, seq) values ${rows.join(',')}`, params);
  }
  await c.query('analyze comp_transactions'); await c.end();
  console.log(`data: ${P} payees, ${T} transactions written in ${Math.round(performance.now() - t0)} ms`);
} else orgId = (await database.db.selectFrom('orgs').select('id').executeTakeFirstOrThrow()).id;
for (const q of ['FY2026-Q2', 'FY2026-Q3']) {
  const t0 = performance.now();
  const run = await app.runCalc(ctx, app.systemActor(orgId), { period: q });
  console.log(q, process.env.ATTAIN_CALC_WORKERS ?? 'default', Math.round(performance.now() - t0), 'ms', run.payeeCount, 'payees, payout', run.payoutMinor, 'RSS', Math.round(process.resourceUsage().maxRSS / 1024), 'MB');
}
await database.close();
