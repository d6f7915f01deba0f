import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { canonicalJson } from '@attain/core';
import { describe, expect, it } from 'vitest';
import { runPlanExamples } from '../comp/plan-examples.js';
import { parsePlanFile } from '../comp/plan-file.js';
import { explanationRows } from '../plans/plan-explanation.presenter.js';
import type { FrozenAssignment } from './calc-inputs.js';
import { reviveCalculation, statementPlans } from './statement-body.js';

const dir = fileURLToPath(new URL('../../../../plans/templates/', import.meta.url));
const plans = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => parsePlanFile({ text: readFileSync(`${dir}${f}`, 'utf8') }));

describe('statement bodies without terms and explanation rows', () => {
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

  it('keeps the terms and rows a body stored (runs before inputs version 3), and derives them when absent', () => {
    const plan = plans.find((p) => p.id === 'ae-quota-commission') as (typeof plans)[number];
    const calculation = runPlanExamples({ plan }).examples[0]?.calculation;
    if (!calculation) throw new Error('no example calculation');
    const assignment: FrozenAssignment = {
      id: 'pas_1', personId: 'p1', planId: 'plan_1', planVersion: 1, validFrom: '2026-02-15', validTo: null, ramp: null, targetIncentiveMinor: '7300000', annualQuotaMinor: '73000000',
    };
    const inputs = { currency: 'USD', period: { from: '2026-01-01', to: '2026-03-31' }, assignments: [assignment] };
    const lean = { assignmentId: 'pas_1', planId: plan.id, planVersion: plan.version, planName: plan.name, componentKinds: {}, calculation: JSON.parse(canonicalJson(calculation)) as unknown };
    const stored = { terms: { steps: ['as stored'] }, explanation: [{ componentId: 'x', componentName: 'as stored', unit: 'money', step: 'paid', amountMinor: '1' }] };
    const asked: string[] = [];
    const [derived, kept] = statementPlans(JSON.stringify({ plans: [lean, { ...lean, ...stored }] }), inputs, (a) => {
      asked.push(a.id);
      return plan;
    });
    expect(derived?.explanation).toEqual(explanationRows(plan, calculation));
    // On the plan from February 15: 45 of the quarter's 90 days, by days of the year: 73,000 x 45/365 = 9,000.00.
    expect(derived?.terms).toMatchObject({ daysOnPlan: 45, targetIncentive: { amountMinor: '900000' }, steps: expect.arrayContaining([expect.stringMatching(/45 of the period's 90 days/)]) });
    expect(kept).toMatchObject(stored);
    expect(asked).toEqual(['pas_1']);
  });
});
