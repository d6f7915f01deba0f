import type { Db, Tx } from '@attain/store';
import { planAssignmentRepo } from '@attain/store';
import { assignmentTerms } from '../assignments/assignment-terms.js';
import { publishedVersion } from '../assignments/assignment-rules.js';
import { repos } from '../crm/repos.js';

/**
 * Each person's own quota for the quarter, as her plan assignments give it (annual quota phased
 * by seasonality and ramp, as attainment measures it); people without one are absent.
 */
export async function quarterQuotas(db: Db | Tx, orgId: string, ownerIds: readonly string[] | null, quarter: { start: string; end: string }, currency: string): Promise<Map<string, bigint>> {
  const rows = (await planAssignmentRepo.list(db, orgId, { personIds: ownerIds })).filter((a) =>
    a.annualQuotaMinor !== null && a.validFrom <= quarter.end && (a.validTo === null || a.validTo >= quarter.start) && (a.validTo === null || a.validTo >= a.validFrom));
  const plans = new Map<string, Awaited<ReturnType<typeof publishedVersion>>['parsed']>();
  const out = new Map<string, bigint>();
  for (const a of rows) {
    const key = `${a.planId}:${a.planVersion}`;
    const plan = plans.get(key) ?? (await publishedVersion(db, orgId, a.planId, a.planVersion)).parsed;
    plans.set(key, plan);
    const terms = assignmentTerms({
      assignment: a, currency, period: { from: quarter.start, to: quarter.end },
      plan: { yearStartMonth: plan.yearStartMonth, proration: plan.proration, ...(plan.quotaPhasing ? { quotaPhasing: plan.quotaPhasing } : {}) },
    });
    out.set(a.personId, (out.get(a.personId) ?? 0n) + (terms.quota?.amountMinor ?? 0n));
  }
  return out;
}

/**
 * The quarter's target of the people in scope: the sum of their period quotas (quarterQuotas).
 * A manager whose report in scope carries a quota is left out: her own quota rolls her team's up
 * and would count it twice. Null when no one in scope carries a quota in the quarter.
 */
export async function quarterTarget(db: Db | Tx, orgId: string, ownerIds: readonly string[] | null, quarter: { start: string; end: string }, currency: string): Promise<bigint | null> {
  const quotas = await quarterQuotas(db, orgId, ownerIds, quarter, currency);
  if (quotas.size === 0) return null;
  const people = await repos.person.getMany(db, orgId, [...quotas.keys()]);
  const leaders = new Set([...people.values()].flatMap((p) => (p.managerId === null ? [] : [p.managerId])));
  let total = 0n;
  for (const [personId, quota] of quotas) if (!leaders.has(personId)) total += quota;
  return total;
}
