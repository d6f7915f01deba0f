import { invalid } from '../../errors.js';
import { applyContractEvents, type CapitalizationEvent } from './modifications.js';
import { monthIndexOf } from './months.js';
import type { CapitalizationPolicy } from './policy.js';
import type { CapitalizationOutcome, CommissionCost, CostSchedule } from './schedule.js';

/** What happened to one cost in one month, signed like the cost, minor units. */
export interface CostMovement {
  readonly cost: CommissionCost;
  /** Month count (see months.ts). */
  readonly month: number;
  readonly kind: 'capitalized' | 'expensed' | 'amortized' | 'impaired';
  readonly amountMinor: bigint;
}

/** The input of a roll-forward or a journal export. */
export interface CapitalizationLedgerInput {
  readonly policy: CapitalizationPolicy;
  /** What capitalizeCost returned for each cost; cost ids must be unique. */
  readonly outcomes: readonly CapitalizationOutcome[];
  readonly events: readonly CapitalizationEvent[];
  /** First and last month reported, 'YYYY-MM', inclusive. */
  readonly from: string;
  readonly to: string;
}

/**
 * Every movement of every cost after the contract events are applied, in a deterministic
 * order (cost id, then month, then kind) whatever the order of outcomes and events.
 * Throws invalid('outcomes[i].cost.id') for a duplicate cost id.
 */
export function costMovementsOf(input: Pick<CapitalizationLedgerInput, 'policy' | 'outcomes' | 'events'>): CostMovement[] {
  const seen = new Set<string>();
  const schedules: CostSchedule[] = [];
  const movements: CostMovement[] = [];
  input.outcomes.forEach((o, i) => {
    const cost = o.treatment === 'expensed' ? o.cost : o.schedule.cost;
    if (seen.has(cost.id)) throw invalid(`outcomes[${i}].cost.id`, `duplicate cost id "${cost.id}"`);
    seen.add(cost.id);
    if (o.treatment === 'capitalized') schedules.push(o.schedule);
    else movements.push({ cost, month: monthIndexOf(`outcomes[${i}].month`, o.month), kind: 'expensed', amountMinor: cost.amountMinor });
  });
  for (const s of applyContractEvents(input.policy, schedules, input.events)) {
    movements.push({ cost: s.cost, month: monthIndexOf('schedule.capitalizedMonth', s.capitalizedMonth), kind: 'capitalized', amountMinor: s.capitalizedMinor });
    for (const l of s.lines) {
      movements.push({ cost: s.cost, month: monthIndexOf('schedule.lines.month', l.month), kind: l.kind === 'impairment' ? 'impaired' : 'amortized', amountMinor: l.amountMinor });
    }
  }
  const order = { capitalized: 0, expensed: 1, amortized: 2, impaired: 3 } as const;
  return movements.sort((a, b) =>
    a.cost.id !== b.cost.id ? (a.cost.id < b.cost.id ? -1 : 1) : a.month !== b.month ? a.month - b.month : order[a.kind] - order[b.kind],
  );
}
