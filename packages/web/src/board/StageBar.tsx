import { perMille } from './bar-scale.js';

/**
 * A column's total and weighted total as a bar against the largest column total, so columns
 * compare at a glance. Decorative: the same figures are written out beside it.
 */
export function StageBar({ amountMinor, weightedAmountMinor, maxMinor }: { amountMinor: string; weightedAmountMinor: string; maxMinor: string }) {
  const amount = perMille(amountMinor, maxMinor) / 10;
  const weighted = perMille(weightedAmountMinor, maxMinor) / 10;
  return (
    <svg className="stage-bar" width="100%" height="8" aria-hidden="true" focusable="false">
      <rect className="stage-bar-track" x="0" y="0" width="100%" height="8" rx="4" />
      {amount > 0 && <rect className="stage-bar-amount" x="0" y="0" width={`${Math.max(amount, 1)}%`} height="8" rx="4" />}
      {weighted > 0 && <rect className="stage-bar-weighted" x="0" y="0" width={`${Math.max(weighted, 1)}%`} height="8" rx="4" />}
    </svg>
  );
}
