import { divideRounded } from './money.js';
import {
  OPPORTUNITY_TRACKED_FIELDS,
  type ForecastCategory,
  type Opportunity,
  type OpportunityTrackedField,
  type Stage,
} from './crm.js';
import { invalid } from './errors.js';

/**
 * Fields of an opportunity that follow from its stage. Moving to a stage takes the stage's
 * probability and forecast category; on an open stage a rep may choose another open
 * category (commit, best case...), but a closed stage always forces 'closed' or 'omitted'.
 */
export function stageDerivedFields(input: {
  stage: Stage;
  previous: Pick<Opportunity, 'stageId' | 'forecastCategory' | 'closedAt' | 'probabilityBps'> | null;
  requestedCategory: ForecastCategory | undefined;
  now: string;
}): Pick<Opportunity, 'forecastCategory' | 'probabilityBps' | 'isClosed' | 'isWon' | 'closedAt'> {
  const { stage, previous, requestedCategory, now } = input;
  const stageChanged = !previous || previous.stageId !== stage.id;
  if (stage.isClosed) {
    if (requestedCategory !== undefined && requestedCategory !== stage.forecastCategory) {
      throw invalid('forecastCategory', `a ${stage.isWon ? 'won' : 'lost'} stage has forecast category "${stage.forecastCategory}"`);
    }
    return {
      forecastCategory: stage.forecastCategory,
      probabilityBps: stage.probabilityBps,
      isClosed: true,
      isWon: stage.isWon,
      closedAt: stageChanged ? now : (previous?.closedAt ?? now),
    };
  }
  if (requestedCategory === 'closed') throw invalid('forecastCategory', 'only a closed stage has forecast category "closed"');
  return {
    forecastCategory: requestedCategory ?? (stageChanged ? stage.forecastCategory : (previous?.forecastCategory ?? stage.forecastCategory)),
    probabilityBps: stageChanged ? stage.probabilityBps : (previous?.probabilityBps ?? stage.probabilityBps),
    isClosed: false,
    isWon: false,
    closedAt: null,
  };
}

/** The tracked fields that differ between two states of an opportunity, in a fixed order. */
export function changedTrackedFields(
  before: Pick<Opportunity, OpportunityTrackedField> | null,
  after: Pick<Opportunity, OpportunityTrackedField>,
): OpportunityTrackedField[] {
  if (!before) return [...OPPORTUNITY_TRACKED_FIELDS];
  return OPPORTUNITY_TRACKED_FIELDS.filter((f) => before[f] !== after[f]);
}

/** The largest amount a BIGINT column holds. */
export const MAX_AMOUNT_MINOR = 2n ** 63n - 1n;

/** quantity x unit price less a discount in basis points, rounded once (half-even). */
export function lineItemTotal(input: { quantity: number; unitPriceMinor: bigint; discountBps: number }): bigint {
  if (!Number.isInteger(input.quantity) || input.quantity < 0) throw invalid('quantity', 'must be a whole number of at least 0');
  if (!Number.isInteger(input.discountBps) || input.discountBps < 0 || input.discountBps > 10_000) {
    throw invalid('discountBps', 'must be between 0 and 10000');
  }
  const gross = BigInt(input.quantity) * input.unitPriceMinor;
  const total = divideRounded(gross * BigInt(10_000 - input.discountBps), 10_000n);
  if (total > MAX_AMOUNT_MINOR || total < -MAX_AMOUNT_MINOR) throw invalid('quantity', 'makes a total beyond the largest amount Attain stores');
  return total;
}

/** Stage-weighted amount: amount x probability, rounded once. */
export function weightedAmount(amountMinor: bigint, probabilityBps: number): bigint {
  return divideRounded(amountMinor * BigInt(probabilityBps), 10_000n);
}
