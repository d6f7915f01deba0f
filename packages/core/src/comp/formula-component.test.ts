import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../decimal.js';
import { parseExpression } from './expression/index.js';
import { calculateFormulaComponent, FORMULA_INPUTS, type FormulaComponent } from './formula-component.js';
import type { Credit } from './measure.js';

const period = { from: '2026-01-01', to: '2026-03-31' };
const mbo = (source: string, extra: Partial<FormulaComponent> = {}): FormulaComponent => ({
  id: 'mbo',
  name: 'Weighted objectives',
  kind: 'mbo',
  formula: parseExpression({ source, inputs: [...FORMULA_INPUTS, 'pipeline', 'enablement', 'forecast'], field: 'components[0].formula' }),
  scores: ['pipeline', 'enablement', 'forecast'],
  roundingMode: 'half-even',
  ...extra,
});
const WEIGHTED = 'targetIncentive * (0.5 * min(pipeline, 1.2) + 0.3 * min(enablement, 1.2) + 0.2 * min(forecast, 1.2))';
const scores = (p: string, e: string, f: string) => ({ pipeline: parseDecimal(p), enablement: parseDecimal(e), forecast: parseDecimal(f) });

describe('calculateFormulaComponent', () => {
  it('pays a weighted MBO: target incentive x the weighted sum of capped scores', () => {
    // 10,000.00 x (0.5 x 1.0 + 0.3 x 0.5 + 0.2 x 1.2) = 10,000.00 x 0.89 = 8,900.00
    const r = calculateFormulaComponent({ component: mbo(WEIGHTED), credits: [], quotaMinor: 0n, targetIncentiveMinor: 1_000_000n, period, scores: scores('1.0', '0.5', '1.5'), currencyExponent: 2 });
    expect(r.amountMinor).toBe(890_000n);
    expect(r.lines).toEqual([
      { step: 'formula', source: WEIGHTED, inputs: { enablement: '0.5', forecast: '1.5', pipeline: '1', targetIncentive: '10000' }, result: '8900', roundingMode: 'half-even', amountMinor: 890_000n },
    ]);
  });

  it('rounds the result once to minor units with the declared mode', () => {
    // 100.00 x 1/3 = 33.333333333333 (division to 12 places) -> 33.33 half-even, 33.34 up
    const third = (mode: 'half-even' | 'up') =>
      calculateFormulaComponent({ component: mbo('targetIncentive * pipeline / 3', { roundingMode: mode }), credits: [], quotaMinor: 0n, targetIncentiveMinor: 10_000n, period, scores: scores('1', '0', '0'), currencyExponent: 2 }).amountMinor;
    expect(third('half-even')).toBe(3_333n);
    expect(third('up')).toBe(3_334n);
  });

  it('reads its own measure and attainment, and applies the cap', () => {
    const credits: Credit[] = [
      { id: 'a', payeeId: 'p', creditType: 'booking', amountMinor: 12_000_000n, date: '2026-02-01', sourceId: 'o1', rule: 'owner' },
      { id: 'b', payeeId: 'p', creditType: 'renewal', amountMinor: 99_000_000n, date: '2026-02-01', sourceId: 'o2', rule: 'owner' },
    ];
    const component: FormulaComponent = {
      ...mbo('if(attainment >= 1, targetIncentive * attainment, 0)'),
      measure: { creditTypes: ['booking'], aggregate: 'sum' },
      scores: [],
      cap: { kind: 'target-multiple', multiple: parseDecimal('1.1') },
    };
    // 120,000 / 100,000 = 1.2 x 5,000.00 = 6,000.00, capped at 1.1 x 5,000.00 = 5,500.00
    const r = calculateFormulaComponent({ component, credits, quotaMinor: 10_000_000n, targetIncentiveMinor: 500_000n, period, currencyExponent: 2 });
    expect(r.amountMinor).toBe(550_000n);
    expect(r.lines.map((l) => l.step)).toEqual(['measure', 'formula', 'cap']);
    expect(r.lines[0]).toMatchObject({ valueMinor: 12_000_000n, creditIds: ['a'] });
    expect(r.lines[1]).toMatchObject({ inputs: { attainment: '1.2', targetIncentive: '5000' }, result: '6000', amountMinor: 600_000n });
  });

  it('names a missing score and refuses a formula that yields true or false', () => {
    expect(() => calculateFormulaComponent({ component: mbo(WEIGHTED), credits: [], quotaMinor: 0n, period, scores: { pipeline: parseDecimal('1') }, currencyExponent: 2 })).toThrow(/scores.enablement/);
    expect(() => calculateFormulaComponent({ component: mbo('pipeline > 1'), credits: [], quotaMinor: 0n, period, scores: scores('1', '1', '1'), currencyExponent: 2 })).toThrow(/components\[0\].formula: the formula must yield an amount/);
  });

  it('never pays more when a score rises (property, non-negative weights)', () => {
    const score = fc.integer({ min: 0, max: 200 }).map((n) => ({ units: BigInt(n), scale: 2 }));
    fc.assert(
      fc.property(score, score, score, fc.integer({ min: 0, max: 50 }), (p, e, f, bump) => {
        const run = (pipeline: typeof p) => calculateFormulaComponent({ component: mbo(WEIGHTED), credits: [], quotaMinor: 0n, targetIncentiveMinor: 1_234_567n, period, scores: { pipeline, enablement: e, forecast: f }, currencyExponent: 2 }).amountMinor;
        const higher = { units: p.units + BigInt(bump), scale: p.scale };
        expect(run(higher) >= run(p)).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });
});
