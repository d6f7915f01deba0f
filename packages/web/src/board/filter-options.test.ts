import { describe, expect, it } from 'vitest';
import { maxMinor, perMille } from './bar-scale.js';
import { orderOwners, orderPipelines, teamTree } from './filter-options.js';

describe('picker order', () => {
  it('puts the default pipeline first, then by name', () => {
    const pipelines = [
      { id: '1', name: 'Renewals', isDefault: false },
      { id: '2', name: 'New business', isDefault: true },
      { id: '3', name: 'Channel', isDefault: false },
    ];
    expect(orderPipelines(pipelines).map((p) => p.id)).toEqual(['2', '3', '1']);
  });

  it('lists teams as a tree, children under their parent', () => {
    const teams = [
      { id: 'w', name: 'West', parentTeamId: 'na' },
      { id: 'na', name: 'North America', parentTeamId: null },
      { id: 'e', name: 'East', parentTeamId: 'na' },
      { id: 'p', name: 'Pacific', parentTeamId: 'w' },
      { id: 'o', name: 'Orphan', parentTeamId: 'gone' },
      { id: 'x', name: 'Loop X', parentTeamId: 'y' },
      { id: 'y', name: 'Loop Y', parentTeamId: 'x' },
    ];
    expect(teamTree(teams).map((t) => `${t.depth}${t.name}`)).toEqual(['0North America', '1East', '1West', '2Pacific', '0Orphan', '0Loop X', '1Loop Y']);
  });

  it('puts the signed-in person first among owners', () => {
    const people = [{ id: 'b', name: 'Bea' }, { id: 'z', name: 'Zoe' }, { id: 'a', name: 'Ann' }];
    expect(orderOwners(people, 'z').map((p) => p.id)).toEqual(['z', 'a', 'b']);
    expect(orderOwners(people, null).map((p) => p.id)).toEqual(['a', 'b', 'z']);
  });
});

describe('bar scale', () => {
  it('compares exact minor units beyond the safe integer range', () => {
    expect(perMille('4503599627370497', '9007199254740994')).toBe(500);
    expect(perMille('1', '3')).toBe(333);
    expect(perMille('0', '0')).toBe(0);
    expect(perMille('-5', '10')).toBe(0);
    expect(maxMinor(['12', '9007199254740995', '9007199254740994'])).toBe('9007199254740995');
    expect(maxMinor([])).toBe('0');
  });
});
