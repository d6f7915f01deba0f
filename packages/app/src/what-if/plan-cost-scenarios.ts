import { divideRounded, formatDecimal, invalid, type Actor } from '@attain/core';
import type { CostScenarioKey, CostScenarios } from '@attain/contract';
import { calcRunRepo, compPeriodRepo, planAssignmentRepo, type Db } from '@attain/store';
import { orgCurrency } from '../assignments/assignment-rules.js';
import { assignmentTerms } from '../assignments/assignment-terms.js';
import { requireAbility } from '../authorize.js';
import type { Plan } from '../comp/plan-schema.js';
import type { AppContext } from '../context.js';
import { repos } from '../crm/repos.js';
import { payoutAtAttainment } from './payout-at.js';
import { scenarioPlan, whatIfPeriods } from './what-if-inputs.js';

const FIXED: readonly { key: CostScenarioKey; percent: bigint }[] = [{ key: '50', percent: 50n }, { key: '100', percent: 100n }, { key: '150', percent: 150n }];
/** An exact ratio (attainment 21/20 = 105%), denominator > 0. */
type Exact = { readonly numerator: bigint; readonly denominator: bigint };

interface ResultBody { plans?: { planId: string; calculation?: { components?: { componentId: string; lines?: { step: string; attainment?: { exact?: { numerator: string; denominator: string } } }[] }[] } }[] }

/**
 * Her attainment on the plan in a published statement body: the first measure line with an
 * attainment of the plan's first sum component (else of any component), exactly; null when the
 * body has none. `planId` is the plan file's id, as the body names it.
 */
export function attainmentOfBody(body: string, planId: string, firstSumComponentId: string | undefined): Exact | null {
  const entry = (JSON.parse(body) as ResultBody).plans?.find((p) => p.planId === planId);
  const components = entry?.calculation?.components ?? [];
  const ordered = [...components.filter((c) => c.componentId === firstSumComponentId), ...components.filter((c) => c.componentId !== firstSumComponentId)];
  for (const c of ordered) {
    const exact = c.lines?.find((l) => l.step === 'measure' && l.attainment?.exact)?.attainment?.exact;
    if (exact && BigInt(exact.denominator) > 0n) return { numerator: BigInt(exact.numerator), denominator: BigInt(exact.denominator) };
  }
  return null;
}

/** Each payee's latest published result carrying the plan: the period's, else the latest earlier period's. */
async function latestBodies(db: Db, orgId: string, periodKey: string, periodEnd: string, personIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const periods = (await compPeriodRepo.list(db, orgId)).filter((p) => p.endDate <= periodEnd).sort((a, b) => (a.endDate < b.endDate ? 1 : -1));
  for (const period of [...periods.filter((p) => p.key === periodKey), ...periods.filter((p) => p.key !== periodKey)]) {
    const missing = personIds.filter((id) => !out.has(id));
    if (missing.length === 0) break;
    // The listing leaves bodies out: read the body of each one found.
    for (const r of await calcRunRepo.latestResultsOfPeriod(db, orgId, period.key, missing, period.closedAt ?? undefined)) {
      const full = await calcRunRepo.latestResult(db, orgId, r.personId, period.key, period.closedAt ?? undefined);
      if (full) out.set(r.personId, full.body);
    }
  }
  return out;
}

/** A ratio with four decimals, rounded half-even, as statements show attainment. */
const fmt = (e: Exact): string => formatDecimal({ units: divideRounded(e.numerator * 10_000n, e.denominator, 'half-even'), scale: 4 }, 4);

/**
 * The expected cost of a plan version in a pay period: for each payee with an assignment to the
 * plan in the period, the payout at 50%, 100% and 150% of her quota (derived as a run derives
 * it: proration, phasing, ramp) and at her historical attainment (the latest published result).
 * Payouts are built as the preview's curve builds them (see payoutAtAttainment). Minor units.
 */
export async function planCostScenarios(ctx: AppContext, actor: Actor, input: { planId: string; version: number; period: string }): Promise<CostScenarios> {
  requireAbility(actor, 'comp_plan:read');
  requireAbility(actor, 'calc_run:read');
  const db = ctx.database.db;
  const org = await orgCurrency(db, actor.orgId);
  const scenario = await scenarioPlan(db, actor.orgId, input.planId, input.version);
  const plan: Plan = scenario.parsed;
  const periods = whatIfPeriods(input.period, org.fiscalYearStartMonth, plan.payPeriod);
  if (periods.length !== 1) throw invalid('period', 'cost scenarios take one pay period, not a fiscal year');
  const fiscal = periods[0] as (typeof periods)[number];
  const period = { from: fiscal.start, to: fiscal.end };
  const assignments = (await planAssignmentRepo.list(db, actor.orgId, { personIds: null, planId: scenario.plan.id }))
    .filter((a) => a.validFrom <= period.to && (a.validTo === null || a.validTo >= period.from));
  const ids = [...new Set(assignments.map((a) => a.personId))].sort();
  const bodies = await latestBodies(db, actor.orgId, fiscal.key, fiscal.end, ids);
  const names = await repos.person.getMany(db, actor.orgId, ids);
  const firstSum = plan.components.find((c) => c.measure?.aggregate === 'sum')?.id;
  const payees = ids.map((personId) => {
    const terms = assignments.filter((a) => a.personId === personId).map((a) => assignmentTerms({
      assignment: a, period, currency: org.currency,
      plan: { yearStartMonth: plan.yearStartMonth, proration: plan.proration, ...(plan.quotaPhasing ? { quotaPhasing: plan.quotaPhasing } : {}) },
    }));
    const body = bodies.get(personId);
    const historical = body === undefined ? null : attainmentOfBody(body, plan.id, firstSum);
    const at = (attainment: Exact) => terms.reduce((s, t) => s + payoutAtAttainment({
      plan, quotaMinor: t.quota?.amountMinor ?? 0n, targetIncentiveMinor: t.targetIncentive.amountMinor, period, attainment,
    }), 0n);
    return {
      personId, personName: names.get(personId)?.name ?? personId,
      quotaMinor: terms.reduce((s, t) => s + (t.quota?.amountMinor ?? 0n), 0n),
      historicalAttainment: historical === null ? null : fmt(historical),
      payout: {
        ...Object.fromEntries(FIXED.map((f) => [f.key, at({ numerator: f.percent, denominator: 100n })])) as Record<'50' | '100' | '150', bigint>,
        historical: historical === null ? null : at(historical),
      },
    };
  }).sort((a, b) => a.personName.localeCompare(b.personName) || (a.personId < b.personId ? -1 : 1));
  const total = (key: CostScenarioKey) => payees.reduce((s, p) => s + (p.payout[key] ?? 0n), 0n).toString();
  return {
    planId: scenario.plan.id, planKey: scenario.plan.key, version: input.version, periodKey: fiscal.key, currency: org.currency,
    payees: payees.map((p) => ({
      personId: p.personId, personName: p.personName, quotaMinor: p.quotaMinor.toString(), historicalAttainment: p.historicalAttainment,
      payoutMinor: { '50': p.payout['50'].toString(), '100': p.payout['100'].toString(), '150': p.payout['150'].toString(), historical: p.payout.historical === null ? null : p.payout.historical.toString() },
    })),
    scenarios: [
      ...FIXED.map((f) => ({ key: f.key, label: `Everyone at ${f.key}%`, totalMinor: total(f.key), payeeCount: payees.length })),
      { key: 'historical' as const, label: 'Historical attainment', totalMinor: total('historical'), payeeCount: payees.filter((p) => p.payout.historical !== null).length },
    ],
  };
}
