import { addDays, fiscalPeriodOf, type Actor, type Organisation, type Person } from '@attain/core';
import { compPlanRepo, insightsRepo, planAssignmentRepo, type CompPlanVersion, type PlanAssignment, type Tx } from '@attain/store';
import { auditOfAssignment } from '../assignments/assign-plan.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { repos } from '../crm/repos.js';

/*
 * The demo's plan assignments, derived from the generated data alone (same seed, same rows):
 * every account executive on the AE quota plan from the start of the fiscal year (or her hire
 * date), with an annual quota of her prior fiscal year's won bookings x 1.1 rounded to 10,000
 * and a target incentive of a tenth of it; the latest-hired AE instead on the new-hire plan
 * with a four-month ramp; every first-line manager on the manager override. Where the plan
 * version ends before the fiscal year, the assignment goes on on the next version (continuations).
 */

// The first month counts a quarter: a quota of 0 would leave attainment undefined, and a ramp month still pays what she books.
const NEW_HIRE_RAMP = ['0.25', '0.5', '0.75'];
/** A quota for an AE without prior-year bookings (hired since), major units x 100. */
const DEFAULT_QUOTA_MINOR = 60_000_000n;
const QUOTA_STEP_MINOR = 1_000_000n;
const MANAGER_TARGET_MINOR = 4_000_000n;

