import { formatDecimal, multiplyMoney, toScaled, type Decimal } from '../decimal.js';
import { invalid } from '../errors.js';
import { allocateLargestRemainder, type RoundingMode } from '../money.js';

/**
 * What a split divides. A credit split divides the credited amount (each payee then earns on
 * her own part under her own plan); a payout split divides one payout already computed.
 */
export type SplitKind = 'credit' | 'payout';

/** One payee's share of a split, as an exact decimal fraction (0.6 = 60%). */
export interface SplitShare {
  readonly payeeId: string;
  readonly share: Decimal;
  /**
   * Overlay shares sit on top of the standard 100% (a specialist credited in addition to the
   * owner), so the parts of a split with overlays may total more than the whole.
   */
  readonly overlay?: boolean;
}

/** Why a split part has the amount it has, for a statement line. */
export interface SplitPartExplanation {
  readonly ruleName: string;
  readonly kind: SplitKind;
  /** The payee's share as a decimal string ("0.6"). */
  readonly share: string;
  readonly overlay: boolean;
  /** The amount being split, minor units. */
  readonly wholeMinor: bigint;
  /**
   * Standard parts: largest-remainder allocation, so the standard parts sum exactly to the whole.
   * Overlay parts: whole x share rounded once with `roundingMode`.
   */
  readonly allocation: 'largest-remainder' | 'overlay-rounded';
  readonly roundingMode: RoundingMode | null;
  /**
   * The part minus whole x share truncated toward zero: the minor units the allocation or the
   * rounding added (0 when the share divides the whole exactly).
   */
  readonly roundingAdjustmentMinor: bigint;
}

export interface SplitPart {
  readonly payeeId: string;
  readonly amountMinor: bigint;
  readonly explanation: SplitPartExplanation;
}

export interface SplitAmountInput {
  readonly kind: SplitKind;
  /** The credit amount or the payout to divide, minor units (may be negative, e.g. a reversal). */
  readonly amountMinor: bigint;
  readonly shares: readonly SplitShare[];
  /** Name of the crediting or split rule, carried into each part's explanation. */
  readonly ruleName: string;
  /** Rounding of overlay parts only; standard parts never round (largest remainder). */
  readonly overlayRoundingMode?: RoundingMode;
}

const scaleOf = (shares: readonly SplitShare[]): number => shares.reduce((max, s) => Math.max(max, s.share.scale), 0);

/** Exact sum of standard shares; throws naming the field when shares are malformed. */
function validateShares(shares: readonly SplitShare[]): void {
  if (shares.length === 0) throw invalid('shares', 'a split needs at least one share');
  const seen = new Set<string>();
  shares.forEach((s, i) => {
    if (seen.has(s.payeeId)) throw invalid(`shares[${i}].payeeId`, `payee "${s.payeeId}" appears twice in the split`);
    seen.add(s.payeeId);
    if (s.share.units < 0n) throw invalid(`shares[${i}].share`, `must not be negative (got ${formatDecimal(s.share)})`);
  });
  const standard = shares.filter((s) => !s.overlay);
  if (standard.length === 0) throw invalid('shares', 'a split needs at least one standard (non-overlay) share');
  const scale = scaleOf(standard);
  const total = standard.reduce((sum, s) => sum + toScaled(s.share, scale), 0n);
  const one = 10n ** BigInt(scale);
  if (total !== one) {
    throw invalid('shares', `standard shares must total exactly 1 (100%), they total ${formatDecimal({ units: total, scale })}`);
  }
}

/** whole x share truncated toward zero, exact. */
const truncatedShare = (wholeMinor: bigint, share: Decimal): bigint => multiplyMoney(wholeMinor, share, 'down');

/**
 * Divides a credit or a payout among payees by exact shares.
 *
 * Invariants: standard shares total exactly 1 (else a validation error naming `shares`); the
 * standard parts sum exactly to `amountMinor`; each payee's part does not depend on the order
 * of `shares` (remainder ties are broken by payee id, not by position). Parts come back in the
 * order of `shares`.
 */
export function splitAmount(input: SplitAmountInput): SplitPart[] {
  validateShares(input.shares);
  const overlayMode = input.overlayRoundingMode ?? 'half-even';
  // Canonical order makes largest-remainder ties independent of how the caller listed payees.
  const standard = input.shares
    .filter((s) => !s.overlay)
    .sort((a, b) => (a.payeeId < b.payeeId ? -1 : a.payeeId > b.payeeId ? 1 : 0));
  const scale = scaleOf(standard);
  const allocated = allocateLargestRemainder(
    input.amountMinor,
    standard.map((s) => toScaled(s.share, scale)),
  );
  const standardParts = new Map<string, bigint>(standard.map((s, i) => [s.payeeId, allocated[i] ?? 0n]));

  return input.shares.map((s) => {
    const overlay = s.overlay === true;
    const amountMinor = overlay ? multiplyMoney(input.amountMinor, s.share, overlayMode) : (standardParts.get(s.payeeId) ?? 0n);
    return {
      payeeId: s.payeeId,
      amountMinor,
      explanation: {
        ruleName: input.ruleName,
        kind: input.kind,
        share: formatDecimal(s.share),
        overlay,
        wholeMinor: input.amountMinor,
        allocation: overlay ? 'overlay-rounded' : 'largest-remainder',
        roundingMode: overlay ? overlayMode : null,
        roundingAdjustmentMinor: amountMinor - truncatedShare(input.amountMinor, s.share),
      },
    };
  });
}

/** Credit split: each payee is credited share x the credited amount. See {@link splitAmount}. */
export function splitCredit(input: Omit<SplitAmountInput, 'kind'>): SplitPart[] {
  return splitAmount({ ...input, kind: 'credit' });
}

/** Payout split: one computed payout divided by shares. See {@link splitAmount}. */
export function splitPayout(input: Omit<SplitAmountInput, 'kind'>): SplitPart[] {
  return splitAmount({ ...input, kind: 'payout' });
}
