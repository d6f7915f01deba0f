import { describe, expect, it } from 'vitest';
import { countyRuleValues, countyTerritories, leafKeys, rulesInPrecedence, type Definition } from './county-rules.js';
import { DEFINITION, county } from './test-fixtures.js';

describe('county rules', () => {
  it('reads the FIPS codes of a county rule only', () => {
    expect(countyRuleValues(county('06037'))).toEqual(['06037']);
    expect(countyRuleValues({ field: 'region', op: 'in', values: ['West'] })).toBeNull();
    expect(countyRuleValues({ field: 'county', op: 'is', value: '06037' })).toBeNull();
    expect(countyRuleValues({ all: [county('06037')] })).toBeNull();
    expect(countyRuleValues(null)).toBeNull();
  });

  it('gives each county the territory of its county rule, and the map territory to counties no rule lists', () => {
    const map = countyTerritories(DEFINITION, [
      { fips: '06037', territory: 'east', accounts: 1, potentialMinor: '1' },
      { fips: '48201', territory: 'east', accounts: 1, potentialMinor: '1' },
      { fips: '99999', territory: null, accounts: 1, potentialMinor: '1' },
    ]);
    expect(Object.fromEntries(map)).toEqual({ '06037': 'west', '06059': 'west', '36061': 'east', '48201': 'east' });
  });

  it('lets the rule tried first win a county two rules list: type priority, then the order listed', () => {
    const definition: Definition = {
      ...DEFINITION,
      types: [{ key: 'named', name: 'Named', priority: 1 }, { key: 'geo', name: 'Geography', priority: 2 }],
      territories: DEFINITION.territories.map((t) => ({ ...t, type: t.key === 'east' ? 'named' : 'geo' })),
      rules: [{ territory: 'west', filter: county('06037') }, { territory: 'east', filter: county('06037') }],
    };
    expect(rulesInPrecedence(definition).map((r) => r.territory)).toEqual(['east', 'west']);
    expect(countyTerritories(definition).get('06037')).toBe('east');
    expect(countyTerritories({ ...definition, types: [] }).get('06037')).toBe('west');
  });

  it('names the leaves: territories no other territory has as its parent', () => {
    const definition: Definition = {
      ...DEFINITION,
      territories: [...DEFINITION.territories.map((t) => ({ ...t, parent: 'us' })), { ...DEFINITION.territories[0]!, key: 'us', name: 'US', parent: null, level: 'region' }],
    };
    expect(leafKeys(definition)).toEqual(['west', 'east']);
  });
});
