import { divideRounded, quotaPieces, formatDecimal, parseFiscalPeriod, pow10, rampRemaining, reduceFraction, type ExactFraction, type FiscalPeriod, type QuotaPlanDocument, type QuotaPlanLine } from '@attain/core';
import type { StoredQuotaPhasing } from '@attain/store';
import { assignmentTerms } from '../assignments/assignment-terms.js';

/*
 * What a line of a quota plan carries inside its year: the plan assignments' own arithmetic
 * (assignmentTerms) applied to her annual quota from her start, with the plan's seasonality and
 * what is left of her role's ramp (and, for a change inside the year, the quota before it until then). The grid therefore shows what attainment will be measured
 * against once the plan is approved.
 */

export interface LineSchedule {
  /** The day she carries quota from: the year's first day, or her start inside the year. */
  readonly from: string;
  readonly ramp: string[] | null;
  readonly inYearMinor: bigint;
  /** By fiscal quarter; largest remainder so they sum to inYearMinor. */
  readonly quarters: readonly bigint[];
}

/** The plan's seasonality as a plan assignment stores it (anchored on the organisation's fiscal year). */
export function storedPhasing(doc: QuotaPlanDocument, yearStartMonth: number): StoredQuotaPhasing | null {
  return doc.phasing && { by: doc.phasing.by, weights: doc.phasing.weights.map((w) => formatDecimal(w)), yearStartMonth };
}

const add = (a: ExactFraction, b: ExactFraction): ExactFraction => reduceFraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);

/** Exact parts rounded so that they sum to their exact total rounded once (largest remainder, earlier part first on a tie). */
function largestRemainder(parts: readonly ExactFraction[]): { total: bigint; rounded: bigint[] } {
  const exact = parts.reduce(add, reduceFraction(0n, 1n));
  const total = divideRounded(exact.numerator, exact.denominator, 'half-even');
  const floors = parts.map((p) => p.numerator / p.denominator);
  const order = parts.map((p, i) => ({ i, rem: reduceFraction(p.numerator % p.denominator, p.denominator) }))
    .sort((a, b) => {
      const d = b.rem.numerator * a.rem.denominator - a.rem.numerator * b.rem.denominator;
      return d > 0n ? 1 : d < 0n ? -1 : a.i - b.i;
    });
  const extra = new Set(order.slice(0, Number(total - floors.reduce((s, f) => s + f, 0n))).map((o) => o.i));
  return { total, rounded: floors.map((f, i) => f + (extra.has(i) ? 1n : 0n)) };
}

export function fiscalQuarters(fiscalYear: number, yearStartMonth: number): FiscalPeriod[] {
  return [1, 2, 3, 4].map((q) => parseFiscalPeriod(`FY${fiscalYear}-Q${q}`, yearStartMonth));
}

/** The line's in-year quota and quarters under the plan's seasonality and ramps. */
export function lineSchedule(doc: QuotaPlanDocument, line: QuotaPlanLine, year: FiscalPeriod, quarters: readonly FiscalPeriod[], yearStartMonth: number): LineSchedule {
  const from = line.startDate !== null && line.startDate > year.start ? line.startDate : year.start;
  const ramp = rampRemaining(doc.ramps[line.role], line.startDate, from);
  if (from > year.end) return { from, ramp, inYearMinor: 0n, quarters: quarters.map(() => 0n) };
  // Changes inside the year: each quota for its own days (the time-weighted blend).
  const exact = quarters.map((q) => quotaPieces(line, from, year.end).reduce((sum, piece) => {
    const terms = assignmentTerms({
      assignment: {
        validFrom: piece.from, validTo: piece.to, targetIncentiveMinor: 0n, annualQuotaMinor: piece.annualMinor,
        ramp: rampRemaining(doc.ramps[line.role], line.startDate, piece.from), quotaPhasing: storedPhasing(doc, yearStartMonth),
      },
      plan: { yearStartMonth, proration: 'calendar-days' },
      period: { from: q.start, to: q.end },
      currency: doc.currency,
    });
    return add(sum, terms.quota?.exact ?? reduceFraction(0n, 1n));
  }, reduceFraction(0n, 1n)));
  const { total, rounded } = largestRemainder(exact);
  return { from, ramp, inYearMinor: total, quarters: rounded };
}

export interface Capacity {
  readonly inYearMinor: bigint;
  readonly expectedMinor: bigint;
  readonly coverage: number | null;
  readonly sellersNeeded: number | null;
  readonly sellers: number;
}

/**
 * Quota-to-capacity: what the sellers and placeholders carry in the year (after start, ramp and
 * seasonality) times the expected attainment, against the company target; and how many sellers at
 * the mean in-year quota the target needs at that attainment.
 */
export function capacityOf(doc: QuotaPlanDocument, schedules: ReadonlyMap<string, LineSchedule>): Capacity {
  const carrying = doc.lines.filter((l) => l.kind !== 'manager');
  const inYearMinor = carrying.reduce((s, l) => s + (schedules.get(l.key)?.inYearMinor ?? 0n), 0n);
  const a = doc.expectedAttainment;
  const expectedMinor = divideRounded(inYearMinor * a.units, pow10(a.scale), 'half-even');
  const perSeller = carrying.length === 0 ? 0n : expectedMinor / BigInt(carrying.length);
  return {
    inYearMinor, expectedMinor, sellers: carrying.length,
    coverage: doc.targetMinor === 0n ? null : Number(expectedMinor) / Number(doc.targetMinor),
    sellersNeeded: perSeller === 0n ? null : Number((doc.targetMinor + perSeller - 1n) / perSeller),
  };
}
