import type { QuotaAllocation } from '@attain/contract';
import { matchesText, sortRows, type Sort, type SortValue } from '../pay/table-sort.js';

/*
 * The allocation's seller rows: sorting (money as bigint, never as a float), the text filter, and
 * the geometry of the chart that sets each seller's quota beside what she booked last year.
 */

export type Seller = QuotaAllocation['sellers'][number];
export type SellerSortKey = 'name' | 'role' | 'manager' | 'history' | 'potential' | 'share' | 'quota' | 'growth';

export function sortSellers(rows: readonly Seller[], sort: Sort<SellerSortKey>): Seller[] {
  return sortRows(rows, sort, (s, key): SortValue => {
    switch (key) {
      case 'name': return s.name;
      case 'role': return s.role;
      case 'manager': return s.managerName;
      case 'history': return BigInt(s.historyMinor);
      case 'potential': return BigInt(s.potentialMinor);
      case 'share': return s.share;
      case 'quota': return BigInt(s.quotaMinor);
      case 'growth': return s.growth;
    }
  }, (a, b) => a.name.localeCompare(b.name));
}

export type TerritoryShare = QuotaAllocation['territories'][number];
export type TerritorySortKey = 'name' | 'owner' | 'accounts' | 'history' | 'potential' | 'share' | 'quota';

export function sortTerritories(rows: readonly TerritoryShare[], sort: Sort<TerritorySortKey>): TerritoryShare[] {
  return sortRows(rows, sort, (t, key): SortValue => {
    switch (key) {
      case 'name': return t.name;
      case 'owner': return t.ownerName;
      case 'accounts': return t.accounts;
      case 'history': return BigInt(t.historyMinor);
      case 'potential': return BigInt(t.potentialMinor);
      case 'share': return t.share;
      case 'quota': return BigInt(t.quotaMinor);
    }
  }, (a, b) => a.name.localeCompare(b.name));
}

export const filterSellers = (rows: readonly Seller[], text: string): Seller[] => rows.filter((s) => matchesText([s.name, s.role, s.managerName ?? ''].join(' '), text));

export const QUOTA_CHART = { width: 720, labelWidth: 150, rowHeight: 26, barHeight: 9, top: 8 } as const;

export interface QuotaBar {
  readonly personId: string;
  readonly name: string;
  readonly y: number;
  /** Lengths of the quota's bar and of last year's bookings' bar. */
  readonly quota: number;
  readonly history: number;
}

/** Sellers by quota, largest first, each with her quota and bookings on one scale. */
export function quotaBars(sellers: readonly Seller[]): { bars: QuotaBar[]; height: number } {
  const { width, labelWidth, rowHeight, top } = QUOTA_CHART;
  const scaleTo = width - labelWidth - 110;
  const max = sellers.reduce((m, s) => Math.max(m, Number(s.quotaMinor), Number(s.historyMinor)), 0);
  const length = (minor: string) => (max === 0 ? 0 : (Number(minor) / max) * scaleTo);
  const sorted = [...sellers].sort((a, b) => (BigInt(b.quotaMinor) > BigInt(a.quotaMinor) ? 1 : BigInt(b.quotaMinor) < BigInt(a.quotaMinor) ? -1 : a.name.localeCompare(b.name)));
  return {
    bars: sorted.map((s, k) => ({ personId: s.personId, name: s.name, y: top + k * rowHeight, quota: length(s.quotaMinor), history: length(s.historyMinor) })),
    height: top + sorted.length * rowHeight + 4,
  };
}
