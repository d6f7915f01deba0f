import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { inTransaction, type Database } from '@attain/store';
import { openTestDatabase } from '@attain/app/test-support';
import { createOrganisation } from '../orgs.js';
import { DemoClock, DemoIds, demoContext } from './demo-context.js';
import { planOrg } from './org-chart.js';
import { writeDemoUsers, writeOrgDirect, writeOrgWithUseCases } from './org-writer.js';
import { Rng } from './prng.js';
import { SIZES } from './sizes.js';
import { dayOf, instantAt } from './timeline.js';

const asOfDay = dayOf('2026-06-30');
const windowStartDay = asOfDay - 730;
const setupDay = windowStartDay - 10;

const plan = () =>
  planOrg({
    config: SIZES.medium, rng: new Rng('org-writer-test'), seed: 3, windowStartDay, asOfDay, setupDay, emailDomain: 'acme-demo.example',
    demoDirector: { name: { first: 'Dana', last: 'Director' }, email: 'director@example.com' },
    demoManager: { name: { first: 'Maria', last: 'Manager' }, email: 'manager@example.com' },
    demoRep: { name: { first: 'Ray', last: 'Rep' }, email: 'rep@example.com' },
    nameAreas: (groups) => groups.map((_, i) => `Area ${i}`),
  });

async function build(database: Database, direct: boolean): Promise<void> {
  const ids = new DemoIds(3);
  const clock = new DemoClock(instantAt(setupDay, 14 * 60));
  const ctx = demoContext(database, clock, ids);
  const orgPlan = plan();
  await inTransaction(database.db, async (tx) => {
    const org = await createOrganisation(ctx, { name: 'Writer test', fiscalYearStartMonth: 2 }, tx);
    const writeUsers = async () => void (await writeDemoUsers(ctx, tx, org, [{ login: { email: 'rep@example.com', role: 'rep', name: 'Ray Rep' }, personId: orgPlan.personId(orgPlan.demoRep), passwordHash: 'x' }]));
    await (direct ? writeOrgDirect : writeOrgWithUseCases)({ ctx, clock, ids, tx, org, plan: orgPlan, writeUsers });
  });
}

const rows = async (database: Database, table: string) =>
  JSON.stringify((await sql.raw(`select * from ${table} order by id`).execute(database.db)).rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

describe('the two ways of writing the demo org chart', () => {
  let viaUseCases: Database;
  let direct: Database;
  beforeAll(async () => {
    [viaUseCases, direct] = await Promise.all([openTestDatabase('sqlite'), openTestDatabase('sqlite')]);
    await build(viaUseCases, false);
    await build(direct, true);
  }, 60_000);
  afterAll(async () => {
    await viaUseCases?.close();
    await direct?.close();
  });

  it('write the same people, teams, reporting lines and users', async () => {
    for (const table of ['people', 'teams', 'reporting_lines', 'users']) expect(await rows(direct, table), table).toBe(await rows(viaUseCases, table));
  });

  it('plans a hierarchy with turnover: leavers, successors and changed lines', async () => {
    const p = plan();
    expect(p.persons.filter((x) => x.endDay !== null).length).toBeGreaterThan(10);
    expect(p.events.filter((e) => e.type === 'manager').length).toBeGreaterThan(0);
    expect(p.events.filter((e) => e.type === 'leader').length).toBeGreaterThan(0);
    const teams = p.teams.map((t) => t.name);
    expect(new Set(teams).size).toBe(teams.length);
  });
});
