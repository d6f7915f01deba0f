import { describe, expect, it } from 'vitest';
import { balanceOf, draftPlacement, loadValue } from './draft-figures.js';
import { moveAccount, moveCounty } from './draft-moves.js';
import { DEFINITION, MAP, accountCounty } from './test-fixtures.js';

const figures = (draft = DEFINITION) => draftPlacement({ map: MAP, saved: DEFINITION, draft, accountCounty });
const loads = (draft = DEFINITION) => Object.fromEntries([...figures(draft).loads].map(([k, l]) => [k, [l.accounts, l.potentialMinor]]));

describe('draft figures', () => {
  it('are the saved figures while nothing is moved', () => {
    expect(loads()).toEqual({ west: [3, 600n], east: [3, 900n] });
    expect(figures().accounts.get('acc_pinned')).toBe('east');
  });

  it('carry a moved county\'s accounts and potential to its new territory, and recolour its accounts', () => {
    const draft = moveCounty(DEFINITION, '06059', 'east');
    expect(loads(draft)).toEqual({ west: [2, 500n], east: [4, 1000n] });
    expect(figures(draft).counties.get('06059')).toBe('east');
    expect(figures(draft).accounts.get('acc_orange')).toBe('east');
  });

  it('leave an account placed by hand where it is when its county moves', () => {
    const draft = moveCounty(DEFINITION, '06037', 'east');
    // 06037 holds 3 accounts and 700; acc_pinned (200) was in east already.
    expect(loads(draft)).toEqual({ west: [1, 100n], east: [5, 1400n] });
    expect(figures(draft).accounts.get('acc_pinned')).toBe('east');
    expect(figures(draft).accounts.get('acc_big')).toBe('east');
  });

  it('move one account by hand, also one whose county moved', () => {
    expect(loads(moveAccount(DEFINITION, 'acc_big', 'east'))).toEqual({ west: [2, 200n], east: [4, 1300n] });
    expect(loads(moveAccount(DEFINITION, 'acc_pinned', 'west'))).toEqual({ west: [4, 800n], east: [2, 700n] });
    const both = moveAccount(moveCounty(DEFINITION, '06037', 'east'), 'acc_big', 'west');
    expect(loads(both)).toEqual({ west: [2, 500n], east: [4, 1000n] });
    expect(figures(both).accounts.get('acc_big')).toBe('west');
  });

  it('measure the balance of the leaves on potential or on accounts', () => {
    const draft = moveCounty(DEFINITION, '06059', 'east');
    const { loads: l } = figures(draft);
    expect(loadValue(l.get('west'), 'potential')).toBe(500);
    expect(loadValue(undefined, 'accounts')).toBe(0);
    // 500 and 1000: mean 750, both a third off it.
    expect(balanceOf(l, ['west', 'east'], 'potential').maxDeviation).toBeCloseTo(1 / 3);
    expect(balanceOf(l, ['west', 'east'], 'accounts').maxDeviation).toBeCloseTo(1 / 3);
    expect(balanceOf(figures().loads, ['west', 'east'], 'accounts')).toEqual({ maxDeviation: 0, cv: 0, gini: 0, maxOverMin: 1 });
  });
});