async function peopleOfKind(tx: Tx, orgId: string, kind: string): Promise<Person[]> {
  const out: Person[] = [];
  let cursor: string | undefined;
  do {
    const page = await repos.person.list(tx, { orgId, scope: { kind: 'all' }, filters: [{ field: 'kind', op: 'eq', values: [kind] }], limit: 500, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  // Ids are seed-derived, so id order is the same on every run.
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Prior-year won bookings x 1.1, rounded half up to a multiple of 10,000 (major units). */
export function demoQuotaMinor(priorBookingsMinor: bigint | undefined): bigint {
  if (priorBookingsMinor === undefined || priorBookingsMinor <= 0n) return DEFAULT_QUOTA_MINOR;
  const grown = (priorBookingsMinor * 11n) / 10n;
  const rounded = ((grown + QUOTA_STEP_MINOR / 2n) / QUOTA_STEP_MINOR) * QUOTA_STEP_MINOR;
  return rounded > 0n ? rounded : QUOTA_STEP_MINOR;
}

/** The span a person holds a plan version from `start`, or null when she is not there then. */
function spanOf(p: Person, start: string, v: CompPlanVersion, asOf: string): { from: string; to: string | null } | null {
  const from = p.hireDate !== null && p.hireDate > start ? p.hireDate : start;
  if (from > asOf || (v.effectiveTo !== null && from > v.effectiveTo)) return null;
  const to = p.terminationDate !== null && (v.effectiveTo === null || p.terminationDate < v.effectiveTo) ? p.terminationDate : v.effectiveTo;
  return to !== null && to < from ? null : { from, to };
}

/** Months from the month of `from` to the month of `to`. */
const monthsBetween = (from: string, to: string): number => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));

/**
 * The plan versions run by calendar year and the fiscal year does not: an assignment that ends with
 * its version before the fiscal year does goes on, on the next version (published for the next
 * calendar year), to the fiscal year's end, with the same terms and what is left of its ramp.
 * Without it the fiscal year's last month has no quota and attainment there runs high.
 */
async function continuations(tx: Tx, rows: readonly PlanAssignment[], fiscalEnd: string, newId: (prefix: string) => string): Promise<PlanAssignment[]> {
  const out: PlanAssignment[] = [];
  for (const a of rows) {
    if (a.validTo === null || a.validTo >= fiscalEnd) continue;
    const next = await compPlanRepo.findVersion(tx, a.orgId, a.planId, a.planVersion + 1);
    const from = addDays(a.validTo, 1);
    if (!next || next.status !== 'published' || next.effectiveFrom !== from) continue;
    const left = a.ramp?.slice(monthsBetween(a.validFrom, from)) ?? [];
    out.push({ ...a, id: newId('pas'), planVersion: next.version, validFrom: from, validTo: next.effectiveTo !== null && next.effectiveTo < fiscalEnd ? next.effectiveTo : fiscalEnd, ramp: left.length > 0 ? left : null, reason: `${a.reason}, on next year's version to the fiscal year's end` });
  }
  return out;
}

/**
 * Writes the demo's assignments (audited as the system actor) inside the seeder's transaction.
 * Returns how many were written; 0 when the plan templates are not there.
 */
export async function seedDemoAssignments(ctx: AppContext, tx: Tx, actor: Actor, org: Organisation, asOf: string): Promise<number> {
  const version = async (key: string) => {
    const plan = await compPlanRepo.findByKey(tx, org.id, key);
    const v = plan && (await compPlanRepo.findVersion(tx, org.id, plan.id, 1));
    return plan && v ? { plan, v } : undefined;
  };
  const ae = await version('ae-quota-commission');
  const newHire = await version('ae-new-hire-draw');
  const override = await version('manager-override');
  if (!ae || !newHire || !override) return 0;
  // The fiscal year of the as-of day, kept inside the plan year (the templates are dated).
  const fiscal = fiscalPeriodOf(asOf, org.fiscalYearStartMonth, 'year');
  const clip = (v: CompPlanVersion) => (fiscal.start < v.effectiveFrom || (v.effectiveTo !== null && fiscal.start > v.effectiveTo) ? v.effectiveFrom : fiscal.start);
  const start = clip(ae.v);
  const lastDay = addDays(start, -1);
  const prior = await insightsRepo.sumOpportunities(
    tx,
    { orgId: org.id, ownerIds: null, isWon: true, closeFrom: fiscalPeriodOf(lastDay, org.fiscalYearStartMonth, 'year').start, closeTo: lastDay },
    { groupBy: ['ownerId'], rateBreaks: [] },
  );
  const bookings = new Map<string, bigint>();
  for (const r of prior) if (r.ownerId !== null && r.currency === org.defaultCurrency) bookings.set(r.ownerId, (bookings.get(r.ownerId) ?? 0n) + r.amountMinor);

  const rows: PlanAssignment[] = [];
  const row = (p: Person, target: { plan: { id: string }; v: CompPlanVersion }, span: { from: string; to: string | null }, values: Pick<PlanAssignment, 'targetIncentiveMinor' | 'annualQuotaMinor' | 'baseSalaryMinor' | 'ramp' | 'reason'>) =>
    rows.push({ orgId: org.id, id: ctx.newId('pas'), personId: p.id, planId: target.plan.id, planVersion: target.v.version, validFrom: span.from, validTo: span.to, ...values, quotaPhasing: null, createdBy: actor.userId, createdAt: ctx.now(), endedBy: null, endedAt: null });

  const aes = (await peopleOfKind(tx, org.id, 'ae')).flatMap((p) => {
    const span = spanOf(p, start, ae.v, asOf);
    return span ? [{ p, span }] : [];
  });
  // The latest hire (ties: the smaller id) learns on the new-hire plan.
  const hire = aes.reduce<(typeof aes)[number] | undefined>((best, x) => (!best || (x.p.hireDate ?? '') > (best.p.hireDate ?? '') ? x : best), undefined);
  for (const { p, span } of aes) {
    const quota = demoQuotaMinor(bookings.get(p.id));
    // An AE's pay mix is 50/50: base salary equal to the target incentive.
    const values = { targetIncentiveMinor: quota / 10n, annualQuotaMinor: quota, baseSalaryMinor: quota / 10n };
    if (p === hire?.p) row(p, newHire, spanOf(p, clip(newHire.v), newHire.v, asOf) ?? span, { ...values, ramp: NEW_HIRE_RAMP, reason: 'demo: new hire, ramped' });
    else row(p, ae, span, { ...values, ramp: null, reason: 'demo: fiscal year plan' });
  }
  for (const p of await peopleOfKind(tx, org.id, 'manager')) {
    const span = spanOf(p, clip(override.v), override.v, asOf);
    // The override pays on attainment of the team's quota: the sum of her AEs' quotas.
    const teamQuota = aes.filter((a) => a.p.managerId === p.id).reduce((sum, a) => sum + demoQuotaMinor(bookings.get(a.p.id)), 0n);
    if (span && teamQuota > 0n) row(p, override, span, { targetIncentiveMinor: MANAGER_TARGET_MINOR, annualQuotaMinor: teamQuota, baseSalaryMinor: MANAGER_TARGET_MINOR * 3n, ramp: null, reason: 'demo: manager override on the team quota' });
  }
  const all = [...rows, ...(await continuations(tx, rows, fiscal.end, (prefix) => ctx.newId(prefix)))];
  for (const a of all) {
    await planAssignmentRepo.insert(tx, a);
    await recordAudit(ctx, tx, { actor, action: 'plan_assignment.create', entity: 'plan_assignment', entityId: a.id, before: null, after: auditOfAssignment(a) });
  }
  return all.length;
}
