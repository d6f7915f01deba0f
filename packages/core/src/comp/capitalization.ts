import { invalid } from '../errors.js';

/**
 * The amortization term: a number of months, optionally anchored at a first month so each
 * entry is labelled; or a benefit period given by its first and last month (inclusive).
 * Months are 'YYYY-MM'.
 */
export type AmortizationTerm =
  | { readonly months: number; readonly firstMonth?: string }
  | { readonly benefitPeriod: { readonly firstMonth: string; readonly lastMonth: string } };

export interface AmortizationInput {
  /** The capitalized cost of obtaining the contract, minor units, >= 0. */
  readonly capitalizedMinor: bigint;
  readonly term: AmortizationTerm;
  /** Which month takes the minor units that do not divide evenly; default 'last'. */
  readonly remainderIn?: 'first' | 'last';
}

export interface AmortizationEntry {
  /** 1-based month number within the schedule. */
  readonly index: number;
  /** 'YYYY-MM', or null when the term was given as a bare month count. */
  readonly month: string | null;
  readonly amountMinor: bigint;
  /** Amortized so far, this month included. */
  readonly cumulativeMinor: bigint;
  /** Still capitalized after this month. */
  readonly remainingMinor: bigint;
}

export interface AmortizationExplanation {
  readonly standard: 'ASC 340-40';
  readonly method: 'straight-line';
  readonly capitalizedMinor: bigint;
  readonly months: number;
  /** capitalized / months truncated: what every month but the remainder month gets. */
  readonly baseMonthlyMinor: bigint;
  /** capitalized - base x months, added to the remainder month (0 when it divides evenly). */
  readonly remainderMinor: bigint;
  readonly remainderMonthIndex: number;
}

export interface AmortizationSchedule {
  readonly entries: readonly AmortizationEntry[];
  readonly explanation: AmortizationExplanation;
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

function monthNumber(field: string, value: string): number {
  const m = MONTH_RE.exec(value);
  if (!m) throw invalid(field, `not a month YYYY-MM: "${value}"`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

const monthLabel = (n: number): string => `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;

function resolveTerm(term: AmortizationTerm): { months: number; first: number | null } {
  if ('benefitPeriod' in term) {
    const first = monthNumber('term.benefitPeriod.firstMonth', term.benefitPeriod.firstMonth);
    const last = monthNumber('term.benefitPeriod.lastMonth', term.benefitPeriod.lastMonth);
    if (last < first) throw invalid('term.benefitPeriod.lastMonth', 'must not be before firstMonth');
    return { months: last - first + 1, first };
  }
  if (!Number.isInteger(term.months) || term.months < 1) throw invalid('term.months', 'must be a whole number of at least 1');
  return { months: term.months, first: term.firstMonth === undefined ? null : monthNumber('term.firstMonth', term.firstMonth) };
}

/**
 * Straight-line amortization of a capitalized contract cost (ASC 340-40 / IFRS 15).
 *
 * Invariants: entries.length = months; every entry >= 0; entries sum exactly to
 * capitalizedMinor, the indivisible minor units going to the declared remainder month.
 */
export function amortizeStraightLine(input: AmortizationInput): AmortizationSchedule {
  if (input.capitalizedMinor < 0n) throw invalid('capitalizedMinor', 'must not be negative');
  const { months, first } = resolveTerm(input.term);
  const count = BigInt(months);
  const baseMonthlyMinor = input.capitalizedMinor / count;
  const remainderMinor = input.capitalizedMinor - baseMonthlyMinor * count;
  const remainderMonthIndex = (input.remainderIn ?? 'last') === 'last' ? months : 1;
  let cumulative = 0n;
  const entries = Array.from({ length: months }, (_, i): AmortizationEntry => {
    const index = i + 1;
    const amountMinor = baseMonthlyMinor + (index === remainderMonthIndex ? remainderMinor : 0n);
    cumulative += amountMinor;
    return {
      index,
      month: first === null ? null : monthLabel(first + i),
      amountMinor,
      cumulativeMinor: cumulative,
      remainingMinor: input.capitalizedMinor - cumulative,
    };
  });
  return {
    entries,
    explanation: {
      standard: 'ASC 340-40',
      method: 'straight-line',
      capitalizedMinor: input.capitalizedMinor,
      months,
      baseMonthlyMinor,
      remainderMinor,
      remainderMonthIndex,
    },
  };
}
