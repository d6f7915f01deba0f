import type { Decimal } from '../decimal.js';
import { DomainError } from '../errors.js';

/**
 * One credit a payee received from crediting: a share of a transaction, kept with the
 * rule that produced it so a statement can show why the payee has it.
 */
export interface Credit {
  readonly id: string;
  readonly payeeId: string;
  /** e.g. "booking", "renewal"; a measure names which types it counts. */
  readonly creditType: string;
  /** Minor units; negative for a reversal. */
  readonly amountMinor: bigint;
  /** Calendar date the credit counts on, YYYY-MM-DD. */
  readonly date: string;
  /** The transaction it came from. */
  readonly sourceId: string;
  /** Name of the crediting rule that produced it. */
  readonly rule: string;
  /**
   * Set by a payout split: the credit carries the whole deal (attainment and tiers see it)
   * but the payee is paid only this share of what it earns (see calculateComponent).
   */
  readonly payoutShare?: Decimal;
}

/** Which credits a measure counts and how it aggregates them. */
export interface MeasureDefinition {
  readonly creditTypes: readonly string[];
  /** 'sum' adds amounts (minor units); 'count' counts credits (the value is a count, not money). */
  readonly aggregate: 'sum' | 'count';
}

/** A measure over an inclusive date range [from, to], YYYY-MM-DD. */
export interface ScopedMeasure extends MeasureDefinition {
  readonly from: string;
  readonly to: string;
}

export interface MeasureExplanation {
  readonly creditTypes: readonly string[];
  readonly aggregate: 'sum' | 'count';
  readonly from: string;
  readonly to: string;
  readonly creditCount: number;
  readonly valueMinor: bigint;
}

export interface MeasureResult {
  /** Sum in minor units, or the count of credits for 'count'. */
  readonly valueMinor: bigint;
  /** Ids of the credits counted, in date-then-id order. */
  readonly creditIds: readonly string[];
  readonly explanation: MeasureExplanation;
  /** True when a counted credit carries a payout share. */
  readonly hasPayoutShares: boolean;
}

/** Stable total order of credits: date, then id (ids are unique, see {@link sortCredits}). */
export function compareCredits(a: Credit, b: Credit): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Returns the credits in date-then-id order. Refuses duplicate ids and malformed dates:
 * a duplicate would make the order (and a count) depend on the input order.
 */
export function sortCredits({ credits }: { credits: readonly Credit[] }): Credit[] {
  const seen = new Set<string>();
  credits.forEach((c, i) => {
    if (!isIsoDate(c.date)) throw new DomainError('validation_failed', `credits[${i}].date: not YYYY-MM-DD`, [{ field: `credits[${i}].date`, message: 'must be YYYY-MM-DD' }]);
    if (seen.has(c.id)) throw new DomainError('validation_failed', `credits[${i}].id: duplicate credit id ${c.id}`, [{ field: `credits[${i}].id`, message: `duplicate credit id ${c.id}` }]);
    seen.add(c.id);
  });
  return [...credits].sort(compareCredits);
}

/** Credits a measure counts: matching type, date within [from, to], in date-then-id order. */
export function selectCredits({ credits, measure }: { credits: readonly Credit[]; measure: ScopedMeasure }): Credit[] {
  const types = new Set(measure.creditTypes);
  // Same-format ISO dates compare correctly as strings.
  return sortCredits({ credits }).filter((c) => types.has(c.creditType) && c.date >= measure.from && c.date <= measure.to);
}

/** YYYY-MM-DD by shape, without a regular expression or an allocation: this runs once per credit per measure. */
function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  return isDigit(text, 0) && isDigit(text, 1) && isDigit(text, 2) && isDigit(text, 3) && isDigit(text, 5) && isDigit(text, 6) && isDigit(text, 8) && isDigit(text, 9);
}

const isDigit = (text: string, i: number): boolean => {
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
};

/**
 * Computes a measure (sum or count of credits of the chosen types within [from, to]).
 * The caller passes one payee's credits. The result does not depend on the input order:
 * the credits counted are listed in date-then-id order. Credits handed over in that order
 * (as a store returns them) are read once and never sorted: sorting on every call was most
 * of a calculation. Two credits with the same date and id are refused, as they would make
 * the listing depend on the input order.
 */
export function computeMeasure({ credits, measure }: { credits: readonly Credit[]; measure: ScopedMeasure }): MeasureResult {
  if (!isIsoDate(measure.from) || !isIsoDate(measure.to)) throw new DomainError('validation_failed', 'measure: from and to must be YYYY-MM-DD', [{ field: 'measure.from', message: 'must be YYYY-MM-DD' }]);
  const types = new Set(measure.creditTypes);
  // One type (the common case) is compared directly: credit types are shared strings.
  const onlyType = measure.creditTypes.length === 1 ? measure.creditTypes[0] : undefined;
  let creditIds: string[] = [];
  let sum = 0n;
  let previous: Credit | undefined;
  let ordered = true;
  let hasPayoutShares = false;
  // Credits of one day share their date string, so each date is checked once per run of them.
  let checkedDate = '';
  for (let i = 0; i < credits.length; i++) {
    const c = credits[i] as Credit;
    if (c.date !== checkedDate) {
      if (!isIsoDate(c.date)) throw new DomainError('validation_failed', `credits[${i}].date: not YYYY-MM-DD`, [{ field: `credits[${i}].date`, message: 'must be YYYY-MM-DD' }]);
      checkedDate = c.date;
    }
    if ((onlyType === undefined ? !types.has(c.creditType) : c.creditType !== onlyType) || c.date < measure.from || c.date > measure.to) continue;
    if (ordered && previous !== undefined && (previous.date === c.date ? previous.id >= c.id : previous.date > c.date)) ordered = false;
    previous = c;
    if (c.payoutShare !== undefined) hasPayoutShares = true;
    creditIds.push(c.id);
    sum += c.amountMinor;
  }
  if (!ordered) creditIds = orderedIds(credits, types, measure);
  const valueMinor = measure.aggregate === 'count' ? BigInt(creditIds.length) : sum;
  return {
    valueMinor,
    creditIds,
    explanation: { creditTypes: sortedTypes(measure.creditTypes), aggregate: measure.aggregate, from: measure.from, to: measure.to, creditCount: creditIds.length, valueMinor },
    hasPayoutShares,
  };
}

const sortedTypeLists = new WeakMap<readonly string[], readonly string[]>();

/** A measure's credit types in order for the explanation, sorted once per plan (the list is read-only and shared by every call). */
function sortedTypes(types: readonly string[]): readonly string[] {
  let sorted = sortedTypeLists.get(types);
  if (sorted === undefined) {
    sorted = [...types].sort();
    sortedTypeLists.set(types, sorted);
  }
  return sorted;
}

/** The slow path of {@link computeMeasure} for credits not handed over in order: sort, then refuse ties. */
function orderedIds(credits: readonly Credit[], types: ReadonlySet<string>, measure: ScopedMeasure): string[] {
  const counted = credits.filter((c) => types.has(c.creditType) && c.date >= measure.from && c.date <= measure.to).sort(compareCredits);
  for (let k = 1; k < counted.length; k++) {
    if (compareCredits(counted[k - 1] as Credit, counted[k] as Credit) === 0) {
      const id = (counted[k] as Credit).id;
      throw new DomainError('validation_failed', `credits: duplicate credit id ${id}`, [{ field: 'credits', message: `duplicate credit id ${id}` }]);
    }
  }
  return counted.map((c) => c.id);
}
