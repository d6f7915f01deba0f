import { hash } from 'node:crypto';
import { fiscalPeriodOf, invalid, type CreditingRule, type DateRange, type ReportingLine } from '@attain/core';
import {
  compPeriodRepo, compPlanRepo, compTransactionRepo, ledgerRepo, planAssignmentRepo, reportingLineRepo, type PlanAssignment, type Tx,
} from '@attain/store';
import { measureQuotaTexts } from '../assignments/assignment-rules.js';
import { parsePlanFile } from '../comp/plan-file.js';
import type { Plan } from '../comp/plan-schema.js';
import { partitionsOf, type Partition } from './credit-partition.js';
import { bookingInForce } from '../transactions/transaction-sync.js';
import { creditingRulesFor } from './crediting-rules.js';

/**
 * What a calc run computes from, frozen when it starts and stored with it: everything but the
 * transactions, which are immutable rows named by `seqThrough`. JSON-safe (money as minor-unit
 * strings), so `attain calc verify` recomputes from exactly these values.
 */
export interface CalcInputs {
  /**
   * 1: transactions hashed in one stream by date and id; 2: per partition, each owner's together
   * (credit-partition.ts); 3: as 2, and result bodies without the terms and explanation rows,
   * which a statement derives when read (statement-body.ts); 4: as 3, each transaction hashed as
   * the line the database composes of it (calc-transaction-pages.ts).
   */
  readonly version: 1 | 2 | 3 | 4;
  readonly periodKey: string;
  readonly period: DateRange;
  readonly currency: string;
  readonly fiscalYearStartMonth: number;
  /** Null: every payee with an assignment in the period; otherwise just these (an incremental run). */
  readonly personIds: readonly string[] | null;
  readonly seqThrough: string;
  /** The transaction dates read: from the earliest span a to-date component reaches back to. */
  readonly window: DateRange;
  readonly plans: readonly { readonly planId: string; readonly version: number; readonly sourceSha256: string }[];
  readonly assignments: readonly FrozenAssignment[];
  readonly reportingLines: readonly ReportingLine[];
  readonly rules: readonly CreditingRule[];
  /** Per payee, `planId/componentId` -> what earlier periods of the span earned (to-date components). */
  readonly earnedBefore: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Per payee, planId -> draw balance carried in (<= 0: owed back). */
  readonly drawBalances: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Version 2: the ranges of owners read (and hashed) apart, by as many threads (credit-partition.ts). */
  readonly partitions?: readonly Partition[];
  /**
   * Deals lost after their pay period closed: cancellations of the window dated in a closed
   * period and numbered after its closing, transaction id -> the day the deal was lost. A plan
   * with a clawback policy takes back what the policy says instead (late-cancellations.ts).
   * Absent when there are none.
   */
  readonly lateCancellations?: Readonly<Record<string, string>>;
}

export type FrozenAssignment = Pick<PlanAssignment, 'id' | 'personId' | 'planId' | 'planVersion' | 'validFrom' | 'validTo' | 'ramp'> & {
  readonly targetIncentiveMinor: string;
  readonly annualQuotaMinor: string | null;
  /** Quotas of other measures (new logos), annual; absent when none (so runs frozen before them hash the same). */
  readonly measureQuotas?: Readonly<Record<string, string>>;
};

export const sha256 = (text: string): string => `sha256:${hash('sha256', text, 'hex')}`;
export const planKey = (planId: string, version: number): string => `${planId}@${version}`;

const overlaps = (a: { validFrom: string; validTo: string | null }, p: DateRange): boolean => a.validFrom <= p.to && (a.validTo === null || a.validTo >= p.from);

/** The first day a component reads credits from in a period: the year or quarter start of a to-date component, else the period's. */
export function componentSince(plan: Plan, component: Plan['components'][number], period: DateRange): string {
  const acc = 'accumulation' in component ? component.accumulation : 'period';
  if (acc === 'year-to-date') return fiscalPeriodOf(period.from, plan.yearStartMonth, 'year').start;
  if (acc === 'quarter-to-date') return fiscalPeriodOf(period.from, plan.yearStartMonth, 'quarter').start;
  return period.from;
}

