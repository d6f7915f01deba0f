import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepo, inTransaction, type Database } from '@attain/store';
import { createTestOrg, openTestDatabase, testContext, testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import type { AppContext } from '../context.js';
import { getPlan, getPlanVersion, listPlans, validatePlanSource } from './plan-queries.js';
import { previewPlan } from './preview-plan.js';
import { createPlanFromSource, publishPlanVersion, savePlanVersion } from './save-plan-version.js';
import { planTemplates, seedPlanTemplates } from './seed-plan-templates.js';

warnIfPostgresSkipped();

const AE = readFileSync(fileURLToPath(new URL('../../../../plans/templates/ae-quota-commission.yaml', import.meta.url)), 'utf8');
const asVersion = (source: string, n: number) => source.replace(/^ {2}version: \d+/m, `  version: ${n}`);

describe('plan versions (pure use cases)', () => {
  const actor = { orgId: 'o', userId: 'u', role: 'sales_ops', personId: null, teamPersonIds: [] } as const;

  it('validates without throwing for the plan\'s own problems, naming line and column', () => {
    const broken = AE.replace('rate: "0.15"', 'rate: "fifteen"');
    const result = validatePlanSource(actor, { source: broken });
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ field: 'plan.components[0].rateTable.tiers[1].rate', line: 23, column: expect.any(Number) });
    expect(validatePlanSource(actor, { source: AE })).toMatchObject({ ok: true, issues: [], plan: { id: 'ae-quota-commission', version: 1, components: [{ id: 'commission', aggregate: 'sum' }] } });
    expect(validatePlanSource(actor, { source: 'plan: [' }).ok).toBe(false);
  });

  it('previews the curve and explains a sample deal line by line', () => {
    const preview = previewPlan(actor, { source: AE, targetIncentive: '50000.00', quota: '500000.00', sampleDeal: { amount: '650000.00' } });
    expect(preview.period).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(preview.curve).toHaveLength(41);
    expect(preview.curve[20]).toEqual({ attainmentPercent: 100, measureMinor: '50000000', components: { commission: '5000000' }, totalMinor: '5000000' });
    expect(preview.sample?.calculation.totalMinor).toBe('7250000');
    expect(preview.sample?.date).toBe('2026-03-31');
    const steps = preview.sample?.explanation.map((r) => `${r.step}${r.tier === undefined ? '' : ` ${r.tier}`}:${r.amountMinor ?? r.measureValue}`);
    expect(steps).toEqual(['measure:65000000', 'slice-at-rate 0:5000000', 'slice-at-rate 1:2250000', 'rounding:0', 'cap:7250000', 'paid:7250000']);
    expect(preview.sample?.explanation[0]).toMatchObject({ attainment: '1.3000' });
    expect(preview.sample?.explanation.find((r) => r.step === 'cap')?.acted).toMatch(/limit 100000.00 \(2 x target incentive\): no change/);
    // The exact total before rounding, in major units.
    expect(preview.sample?.explanation.find((r) => r.step === 'rounding')?.rounding).toBe('total half-even, exact 72500.00');
  });

  it('refuses a plan with problems, a quota of 0 and an amount with too many decimals, naming the field', () => {
    expect(() => previewPlan(actor, { source: AE.replace('currency: USD', 'currency: usd'), targetIncentive: '1', quota: '1' })).toThrow(expect.objectContaining({ code: 'validation_failed', issues: [expect.objectContaining({ field: 'plan.currency', line: 9 })] }));
    expect(() => previewPlan(actor, { source: AE, targetIncentive: '1', quota: '0' })).toThrow(expect.objectContaining({ issues: [{ field: 'quota', message: 'must be more than 0' }] }));
    expect(() => previewPlan(actor, { source: AE, targetIncentive: '1.001', quota: '1' })).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ field: 'targetIncentive' })] }));
  });

  it('is for comp admins only', () => {
    for (const role of ['rep', 'manager'] as const) {
      expect(() => validatePlanSource({ ...actor, role }, { source: AE })).toThrow(expect.objectContaining({ code: 'forbidden' }));
      expect(() => previewPlan({ ...actor, role }, { source: AE, targetIncentive: '1', quota: '1' })).toThrow(expect.objectContaining({ code: 'forbidden' }));
    }
  });
});

