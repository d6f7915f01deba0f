import { describe, expect, it } from 'vitest';
import type { PlanListItem } from '@attain/contract';
import { nextSort, sortPlans } from './plan-list.js';

const plan = (key: string, name: string, version: number, status: 'draft' | 'published', from: string, to: string | null): PlanListItem => ({
  id: `cpl_${key}`, key, name, latest: { version, status, effectiveFrom: from, effectiveTo: to, createdAt: '2026-11-27T00:00:00Z', createdBy: 'u' },
});
const plans = [plan('b', 'beta', 2, 'draft', '2026-01-01', null), plan('a', 'Alpha', 1, 'published', '2026-02-01', '2026-12-31'), plan('c', 'Gamma', 3, 'published', '2025-01-01', '2025-12-31')];

describe('plan list order', () => {
  it('sorts by each column, ties by name', () => {
    expect(sortPlans(plans, { key: 'name', descending: false }).map((p) => p.key)).toEqual(['a', 'b', 'c']);
    expect(sortPlans(plans, { key: 'version', descending: true }).map((p) => p.key)).toEqual(['c', 'b', 'a']);
    expect(sortPlans(plans, { key: 'status', descending: false }).map((p) => p.key)).toEqual(['b', 'a', 'c']);
    expect(sortPlans(plans, { key: 'effectiveFrom', descending: false }).map((p) => p.key)).toEqual(['c', 'b', 'a']);
    expect(sortPlans(plans, { key: 'effectiveTo', descending: true }).map((p) => p.key)).toEqual(['b', 'a', 'c']);
  });

  it('flips the direction of the same column and starts another ascending', () => {
    expect(nextSort({ key: 'name', descending: false }, 'name')).toEqual({ key: 'name', descending: true });
    expect(nextSort({ key: 'name', descending: true }, 'version')).toEqual({ key: 'version', descending: false });
  });
});
