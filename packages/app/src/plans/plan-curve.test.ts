import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../comp/plan-file.js';
import { CURVE_PERCENTS, namedMeasures, payoutCurve } from './plan-curve.js';

const template = (name: string) => parsePlanFile({ text: readFileSync(fileURLToPath(new URL(`../../../../plans/templates/${name}.yaml`, import.meta.url)), 'utf8') });
const Q1 = { from: '2026-01-01', to: '2026-03-31' };

describe('payout curve', () => {
  const ae = template('ae-quota-commission');

  it('runs from 0% to 200% in steps of 5 and pays the AE template by hand', () => {
    const curve = payoutCurve({ plan: ae, quotaMinor: 50_000_000n, targetIncentiveMinor: 5_000_000n, period: Q1 });
    expect(curve.map((p) => p.attainmentPercent)).toEqual(CURVE_PERCENTS);
    expect(curve).toHaveLength(41);
    const at = (percent: number) => curve.find((p) => p.attainmentPercent === percent);
    expect(at(0)).toEqual({ attainmentPercent: 0, measureMinor: 0n, components: { commission: 0n }, totalMinor: 0n });
    // 500,000 at 10% = 50,000.00
    expect(at(100)?.totalMinor).toBe(5_000_000n);
    // 650,000: 500,000 x 10% + 150,000 x 15% = 72,500.00 (the template's own example)
    expect(at(130)?.totalMinor).toBe(7_250_000n);
    // 1,000,000: 50,000 + 37,500 + 50,000 = 137,500 capped at 2 x 50,000
    expect(at(200)?.totalMinor).toBe(10_000_000n);
  });

  it('sets each money component alone, gives count components a measure of 0, and lets gates read the same attainment', () => {
    const am = template('am-renewals-expansion');
    const point = payoutCurve({ plan: am, quotaMinor: 40_000_000n, targetIncentiveMinor: 4_000_000n, period: { from: '2026-04-01', to: '2026-06-30' }, percents: [100] })[0];
    expect(Object.keys(point?.components ?? {})).toEqual(am.components.map((c) => c.id));
    const sdr = template('sdr-meetings-pipeline');
    const meetings = sdr.components.find((c) => c.measure?.aggregate === 'count');
    const sdrPoint = payoutCurve({ plan: sdr, quotaMinor: 10_000_000n, targetIncentiveMinor: 1_000_000n, period: Q1, percents: [150] })[0];
    expect(sdrPoint?.components[meetings?.id as string]).toBe(0n);
    expect(namedMeasures(ae)).toEqual([]);
  });

  it('total is the sum of its components, never below 0, and the same input gives the same curve', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 10n }), (quotaMinor, targetIncentiveMinor) => {
        const input = { plan: ae, quotaMinor, targetIncentiveMinor, period: Q1, percents: [0, 35, 100, 155, 200] };
        const curve = payoutCurve(input);
        for (const p of curve) {
          expect(p.totalMinor).toBe(Object.values(p.components).reduce((a, b) => a + b, 0n));
          expect(p.totalMinor >= 0n).toBe(true);
        }
        expect(payoutCurve(input)).toEqual(curve);
      }),
      { numRuns: 200 },
    );
  });

  it('never pays less at a higher attainment on a plan without a decelerator', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 10n }), (quotaMinor, targetIncentiveMinor) => {
        const curve = payoutCurve({ plan: ae, quotaMinor, targetIncentiveMinor, period: Q1 });
        for (let i = 1; i < curve.length; i++) expect((curve[i]?.totalMinor as bigint) >= (curve[i - 1]?.totalMinor as bigint)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