/** The plan versions the inputs name, read and checked against the frozen source hashes. */
export async function loadFrozenPlans(tx: Tx, orgId: string, inputs: Pick<CalcInputs, 'plans'>): Promise<Map<string, Plan>> {
  const out = new Map<string, Plan>();
  for (const ref of inputs.plans) {
    const v = await compPlanRepo.findVersion(tx, orgId, ref.planId, ref.version);
    if (!v || sha256(v.source) !== ref.sourceSha256) throw new Error(`plan ${ref.planId} version ${ref.version} is not the one the run used`);
    out.set(planKey(ref.planId, ref.version), parsePlanFile({ text: v.source }));
  }
  return out;
}

/**
 * Freezes the inputs of a run of `period` (call inside the organisation's write lock, so no
 * transaction or ledger entry is half-written): the assignments in force during the period, their
 * plan versions, reporting lines, the last transaction number, and from the ledger what earlier
 * periods of a to-date span earned and the draw balances carried in.
 */
export async function freezeCalcInputs(tx: Tx, args: {
  orgId: string; periodKey: string; period: DateRange; payPeriod: Plan['payPeriod']; currency: string; fiscalYearStartMonth: number; personIds: readonly string[] | null;
  /** Into how many partitions to split this many payees (see credit-partition.ts). */
  partitions: (payees: number) => number;
}): Promise<{ inputs: CalcInputs; plans: Map<string, Plan> }> {
  const { orgId, period } = args;
  const parsed = new Map<string, { ref: CalcInputs['plans'][number]; plan: Plan }>();
  const assignments: PlanAssignment[] = [];
  for (const a of (await planAssignmentRepo.list(tx, orgId, { personIds: args.personIds })).filter((x) => overlaps(x, period))) {
    const key = planKey(a.planId, a.planVersion);
    if (!parsed.has(key)) {
      const v = await compPlanRepo.findVersion(tx, orgId, a.planId, a.planVersion);
      if (!v) throw new Error(`assignment ${a.id} names a missing plan version`);
      parsed.set(key, { plan: parsePlanFile({ text: v.source }), ref: { planId: a.planId, version: a.planVersion, sourceSha256: sha256(v.source) } });
    }
    // A run of a quarter pays the quarterly plans, a run of a month the monthly ones.
    if (parsed.get(key)?.plan.payPeriod === args.payPeriod) assignments.push(a);
  }
  const used = new Set(assignments.map((a) => planKey(a.planId, a.planVersion)));
  const plans = new Map([...parsed].filter(([key]) => used.has(key)).map(([key, v]) => [key, v.plan]));
  const refs = [...parsed].filter(([key]) => used.has(key)).map(([, v]) => v.ref);
  const sinceOf = new Map<string, string>();
  for (const plan of plans.values()) {
    for (const c of plan.components) {
      const since = componentSince(plan, c, period);
      // What earlier periods of a to-date span paid comes from the ledger, so the span must start where a pay period does.
      if (since < period.from && fiscalPeriodOf(since, args.fiscalYearStartMonth, args.payPeriod).start !== since) {
        throw invalid('period', `plan ${plan.id} v${plan.version} accumulates ${c.id} from ${since}, where no ${args.payPeriod} of the organisation starts: align the plan's yearStartMonth with the fiscal year (month ${args.fiscalYearStartMonth}) or pay it by month`);
      }
      sinceOf.set(`${plan.id}/${c.id}`, since);
    }
  }
  const from = [...sinceOf.values()].reduce((min, s) => (s < min ? s : min), period.from);
  const people = [...new Set(assignments.map((a) => a.personId))].sort();
  const { earnedBefore, drawBalances } = await ledgerCarryIns(tx, orgId, { from, to: period.to }, period, sinceOf, people, args.personIds);
  const inputs: CalcInputs = {
    version: 4, periodKey: args.periodKey, period, currency: args.currency, fiscalYearStartMonth: args.fiscalYearStartMonth,
    personIds: args.personIds === null ? null : [...args.personIds].sort(),
    seqThrough: (await compTransactionRepo.lastSeq(tx, orgId)).toString(), window: { from, to: period.to },
    plans: refs.sort((a, b) => (planKey(a.planId, a.version) < planKey(b.planId, b.version) ? -1 : 1)),
    assignments: assignments.map((a) => ({
      id: a.id, personId: a.personId, planId: a.planId, planVersion: a.planVersion, validFrom: a.validFrom, validTo: a.validTo, ramp: a.ramp,
      targetIncentiveMinor: a.targetIncentiveMinor.toString(), annualQuotaMinor: a.annualQuotaMinor === null ? null : a.annualQuotaMinor.toString(),
      ...(a.measureQuotas === undefined ? {} : { measureQuotas: measureQuotaTexts(a.measureQuotas) }),
    })),
    reportingLines: (await reportingLineRepo.listForOrg(tx, orgId)).map(({ personId, managerId, validFrom, validTo }) => ({ personId, managerId, validFrom, validTo })),
    rules: creditingRulesFor(new Set([...plans.values()].flatMap((p) => p.components.flatMap((c) => c.measure?.creditTypes ?? [])))), earnedBefore, drawBalances, partitions: partitionsOf(people, args.partitions(people.length)),
  };
  const late = await lateCancellations(tx, orgId, { ...inputs.window, seqThrough: BigInt(inputs.seqThrough) }, args.payPeriod);
  return { inputs: Object.keys(late).length === 0 ? inputs : { ...inputs, lateCancellations: late }, plans };
}

