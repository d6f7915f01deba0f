import type { Actor, CapitalizationEvent, CommissionCost, CreditWithExplanation } from '@attain/core';
import { calcRunRepo, compPeriodRepo, compTransactionRepo, ledgerRepo, type CalcTransaction, type CompTransaction, type Db, type Tx } from '@attain/store';
import { orgCurrency } from '../assignments/assignment-rules.js';
import { requireAbility } from '../authorize.js';
import type { Plan } from '../comp/plan-schema.js';
import { loadFrozenPlans, planKey, type CalcInputs } from '../calc/calc-inputs.js';
import { creditForRun } from '../calc/calculate-payees.js';
import { readRunTransactions } from '../calc/credit-partition.js';
import type { AppContext } from '../context.js';
import { policyInForce } from './capitalization-policy.js';
import { incrementalEntryOf, type OrgCapitalizationPolicy } from './capitalization-policy.rules.js';
import { costsOfEarning, type ComponentEarning, type ContractWeight } from './contract-costs.js';

/** The costs of the organisation's data under its policy in force, ready for core's roll-forward and journal. */
export interface CapitalizationCosts {
  readonly policyVersion: number;
  readonly policy: OrgCapitalizationPolicy;
  /** The organisation's currency: every cost is in it (calc runs post in it). */
  readonly currency: string;
  /** Sorted by id; amounts in minor units. */
  readonly costs: readonly CommissionCost[];
  /** A churn per clawback event of a contract that has costs. */
  readonly events: readonly CapitalizationEvent[];
}

/** Clawback events read at most; an organisation near it has outgrown this report's single read. */
const MAX_CLAWBACK_EVENTS = 1_000_000;

/** One calc run's frozen inputs, plans and credits, read once however many earnings it explains. */
interface RunCredits {
  readonly inputs: CalcInputs;
  readonly plans: ReadonlyMap<string, Plan>;
  readonly creditsOf: ReadonlyMap<string, readonly CreditWithExplanation[]>;
  readonly transactions: ReadonlyMap<string, CalcTransaction>;
}

async function loadRun(db: Db, orgId: string, runId: string): Promise<RunCredits | undefined> {
  const run = await calcRunRepo.find(db, orgId, runId);
  if (!run) return undefined;
  const inputs = JSON.parse(run.inputs) as CalcInputs;
  const plans = await loadFrozenPlans(db as Tx, orgId, inputs);
  const rows = await readRunTransactions(db, orgId, inputs);
  return { inputs, plans, creditsOf: creditForRun(inputs, rows).creditsOf, transactions: new Map(rows.map((t) => [t.id, t])) };
}

/** A contract is the deal (opportunity) a transaction books, or the transaction itself when it has none. */
const contractOf = (t: Pick<CompTransaction, 'id' | 'opportunityId'> | undefined, fallback: string): string => t?.opportunityId ?? t?.id ?? fallback;

/**
 * The contracts whose credits made the component's measure in the payee's latest calculation
 * of the period: her credits in that run, dated in the period and while on the plan, of the
 * credit types the component measures (all types for a formula without a measure), inside its
 * window and minimum; summed per contract, which starts on its earliest transaction's date.
 */
function contractWeights(run: RunCredits, e: ComponentEarning): ContractWeight[] {
  const { inputs } = run;
  const mine = inputs.assignments.filter((a) => a.personId === e.personId && run.plans.get(planKey(a.planId, a.planVersion))?.id === e.planKey);
  const plan = mine.map((a) => run.plans.get(planKey(a.planId, a.planVersion))).find((p) => p !== undefined);
  const component = plan?.components.find((c) => c.id === e.componentId);
  const types = component?.measure ? new Set(component.measure.creditTypes) : undefined;
  const byContract = new Map<string, { weightMinor: bigint; start: string }>();
  for (const c of run.creditsOf.get(e.personId) ?? []) {
    if (c.date < inputs.period.from || c.date > inputs.period.to) continue;
    if (!mine.some((a) => c.date >= a.validFrom && (a.validTo === null || c.date <= a.validTo))) continue;
    if (types && !types.has(c.creditType)) continue;
    if (component?.window && (c.date < component.window.from || c.date > component.window.to)) continue;
    if (component?.minCreditAmountMinor !== undefined && c.amountMinor < component.minCreditAmountMinor) continue;
    const transaction = run.transactions.get(c.sourceId);
    const id = contractOf(transaction, c.sourceId);
    const date = transaction?.date ?? c.date;
    const seen = byContract.get(id);
    byContract.set(id, { weightMinor: (seen?.weightMinor ?? 0n) + c.amountMinor, start: seen && seen.start < date ? seen.start : date });
  }
  return [...byContract.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([contractId, w]) => ({ contractId, ...w }));
}

