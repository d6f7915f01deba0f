import { DomainError, type FieldIssue } from '@attain/core';
import { describe, expect, it } from 'vitest';
import { calculatePlan } from './plan-calculate.js';
import { calculationHash } from './plan-hash.js';
import { parsePlanFile } from './plan-file.js';
import type { Plan } from './plan-schema.js';

// Plan-level constructs: plan cap, proration (mid-period start, plan change), quota phasing, formula errors, clawback and draw inputs.
const plan = (extra: string, component = TIERED): string => `plan:
  id: p
  name: P
  version: 1
  effective: { from: "2026-01-01", to: "2026-12-31" }
  currency: USD
${extra}  components:
${component}`;
const TIERED = `    - id: bookings
      name: Bookings
      kind: commission
      measure: { creditTypes: [booking], aggregate: sum }
      mode: marginal
      rateTable: { basis: amount, boundary: lower-inclusive, tiers: [{ lower: "0", rate: "0.10" }] }
    - id: renewals
      name: Renewals
      kind: commission
      measure: { creditTypes: [renewal], aggregate: sum }
      mode: marginal
      rateTable: { basis: amount, boundary: lower-inclusive, tiers: [{ lower: "0", rate: "0.05" }] }
`;
const q1 = { from: '2026-01-01', to: '2026-03-31' };
const credit = (id: string, type: string, amountMinor: bigint, date: string) => ({ id, type, amountMinor, date });
const issuesOf = (text: string): (FieldIssue & { column?: number })[] => {
  try {
    parsePlanFile({ text });
  } catch (error) {
    if (error instanceof DomainError) return [...error.issues];
    throw error;
  }
  return [];
};