/**
 * Cancellations dated in a closed pay period (of the run's length) and numbered after it closed,
 * of deals not won again since (a deal won again is simply booked: its rows net to one deal):
 * transaction id -> the day the deal was lost. Called under the write lock, so the deal's rows
 * are those up to the run's number.
 */
async function lateCancellations(tx: Tx, orgId: string, query: DateRange & { seqThrough: bigint }, payPeriod: Plan['payPeriod']): Promise<Record<string, string>> {
  const closed = (await compPeriodRepo.list(tx, orgId)).filter((p) => p.status === 'closed' && p.closedSeq !== null && p.key.includes('-M') === (payPeriod === 'month'));
  if (closed.length === 0) return {};
  const out: Record<string, string> = {};
  for (const c of await compTransactionRepo.cancellationsForCalc(tx, orgId, query)) {
    const period = closed.find((p) => p.startDate <= c.date && c.date <= p.endDate);
    if (!period || c.seq <= (period.closedSeq as bigint)) continue;
    if (c.opportunityId !== null && bookingInForce(await compTransactionRepo.listForOpportunity(tx, orgId, c.opportunityId)) !== null) continue;
    out[c.transactionId] = c.occurredOn;
  }
  return out;
}

/**
 * From the ledger: earnings of earlier periods inside the to-date window, and draw balances
 * before the period. Only those entries are read: a full run late in the year would otherwise
 * read every earlier earning of every payee (naming ten thousand of them in one query).
 */
async function ledgerCarryIns(
  tx: Tx, orgId: string, window: DateRange, period: DateRange, sinceOf: ReadonlyMap<string, string>, people: readonly string[], personIds: readonly string[] | null,
) {
  const earlier = (await compPeriodRepo.list(tx, orgId)).filter((p) => p.endDate < period.from);
  const startOf = new Map(earlier.map((p) => [p.key, p.startDate]));
  const ofPeople = personIds === null ? {} : { personIds };
  // Earnings count only inside the run's window (from the earliest to-date span's start).
  const earnedIn = earlier.filter((p) => p.startDate >= window.from).map((p) => p.key);
  const mine = new Set(people);
  const entries = [
    ...(earnedIn.length === 0 ? [] : await ledgerRepo.listForPeriods(tx, orgId, { forPeriods: earnedIn, types: ['earning', 'bonus'], ...ofPeople })),
    ...(await ledgerRepo.listForPeriods(tx, orgId, { forPeriods: earlier.map((p) => p.key), types: ['draw-advance', 'draw-recovery'], ...ofPeople })),
  ].filter((e) => mine.has(e.personId));
  const earnedBefore: Record<string, Record<string, string>> = {};
  const drawBalances: Record<string, Record<string, string>> = {};
  const add = (into: Record<string, Record<string, string>>, person: string, key: string, amount: bigint) => {
    const row = (into[person] ??= {});
    row[key] = (BigInt(row[key] ?? '0') + amount).toString();
  };
  for (const e of entries) {
    const key = `${e.planId}/${e.componentId}`;
    const since = sinceOf.get(key);
    // A to-date component subtracts what earlier periods of its own span (quarter or year) earned.
    if ((e.type === 'earning' || e.type === 'bonus') && since !== undefined && since < period.from && (startOf.get(e.forPeriod) ?? '') >= since) add(earnedBefore, e.personId, key, e.amountMinor);
    // An advance (+) deepens what she owes back, a recovery (-) repays it: balance = -(advances + recoveries).
    if ((e.type === 'draw-advance' || e.type === 'draw-recovery') && e.planId) add(drawBalances, e.personId, e.planId, -e.amountMinor);
  }
  return { earnedBefore, drawBalances };
}
