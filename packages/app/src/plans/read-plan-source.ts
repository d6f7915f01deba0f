import { DomainError, type FieldIssue } from '@attain/core';
import type { PlanIssue, PlanOutline } from '@attain/contract';
import { parsePlanFile } from '../comp/plan-file.js';
import { measuresCount, type Plan } from '../comp/plan-schema.js';

/** A plan source read: the plan, or every problem with its line and column. */
export type PlanReading = { readonly ok: true; readonly plan: Plan } | { readonly ok: false; readonly issues: readonly PlanIssue[] };

const hasPosition = (i: FieldIssue): i is FieldIssue & { line: number; column: number } =>
  typeof i.line === 'number' && typeof (i as { column?: unknown }).column === 'number';

/**
 * Reads a plan source without throwing for the plan's own problems: the plan reader's
 * positioned `validation_failed` issues become the answer. Anything else (a bug) is rethrown.
 */
export function readPlanSource(source: string): PlanReading {
  try {
    return { ok: true, plan: parsePlanFile({ text: source }) };
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'validation_failed') throw error;
    const issues = error.issues.map((i) => (hasPosition(i) ? { field: i.field, message: i.message, line: i.line, column: i.column } : { field: i.field, message: i.message, line: i.line ?? 1, column: 1 }));
    return { ok: false, issues };
  }
}

/** The plan's problems as the API's validation error, each issue keeping its line and column. */
export function planValidationError(issues: readonly PlanIssue[]): DomainError {
  const first = issues[0];
  const where = first ? `line ${first.line}, column ${first.column}: ${first.field}: ${first.message}` : 'the plan is invalid';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new DomainError('validation_failed', `${where}${more}`, issues);
}

export function outlineOf(plan: Plan): PlanOutline {
  return {
    id: plan.id,
    name: plan.name,
    version: plan.version,
    currency: plan.currency,
    effective: { from: plan.effective.from, ...(plan.effective.to ? { to: plan.effective.to } : {}) },
    components: plan.components.map((c) => ({ id: c.id, name: c.name, kind: c.kind, aggregate: measuresCount(c) ? 'count' : 'sum', creditTypes: [...(c.measure?.creditTypes ?? [])] })),
  };
}
