import type { Db, Tx } from '@attain/store';
import { planAssignmentRepo } from '@attain/store';
import { assignmentTerms } from '../assignments/assignment-terms.js';
import { publishedVersion } from '../assignments/assignment-rules.js';
import { repos } from '../crm/repos.js';

/**
 * The quarter's target of the people in scope: the sum of their period quotas as their plan
 * assignments give them (annual quota phased by seasonality and ramp, as attainment measures it).
 * A manager whose report in scope carries a quota is left out: her own quota rolls her team's up
 * and would count it twice. Null when no one in scope carries a quota in the quarter.
 */
export async function quarterTarget(db: Db | Tx, orgId: string, ownerIds: readonly string[] | null, quarter: { start: string; end: string }, currency: string): Promise<bigint | null> {
  const rows = (await planAssignmentRepo.list(db, orgId, { personIds: ownerIds })).filter((a) =>
    a.annualQuotaMinor !== null && a.validFrom <= quarter.end && (a.validTo === null || a.validTo >= quarter.start) && (a.validTo === null || a.validTo >= a.validFrom));
  if (rows.length === 0) return null;
  const people = await repos.person.getMany(db, orgId, [...new Set(rows.map((a) => a.personId))]);
  const leaders = new Set([...people.values()].flatMap((p) => (p.managerId === null ? [] : [p.managerId])));
  const plans = new Map<string, Awaited<ReturnType<typeof publishedVersion>>['parsed']>();
  let total = 0n;
  for (const a of rows.filter((r) => !leaders.has(r.personId))) {
    const key = `${a.planId}:${a.planVersion}`;
    const plan = plans.get(key) ?? (await publishedVersion(db, orgId, a.planId, a.planVersion)).parsed;
    plans.set(key, plan);
    const terms = assignmentTerms({
      assignment: a, currency, period: { from: quarter.start, to: quarter.end },
      plan: { yearStartMonth: plan.yearStartMonth, proration: plan.proration, ...(plan.quotaPhasing ? { quotaPhasing: plan.quotaPhasing } : {}) },
    });
    total += terms.quota?.amountMinor ?? 0n;
  }
  return total;
}
