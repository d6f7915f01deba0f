import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepo, inTransaction, type Database } from '@attain/store';
import { openTestDatabase, testDialects, warnIfPostgresSkipped } from '@attain/store/test-support';
import { assignPlan } from '../assignments/assign-plan.js';
import { getAssignment, listAssignments } from '../assignments/assignment-queries.js';
import type { AppContext } from '../context.js';
import { getPlanVersion, listPlans } from '../plans/plan-queries.js';
import { publishPlanVersion, savePlanVersion } from '../plans/save-plan-version.js';
import { seedPlanTemplates } from '../plans/seed-plan-templates.js';
import { createTestOrg, testContext, type TestOrg } from '../test-support/factories.js';
import { activateTerritoryModel } from '../territories/activate-territory-model.js';
import { listTerritoryModels } from '../territories/territory-models.js';
import { sellersBook } from '../test-support/sellers-book.js';
import { flatTerritoryModel } from '../test-support/territory-model.js';
import { carryTerritoryQuota, saveQuotaPlan } from './quota-plan-changes.js';
import { quotaByTerritory } from './quota-territories.js';
import { approveQuotaPlan, compareQuotaPlanVersions, createQuotaPlan, getQuotaPlan, listQuotaPlans, rejectQuotaPlan, submitQuotaPlan } from './quota-plans.js';
import { getTeamQuotaPlan, listTeamQuotaPlans, proposeQuotas, signOffQuotaPlan } from './team-quotas.js';

warnIfPostgresSkipped();

