import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDialects, warnIfPostgresSkipped } from '@attain/app/test-support';
import type { Database } from '@attain/store';
import { listAssignments, getAssignment } from '../assignments/assignment-queries.js';
import { createAppContext, type AppContext } from '../context.js';
import { systemActor } from '../orgs.js';
import { demoQuotaMinor } from './plan-assignments.js';
import { seedDemo, type DemoResult } from './seed-demo.js';

warnIfPostgresSkipped();

describe('demo quotas', () => {
  it('grow prior-year bookings by 10% and round to 10,000 (major units)', () => {
    expect(demoQuotaMinor(123_456_789n)).toBe(136_000_000n); // 1,234,567.89 x 1.1 = 1,358,024.68 -> 1,360,000
    expect(demoQuotaMinor(0n)).toBe(60_000_000n);
    expect(demoQuotaMinor(undefined)).toBe(60_000_000n);
    expect(demoQuotaMinor(100n)).toBe(1_000_000n);
  });
});

describe.each(testDialects())('demo plan assignments on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let result: DemoResult;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = createAppContext(database, () => new Date('2026-06-30T12:00:00.000Z'));
    result = await seedDemo(ctx, { size: 'small', seed: 3, asOf: '2026-06-30' });
  }, 120_000);
  afterAll(async () => database.close());

  it('puts the AEs on the quota plan from the fiscal year, one new hire on the ramped plan and the managers on the override', async () => {
    const all = await listAssignments(ctx, systemActor(result.org.id));
    expect(all.length).toBe(result.counts.planAssignments);
    const thisYear = all.filter((a) => a.planVersion === 1);
    const byPlan = (key: string) => thisYear.filter((a) => a.planKey === key);
    expect(byPlan('ae-quota-commission').length).toBeGreaterThan(10);
    expect(byPlan('ae-new-hire-draw')).toHaveLength(1);
    expect(byPlan('ae-new-hire-draw')[0]?.ramp).toEqual(['0.25', '0.5', '0.75']);
    expect(byPlan('manager-override').length).toBeGreaterThanOrEqual(4);
    // The demo's fiscal year starts in February; the plan versions run by calendar year.
    expect(thisYear.every((a) => a.validFrom >= '2026-02-01' && (a.validTo === null || a.validTo <= '2026-12-31'))).toBe(true);
    // Each that runs to the version's end goes on, on version 2, to the fiscal year's end, with the same terms (the ramp is over by then).
    const goingOn = thisYear.filter((a) => a.validTo === '2026-12-31');
    const next = all.filter((a) => a.planVersion === 2);
    expect(next.map((a) => [a.personId, a.planKey, a.validFrom, a.validTo, a.annualQuotaMinor, a.ramp])).toEqual(
      goingOn.map((a) => [a.personId, a.planKey, '2027-01-01', '2027-01-31', a.annualQuotaMinor, null]),
    );
    expect(byPlan('ae-quota-commission').every((a) => BigInt(a.annualQuotaMinor ?? '1') % 1_000_000n === 0n)).toBe(true);
    const hire = byPlan('ae-new-hire-draw')[0];
    const terms = await getAssignment(ctx, systemActor(result.org.id), hire?.id as string, { period: `${hire?.validFrom.slice(0, 7)}-01..2026-12-31` });
    // The month she starts counts as ramp month 1 (factor 0.25), the fourth on at 1.
    expect(terms.terms?.quota?.months.map((m) => m.rampFactor).slice(0, 5)).toEqual(['0.25', '0.5', '0.75', '1', '1']);
  });
});
