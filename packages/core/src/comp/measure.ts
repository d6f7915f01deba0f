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
  /** Ids of the credits counted, sorted. */
  readonly creditIds: readonly string[];
  readonly explanation: MeasureExplanation;
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

/** YYYY-MM-DD by shape, without a regular expression: this runs once per credit per measure. */
function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/**
 * Computes a measure (sum or count of credits of the chosen types within [from, to]).
 * The caller passes one payee's credits. The result does not depend on the input order:
 * a sum and a count need no order, so the credits are read once and only the ids counted
 * are sorted (sorting every credit on every call was three quarters of a calculation).
 */
export function computeMeasure({ credits, measure }: { credits: readonly Credit[]; measure: ScopedMeasure }): MeasureResult {
  if (!isIsoDate(measure.from) || !isIsoDate(measure.to)) throw new DomainError('validation_failed', 'measure: from and to must be YYYY-MM-DD', [{ field: 'measure.from', message: 'must be YYYY-MM-DD' }]);
  const types = new Set(measure.creditTypes);
  const creditIds: string[] = [];
  let sum = 0n;
  for (let i = 0; i < credits.length; i++) {
    const c = credits[i] as Credit;
    if (!isIsoDate(c.date)) throw new DomainError('validation_failed', `credits[${i}].date: not YYYY-MM-DD`, [{ field: `credits[${i}].date`, message: 'must be YYYY-MM-DD' }]);
    if (!types.has(c.creditType) || c.date < measure.from || c.date > measure.to) continue;
    creditIds.push(c.id);
    sum += c.amountMinor;
  }
  creditIds.sort();
  // A duplicate would make a count (and the per-transaction order) depend on the input.
  for (let i = 1; i < creditIds.length; i++) {
    if (creditIds[i] === creditIds[i - 1]) {
      throw new DomainError('validation_failed', `credits: duplicate credit id ${creditIds[i] as string}`, [{ field: 'credits', message: `duplicate credit id ${creditIds[i] as string}` }]);
    }
  }
  const valueMinor = measure.aggregate === 'count' ? BigInt(creditIds.length) : sum;
  return {
    valueMinor,
    creditIds,
    explanation: { creditTypes: [...measure.creditTypes].sort(), aggregate: measure.aggregate, from: measure.from, to: measure.to, creditCount: creditIds.length, valueMinor },
  };
}