describe.each(testDialects())('quota plans on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: TestOrg;
  let planId: string;
  let aePlanId: string;
  let accountIds: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database, () => new Date('2026-11-27T12:00:00Z'));
    t = await createTestOrg(ctx, 'Quota plans');
    const { rep, rep2, otherRep } = t.people;
    // Potential 6,000.00 / 3,000.00 / 1,000.00; bookings in FY2026 2,000.00 / 3,000.00 / 5,000.00: even-blend shares 0.4 / 0.3 / 0.3.
    accountIds = (await sellersBook(ctx, t.actors.ops, [
      { ownerId: rep.id, potentialMinor: '600000', bookedMinor: '200000' }, { ownerId: rep2.id, potentialMinor: '300000', bookedMinor: '300000' },
      { ownerId: otherRep.id, potentialMinor: '100000', bookedMinor: '500000' },
    ], '2026-06-30')).accountIds;
    await inTransaction(database.db, (tx) => seedPlanTemplates(ctx, tx, t.admin));
    aePlanId = (await listPlans(ctx, t.actors.ops)).find((p) => p.key === 'ae-quota-commission')?.id as string;
    // This year's assignments (the plan's version 1 ends on 2026-12-31).
    for (const p of [rep, rep2, otherRep]) {
      await assignPlan(ctx, t.actors.finance, { personId: p.id, planId: aePlanId, planVersion: 1, validFrom: '2026-01-01', targetIncentiveMinor: '50000', annualQuotaMinor: '900000', baseSalaryMinor: '50000', reason: 'FY2026' });
    }
  });
  afterAll(async () => database.close());

  const quotas = (p: { lines: { name: string; annualMinor: string }[] }) => Object.fromEntries(p.lines.map((l) => [l.name, l.annualMinor]));

  it('stores the allocation as version 1 with managers, placeholders, seasonality and ramps, and the published proration case', async () => {
    const plan = await createQuotaPlan(ctx, t.actors.ops, {
      fiscalYear: 2027, targetMinor: '1000000',
      phasing: { by: 'quarter', weights: ['0.2', '0.2', '0.2', '0.4'] }, ramps: { ae: ['0', '0.5'] },
      placeholders: [
        { name: 'New AE (West)', role: 'ae', managerId: t.people.manager.id, startDate: '2027-03-01', annualMinor: '120000', reason: 'approved headcount' },
        { name: 'New AM', role: 'am', managerId: t.people.manager.id, startDate: '2027-03-01', annualMinor: '100000', reason: 'approved headcount' },
      ],
    });
    planId = plan.id;
    expect(plan).toMatchObject({ status: 'draft', version: 1, approvedVersion: null, fiscalYear: 2027, measure: 'bookings', yearFrom: '2027-01-01', yearTo: '2027-12-31', abilities: { update: true, submit: true, approve: false } });
    // The placeholders' 220,000 come off first; 780,000 by the blend 0.4 / 0.3 / 0.3; managers get their teams' sums.
    expect(plan.lines.map((l) => l.name)).toEqual(['Vera VP', 'Mona Manager', 'New AE (West)', 'New AM', 'Rita Rep', 'Rob Rep', 'Otto Manager', 'Olga Rep']);
    expect(quotas(plan)).toEqual({
      'Mona Manager': '766000', 'Otto Manager': '234000', 'Vera VP': '1000000', 'Rita Rep': '312000', 'Rob Rep': '234000', 'Olga Rep': '234000', 'New AE (West)': '120000', 'New AM': '100000',
    });
    // 100,000 phased 20/20/20/40 from a start on March 1: 6,667 / 20,000 / 20,000 / 40,000 (Quickbase community, quota proration).
    expect(plan.lines.find((l) => l.name === 'New AM')).toMatchObject({ quarters: ['6667', '20000', '20000', '40000'], inYearMinor: '86667', ramp: null });
    // The AE ramp 0 then 0.5 from her start: March counts nothing, April half.
    expect(plan.lines.find((l) => l.name === 'New AE (West)')).toMatchObject({ quarters: ['0', '20000', '24000', '48000'], inYearMinor: '92000', ramp: ['0', '0.5'] });
    expect(plan.lines.find((l) => l.name === 'Rita Rep')).toMatchObject({ quarters: ['62400', '62400', '62400', '124800'], inYearMinor: '312000', parentKey: t.people.manager.id, startDate: null });
    expect(plan.cascade.map((n) => [n.name, n.quotaMinor, n.childrenMinor, n.overBound])).toEqual([
      ['Company target', '1000000', '1000000', false], ['Vera VP', '1000000', '1000000', false], ['Mona Manager', '766000', '766000', false], ['Otto Manager', '234000', '234000', false],
    ]);
    // Quota-to-capacity: 312,000 + 234,000 x 2 + 92,000 + 86,667 in the year, at 60%.
    expect(plan.capacity).toMatchObject({ inYearMinor: '958667', expectedMinor: '575200', sellers: 5, sellersNeeded: 9 });
    expect(plan.diagnostics).toMatchObject({ notEnoughHistory: 'FY2026 is not over', quotaToOte: { sellers: 3 }, attainmentVsPotential: { sellers: 3 } });
    // Last year's attainment (2,000 / 3,000 / 5,000 of 9,000 each) against potential 6,000 / 3,000 / 1,000: the richest territory attained least.
    expect(plan.diagnostics.attainmentVsPotential?.correlation).toBeCloseTo(-0.9538, 4);
    await expect(createQuotaPlan(ctx, t.actors.ops, { fiscalYear: 2027, targetMinor: '5' })).rejects.toMatchObject({ code: 'conflict', issues: [{ field: 'fiscalYear' }] });
    expect((await listQuotaPlans(ctx, t.actors.finance)).map((p) => [p.fiscalYear, p.version, p.lineCount])).toEqual([[2027, 1, 8]]);
  });

  it('saves edits with reasons as new versions, shows padding over the bound, and compares versions', async () => {
    const saved = await saveQuotaPlan(ctx, t.actors.ops, planId, { baseVersion: 1, reason: 'Rita takes the west', edits: [{ key: t.people.rep.id, annualMinor: '400000', reason: 'takes the west' }] });
    expect(saved.version).toBe(2);
    // Mona's team now sums 854,000 against her 766,000: 11.5% over a 5% bound.
    expect(saved.cascade.find((n) => n.name === 'Mona Manager')).toMatchObject({ childrenMinor: '854000', overBound: true });
    expect(saved.lines.find((l) => l.name === 'Rita Rep')).toMatchObject({ annualMinor: '400000', reason: 'takes the west' });
    expect(await compareQuotaPlanVersions(ctx, t.actors.finance, planId, 1, 2)).toMatchObject({
      lines: [{ name: 'Rita Rep', beforeMinor: '312000', afterMinor: '400000', reason: 'takes the west' }], settings: [],
    });
    expect((await getQuotaPlan(ctx, t.actors.ops, planId, 1)).shownVersion).toBe(1);
    await expect(saveQuotaPlan(ctx, t.actors.ops, planId, { baseVersion: 1, reason: 'stale' })).rejects.toMatchObject({ code: 'conflict', issues: [{ field: 'baseVersion' }] });
    await expect(saveQuotaPlan(ctx, t.actors.ops, planId, { baseVersion: 2, reason: 'x', edits: [{ key: 'nobody', annualMinor: '1', reason: 'x' }] })).rejects.toMatchObject({ issues: [{ field: 'edits[0].key' }] });
    await expect(saveQuotaPlan(ctx, t.actors.ops, planId, { baseVersion: 2, reason: 'x', removeKeys: [t.people.rep.id] })).rejects.toMatchObject({ issues: [{ field: 'removeKeys[0]' }] });
    await expect(saveQuotaPlan(ctx, t.actors.ops, planId, { baseVersion: 2, reason: 'x', phasing: { by: 'quarter', weights: ['0.2', '0.2', '0.2', '0.3'] } })).rejects.toMatchObject({ issues: [{ field: 'phasing.weights' }] });
  });

  it('bottom-up: a manager sees only her team, proposes numbers for it with reasons, and sales ops sees the proposal', async () => {
    expect((await listTeamQuotaPlans(ctx, t.actors.manager)).map((p) => [p.fiscalYear, p.lineCount, p.teamMinor])).toEqual([[2027, 5, '854000']]);
    const team = await getTeamQuotaPlan(ctx, t.actors.manager, planId);
    expect(team.lines.map((l) => l.name)).toEqual(['Mona Manager', 'New AE (West)', 'New AM', 'Rita Rep', 'Rob Rep']);
    expect(team.cascade.map((n) => n.name)).toEqual(['Mona Manager']);
    expect(team.abilities).toEqual({ propose: true, signOff: false });
    const proposed = await proposeQuotas(ctx, t.actors.manager, planId, { edits: [{ key: t.people.rep2.id, annualMinor: '250000', reason: 'Rob takes the renewals' }], comment: 'our numbers' });
    expect(proposed.proposals).toMatchObject([{ version: 2, comment: 'our numbers', edits: [{ name: 'Rob Rep', currentMinor: '234000', proposedMinor: '250000', reason: 'Rob takes the renewals' }] }]);
    await expect(proposeQuotas(ctx, t.actors.manager, planId, { edits: [{ key: t.people.otherRep.id, annualMinor: '1', reason: 'x' }] })).rejects.toMatchObject({ issues: [{ field: 'edits[0].key', message: 'is not a line of your team' }] });
    await expect(proposeQuotas(ctx, t.actors.manager, planId, { edits: [{ key: t.people.manager.id, annualMinor: '1', reason: 'x' }] })).rejects.toMatchObject({ issues: [{ field: 'edits[0].key' }] });
    await expect(signOffQuotaPlan(ctx, t.actors.manager, planId, {})).rejects.toMatchObject({ code: 'conflict' });
    expect((await getQuotaPlan(ctx, t.actors.ops, planId)).proposals).toMatchObject([{ byName: 'manager', edits: [{ key: t.people.rep2.id, proposedMinor: '250000' }] }]);
    await expect(getTeamQuotaPlan(ctx, t.actors.rep, planId)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listTeamQuotaPlans(ctx, t.actors.ops)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('is approved by someone other than who submitted it, padding with a comment, and rejected with one', async () => {
    await submitQuotaPlan(ctx, t.actors.ops, planId, { comment: 'FY2027 for review' });
    await expect(saveQuotaPlan(ctx, t.actors.ops, planId, { baseVersion: 2, reason: 'x' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(rejectQuotaPlan(ctx, t.actors.finance, planId, { comment: '' })).rejects.toMatchObject({ issues: [{ field: 'comment' }] });
    expect(await rejectQuotaPlan(ctx, t.actors.finance, planId, { comment: 'the west is not signed off' })).toMatchObject({ status: 'draft' });
    await submitQuotaPlan(ctx, t.actors.admin, planId, { comment: 'again' });
    // The manager signs off her team in the version in review; finance sees it.
    expect((await signOffQuotaPlan(ctx, t.actors.manager, planId, { comment: 'agreed with the team' })).signedOff).toBe(true);
    expect((await getQuotaPlan(ctx, t.actors.finance, planId)).signOffs).toMatchObject([{ version: 2, byName: 'manager', comment: 'agreed with the team' }]);
    await expect(approveQuotaPlan(ctx, t.actors.admin, planId, { version: 2, comment: 'ok' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(approveQuotaPlan(ctx, t.actors.ops, planId, { version: 2 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(approveQuotaPlan(ctx, t.actors.finance, planId, { version: 1 })).rejects.toMatchObject({ code: 'conflict', issues: [{ field: 'version' }] });
    await expect(approveQuotaPlan(ctx, t.actors.finance, planId, { version: 2 })).rejects.toMatchObject({ issues: [{ field: 'comment', message: expect.stringContaining('Mona Manager') }] });
    const approved = await approveQuotaPlan(ctx, t.actors.finance, planId, { version: 2, comment: 'the west is worth it' });
    expect(approved.plan).toMatchObject({ status: 'approved', approvedVersion: 2 });
    expect(approved.plan.events.map((e) => e.kind)).toEqual(['created', 'saved', 'proposed', 'submitted', 'rejected', 'submitted', 'signed_off', 'approved']);
    expect(approved.plan.events.at(-1)?.comment).toContain('padding accepted (Mona Manager)');
    // Nothing is in force in 2027 yet: version 1 of the AE plan ends with 2026.
    expect(approved.applied).toEqual([]);
    expect(approved.skipped.find((s) => s.name === 'Rita Rep')?.reason).toContain('ae-quota-commission has no published version in force on 2027-01-01');
    expect(approved.skipped.find((s) => s.name === 'New AM')?.reason).toContain('to be hired');
    expect(approved.skipped.find((s) => s.name === 'Mona Manager')?.reason).toContain('no plan assignment with a quota');
  });

  it('flows into the plan assignments once next year\'s plan is published; a mid-year change needs its reason', async () => {
    const v1 = await getPlanVersion(ctx, t.actors.ops, aePlanId, 1);
    const source = v1.source.replace('version: 1', 'version: 2').replace('{ from: "2026-01-01", to: "2026-12-31" }', '{ from: "2027-01-01", to: "2027-12-31" }');
    await savePlanVersion(ctx, t.actors.ops, aePlanId, { source });
    await publishPlanVersion(ctx, t.actors.finance, aePlanId, 2);
    await expect(saveQuotaPlan(ctx, t.actors.ops, planId, { baseVersion: 2, reason: 'next year is published' })).rejects.toMatchObject({ issues: [{ field: 'changeReason' }] });
    await saveQuotaPlan(ctx, t.actors.ops, planId, { baseVersion: 2, reason: 'Olga moves to the east', changeReason: 'territory-change', edits: [{ key: t.people.otherRep.id, annualMinor: '250000', reason: 'the east' }] });
    await submitQuotaPlan(ctx, t.actors.ops, planId, {});
    const approved = await approveQuotaPlan(ctx, t.actors.finance, planId, { version: 3, comment: 'ok' });
    expect(approved.applied.map((a) => [a.name, a.validFrom, a.annualMinor, a.how]).sort()).toEqual([
      ['Olga Rep', '2027-01-01', '250000', 'rolled-forward'], ['Rita Rep', '2027-01-01', '400000', 'rolled-forward'], ['Rob Rep', '2027-01-01', '234000', 'rolled-forward'],
    ]);
    const rita = (await listAssignments(ctx, t.actors.finance, { personId: t.people.rep.id })).find((a) => a.validFrom === '2027-01-01');
    expect(rita).toMatchObject({ planVersion: 2, validTo: '2027-12-31', annualQuotaMinor: '400000', targetIncentiveMinor: '50000', quotaPhasing: { by: 'quarter', weights: ['0.2', '0.2', '0.2', '0.4'], yearStartMonth: 1 } });
    // Attainment is measured against the approved quota, phased by the plan's seasonality: 20% in Q1.
    expect((await getAssignment(ctx, t.actors.rep, rita?.id as string, { period: 'FY2027-Q1' })).terms?.quota?.amountMinor).toBe('80000');
    // Approving again writes nothing that is there already.
    await saveQuotaPlan(ctx, t.actors.ops, planId, { baseVersion: 3, reason: 'bound', changeReason: 'correction', paddingBound: '0.2' });
    await submitQuotaPlan(ctx, t.actors.ops, planId, {});
    expect((await approveQuotaPlan(ctx, t.actors.finance, planId, { version: 4 })).applied).toEqual([]);
    const audit = await auditRepo.list(database.db, { orgId: t.org.id, entityId: rita?.id as string, limit: 10 });
    expect(audit.map((e) => e.action)).toEqual(['plan_assignment.create']);
  });

  it('changes mid-year from a day, the approved quota held until then: the year is the time-weighted blend', async () => {
    await expect(saveQuotaPlan(ctx, t.actors.ops, planId, { baseVersion: 4, reason: 'x', changeReason: 'role-change', effectiveFrom: '2026-11-01', edits: [] }))
      .rejects.toMatchObject({ issues: [{ field: 'effectiveFrom' }] });
    const saved = await saveQuotaPlan(ctx, t.actors.ops, planId, {
      baseVersion: 4, reason: 'Rita leads the west from July', changeReason: 'role-change', effectiveFrom: '2027-07-01', edits: [{ key: t.people.rep.id, annualMinor: '600000', reason: 'leads the west' }],
    });
    // 400,000 phased 20/20/20/40 to June, 600,000 from July.
    expect(saved.lines.find((l) => l.name === 'Rita Rep')).toMatchObject({ earlier: [{ annualMinor: '400000', until: '2027-07-01' }], annualMinor: '600000', quarters: ['80000', '80000', '120000', '240000'], inYearMinor: '520000' });
    expect(saved.versions.at(-1)?.reason).toBe('role-change from 2027-07-01: Rita leads the west from July');
    await submitQuotaPlan(ctx, t.actors.ops, planId, {});
    const approved = await approveQuotaPlan(ctx, t.actors.finance, planId, { version: 5, comment: 'the west needs it' });
    expect(approved.applied.map((a) => [a.name, a.validFrom, a.annualMinor, a.how])).toEqual([['Rita Rep', '2027-07-01', '600000', 'changed']]);
    const rows = (await listAssignments(ctx, t.actors.finance, { personId: t.people.rep.id })).filter((a) => a.validFrom >= '2027-01-01').map((a) => [a.validFrom, a.validTo, a.annualQuotaMinor]);
    expect(rows).toEqual([['2027-01-01', '2027-06-30', '400000'], ['2027-07-01', '2027-12-31', '600000']]);
  });

  it('carries quota with a territory model\'s moves from its day, pro-rated by the potential gained or lost', async () => {
    const three = [{ key: 'R1', name: 'One', ownerId: t.people.rep.id }, { key: 'R2', name: 'Two', ownerId: t.people.rep2.id }, { key: 'R3', name: 'Three', ownerId: t.people.otherRep.id }];
    const modelId = await flatTerritoryModel(ctx, t.actors.ops, 'Rob takes Rita\'s account', three,
      [{ accountId: accountIds[0] as string, territory: 'R2' }, { accountId: accountIds[1] as string, territory: 'R2' }, { accountId: accountIds[2] as string, territory: 'R3' }]);
    const carried = await carryTerritoryQuota(ctx, t.actors.ops, planId, { baseVersion: 5, modelId, effectiveDate: '2027-10-01' });
    // Rob's potential 3,000 -> 9,000: three times his quota from October; Rita's 6,000 -> 0: none from October. Olga's is unchanged.
    expect(carried.lines.find((l) => l.name === 'Rob Rep')).toMatchObject({ earlier: [{ annualMinor: '234000', until: '2027-10-01' }], annualMinor: '702000', quarters: ['46800', '46800', '46800', '280800'] });
    // Rita: 400,000 to June, 600,000 July to September, none from October.
    expect(carried.lines.find((l) => l.name === 'Rita Rep')).toMatchObject({
      earlier: [{ annualMinor: '400000', until: '2027-07-01' }, { annualMinor: '600000', until: '2027-10-01' }], annualMinor: '0', quarters: ['80000', '80000', '120000', '0'], inYearMinor: '280000',
    });
    expect(carried.lines.find((l) => l.name === 'Olga Rep')).toMatchObject({ earlier: [], annualMinor: '250000' });
    expect(carried.versions.at(-1)?.reason).toContain('territory-change from 2027-10-01: 2 sellers');
    await expect(carryTerritoryQuota(ctx, t.actors.ops, planId, { baseVersion: 6, modelId, effectiveDate: '2028-02-01' })).rejects.toMatchObject({ issues: [{ field: 'effectiveDate' }] });
    // The plan over the model's territories: each owner's quota against the potential she covers.
    const lens = await quotaByTerritory(ctx, t.actors.finance, planId, modelId);
    expect(lens.territories.map((x) => [x.key, x.ownerName, x.accounts, x.potentialMinor, x.quotaMinor])).toEqual([
      ['R1', 'Rita Rep', 0, '0', '0'], ['R2', 'Rob Rep', 2, '900000', '702000'], ['R3', 'Olga Rep', 1, '100000', '250000'],
    ]);
    expect(lens.fairness).toMatchObject({ sellers: 2, min: 0.78, max: 2.5 });
    expect(await quotaByTerritory(ctx, t.actors.finance, planId)).toMatchObject({ modelId: null, territories: [] });
  });

  it('carries quota in the same step as activating a model, once, or activates nothing', async () => {
    const three = [{ key: 'R1', name: 'One', ownerId: t.people.rep.id }, { key: 'R2', name: 'Two', ownerId: t.people.rep2.id }, { key: 'R3', name: 'Three', ownerId: t.people.otherRep.id }];
    const modelWith = (name: string, manual: [number, string][]) =>
      flatTerritoryModel(ctx, t.actors.ops, name, three, manual.map(([i, territory]) => ({ accountId: accountIds[i] as string, territory })));
    const before = await getQuotaPlan(ctx, t.actors.ops, planId);
    // The model carried by hand above: carrying it again is refused, and the model stays a plan.
    const carriedModel = (await listTerritoryModels(ctx, t.actors.ops)).find((m) => m.name === 'Rob takes Rita\'s account')?.id as string;
    await expect(activateTerritoryModel(ctx, t.actors.ops, carriedModel, { effectiveDate: '2027-10-01', carryQuota: true })).rejects.toMatchObject({ issues: [{ field: 'carryQuota' }] });
    expect((await listTerritoryModels(ctx, t.actors.ops)).find((m) => m.id === carriedModel)?.status).toBe('planning');
    // Olga takes Rob's account from November: his potential 3,000 -> 0, hers 1,000 -> 4,000.
    const next = await modelWith('Olga takes Rob\'s account', [[0, 'R1'], [1, 'R3'], [2, 'R3']]);
    await expect(activateTerritoryModel(ctx, t.actors.manager, next, { effectiveDate: '2027-11-01', carryQuota: true })).rejects.toMatchObject({ code: 'forbidden' });
    const result = await activateTerritoryModel(ctx, t.actors.ops, next, { effectiveDate: '2027-11-01', carryQuota: true });
    expect(result).toMatchObject({ model: { status: 'active' }, quota: { planId, fiscalYear: 2027, version: before.version + 1, sellers: 2 } });
    const after = await getQuotaPlan(ctx, t.actors.ops, planId);
    expect(after.lines.find((l) => l.name === 'Olga Rep')).toMatchObject({ annualMinor: '1000000', earlier: [{ annualMinor: '250000', until: '2027-11-01' }] });
    expect(after.lines.find((l) => l.name === 'Rob Rep')).toMatchObject({ annualMinor: '0' });
    expect(after.versions.at(-1)?.reason).toBe(`territory-change from 2027-11-01: 2 sellers, model ${next}`);
  });

  it('waits for every manager\'s sign-off when the plan says so', async () => {
    const plan = await createQuotaPlan(ctx, t.actors.ops, { fiscalYear: 2028, targetMinor: '1200000', signOffsRequired: true });
    expect(plan).toMatchObject({ signOffsRequired: true, signOffsMissing: [{ personId: t.people.manager.id, name: 'Mona Manager' }] });
    await submitQuotaPlan(ctx, t.actors.ops, plan.id, {});
    expect((await getQuotaPlan(ctx, t.actors.finance, plan.id)).abilities.approve).toBe(false);
    await expect(approveQuotaPlan(ctx, t.actors.finance, plan.id, { version: 1 })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('Mona Manager') });
    await signOffQuotaPlan(ctx, t.actors.manager, plan.id, { comment: 'agreed' });
    const ready = await getQuotaPlan(ctx, t.actors.finance, plan.id);
    expect([ready.signOffsMissing, ready.abilities.approve]).toEqual([[], true]);
    expect((await approveQuotaPlan(ctx, t.actors.finance, plan.id, { version: 1 })).plan.status).toBe('approved');
    // Turned off in a later version, and the comparison says so.
    await saveQuotaPlan(ctx, t.actors.ops, plan.id, { baseVersion: 1, reason: 'no longer waits', changeReason: 'correction', signOffsRequired: false });
    expect((await compareQuotaPlanVersions(ctx, t.actors.ops, plan.id, 1, 2)).settings).toEqual(['approval: waits for every sign-off -> does not wait']);
  });

  it('is for sales ops, finance and admins only', async () => {
    await expect(listQuotaPlans(ctx, t.actors.rep)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getQuotaPlan(ctx, t.actors.manager, planId)).rejects.toMatchObject({ code: 'forbidden' });
    const other = await createTestOrg(ctx, 'Quota plans other');
    await expect(getQuotaPlan(ctx, other.actors.ops, planId)).rejects.toMatchObject({ code: 'not_found' });
  });
});
