import { describe, expect, it } from 'vitest';
import { navItemsFor } from '../shell/nav-items.js';

const can = (abilities: readonly string[]) => (ability: string) => abilities.includes(ability);
const labels = (abilities: readonly string[]) => navItemsFor(can(abilities)).map((i) => i.label);

describe('pay navigation', () => {
  it('shows My pay to readers of statements who do not read the pay cycle (reps, managers)', () => {
    expect(labels(['statement:read', 'opportunity:list'])).toEqual(expect.arrayContaining(['My pay']));
    expect(labels(['statement:read'])).not.toContain('Pay cycle');
  });

  it('shows Pay cycle instead to those who read calc runs (finance, sales ops, admins)', () => {
    const finance = labels(['statement:read', 'calc_run:read', 'calc_run:run']);
    expect(finance).toContain('Pay cycle');
    expect(finance).not.toContain('My pay');
  });
});
