import { invalid } from '../../errors.js';
import { costMovementsOf, type CapitalizationLedgerInput, type CostMovement } from './movements.js';
import { monthLabelOf, monthRangeOf } from './months.js';

/**
 * One line of the deferred commission asset roll-forward, minor units. Invariant (exact):
 * openingMinor + capitalizedMinor - amortizedMinor - impairedMinor = closingMinor.
 * Clawbacks enter signed: a clawback is negative capitalization and negative amortization.
 */
export interface RollForwardLine {
  readonly openingMinor: bigint;
  readonly capitalizedMinor: bigint;
  readonly amortizedMinor: bigint;
  readonly impairedMinor: bigint;
  readonly closingMinor: bigint;
}

export interface RollForwardMonth extends RollForwardLine {
  /** 'YYYY-MM'. */
  readonly month: string;
}

/** A roll-forward month by month over the range, and the range as one line. */
export interface RollForwardTable {
  readonly months: readonly RollForwardMonth[];
  /** Opening of the first month, sums of the movements, closing of the last month. */
  readonly total: RollForwardLine;
}

export interface DeferredCommissionRollForward extends RollForwardTable {
  readonly currency: string;
  readonly from: string;
  readonly to: string;
  /** One table per contract and per payee that has any balance or movement in the range, sorted by id. */
  readonly byContract: readonly (RollForwardTable & { readonly contractId: string })[];
  readonly byPayee: readonly (RollForwardTable & { readonly payeeId: string })[];
}

function tableOf(movements: readonly CostMovement[], from: number, to: number): RollForwardTable {
  let opening = 0n;
  const sums = Array.from({ length: to - from + 1 }, () => ({ capitalized: 0n, amortized: 0n, impaired: 0n }));
  for (const m of movements) {
    if (m.kind === 'expensed' || m.month > to) continue;
    const signed = m.kind === 'capitalized' ? m.amountMinor : -m.amountMinor;
    if (m.month < from) {
      opening += signed;
      continue;
    }
    const slot = sums[m.month - from];
    if (slot === undefined) continue;
    if (m.kind === 'capitalized') slot.capitalized += m.amountMinor;
    else if (m.kind === 'amortized') slot.amortized += m.amountMinor;
    else slot.impaired += m.amountMinor;
  }
  const first = opening;
  const months = sums.map((s, i): RollForwardMonth => {
    const line = { openingMinor: opening, capitalizedMinor: s.capitalized, amortizedMinor: s.amortized, impairedMinor: s.impaired };
    opening = opening + s.capitalized - s.amortized - s.impaired;
    return { month: monthLabelOf(from + i), ...line, closingMinor: opening };
  });
  const sum = (key: 'capitalizedMinor' | 'amortizedMinor' | 'impairedMinor'): bigint => months.reduce((t, m) => t + m[key], 0n);
  return {
    months,
    total: { openingMinor: first, capitalizedMinor: sum('capitalizedMinor'), amortizedMinor: sum('amortizedMinor'), impairedMinor: sum('impairedMinor'), closingMinor: opening },
  };
}

function groupBy(movements: readonly CostMovement[], key: (m: CostMovement) => string): [string, CostMovement[]][] {
  const groups = new Map<string, CostMovement[]>();
  for (const m of movements) {
    if (m.kind === 'expensed') continue;
    const k = key(m);
    const list = groups.get(k);
    if (list) list.push(m);
    else groups.set(k, [m]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const isEmpty = (t: RollForwardTable): boolean =>
  t.total.openingMinor === 0n && t.total.closingMinor === 0n && t.months.every((m) => m.capitalizedMinor === 0n && m.amortizedMinor === 0n && m.impairedMinor === 0n);

/**
 * The deferred commission asset roll-forward for the months from..to: opening, capitalized,
 * amortized, impaired and closing per month and for the range, in total, per contract and per
 * payee. Contract events are applied first (see applyContractEvents); expensed costs never
 * touch the asset. All costs must be in `currency` (balances in two currencies do not add).
 *
 * Invariants: every line ties exactly (opening + capitalized - amortized - impaired = closing);
 * each month opens at the previous month's close; the per-contract and per-payee tables add up
 * to the total. The result does not depend on the order of outcomes or events.
 */
export function rollForwardDeferredCommissions(input: CapitalizationLedgerInput & { readonly currency: string }): DeferredCommissionRollForward {
  const range = monthRangeOf(input);
  input.outcomes.forEach((o, i) => {
    const cost = o.treatment === 'expensed' ? o.cost : o.schedule.cost;
    if (cost.currency !== input.currency) throw invalid(`outcomes[${i}].cost.currency`, `must be ${input.currency} like the roll-forward`);
  });
  const movements = costMovementsOf(input);
  const table = tableOf(movements, range.from, range.to);
  const tables = (key: (m: CostMovement) => string) =>
    groupBy(movements, key)
      .map(([id, list]) => [id, tableOf(list, range.from, range.to)] as const)
      .filter(([, t]) => !isEmpty(t));
  return {
    currency: input.currency,
    from: monthLabelOf(range.from),
    to: monthLabelOf(range.to),
    ...table,
    byContract: tables((m) => m.cost.contractId).map(([contractId, t]) => ({ contractId, ...t })),
    byPayee: tables((m) => m.cost.payeeId).map(([payeeId, t]) => ({ payeeId, ...t })),
  };
}
