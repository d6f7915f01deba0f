import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../decimal.js';
import { issueOf } from '../test-support/domain-error.js';
import { allocateTopDown, type AllocationItem } from './allocation.js';

const item = (id: string, history: number, potential: number, weight = '0.5', extra: Partial<AllocationItem> = {}): AllocationItem => ({
  id, historyMinor: BigInt(history), potentialMinor: BigInt(potential), historyWeight: parseDecimal(weight), ...extra,
});
const quotas = (lines: { quotaMinor: bigint }[]) => lines.map((l) => Number(l.quotaMinor));

describe('top-down quota allocation', () => {
  it('blends history and potential: Q x (w x H / sum H + (1 - w) x P / sum P)', () => {
    // Shares 0.5 x 0.6 + 0.5 x 0.2 = 0.4, 0.5 x 0.3 + 0.5 x 0.3 = 0.3, 0.5 x 0.1 + 0.5 x 0.5 = 0.3.
    const lines = allocateTopDown(1_000_000n, [item('a', 600, 200), item('b', 300, 300), item('c', 100, 500)]);
    expect(quotas(lines)).toEqual([400_000, 300_000, 300_000]);
    expect(lines.map((l) => [l.share.numerator, l.share.denominator])).toEqual([[2n, 5n], [3n, 10n], [3n, 10n]]);
    // History alone, potential alone.
    expect(quotas(allocateTopDown(1_000_000n, [item('a', 600, 200, '1'), item('b', 300, 300, '1'), item('c', 100, 500, '1')]))).toEqual([600_000, 300_000, 100_000]);
    expect(quotas(allocateTopDown(1_000_000n, [item('a', 600, 200, '0'), item('b', 300, 300, '0'), item('c', 100, 500, '0')]))).toEqual([200_000, 300_000, 500_000]);
  });

  it('weights history per role: a farmer on history, a hunter on potential, normalized to the total', () => {
    // Scores 0.8 x 0.5 + 0.2 x 0.25 = 0.45 and 0.2 x 0.5 + 0.8 x 0.75 = 0.7: shares 45/115 and 70/115.
    const lines = allocateTopDown(1_150_000n, [item('farmer', 500, 250, '0.8'), item('hunter', 500, 750, '0.2')]);
    expect(quotas(lines)).toEqual([450_000, 700_000]);
  });

  it('meets the total to the minor unit, the remainder to the largest fractions, ties to the lower id', () => {
    expect(quotas(allocateTopDown(100n, [item('b', 1, 1), item('a', 1, 1), item('c', 1, 1)]))).toEqual([33, 34, 33]);
    expect(quotas(allocateTopDown(10n, [item('a', 0, 0), item('b', 0, 0), item('c', 0, 0)]))).toEqual([4, 3, 3]);
  });

  it('takes overrides off the total first and keeps floors and caps, sharing the rest', () => {
    const lines = allocateTopDown(1_000_000n, [
      item('a', 600, 200, '0.5', { capMinor: 300_000n }),
      item('b', 300, 300),
      item('c', 100, 500, '0.5', { floorMinor: 350_000n }),
      item('d', 0, 0, '0.5', { override: { amountMinor: 100_000n, reason: 'new territory, set by the VP' } }),
    ]);
    expect(lines.map((l) => [l.id, Number(l.quotaMinor), l.bound])).toEqual([['a', 300_000, 'cap'], ['b', 250_000, null], ['c', 350_000, 'floor'], ['d', 100_000, 'override']]);
  });

  it('fixes the side further out first, so a floor can bring a seller down from her cap', () => {
    // The blend gives 400/300/300: a over her cap of 300, c under her floor of 500 (further out).
    // Floors at last year's bookings (200/300/500) sum to the total, so the plan is last year's:
    // capping a first would have left b nothing to reach her floor with.
    const bounded = (id: string, h: number, p: number) => item(id, h, p, '0.5', { floorMinor: BigInt(h), capMinor: BigInt((h * 3) / 2) });
    const lines = allocateTopDown(1_000n, [bounded('a', 200, 600), bounded('b', 300, 300), bounded('c', 500, 100)]);
    expect(lines.map((l) => Number(l.quotaMinor))).toEqual([200, 300, 500]);
    expect(lines[2]?.bound).toBe('floor');
  });

  it('always sums to the total, keeps every bound, and gives the same quotas for history and potential scaled alike', () => {
    const arbitraryItem = fc.record({
      history: fc.integer({ min: 0, max: 5_000_000 }), potential: fc.integer({ min: 0, max: 9_000_000 }),
      weight: fc.constantFrom('0', '0.25', '0.5', '0.7', '1'), floor: fc.option(fc.integer({ min: 0, max: 200_000 })), cap: fc.option(fc.integer({ min: 200_000, max: 5_000_000 })),
    });
    fc.assert(fc.property(fc.array(arbitraryItem, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 3_000_000 }), (raw, total) => {
      const items = raw.map((r, k) => item(`p${String(k).padStart(2, '0')}`, r.history, r.potential, r.weight, {
        ...(r.floor === null ? {} : { floorMinor: BigInt(r.floor) }), ...(r.cap === null ? {} : { capMinor: BigInt(r.cap) }),
      }));
      const floors = items.reduce((s, i) => s + (i.floorMinor ?? 0n), 0n);
      const capped = items.every((i) => i.capMinor !== undefined) && items.reduce((s, i) => s + (i.capMinor ?? 0n), 0n) < BigInt(total);
      if (floors > BigInt(total) || capped) {
        expect(() => allocateTopDown(BigInt(total), items)).toThrow();
        return;
      }
      const lines = allocateTopDown(BigInt(total), items);
      expect(lines.reduce((s, l) => s + l.quotaMinor, 0n)).toBe(BigInt(total));
      lines.forEach((l, k) => {
        expect(l.quotaMinor).toBeGreaterThanOrEqual(items[k]?.floorMinor ?? 0n);
        if (items[k]?.capMinor !== undefined) expect(l.quotaMinor).toBeLessThanOrEqual(items[k]?.capMinor as bigint);
      });
      const scaled = items.map((i) => ({ ...i, historyMinor: i.historyMinor * 3n, potentialMinor: i.potentialMinor * 7n }));
      expect(quotas(allocateTopDown(BigInt(total), scaled))).toEqual(quotas(lines));
    }), { numRuns: 300 });
  });

  it('names what is wrong', () => {
    expect(issueOf(() => allocateTopDown(100n, [item('a', 1, 1), item('a', 1, 1)]))).toEqual({ code: 'validation_failed', field: 'items[1].id' });
    expect(issueOf(() => allocateTopDown(100n, [item('a', 1, 1, '1.5')]))).toEqual({ code: 'validation_failed', field: 'items[0].historyWeight' });
    expect(issueOf(() => allocateTopDown(100n, [item('a', 1, 1, '0.5', { floorMinor: 50n, capMinor: 40n })]))).toEqual({ code: 'validation_failed', field: 'items[0].capMinor' });
    expect(issueOf(() => allocateTopDown(100n, [item('a', 1, 1, '0.5', { override: { amountMinor: 10n, reason: ' ' } })]))).toEqual({ code: 'validation_failed', field: 'items[0].override.reason' });
    expect(issueOf(() => allocateTopDown(100n, [item('a', 1, 1, '0.5', { floorMinor: 80n }), item('b', 1, 1, '0.5', { floorMinor: 30n })]))).toEqual({ code: 'validation_failed', field: 'items' });
    expect(issueOf(() => allocateTopDown(-1n, [item('a', 1, 1)]))).toEqual({ code: 'validation_failed', field: 'totalMinor' });
  });
});
