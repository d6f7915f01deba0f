import { addDays, type Actor } from '@attain/core';
import { compPlanRepo, type Tx } from '@attain/store';
import { parsePlanFile } from '../comp/plan-file.js';
import type { AppContext } from '../context.js';
import { withPlanVersion } from '../plans/plan-source-position.js';
import { insertPlanVersion } from '../plans/save-plan-version.js';

/*
 * The demo's quota-carrying plans published for the next calendar year as version 2 (the same
 * rules, dates one year on), as a comp team does before the year turns, so that a quota plan for
 * next year has plan versions to flow into (docs/quotas.md).
 */

const QUOTA_PLANS = ['ae-quota-commission', 'ae-new-hire-draw', 'am-renewals-expansion', 'manager-override'] as const;

/** "YYYY-MM-DD" one year on (the 29th of February becomes the 28th). */
const yearOn = (date: string): string => {
  const next = `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
  return date.slice(5) === '02-29' ? addDays(`${next.slice(0, 7)}-01`, 27) : next;
};

/** Publishes version 2 of each quota plan whose version 1 ends: the dates of `effective` one year on. Returns how many. */
export async function seedNextYearPlanVersions(ctx: AppContext, tx: Tx, actor: Actor): Promise<number> {
  let written = 0;
  for (const key of QUOTA_PLANS) {
    const plan = await compPlanRepo.findByKey(tx, actor.orgId, key);
    const v1 = plan && (await compPlanRepo.findVersion(tx, actor.orgId, plan.id, 1));
    if (!plan || !v1 || v1.effectiveTo === null) continue;
    const source = withPlanVersion(v1.source, 2).replace(
      `effective: { from: "${v1.effectiveFrom}", to: "${v1.effectiveTo}" }`,
      `effective: { from: "${yearOn(v1.effectiveFrom)}", to: "${yearOn(v1.effectiveTo)}" }`,
    );
    const parsed = parsePlanFile({ text: source });
    // A template written otherwise is left as it is rather than published with the old dates.
    if (parsed.effective.from === v1.effectiveFrom) continue;
    await insertPlanVersion(ctx, tx, actor, { plan, parsed, source, status: 'published', action: 'comp_plan.version.publish' });
    written += 1;
  }
  return written;
}