describe.each(testDialects())('stored plan versions on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: TestOrg;
  let other: TestOrg;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database);
    t = await createTestOrg(ctx, 'Plans A');
    other = await createTestOrg(ctx, 'Plans B');
  });
  afterAll(async () => database.close());

  it('creates a plan from a source and saves only the next version, as typed', async () => {
    const source = AE.replace('ae-quota-commission', 'ae-2027');
    const created = await createPlanFromSource(ctx, t.actors.ops, { source });
    expect(created.plan).toMatchObject({ key: 'ae-2027', name: 'Account executive quota commission', versions: [{ version: 1, status: 'draft' }] });
    expect(created.version).toMatchObject({ version: 1, status: 'draft', effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31', source, createdBy: t.actors.ops.userId });

    const again = createPlanFromSource(ctx, t.actors.ops, { source });
    await expect(again).rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'plan.id', line: 5, column: 7 }] });

    // Same version number again: named at the version's line and column.
    const stale = savePlanVersion(ctx, t.actors.ops, created.plan.id, { source });
    await expect(stale).rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'plan.version', message: 'must be 2, the next version of this plan', line: 7, column: 12 }] });
    await expect(savePlanVersion(ctx, t.actors.ops, created.plan.id, { source: asVersion(AE, 2) })).rejects.toMatchObject({ issues: [{ field: 'plan.id', line: 5 }] });

    const v2source = asVersion(source, 2).replace('name: Account executive quota commission', 'name: AE 2027 # renamed');
    const v2 = await savePlanVersion(ctx, t.actors.finance, created.plan.id, { source: v2source });
    expect(v2.version).toMatchObject({ version: 2, status: 'draft', source: v2source });
    expect(v2.plan).toMatchObject({ name: 'AE 2027', versions: [{ version: 2 }, { version: 1 }] });
    expect((await getPlanVersion(ctx, t.actors.admin, created.plan.id, 1)).source).toBe(source);
    expect((await listPlans(ctx, t.actors.ops)).find((p) => p.id === created.plan.id)).toMatchObject({ name: 'AE 2027', latest: { version: 2, status: 'draft' } });

    const audit = await auditRepo.list(database.db, { orgId: t.org.id, entity: 'comp_plan', limit: 100 });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['comp_plan.create', 'comp_plan.version.create']));
  });

  it('publishes a draft by someone other than its author, once, within the organisation', async () => {
    const created = await createPlanFromSource(ctx, t.actors.ops, { source: AE.replace('ae-quota-commission', 'ae-publish') });
    await expect(publishPlanVersion(ctx, t.actors.ops, created.plan.id, 1)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(publishPlanVersion(ctx, t.actors.rep, created.plan.id, 1)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(publishPlanVersion(ctx, other.actors.finance, created.plan.id, 1)).rejects.toMatchObject({ code: 'not_found' });
    await expect(publishPlanVersion(ctx, t.actors.finance, created.plan.id, 2)).rejects.toMatchObject({ code: 'not_found' });
    const published = await publishPlanVersion(ctx, t.actors.finance, created.plan.id, 1);
    expect(published.version).toMatchObject({ version: 1, status: 'published', createdBy: t.actors.ops.userId });
    expect((await getPlan(ctx, t.actors.ops, created.plan.id)).versions).toMatchObject([{ version: 1, status: 'published' }]);
    await expect(publishPlanVersion(ctx, t.actors.admin, created.plan.id, 1)).rejects.toMatchObject({ code: 'conflict' });
    const audit = await auditRepo.list(database.db, { orgId: t.org.id, entity: 'comp_plan', limit: 100 });
    expect(audit.find((e) => e.action === 'comp_plan.version.publish' && e.entityId === created.plan.id)).toMatchObject({ before: expect.objectContaining({ status: 'draft' }), after: expect.objectContaining({ status: 'published' }) });
  });

  it('refuses a broken source with every problem placed', async () => {
    const created = await createPlanFromSource(ctx, t.actors.ops, { source: AE.replace('ae-quota-commission', 'ae-broken') });
    await expect(savePlanVersion(ctx, t.actors.ops, created.plan.id, { source: 'plan:\n  id: ae-broken\n' })).rejects.toMatchObject({ code: 'validation_failed', issues: expect.arrayContaining([expect.objectContaining({ line: expect.any(Number), column: expect.any(Number) })]) });
    expect((await getPlan(ctx, t.actors.ops, created.plan.id)).versions).toHaveLength(1);
  });

  it('seeds every template as published version 1', async () => {
    const seeded = await createTestOrg(ctx, 'Plans seeded');
    const n = await inTransaction(database.db, (tx) => seedPlanTemplates(ctx, tx, seeded.actors.admin));
    // Every template in plans/templates, the six the product started with among them.
    expect(n).toBe(planTemplates().length);
    const plans = await listPlans(ctx, seeded.actors.finance);
    expect(plans).toHaveLength(n);
    expect(plans.map((p) => p.key)).toEqual(expect.arrayContaining(['ae-quota-commission', 'am-renewals-expansion', 'manager-override', 'mbo-bonus', 'sdr-meetings-pipeline', 'spif-q1-new-logos']));
    expect(plans.every((p) => p.latest.version === 1 && p.latest.status === 'published')).toBe(true);
  });

  it('keeps plans from reps, managers and other organisations', async () => {
    const created = await createPlanFromSource(ctx, t.actors.admin, { source: AE.replace('ae-quota-commission', 'ae-private') });
    for (const actor of [t.actors.rep, t.actors.manager]) {
      await expect(listPlans(ctx, actor)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(getPlan(ctx, actor, created.plan.id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(savePlanVersion(ctx, actor, created.plan.id, { source: AE })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(createPlanFromSource(ctx, actor, { source: AE })).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await listPlans(ctx, other.actors.ops)).toEqual([]);
    await expect(getPlan(ctx, other.actors.ops, created.plan.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getPlanVersion(ctx, other.actors.ops, created.plan.id, 1)).rejects.toMatchObject({ code: 'not_found' });
    await expect(savePlanVersion(ctx, other.actors.ops, created.plan.id, { source: asVersion(AE.replace('ae-quota-commission', 'ae-private'), 2) })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('plan source positions', () => {
  it('sets plan.version keeping every other character, quotes included', async () => {
    const { withPlanVersion, positionOf } = await import('./plan-source-position.js');
    expect(withPlanVersion(AE, 5)).toBe(AE.replace('  version: 1\n', '  version: 5\n'));
    expect(withPlanVersion('plan:\n  version: "12" # c\n', 3)).toBe('plan:\n  version: "3" # c\n');
    expect(positionOf(AE, ['plan', 'version'])).toEqual({ line: 7, column: 12 });
    expect(positionOf(AE, ['plan', 'nothing'])).toEqual({ line: 1, column: 1 });
  });
});
