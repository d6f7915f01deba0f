import { describe, expect, it } from 'vitest';
import type { FilterableAccount } from '../coverage/account-filter.js';
import { accountPlacer } from './territory-assignment.js';
import { territoryDiff, type AccountChange } from './territory-diff.js';
import { readTerritoryModel, rulesInOrder, territoryOwnerOn, territoryPath, writeTerritoryModel } from './territory-model.js';

const account = (id: string, fields: Partial<FilterableAccount> = {}) => ({
  id, industry: null, region: null, country: null, city: null, postalCode: null, county: null, employees: null, annualRevenueMinor: null, potentialMinor: null, ...fields,
});

const MODEL = {
  ownerRole: 'ae',
  types: [{ key: 'named', name: 'Named', priority: 1 }, { key: 'geo', name: 'Geography', priority: 5 }],
  territories: [
    { key: 'NA', name: 'North America', parent: null, level: 'area', type: null, members: [{ personId: 'p-vp', placeholder: null, role: 'rvp', from: null, to: null }] },
    { key: 'WEST', name: 'West', parent: 'NA', level: 'territory', type: 'geo', members: [
      { personId: 'p-ann', placeholder: null, role: 'ae', from: null, to: '2026-12-31' },
      { personId: null, placeholder: 'West AE (to hire)', role: 'ae', from: '2027-01-01', to: null },
    ] },
    { key: 'BIG', name: 'Strategic', parent: 'NA', level: 'territory', type: 'named', members: [{ personId: 'p-bo', placeholder: null, role: 'ae', from: null, to: null }] },
  ],
  rules: [
    { territory: 'WEST', filter: { field: 'region', op: 'in', values: ['CA', 'OR'] } },
    { territory: 'BIG', filter: { field: 'employees', op: 'gte', value: '5000' } },
  ],
  manual: [{ accountId: 'a-manual', territory: 'BIG' }],
  locks: ['a-locked'],
};

describe('territory models', () => {
  it('reads back what it writes', () => {
    expect(writeTerritoryModel(readTerritoryModel(MODEL))).toEqual(MODEL);
  });

  it('names every problem by its path at once', () => {
    const bad = {
      ownerRole: 'ae', types: [{ key: 't', name: 'T', priority: 0 }],
      territories: [
        { key: 'A', name: 'A', parent: 'B', level: 'territory', type: null, members: [{ personId: null, placeholder: null, role: 'ae', from: '2027-02-01', to: '2027-01-01' }] },
        { key: 'B', name: 'B', parent: 'A', level: 'territory', type: 'nope', members: [] },
        { key: 'B', name: 'B again', parent: null, level: 'territory', type: null, members: [] },
      ],
      rules: [{ territory: 'Z', filter: { field: 'region', op: 'is', value: 'CA' } }],
      manual: [{ accountId: 'x', territory: 'A' }], locks: ['x'],
    };
    let issues: { field: string }[] = [];
    try {
      readTerritoryModel(bad);
    } catch (e) {
      issues = (e as { issues: { field: string }[] }).issues;
    }
    expect(issues.map((i) => i.field)).toEqual([
      'types[0].priority', 'territories[0].members[0].personId', 'territories[0].members[0].to', 'territories[1].type', 'territories[2].key',
      'rules[0].territory', 'locks[0]',
    ]);
  });

  it('refuses a hierarchy that comes back to itself', () => {
    const cycle = { ...MODEL, territories: [{ ...MODEL.territories[0], parent: 'BIG' }, ...MODEL.territories.slice(1)] };
    expect(() => readTerritoryModel(cycle)).toThrow(/parents come back/);
  });

  it('tries rules by type priority, then as listed; manual and locks come first', () => {
    const model = readTerritoryModel(MODEL);
    expect(rulesInOrder(model).map((r) => r.territory)).toEqual(['BIG', 'WEST']);
    const place = accountPlacer(model);
    // A large Californian account: the named type (priority 1) wins over geography.
    expect(place(account('a1', { region: 'ca', employees: 9000n }), null)).toEqual({ territory: 'BIG', source: 'rule' });
    expect(place(account('a2', { region: 'OR', employees: 10n }), null)).toEqual({ territory: 'WEST', source: 'rule' });
    expect(place(account('a-manual', { region: 'CA' }), 'WEST')).toEqual({ territory: 'BIG', source: 'manual' });
    expect(place(account('a-locked', { region: 'CA' }), 'BIG')).toEqual({ territory: 'BIG', source: 'lock' });
    // A lock keeps a territory only if the model still has it.
    expect(place(account('a-locked', { region: 'CA' }), 'GONE')).toEqual({ territory: 'WEST', source: 'rule' });
    expect(place(account('a3', { region: 'TX' }), 'WEST')).toEqual({ territory: null, source: 'none' });
  });

  it('finds the owner seat on a date, and the path up the hierarchy', () => {
    const model = readTerritoryModel(MODEL);
    expect(territoryOwnerOn(model, 'WEST', '2026-12-31')?.personId).toBe('p-ann');
    expect(territoryOwnerOn(model, 'WEST', '2027-01-01')).toMatchObject({ personId: null, placeholder: 'West AE (to hire)' });
    expect(territoryOwnerOn(model, 'NA', '2027-01-01')).toBeNull();
    expect(territoryPath(model, 'WEST')).toEqual(['WEST', 'NA']);
  });
});

