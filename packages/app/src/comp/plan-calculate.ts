import { calculateComponent, DomainError, parseMajorToMinor, type ComponentResult, type Credit, type MeasureReading } from '@attain/core';
import { parse } from 'csv-parse/sync';
import type { Plan, PlanComponent, PlanExampleCredit, PlanMeasureReading } from './plan-schema.js';

export interface PlanCalculationInput {
  readonly plan: Plan;
  readonly credits: readonly PlanExampleCredit[];
  /** Quota of the money (sum) components, minor units; 0 if none. */
  readonly quotaMinor: bigint;
  /** Per-component quota overrides (a count for count measures). */
  readonly quotas?: Readonly<Record<string, bigint>>;
  readonly targetIncentiveMinor?: bigint;
  readonly period: { readonly from: string; readonly to: string };
  readonly yearStart?: string;
  readonly measures?: Readonly<Record<string, PlanMeasureReading>>;
}

export interface PlanCalculation {
  readonly planId: string;
  readonly planVersion: number;
  readonly currency: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly components: readonly (ComponentResult & { readonly name: string; readonly window?: { from: string; to: string } })[];
  readonly totalMinor: bigint;
}

const toCredit = (c: PlanExampleCredit): Credit => ({ id: c.id, payeeId: 'payee', creditType: c.type, amountMinor: c.amountMinor, date: c.date, sourceId: c.id, rule: 'plan-file' });

/** Credits a component sees: those dated inside its window, if it has one. */
function creditsFor(component: PlanComponent, credits: readonly Credit[]): Credit[] {
  const w = component.window;
  return w ? credits.filter((c) => c.date >= w.from && c.date <= w.to) : [...credits];
}

/** A quota for a component: the override if given; the money quota for sum measures; none (0) for counts. */
function quotaFor(component: PlanComponent, input: PlanCalculationInput): bigint {
  const override = input.quotas && Object.hasOwn(input.quotas, component.id) ? input.quotas[component.id] : undefined;
  if (override !== undefined) return override;
  return component.measure.aggregate === 'count' ? 0n : input.quotaMinor;
}

/**
 * Calculates every component of a plan for one payee and period with core's
 * calculateComponent, without a database. Pure: same input, deep-equal output.
 */
export function calculatePlan(input: PlanCalculationInput): PlanCalculation {
  const credits = input.credits.map(toCredit);
  const otherMeasures: Record<string, MeasureReading> = { ...(input.measures ?? {}) };
  const components = input.plan.components.map((component) => {
    const result = calculateComponent({
      component,
      credits: creditsFor(component, credits),
      quotaMinor: quotaFor(component, input),
      period: input.period,
      otherMeasures,
      ...(input.targetIncentiveMinor === undefined ? {} : { targetIncentiveMinor: input.targetIncentiveMinor }),
      ...(input.yearStart === undefined ? {} : { yearStart: input.yearStart }),
    });
    return { ...result, name: component.name, ...(component.window ? { window: component.window } : {}) };
  });
  return {
    planId: input.plan.id,
    planVersion: input.plan.version,
    currency: input.plan.currency,
    period: input.period,
    components,
    totalMinor: components.reduce((acc, c) => acc + c.amountMinor, 0n),
  };
}

const MAX_CSV_BYTES = 20_000_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Reads a credits CSV with the header id,type,amount,date (amounts in major units of `currency`). */
export function parseCreditsCsv({ text, currency }: { text: string; currency: string }): PlanExampleCredit[] {
  if (text.length > MAX_CSV_BYTES) throw new DomainError('validation_failed', 'credits: file too large', [{ field: 'credits', message: `at most ${MAX_CSV_BYTES} bytes` }]);
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false }) as string[][];
  } catch (error) {
    throw new DomainError('validation_failed', `credits: ${(error as Error).message}`, [{ field: 'credits', message: (error as Error).message }]);
  }
  const header = rows[0]?.map((h) => h.toLowerCase());
  if (!header || ['id', 'type', 'amount', 'date'].some((h) => !header.includes(h))) {
    throw new DomainError('validation_failed', 'credits: the header must name id, type, amount, date', [{ field: 'credits', message: 'header must be id,type,amount,date', line: 1 }]);
  }
  const col = (name: string): number => header.indexOf(name);
  const issues: { field: string; message: string; line: number }[] = [];
  const seen = new Set<string>();
  const credits = rows.slice(1).flatMap((row, i): PlanExampleCredit[] => {
    const line = i + 2;
    const [id, type, amount, date] = [row[col('id')] ?? '', row[col('type')] ?? '', row[col('amount')] ?? '', row[col('date')] ?? ''];
    const bad = (field: string, message: string): PlanExampleCredit[] => {
      issues.push({ field, message, line });
      return [];
    };
    if (!ID.test(id)) return bad('id', 'must be 1-64 letters, digits, _ . -');
    if (seen.has(id)) return bad('id', `duplicate credit id ${id}`);
    seen.add(id);
    if (!ID.test(type)) return bad('type', 'must be a credit type name');
    if (!DATE.test(date)) return bad('date', 'must be YYYY-MM-DD');
    try {
      return [{ id, type, amountMinor: parseMajorToMinor(amount, currency), date }];
    } catch (error) {
      return bad('amount', (error as Error).message);
    }
  });
  if (issues.length > 0) throw new DomainError('validation_failed', `credits: ${issues.length} bad row${issues.length === 1 ? '' : 's'}`, issues);
  return credits;
}