/** Sums the earning and bonus entries of the policy's components per payee, period, plan and component. */
function earningsOf(policy: OrgCapitalizationPolicy, entries: Awaited<ReturnType<typeof ledgerRepo.listForPeriods>>, endOf: ReadonlyMap<string, string>): ComponentEarning[] {
  const sums = new Map<string, ComponentEarning>();
  for (const e of entries) {
    if ((e.type !== 'earning' && e.type !== 'bonus') || e.planId === null || e.componentId === null) continue;
    const policyEntry = incrementalEntryOf(policy, e.planId, e.componentId);
    const recognizedOn = endOf.get(e.forPeriod);
    if (policyEntry === undefined || recognizedOn === undefined) continue;
    const key = [e.personId, e.forPeriod, e.planId, e.componentId, e.currency].join('\u0000');
    const seen = sums.get(key);
    sums.set(key, {
      personId: e.personId, forPeriod: e.forPeriod, planKey: e.planId, componentId: e.componentId, policyEntry, currency: e.currency, recognizedOn,
      amountMinor: (seen?.amountMinor ?? 0n) + e.amountMinor,
    });
  }
  // The entries of a line sum to what the latest calculation says: a line brought back to zero costs nothing.
  return [...sums.entries()].filter(([, s]) => s.amountMinor !== 0n).sort(([a], [b]) => (a < b ? -1 : 1)).map(([, s]) => s);
}

/**
 * Derives the commission costs of the organisation from its ledger under the policy in force
 * (docs/capitalization.md): each payee's earning and bonus entries of the policy's components,
 * summed per period, plan and component; each sum split over the contracts whose credits made
 * the component's measure in her latest calculation of the period (pro rata by credit, largest
 * remainder, so the parts sum exactly to the ledger); recognized on the period's last day; the
 * contract runs the policy's default term from its first transaction. A clawback event on a
 * contract's transaction is a churn of that contract on the day it occurred.
 *
 * Needs `calc_run:read` (see capitalization-policy.ts). Throws not_found without a policy.
 */
export async function capitalizationCosts(ctx: AppContext, actor: Actor): Promise<CapitalizationCosts> {
  requireAbility(actor, 'calc_run:read');
  const db = ctx.database.db;
  const orgId = actor.orgId;
  const { version, policy } = await policyInForce(db, orgId);
  const { currency } = await orgCurrency(db, orgId);
  const periods = await compPeriodRepo.list(db, orgId);
  const entries = await ledgerRepo.listForPeriods(db, orgId, { forPeriods: periods.map((p) => p.key) });
  const earnings = earningsOf(policy, entries, new Map(periods.map((p) => [p.key, p.endDate])));
  const runs = new Map<string, RunCredits | undefined>();
  const costs: CommissionCost[] = [];
  for (const earning of earnings) {
    const result = await calcRunRepo.latestResult(db, orgId, earning.personId, earning.forPeriod);
    let run: RunCredits | undefined;
    if (result) {
      if (!runs.has(result.runId)) runs.set(result.runId, await loadRun(db, orgId, result.runId));
      run = runs.get(result.runId);
    }
    costs.push(...costsOfEarning(earning, run ? contractWeights(run, earning) : [], policy.defaultContractTermMonths));
  }
  const contracts = new Set(costs.map((c) => c.contractId));
  const events: CapitalizationEvent[] = [];
  for (const event of await compTransactionRepo.listClawbacks(db, orgId, MAX_CLAWBACK_EVENTS)) {
    // A deal's clawback names its opportunity; otherwise the contract is the transaction the cancellation reverses.
    const contractId = event.opportunityId ?? (await compTransactionRepo.find(db, orgId, event.transactionId))?.reverses ?? event.transactionId;
    if (contracts.has(contractId)) events.push({ kind: 'churn', contractId, on: event.occurredOn });
  }
  return { policyVersion: version, policy, currency, costs: costs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), events };
}