describe('plan-level constructs', () => {
  it('a plan cap limits the sum of the components and says so', () => {
    const p = parsePlanFile({ text: plan('  cap: { amount: "1500.00" }\n') });
    // bookings 10,000 x 10% = 1,000 + renewals 20,000 x 5% = 1,000 -> 2,000 capped at 1,500.00
    const r = calculatePlan({ plan: p, credits: [credit('a', 'booking', 1_000_000n, '2026-01-10'), credit('b', 'renewal', 2_000_000n, '2026-02-10')], quotaMinor: 0n, period: q1 });
    expect([r.earnedMinor, r.totalMinor, r.payoutMinor]).toEqual([200_000n, 150_000n, 150_000n]);
    expect(r.planCap).toMatchObject({ kind: 'cap', acted: true, limitMinor: 150_000n });
  });

  it('a payee who joins mid-period gets the days she served: quota and target incentive prorated, earlier credits not hers', () => {
    const p = parsePlanFile({ text: plan('') });
    // Q1 has 90 days; joined 1 March: 31 days. Quota 90,000 -> 31,000.00; target 9,000 -> 3,100.00.
    const r = calculatePlan({ plan: p, credits: [credit('before', 'booking', 5_000_000n, '2026-02-27'), credit('after', 'booking', 1_000_000n, '2026-03-02')], quotaMinor: 9_000_000n, targetIncentiveMinor: 900_000n, served: { from: '2026-03-01', to: '2026-12-31' }, period: q1 });
    expect(r.quota).toMatchObject({ quotaMinor: 3_100_000n, proration: { daysServed: 31, daysInPeriod: 90 } });
    expect(r.targetIncentive?.amountMinor).toBe(310_000n);
    expect(r.components[0]?.amountMinor).toBe(100_000n);
  });

  it('a plan change mid-period: each version pays for its own days', () => {
    const v1 = parsePlanFile({ text: plan('').replace('to: "2026-12-31"', 'to: "2026-02-14"') });
    const v2 = parsePlanFile({ text: plan('').replace('from: "2026-01-01", to: "2026-12-31"', 'from: "2026-02-15"').replace('rate: "0.10"', 'rate: "0.12"') });
    const credits = [credit('jan', 'booking', 1_000_000n, '2026-01-20'), credit('mar', 'booking', 1_000_000n, '2026-03-05')];
    const [a, b] = [v1, v2].map((p: Plan) => calculatePlan({ plan: p, credits, quotaMinor: 9_000_000n, period: q1 }));
    // v1: 1 Jan - 14 Feb = 45 of 90 days -> quota 45,000; the January deal at 10%. v2: 15 Feb - 31 Mar = 45 days; the March deal at 12%.
    expect([a?.served, a?.quota.quotaMinor, a?.components[0]?.amountMinor]).toEqual([{ from: '2026-01-01', to: '2026-02-14' }, 4_500_000n, 100_000n]);
    expect([b?.served, b?.quota.quotaMinor, b?.components[0]?.amountMinor]).toEqual([{ from: '2026-02-15', to: '2026-03-31' }, 4_500_000n, 120_000n]);
    expect(() => calculatePlan({ plan: v1, credits, quotaMinor: 0n, period: { from: '2026-04-01', to: '2026-06-30' } })).toThrow(/outside the plan's effective dates/);
  });

  it('an annual quota is phased by the plan (quickbase: 100,000, 20/20/20/40, start 1 March -> Q1 6,666.67)', () => {
    const p = parsePlanFile({ text: plan('  quotaPhasing: { by: quarter, weights: ["0.2", "0.2", "0.2", "0.4"] }\n') });
    const quotaOf = (period: { from: string; to: string }) => calculatePlan({ plan: p, credits: [], quotaMinor: 0n, annualQuotaMinor: 10_000_000n, served: { from: '2026-03-01', to: '2026-12-31' }, period }).quota.quotaMinor;
    expect([quotaOf(q1), quotaOf({ from: '2026-04-01', to: '2026-06-30' }), quotaOf({ from: '2026-10-01', to: '2026-12-31' })]).toEqual([666_667n, 2_000_000n, 4_000_000n]);
  });

  it('reports plan-level mistakes at their line and column', () => {
    expect(issuesOf(plan('  quotaPhasing: { by: quarter, weights: ["0.2", "0.2", "0.2", "0.3"] }\n'))).toEqual([expect.objectContaining({ field: 'plan.quotaPhasing.weights', message: 'weights must be >= 0 and sum to exactly 1', line: 7 })]);
    expect(issuesOf(plan('  clawback: { method: prorated-unserved, percentage: "0.5" }\n'))[0]).toMatchObject({ field: 'plan.clawback.percentage', line: 7 });
    expect(issuesOf(plan('  clawback: { method: of-earned, termMonths: 12 }\n'))[0]).toMatchObject({ field: 'plan.clawback.termMonths', line: 7 });
    expect(issuesOf(plan('  clawback: { method: prorated-unserved, termMonths: 121 }\n'))[0]).toMatchObject({ field: 'plan.clawback.termMonths', message: 'must be at most 120' });
    expect(parsePlanFile({ text: plan('  clawback: { method: prorated-unserved, termMonths: 24 }\n') }).clawback).toEqual({ method: 'prorated-unserved', termMonths: 24 });
    expect(issuesOf(plan('  yearStartMonth: 13\n'))[0]).toMatchObject({ field: 'plan.yearStartMonth', line: 7, column: 19 });
  });

  it('places an error inside a formula at its line and column in the file', () => {
    const formula = `    - id: mbo
      name: MBO
      kind: mbo
      scores: [pipeline]
      formula: "targetIncentive * (0.5 * pipline)"
`;
    // The misspelt input is at column 26 of the formula, whose text starts after the quote at column 16 of line 12: column 42.
    expect(issuesOf(plan('', formula))).toEqual([{ field: 'plan.components[0].formula', message: "unknown input 'pipline'", line: 12, column: 42 }]);
    expect(issuesOf(plan('', formula.replace('formula:', 'mode: marginal\n      formula:')))[0]).toMatchObject({ field: 'plan.components[0].mode', message: expect.stringContaining('a formula component has no mode') });
  });

  it('a clawback needs what its method reads, and a plan that declares one', () => {
    const p = parsePlanFile({ text: plan('  clawback: { method: of-paid, percentage: "0.5" }\n') });
    const r = calculatePlan({ plan: p, credits: [], quotaMinor: 0n, period: q1, clawbacks: [{ id: 'x', paidMinor: 300_001n }] });
    // Half of what was paid, rounded half-even once: 1,500.005 -> 1,500.00.
    expect([r.clawbacks[0]?.adjustmentMinor, r.payoutMinor]).toEqual([-150_000n, -150_000n]);
    expect(() => calculatePlan({ plan: p, credits: [], quotaMinor: 0n, period: q1, clawbacks: [{ id: 'x', earnedMinor: 1n }] })).toThrow(/clawbacks\[0\].paid: required by of-paid/);
    expect(() => calculatePlan({ plan: parsePlanFile({ text: plan('') }), credits: [], quotaMinor: 0n, period: q1, clawbacks: [{ id: 'x', paidMinor: 1n }] })).toThrow(/declares no clawback/);
  });

  it('hashes a calculation stably: the same inputs in any order give the same hash; one cent more changes it', () => {
    const p = parsePlanFile({ text: plan('  cap: { amount: "1500.00" }\n') });
    const credits = [credit('a', 'booking', 1_000_000n, '2026-01-10'), credit('b', 'renewal', 2_000_000n, '2026-02-10'), credit('c', 'booking', 5n, '2026-02-10')];
    const hash = (cs: typeof credits) => calculationHash(calculatePlan({ plan: p, credits: cs, quotaMinor: 0n, period: q1 }));
    expect(hash([...credits].reverse())).toBe(hash(credits));
    expect(hash(credits)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(hash([...credits.slice(0, 2), credit('c', 'booking', 6n, '2026-02-10')])).not.toBe(hash(credits));
  });
});