describe('the activation diff', () => {
  const change = (id: string, before: [string | null, string | null], after: [string | null, string | null], potential: bigint): AccountChange => ({
    accountId: id, before: { territory: before[0], ownerId: before[1] }, after: { territory: after[0], ownerId: after[1] }, potentialMinor: potential, pipelineMinor: potential / 10n, bookMinor: 0n,
  });

  it('sums accounts and value moved per rep, per territory and in total', () => {
    const diff = territoryDiff([
      change('a', [null, 'ann'], ['W', 'ann'], 100n),
      change('b', [null, 'ann'], ['E', 'bo'], 300n),
      change('c', ['E', 'bo'], ['E', 'bo'], 200n),
      change('d', ['E', 'bo'], [null, 'bo'], 50n),
    ], ['E', 'W', 'S']);
    expect([diff.accounts, diff.territoryChanges, diff.unassigned]).toEqual([4, 3, 1]);
    expect(diff.moved).toEqual({ accounts: 1, potentialMinor: 300n, pipelineMinor: 30n, bookMinor: 0n });
    expect(diff.reps.map((r) => [r.personId, r.before.accounts, r.after.accounts, r.gained, r.lost])).toEqual([['ann', 2, 1, 0, 1], ['bo', 2, 3, 1, 0]]);
    expect(diff.territories.map((t) => [t.key, t.accounts, t.potentialMinor])).toEqual([['E', 2, 500n], ['S', 0, 0n], ['W', 1, 100n]]);
    // Loads 500, 100, 0 over three leaves: mean 200, the heaviest 150% above it.
    expect(diff.balance.maxDeviation).toBeCloseTo(1.5, 10);
  });

  it('keeps every account once on each side, whatever the order', () => {
    const changes = Array.from({ length: 60 }, (_, i) => change(`a${i}`, [i % 3 === 0 ? null : 'E', `r${i % 4}`], [i % 5 === 0 ? null : 'W', `r${i % 3}`], BigInt(i)));
    const a = territoryDiff(changes, ['W', 'E']);
    const b = territoryDiff([...changes].reverse(), ['W', 'E']);
    expect(b).toEqual(a);
    expect(a.reps.reduce((s, r) => s + r.before.accounts, 0)).toBe(60);
    expect(a.reps.reduce((s, r) => s + r.after.accounts, 0)).toBe(60);
    expect(a.reps.reduce((s, r) => s + r.gained, 0)).toBe(a.moved.accounts);
  });
});
