import type { CreditWithExplanation } from './types.js';

/**
 * A credit as a source made it, with the amount a roll-up passes on to managers. That is the
 * credit amount, except for a payout split: each member is credited the full deal, so managers
 * roll up her share of it instead (largest remainder), or a manager of two split members would
 * be credited the deal twice.
 */
export interface ProducedCredit {
  readonly credit: CreditWithExplanation;
  readonly rollupMinor: bigint;
}
