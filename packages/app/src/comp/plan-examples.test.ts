import { DomainError } from '@attain/core';
import { describe, expect, it } from 'vitest';
import { parseCreditsCsv } from './credits-csv.js';
import { calculatePlan } from './plan-calculate.js';
import { runPlanExamples } from './plan-examples.js';
import { parsePlanFile } from './plan-file.js';

const PLAN = `plan:
  id: gated
  name: Gated plan
  version: 1
  effective: { from: "2026-01-01" }
  currency: USD
  components:
    - id: bookings
      name: Bookings
      kind: commission
      measure: { creditTypes: [booking], aggregate: sum }
      mode: marginal
      rateTable:
        basis: attainment
        boundary: lower-inclusive
        tiers:
          - { lower: "0", upper: "1", rate: "0.05" }
          - { lower: "1", rate: "0.10" }
      measureGate: { measure: annual, basis: attainment, threshold: "1", fromTier: 1 }
      qualifier: { measure: margin, basis: amount, threshold: "100.00", multiplierIfMissed: "0.5" }
  examples:
    # 120,000 of 100,000: 100,000 x 0.05 = 5,000 + 20,000 x 0.10 = 2,000 -> 7,000;
    # annual attainment 0.9 < 1: the accelerator pays at the base rate: 20,000 x 0.05 = 1,000 -> 6,000;
    # margin 50 < 100: x 0.5 -> 3,000.00
    - name: gate and qualifier act
      quota: "100000.00"
      period: { from: "2026-01-01", to: "2026-03-31" }
      measures: { annual: { value: "360000.00", quota: "400000.00" }, margin: { value: "50.00" } }
      credits: [{ id: a, type: booking, amount: "120000.00", date: "2026-02-01" }]
      expect: { bookings: "3000.00", total: "3000.00" }
    - name: a wrong expectation
      quota: "100000.00"
      period: { from: "2026-01-01", to: "2026-03-31" }
      measures: { annual: { value: "400000.00", quota: "400000.00" }, margin: { value: "100.00" } }
      credits: [{ id: a, type: booking, amount: "120000.00", date: "2026-02-01" }]
      expect: { bookings: "7000.01" }
    - name: a missing measure reading
      quota: "100000.00"
      period: { from: "2026-01-01", to: "2026-03-31" }
      credits: []
      expect: { total: "0.00" }
`;

describe('runPlanExamples', () => {
  const plan = parsePlanFile({ text: PLAN });
  const report = runPlanExamples({ plan });

  it('passes an example whose gate and qualifier act as computed by hand', () => {
    expect(report.examples[0]).toMatchObject({ pass: true, checks: [{ componentId: 'bookings', expected: '3000.00', actual: '3000.00', pass: true }, { componentId: 'total', pass: true }] });
  });

  it('fails a wrong expectation, showing expected and actual in major units', () => {
    expect(report.examples[1]).toMatchObject({ name: 'a wrong expectation', pass: false, checks: [{ componentId: 'bookings', expected: '7000.01', actual: '7000.00', pass: false }] });
  });

  it('fails (does not throw) when the engine refuses the inputs, saying why', () => {
    expect(report.examples[2]).toMatchObject({ pass: false, error: expect.stringContaining('otherMeasures.annual') });
    expect(report).toMatchObject({ passed: 1, failed: 2 });
  });

  it('is deterministic: the same plan gives a deep-equal report', () => {
    expect(runPlanExamples({ plan: parsePlanFile({ text: PLAN }) })).toEqual(report);
  });
});

describe('calculatePlan and parseCreditsCsv', () => {
  it('reads a credits CSV exactly and computes every component with its explanation', () => {
    const plan = parsePlanFile({ text: PLAN });
    const credits = parseCreditsCsv({ text: '\uFEFFid,type,amount,date\na,booking,"80,000.10",2026-02-01\n', currency: 'USD' });
    expect(credits).toEqual([{ id: 'a', type: 'booking', amountMinor: 8_000_010n, date: '2026-02-01' }]);
    const calc = calculatePlan({ plan, credits, quotaMinor: 10_000_000n, period: { from: '2026-01-01', to: '2026-03-31' }, measures: { annual: { valueMinor: 1n, quotaMinor: 1n }, margin: { valueMinor: 10_000n } } });
    // 80,000.10 x 0.05 = 4,000.005 -> half-even -> 4,000.00
    expect(calc.totalMinor).toBe(400_000n);
    expect(calc.components[0]?.lines.map((l) => l.step)).toEqual(['measure', 'tiers', 'measure-gate', 'qualifier']);
  });

  it('reports every bad CSV row by line and field', () => {
    try {
      parseCreditsCsv({ text: 'id,type,amount,date\na,booking,1.001,2026-01-01\na,booking,1,2026-01-01\nb,booking,1,01/02/2026\n', currency: 'USD' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).issues).toEqual([
        expect.objectContaining({ line: 2, field: 'amount' }),
        expect.objectContaining({ line: 3, field: 'id', message: 'duplicate credit id a' }),
        expect.objectContaining({ line: 4, field: 'date' }),
      ]);
    }
    expect(() => parseCreditsCsv({ text: 'who,what\n', currency: 'USD' })).toThrow(DomainError);
  });
});
