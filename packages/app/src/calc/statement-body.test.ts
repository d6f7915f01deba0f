import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { canonicalJson } from '@attain/core';
import { describe, expect, it } from 'vitest';
import { runPlanExamples } from '../comp/plan-examples.js';
import { parsePlanFile } from '../comp/plan-file.js';
import { explanationRows } from '../plans/plan-explanation.presenter.js';
import { reviveCalculation, statementPlans } from './statement-body.js';

const dir = fileURLToPath(new URL('../../../../plans/templates/', import.meta.url));
const plans = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => parsePlanFile({ text: readFileSync(`${dir}${f}`, 'utf8') }));

describe('statement bodies without explanation rows', () => {
  // Every worked example of every template: tiers, accelerators, caps, gates, formulas, draws, clawbacks, counts.
  const cases = plans.flatMap((plan) => runPlanExamples({ plan }).examples.map((e) => [`${plan.id}: ${e.name}`, plan, e.calculation] as const));

  it.each(cases)('%s: the rows derived from the stored calculation are the rows of the calculation itself', (_name, plan, calculation) => {
    expect(calculation).toBeDefined();
    if (!calculation) return;
    const stored = JSON.parse(canonicalJson(calculation)) as unknown;
    const derived = explanationRows(plan, reviveCalculation(stored));
    expect(derived).toEqual(explanationRows(plan, calculation));
    expect(derived.length).toBeGreaterThan(1);
  });

  it('keeps the rows a body stored (runs before inputs version 3), and derives them when absent', () => {
    const plan = plans.find((p) => p.id === 'ae-quota-commission') ?? (plans[0] as (typeof plans)[number]);
    const calculation = runPlanExamples({ plan }).examples[0]?.calculation;
    if (!calculation) throw new Error('no example calculation');
    const lean = { assignmentId: 'pas_1', planId: plan.id, planVersion: plan.version, planName: plan.name, calculation: JSON.parse(canonicalJson(calculation)) as unknown };
    const storedRows = [{ componentId: 'x', componentName: 'as stored', unit: 'money', step: 'paid', amountMinor: '1' }];
    const body = JSON.stringify({ plans: [lean, { ...lean, explanation: storedRows }] });
    const asked: string[] = [];
    const [derived, kept] = statementPlans(body, (assignmentId) => {
      asked.push(assignmentId);
      return plan;
    });
    expect(derived?.explanation).toEqual(explanationRows(plan, calculation));
    expect(kept?.explanation).toEqual(storedRows);
    expect(asked).toEqual(['pas_1']);
  });
});
