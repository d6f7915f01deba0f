/*
 * Calc runs from the database: a fiscal year (four quarterly runs) for many payees on the AE
 * quota plan, read, credited, calculated, hashed and published by the real use cases.
 *
 *   node bench/calc-run-db.mjs --payees 10000 --credits 5000000 [--db /tmp/attain-calc.db] [--keep] [--reuse]
 *
 * --reuse keeps the freshly written data beside the database (`<db>.base`) and starts from a copy
 * of it when it is there (writing 5M rows takes minutes; the runs then start from the same bytes).
 *
 * The data is bench/comp-data.mjs's (the same seed gives the same rows): one transaction per
 * credit (booking -> new-business, renewal -> renewal, services -> services, which no rule
 * credits), owned by AEs without managers, so every credit is the owner's. Transactions are
 * written straight into comp_transactions (a generator, not a use case); people, plans and
 * assignments through the store. Prints per quarter the wall time, the payees and credits,
 * and the process's peak RSS, then how long reading every row's id takes on this host at this
 * hour (the yardstick of the goal). Run `npx tsc -b` first (it loads the built packages).
 */

import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CREDIT_TYPES, DATE_OF_DAY, generateCompData } from './comp-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const load = (pkg) => import(pathToFileURL(join(root, `packages/${pkg}/dist/index.js`)).href);
const { openDatabase, migrateToLatest, inTransaction, planAssignmentRepo } = await load('store');
const app = await load('app');

const { values } = parseArgs({ options: { payees: { type: 'string', default: '10000' }, credits: { type: 'string', default: '5000000' }, db: { type: 'string', default: '/tmp/attain-calc-bench.db' }, keep: { type: 'boolean', default: false }, reuse: { type: 'boolean', default: false } } });
const payees = Number(values.payees);
const credits = Number(values.credits);
const KIND = { booking: 'new-business', renewal: 'renewal', services: 'services' };
const mb = (bytes) => `${Math.round(bytes / 1024 / 1024)} MB`;

async function build(path) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const database = openDatabase(path);
  await migrateToLatest(database.db);
  const ctx = app.createAppContext(database, () => new Date('2027-01-15T12:00:00Z'));
  const org = await app.createOrganisation(ctx, { name: 'Calc bench', fiscalYearStartMonth: 1, defaultCurrency: 'USD' });
  const admin = app.systemActor(org.id);
  const data = generateCompData({ payees, credits, seed: 1 });
  const t0 = performance.now();
  await inTransaction(database.db, (tx) => app.seedPlanTemplates(ctx, tx, admin));
  // Outside the transaction: SQLite has one connection, which the transaction holds.
  const plan = (await app.listPlans(ctx, admin)).find((p) => p.key === 'ae-quota-commission');
  await inTransaction(database.db, async (tx) => {
    const people = Array.from({ length: payees }, (_, p) => ({
      orgId: org.id, id: `p${String(p).padStart(5, '0')}`, name: `Payee ${p}`, email: null, title: null, kind: 'ae', hireDate: '2020-01-01', terminationDate: null,
      teamId: null, managerId: null, externalId: null, createdAt: ctx.now(), updatedAt: ctx.now(), archivedAt: null, version: 1,
    }));
    await app.repos.person.insertMany(tx, people);
    for (let p = 0; p < payees; p++) {
      let annualQuota = 0n;
      let annualTarget = 0n;
      for (let q = 0; q < 4; q++) {
        annualQuota += data.quota[p * 4 + q];
        annualTarget += data.targetIncentive[p * 4 + q];
      }
      await planAssignmentRepo.insert(tx, {
        orgId: org.id, id: `pas${p}`, personId: people[p].id, planId: plan.id, planVersion: 1, validFrom: '2026-01-01', validTo: '2026-12-31',
        targetIncentiveMinor: annualTarget, annualQuotaMinor: annualQuota, ramp: null, reason: 'bench', createdBy: 'system', createdAt: ctx.now(), endedBy: null, endedAt: null,
      });
    }
  });
  // Transactions straight into the table, in chunks (the generator's rows, numbered in order).
  const sqlite = (await import('better-sqlite3')).default(path);
  const insert = sqlite.prepare(`insert into comp_transactions (org_id, id, source, source_key, kind, date, amount_minor, currency, deal_amount_minor, deal_currency,
    owner_id, account_id, opportunity_id, pipeline_id, territory_id, line_items, splits, reverses, created_at, seq) values (?, ?, 'import', ?, ?, ?, ?, 'USD', ?, 'USD', ?, null, null, null, null, '[]', '[]', null, ?, ?)`);
  const chunk = sqlite.transaction((from, to) => {
    for (let i = from; i < to; i++) {
      const id = `t${String(i).padStart(8, '0')}`;
      insert.run(org.id, id, id, KIND[CREDIT_TYPES[data.type[i]]], DATE_OF_DAY[data.day[i]], data.amount[i], data.amount[i], `p${String(data.payee[i]).padStart(5, '0')}`, '2027-01-01T00:00:00.000Z', i + 1);
    }
  });
  for (let i = 0; i < credits; i += 100_000) chunk(i, Math.min(credits, i + 100_000));
  sqlite.close();
  console.log(`data: ${payees} payees, ${credits} transactions written in ${Math.round(performance.now() - t0)} ms`);
  return { database, ctx, org };
}

/** The base copy of --reuse, named by what it holds. */
const base = `${values.db}.${payees}x${credits}.base`;
async function open(path) {
  for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  copyFileSync(base, path);
  // Written out before the runs: otherwise the first commit's fsync of the database file pays for
  // the copy's gigabyte of dirty pages (seconds, in the first quarter's time).
  const fd = openSync(path, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  const database = openDatabase(path);
  const ctx = app.createAppContext(database, () => new Date('2027-01-15T12:00:00Z'));
  const org = await database.db.selectFrom('orgs').select(['id']).executeTakeFirstOrThrow();
  console.log(`data: ${payees} payees, ${credits} transactions, from ${base}`);
  return { database, ctx, org };
}
async function buildAndKeep(path) {
  const built = await build(path);
  await built.database.close();
  copyFileSync(path, base);
  return open(path);
}
const { database, ctx, org } = !values.reuse ? await build(values.db) : existsSync(base) ? await open(values.db) : await buildAndKeep(values.db);
const actor = app.systemActor(org.id);
let total = 0;
for (const q of ['FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4']) {
  const t0 = performance.now();
  const run = await app.runCalc(ctx, actor, { period: q });
  const ms = performance.now() - t0;
  total += ms;
  console.log(`${q}: ${Math.round(ms)} ms, ${run.payeeCount} payees, payout ${run.payoutMinor} minor units, peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
}
console.log(`year: ${Math.round(total)} ms, peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
await database.close();
// The yardstick the goal was set against ("reading 5M rows from SQLite with better-sqlite3 takes
// about 2.7 s here"), measured on this host in this hour: one column of every row, in one thread.
const sqlite = (await import('better-sqlite3')).default(values.db, { readonly: true });
const t0 = performance.now();
let rows = 0;
for (const _ of sqlite.prepare('select id from comp_transactions').raw(true).iterate()) rows++;
console.log(`reference: ${rows} rows (one column) read in ${Math.round(performance.now() - t0)} ms`);
sqlite.close();
if (!values.keep && existsSync(values.db)) for (const suffix of ['', '-wal', '-shm']) rmSync(`${values.db}${suffix}`, { force: true });
