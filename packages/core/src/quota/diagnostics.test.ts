import { describe, expect, it } from 'vitest';
import { attainmentAgainstPotential, predictShareAtQuota, quotaPerPotential } from './diagnostics.js';

describe('quota diagnostics', () => {
  const team = Array.from({ length: 10 }, (_, i) => ({ history: 100 + i, quota: 100 + i }));

  it('predicts the share of sellers at quota from the sellers\' own growth', () => {
    // Quota at last year's bookings, growth always at least 1: everyone makes it.
    expect(predictShareAtQuota(team, [1, 1.1, 1.2, 1.05, 1.3])?.shareAtQuota).toBe(1);
    // Quota at twice the bookings, growth at most 1.5: no one does.
    expect(predictShareAtQuota(team.map((s) => ({ ...s, quota: 2 * s.history })), [0.9, 1, 1.2, 1.4, 1.5])?.shareAtQuota).toBe(0);
    // Half the growths reach 10% more: about half the sellers, the band around it.
    const half = predictShareAtQuota(team.map((s) => ({ ...s, quota: 1.1 * s.history })), [1, 1, 1, 1.2, 1.2, 1.2], { trials: 4000 });
    expect(half?.shareAtQuota).toBeCloseTo(0.5, 1);
    expect(half?.p10).toBeLessThan(0.5);
    expect(half?.p90).toBeGreaterThan(0.5);
  });

  it('gives the same prediction for the same seed, and none without enough history', () => {
    const growths = [0.8, 1, 1.1, 1.3, 1.6, 0.9];
    expect(predictShareAtQuota(team, growths, { seed: 7 })).toEqual(predictShareAtQuota(team, growths, { seed: 7 }));
    expect(predictShareAtQuota(team, [1, 1.1, 1.2, 1.3])).toBeNull();
    expect(predictShareAtQuota([{ history: 0, quota: 10 }], [1, 1, 1, 1, 1])).toBeNull();
  });

  it('measures how evenly quota follows potential', () => {
    expect(quotaPerPotential([{ quota: 10, potential: 100 }, { quota: 20, potential: 200 }])).toEqual({ gini: 0, min: 0.1, max: 0.1, sellers: 2 });
    expect(quotaPerPotential([{ quota: 10, potential: 100 }, { quota: 30, potential: 100 }, { quota: 5, potential: 0 }])?.gini).toBeCloseTo(0.25, 10);
    expect(quotaPerPotential([{ quota: 10, potential: 0 }])).toBeNull();
  });
});

describe('attainment against potential', () => {
  it('is Pearson\'s r over the sellers with potential, and says nothing without spread or sellers', () => {
    // Attainment rising exactly with potential: r = 1; against it: -1.
    expect(attainmentAgainstPotential([{ attainment: 0.5, potential: 1 }, { attainment: 1, potential: 2 }, { attainment: 1.5, potential: 3 }])?.correlation).toBeCloseTo(1, 12);
    expect(attainmentAgainstPotential([{ attainment: 1.5, potential: 1 }, { attainment: 1, potential: 2 }, { attainment: 0.5, potential: 3 }])?.correlation).toBeCloseTo(-1, 12);
    // r of (1, 2, 3) with (1, 3, 2) is 0.5.
    const half = attainmentAgainstPotential([{ attainment: 1, potential: 1 }, { attainment: 3, potential: 2 }, { attainment: 2, potential: 3 }, { attainment: 9, potential: 0 }]);
    expect(half?.correlation).toBeCloseTo(0.5, 12);
    expect(half?.sellers).toBe(3);
    expect(attainmentAgainstPotential([{ attainment: 1, potential: 1 }, { attainment: 1, potential: 2 }, { attainment: 1, potential: 3 }])).toBeNull();
    expect(attainmentAgainstPotential([{ attainment: 1, potential: 1 }, { attainment: 2, potential: 2 }])).toBeNull();
  });
});
