import { describe, expect, it } from 'vitest';
import { MAX_RULE_VALUES } from './county-rules.js';
import { differs, moveAccount, moveCounty } from './draft-moves.js';
import { DEFINITION, county } from './test-fixtures.js';

describe('moving a county', () => {
  it('takes the FIPS out of its rule and adds it, sorted, to the target territory\'s county rule', () => {
    const next = moveCounty(DEFINITION, '06059', 'east');
    expect(next.rules).toEqual([{ territory: 'west', filter: county('06037') }, { territory: 'east', filter: county('06059', '36061') }]);
    expect(DEFINITION.rules[0]?.filter).toEqual(county('06037', '06059'));
    expect(differs(next, DEFINITION)).toBe(true);
  });

  it('drops a rule left without a county, and creates the target\'s county rule when it has none', () => {
    const next = moveCounty(moveCounty(DEFINITION, '36061', 'west'), '06037', 'east');
    expect(next.rules).toEqual([{ territory: 'west', filter: county('06059', '36061') }, { territory: 'east', filter: county('06037') }]);
  });

  it('adds a county no rule lists yet, and keeps the other rules as they are', () => {
    const region = { territory: 'east', filter: { field: 'region', op: 'is', value: 'North' } };
    const next = moveCounty({ ...DEFINITION, rules: [region, ...DEFINITION.rules] }, '48201', 'east');
    expect(next.rules).toEqual([region, { territory: 'west', filter: county('06037', '06059') }, { territory: 'east', filter: county('36061', '48201') }]);
  });

  it('changes nothing when the county is the target\'s already, and refuses an unknown territory', () => {
    expect(moveCounty(DEFINITION, '06037', 'west')).toBe(DEFINITION);
    expect(() => moveCounty(DEFINITION, '06037', 'north')).toThrow('no territory north');
  });

  it('starts a new county rule when the target\'s is full (MAX_RULE_VALUES codes)', () => {
    const full = Array.from({ length: MAX_RULE_VALUES }, (_, i) => String(10000 + i));
    const next = moveCounty({ ...DEFINITION, rules: [{ territory: 'east', filter: county(...full) }, ...DEFINITION.rules.slice(0, 1)] }, '06059', 'east');
    expect(next.rules.map((r) => [r.territory, (r.filter as { values: string[] }).values.length])).toEqual([['east', MAX_RULE_VALUES], ['west', 1], ['east', 1]]);
  });
});

describe('moving an account', () => {
  it('adds a manual entry, or replaces the account\'s entry where it is', () => {
    expect(moveAccount(DEFINITION, 'acc_big', 'east').manual).toEqual([{ accountId: 'acc_pinned', territory: 'east' }, { accountId: 'acc_big', territory: 'east' }]);
    expect(moveAccount(DEFINITION, 'acc_pinned', 'west').manual).toEqual([{ accountId: 'acc_pinned', territory: 'west' }]);
    expect(moveAccount(DEFINITION, 'acc_pinned', 'east')).toBe(DEFINITION);
  });

  it('lifts a lock on the account it places', () => {
    expect(moveAccount({ ...DEFINITION, locks: ['acc_big', 'acc_other'] }, 'acc_big', 'west').locks).toEqual(['acc_other']);
  });
});
