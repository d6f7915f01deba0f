import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, type Database } from '@attain/store';
import { openTestDatabase, testDialects, warnIfPostgresSkipped } from '@attain/store/test-support';
import { assignPlan } from '../assignments/assign-plan.js';
import type { AppContext } from '../context.js';
import { listPlans } from '../plans/plan-queries.js';
import { seedPlanTemplates } from '../plans/seed-plan-templates.js';
import { createTestOrg, testContext, type TestOrg } from '../test-support/factories.js';
import { quarterTarget } from './quarter-target.js';

warnIfPostgresSkipped();

describe.each(testDialects())('the quarter\'s target on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: TestOrg;
  const q1 = { start: '2026-01-01', end: '2026-03-31' };

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database);
    t = await createTestOrg(ctx, 'Targets');
    await inTransaction(database.db, (tx) => seedPlanTemplates(ctx, tx, t.admin));
    const plans = Object.fromEntries((await listPlans(ctx, t.actors.ops)).map((p) => [p.key, p.id]));
    const assign = (personId: string, planId: string, annualQuotaMinor: string) =>
      assignPlan(ctx, t.actors.finance, { personId, planId, planVersion: 1, validFrom: '2026-01-01', targetIncentiveMinor: '1000', annualQuotaMinor, reason: 'FY2026' });
    // By days (no phasing): 90 of 365 days in the first quarter.
    await assign(t.people.rep.id, plans['ae-quota-commission'] as string, '365000');
    await assign(t.people.rep2.id, plans['ae-quota-commission'] as string, '730000');
    await assign(t.people.manager.id, plans['manager-override'] as string, '1095000');
  });
  afterAll(async () => database.close());

  it('sums the period quotas in scope, leaving out a manager whose team is in it, and is null without any', async () => {
    const target = (ownerIds: readonly string[] | null) => quarterTarget(database.db, t.org.id, ownerIds, q1, 'USD');
    expect(await target(null)).toBe(270_000n);
    expect(await target([t.people.rep.id])).toBe(90_000n);
    expect(await target([t.people.manager.id, t.people.rep.id, t.people.rep2.id])).toBe(270_000n);
    // Her own home narrowed to herself: her roll-up quota is the target.
    expect(await target([t.people.manager.id])).toBe(270_000n);
    expect(await target([t.people.otherRep.id])).toBeNull();
    expect(await quarterTarget(database.db, t.org.id, null, { start: '2027-01-01', end: '2027-03-31' }, 'USD')).toBeNull();
  });
});
