import type { TerritoryMapWire } from '@attain/contract';
import type { Definition } from './county-rules.js';

/*
 * A small model for the tests: two territories of county rules (west: 06037, 06059; east:
 * 36061), an account placed by hand, and the map figures that go with it.
 */

export const county = (...values: string[]) => ({ field: 'county', op: 'in', values });

const territory = (key: string, name: string, parent: string | null = null, level = 'territory') => ({
  key, name, parent, level, type: null, members: [{ personId: `per_${key}`, placeholder: null, role: 'ae', from: null, to: null }],
});

export const DEFINITION: Definition = {
  ownerRole: 'ae', types: [],
  territories: [territory('west', 'West'), territory('east', 'East')],
  rules: [{ territory: 'west', filter: county('06037', '06059') }, { territory: 'east', filter: county('36061') }],
  manual: [{ accountId: 'acc_pinned', territory: 'east' }],
  locks: [],
};

const values = (accounts: number, potentialMinor: string) => ({ accounts, potentialMinor, pipelineMinor: '0', bookMinor: '0' });

export const MAP: TerritoryMapWire = {
  currency: 'USD',
  territories: [
    { key: 'west', name: 'West', parent: null, level: 'territory', owner: { personId: 'per_west', name: 'Wendy West' }, ...values(3, '600') },
    { key: 'east', name: 'East', parent: null, level: 'territory', owner: null, ...values(3, '900') },
  ],
  counties: [
    // 06037 holds acc_big, acc_small and acc_pinned (placed in east by hand).
    { fips: '06037', territory: 'west', accounts: 3, potentialMinor: '700' },
    { fips: '06059', territory: 'west', accounts: 1, potentialMinor: '100' },
    { fips: '36061', territory: 'east', accounts: 2, potentialMinor: '700' },
  ],
  accounts: [
    { id: 'acc_big', name: 'Big Co', latitude: 34, longitude: -118.2, territory: 'west', potentialMinor: '400' },
    { id: 'acc_small', name: 'Small Co', latitude: 34.1, longitude: -118.3, territory: 'west', potentialMinor: '100' },
    { id: 'acc_pinned', name: 'Pinned Inc', latitude: 34.2, longitude: -118.1, territory: 'east', potentialMinor: '200' },
    { id: 'acc_orange', name: 'Orange LLC', latitude: 33.7, longitude: -117.8, territory: 'west', potentialMinor: '100' },
    { id: 'acc_ny', name: 'Gotham Corp', latitude: 40.78, longitude: -73.97, territory: 'east', potentialMinor: '700' },
  ],
  accountsTotal: 6, unassigned: 0,
  balance: { maxDeviation: 0.2, cv: 0.2, gini: 0.1, maxOverMin: 1.5 },
};

const COUNTY_OF: Record<string, string> = { acc_big: '06037', acc_small: '06037', acc_pinned: '06037', acc_orange: '06059', acc_ny: '36061' };
export const accountCounty = (id: string): string | null => COUNTY_OF[id] ?? null;
