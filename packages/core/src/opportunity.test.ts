import { describe, expect, it } from 'vitest';
import type { Stage } from './crm.js';
import { changedTrackedFields, lineItemTotal, stageDerivedFields, weightedAmount } from './opportunity.js';
import { neutraliseCsvCell } from './csv-safety.js';
import { searchText } from './search-text.js';

const stage = (over: Partial<Stage>): Stage => ({
  id: 's', orgId: 'o', externalId: null, createdAt: '', updatedAt: '', archivedAt: null, version: 1, pipelineId: 'p', name: 'S',
  sortOrder: 10, probabilityBps: 2000, forecastCategory: 'pipeline', isClosed: false, isWon: false, ...over,
});

describe('opportunity rules', () => {
  it('takes probability and category from a new stage, keeps a chosen category on the same stage', () => {
    const moved = stageDerivedFields({ stage: stage({ id: 's2', probabilityBps: 6000, forecastCategory: 'best_case' }), previous: null, requestedCategory: undefined, now: 'T' });
    expect(moved).toEqual({ forecastCategory: 'best_case', probabilityBps: 6000, isClosed: false, isWon: false, closedAt: null });
    const kept = stageDerivedFields({
      stage: stage({ id: 's2' }), previous: { stageId: 's2', forecastCategory: 'commit', closedAt: null, probabilityBps: 7000 }, requestedCategory: undefined, now: 'T',
    });
    expect(kept).toMatchObject({ forecastCategory: 'commit', probabilityBps: 7000 });
  });

  it('forces closed stages to their category and stamps the close', () => {
    const won = stage({ id: 'w', isClosed: true, isWon: true, forecastCategory: 'closed', probabilityBps: 10000 });
    expect(stageDerivedFields({ stage: won, previous: null, requestedCategory: undefined, now: 'T1' })).toEqual({
      forecastCategory: 'closed', probabilityBps: 10000, isClosed: true, isWon: true, closedAt: 'T1',
    });
    expect(() => stageDerivedFields({ stage: won, previous: null, requestedCategory: 'commit', now: 'T' })).toThrow(/forecast category/);
    expect(() => stageDerivedFields({ stage: stage({}), previous: null, requestedCategory: 'closed', now: 'T' })).toThrow(/only a closed stage/);
  });

  it('lists changed tracked fields in a fixed order', () => {
    const a = { stageId: 's', amountMinor: 1n, currency: 'USD', closeDate: '2026-01-01', forecastCategory: 'pipeline' as const, ownerId: 'p', territoryId: null };
    expect(changedTrackedFields(a, { ...a, closeDate: '2026-02-01', amountMinor: 2n })).toEqual(['amountMinor', 'closeDate']);
    expect(changedTrackedFields(a, a)).toEqual([]);
  });

  it('prices line items exactly', () => {
    expect(lineItemTotal({ quantity: 3, unitPriceMinor: 3333n, discountBps: 1500 })).toBe(8499n); // 9999 x 0.85 = 8499.15
    expect(() => lineItemTotal({ quantity: 1.5, unitPriceMinor: 1n, discountBps: 0 })).toThrow(/whole number/);
    expect(weightedAmount(100_001n, 2500)).toBe(25000n);
  });
});

describe('text helpers', () => {
  it('neutralises spreadsheet formulas', () => {
    expect(['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx', 'plain'].map(neutraliseCsvCell)).toEqual(["'=1+1", "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx", 'plain']);
  });
  it('normalises search text', () => {
    expect(searchText(['Société  Générale', null, 'PARIS'])).toBe('societe generale paris');
  });
});
