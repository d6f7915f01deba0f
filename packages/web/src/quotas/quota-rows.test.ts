import { describe, expect, it } from 'vitest';
import { filterSellers, quotaBars, sortSellers, sortTerritories, type Seller, type TerritoryShare } from './quota-rows.js';

const seller = (name: string, quotaMinor: string, historyMinor: string, growth: number | null): Seller => ({
  personId: `per_${name}`, name, role: 'ae', managerId: null, managerName: name === 'Ann' ? 'Mona' : null, historyMinor, potentialMinor: '0', historyWeight: '0.5',
  share: 0, quotaMinor, growth, bound: null, reason: null, quotaToOte: null,
});

describe('quota rows', () => {
  const rows = [seller('Ann', '90000000000000001', '10', 2), seller('Bob', '90000000000000000', '20', null), seller('Cy', '5', '0', -0.5)];

  it('sorts money as exact integers, sellers without a growth before the others (as every table does)', () => {
    expect(sortSellers(rows, { key: 'quota', descending: true }).map((s) => s.name)).toEqual(['Ann', 'Bob', 'Cy']);
    expect(sortSellers(rows, { key: 'growth', descending: false }).map((s) => s.name)).toEqual(['Bob', 'Cy', 'Ann']);
    expect(filterSellers(rows, 'mona').map((s) => s.name)).toEqual(['Ann']);
  });

  it('sorts territories by exact quota, and by owner with the empty seats first', () => {
    const territory = (name: string, quotaMinor: string, ownerName: string | null): TerritoryShare => ({
      key: name, name, ownerId: ownerName ? `per_${ownerName}` : null, ownerName, accounts: 1, historyMinor: '0', potentialMinor: '0', historyWeight: '0.5', share: 0, quotaMinor, bound: null,
    });
    const territories = [territory('West', '90000000000000000', 'Zoe'), territory('East', '90000000000000001', 'Al'), territory('South', '7', null)];
    expect(sortTerritories(territories, { key: 'quota', descending: true }).map((t) => t.name)).toEqual(['East', 'West', 'South']);
    expect(sortTerritories(territories, { key: 'owner', descending: false }).map((t) => t.name)).toEqual(['South', 'East', 'West']);
  });

  it('draws the largest quota first, quota and bookings on one scale', () => {
    const { bars, height } = quotaBars([seller('Small', '100', '200', 1), seller('Big', '400', '100', 3)]);
    expect(bars.map((b) => b.name)).toEqual(['Big', 'Small']);
    expect(bars[0]?.quota).toBeGreaterThan(bars[0]?.history as number);
    expect((bars[1]?.history as number) / (bars[0]?.quota as number)).toBeCloseTo(0.5, 10);
    expect(height).toBeGreaterThan(bars[1]?.y as number);
  });
});
