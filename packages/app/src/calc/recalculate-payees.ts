import { creditTransactions, fiscalPeriodOf, type Actor, type CreditingRule } from '@attain/core';
import { calcRunRepo, compPeriodRepo, reportingLineRepo, type CalcRun, type CalcTransaction } from '@attain/store';
import { orgCurrency } from '../assignments/assignment-rules.js';
import type { AppContext } from '../context.js';
import { systemActor } from '../orgs.js';
import { toCreditingTransaction } from '../transactions/to-crediting.js';
import { executeCalcRun, startIncrementalRun } from './run-calc.js';

/** Recalculations still running, per context: tests and the CLI wait for them (see settleRecalculations). */
const inFlight = new WeakMap<AppContext, Set<Promise<unknown>>>();

/**
 * Who a transaction can credit, whatever its kind (a cancellation too): its owner or split members,
 * and every manager above them on its date.
 */
const REACH_RULES: readonly CreditingRule[] = [
  { name: 'owner', creditType: 'any', source: { type: 'owner' } },
  { name: 'managers', creditType: 'any', source: { type: 'rollup', of: ['owner'], levels: 'all' } },
];

/** The people new transactions credit: owners and split members first, then the managers above them on each date. */
async function creditedPeople(ctx: AppContext, orgId: string, transactions: readonly CalcTransaction[]): Promise<string[][]> {
  const reportingLines = await reportingLineRepo.listForOrg(ctx.database.db, orgId);
  const credited = creditTransactions({
    transactions: transactions.filter((t) => t.ownerId !== null).map(toCreditingTransaction), rules: REACH_RULES, reportingLines,
  });
  const direct = new Set(credited.credits.filter((c) => c.rule === 'owner').map((c) => c.payeeId));
  const managers = new Set(credited.credits.filter((c) => c.rule !== 'owner' && !direct.has(c.payeeId)).map((c) => c.payeeId));
  return [[...direct].sort(), [...managers].sort()].filter((group) => group.length > 0);
}

/**
 * Recalculates the payees that new transactions credit, in every period already calculated that
 * the transactions can change: the periods containing their dates, and the later calculated
 * periods of the same fiscal year (to-date measures and the ledger carry forward). Each period is
 * an incremental run of just those payees, published like any run, in date order; a closed
 * period's differences post to the next open one. Returns the runs it made.
 */
export async function recalculatePayees(ctx: AppContext, orgId: string, transactions: readonly CalcTransaction[], actor: Actor = systemActor(orgId)): Promise<CalcRun[]> {
  const first = transactions.reduce<string | null>((min, t) => (min === null || t.date < min ? t.date : min), null);
  if (first === null) return [];
  const db = ctx.database.db;
  const yearEnd = fiscalPeriodOf(first, (await orgCurrency(db, orgId)).fiscalYearStartMonth, 'year').end;
  const published = await calcRunRepo.publishedPeriods(db, orgId);
  const periods = (await compPeriodRepo.list(db, orgId)).filter((p) => published.has(p.key) && p.endDate >= first && p.startDate <= yearEnd);
  if (periods.length === 0) return [];
  // The deal's own payees first: a manager's roll-up reads her whole team's deals, so she comes in a run of her own after.
  const groups = await creditedPeople(ctx, orgId, transactions);
  const runs: CalcRun[] = [];
  const trigger = `transactions ${transactions.map((t) => t.id).slice(0, 5).join(', ')}${transactions.length > 5 ? ', ...' : ''}`;
  for (const period of periods) {
    for (const personIds of groups) {
      const run = await startIncrementalRun(ctx, actor, { period: period.key, personIds, trigger });
      if (run) runs.push(await executeCalcRun(ctx, actor, run.id));
      // Let waiting requests (the rep opening her statement) in before the next, heavier run.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return runs;
}

/** Starts a recalculation in the background; its runs record their own success or failure. */
export function recalculateInBackground(ctx: AppContext, orgId: string, transactions: readonly CalcTransaction[]): void {
  const set = inFlight.get(ctx) ?? new Set<Promise<unknown>>();
  inFlight.set(ctx, set);
  // A run that starts records its own failure; one that cannot start is reported here (nothing was written).
  const work = recalculatePayees(ctx, orgId, transactions)
    .catch((error: unknown) => console.error(`recalculation after ${transactions.map((t) => t.id).join(', ')} failed:`, error))
    .finally(() => set.delete(work));
  set.add(work);
}

/** Waits until every background recalculation of this context has finished. */
export async function settleRecalculations(ctx: AppContext): Promise<void> {
  const set = inFlight.get(ctx);
  while (set && set.size > 0) await Promise.all([...set]);
}
