import { DomainError, formatMinorAsMajor } from '@attain/core';
import { calculatePlan, type PlanCalculation } from './plan-calculate.js';
import type { Plan, PlanExample } from './plan-schema.js';

/** Expected against actual for one component (or 'total'), in major units of the plan currency. */
export interface ExampleCheck {
  readonly componentId: string;
  readonly expected: string;
  readonly actual: string;
  readonly pass: boolean;
}

export interface ExampleOutcome {
  readonly name: string;
  readonly line: number;
  readonly pass: boolean;
  readonly checks: readonly ExampleCheck[];
  /** Set when the engine refused the example's inputs. */
  readonly error?: string;
  readonly calculation?: PlanCalculation;
}

export interface ExamplesReport {
  readonly planId: string;
  readonly passed: number;
  readonly failed: number;
  readonly examples: readonly ExampleOutcome[];
}

function runOne(plan: Plan, example: PlanExample): ExampleOutcome {
  let calculation: PlanCalculation;
  try {
    calculation = calculatePlan({
      plan,
      credits: example.credits,
      quotaMinor: example.quotaMinor,
      quotas: example.quotas,
      period: example.period,
      measures: example.measures,
      scores: example.scores,
      earnedBefore: example.earnedBefore,
      clawbacks: example.clawbacks,
      ...(example.targetIncentiveMinor === undefined ? {} : { targetIncentiveMinor: example.targetIncentiveMinor }),
      ...(example.yearStart === undefined ? {} : { yearStart: example.yearStart }),
      ...(example.annualQuotaMinor === undefined ? {} : { annualQuotaMinor: example.annualQuotaMinor }),
      ...(example.served === undefined ? {} : { served: example.served }),
      ...(example.drawBalanceMinor === undefined ? {} : { drawBalanceMinor: example.drawBalanceMinor }),
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const detail = error.issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    return { name: example.name, line: example.line, pass: false, checks: [], error: detail || error.message };
  }
  const fmt = (minor: bigint): string => formatMinorAsMajor(minor, plan.currency);
  const actualOf = (id: string): bigint => (id === 'total' ? calculation.totalMinor : id === 'payout' ? calculation.payoutMinor : (calculation.components.find((c) => c.componentId === id)?.amountMinor ?? 0n));
  const checks = Object.entries(example.expect).map(([componentId, expected]) => {
    const actual = actualOf(componentId);
    return { componentId, expected: fmt(expected), actual: fmt(actual), pass: actual === expected };
  });
  return { name: example.name, line: example.line, pass: checks.every((c) => c.pass), checks, calculation };
}

/**
 * Runs the worked examples written in a plan through core's calculateComponent and
 * compares each expected amount with the computed one, exactly (minor units).
 */
export function runPlanExamples({ plan }: { plan: Plan }): ExamplesReport {
  const examples = plan.examples.map((e) => runOne(plan, e));
  const passed = examples.filter((e) => e.pass).length;
  return { planId: plan.id, passed, failed: examples.length - passed, examples };
}
