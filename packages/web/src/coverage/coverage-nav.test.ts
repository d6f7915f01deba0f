import { describe, expect, it } from 'vitest';
import { NAV_ITEMS, navItemsFor } from '../shell/nav-items.js';

const labels = (abilities: readonly string[]) => navItemsFor((a) => abilities.includes(a)).map((i) => i.label);

describe('coverage navigation', () => {
  it('shows Coverage and Territories right after People to those who read the coverage model, not to others', () => {
    expect(labels(['person:list', 'coverage:read', 'import:run'])).toEqual(['People', 'Coverage', 'Territories', 'Import']);
    expect(labels(['person:list', 'import:run'])).toEqual(['People', 'Import']);
  });

  it('gives every area its own shortcut key', () => {
    expect(new Set(NAV_ITEMS.map((i) => i.key)).size).toBe(NAV_ITEMS.length);
  });
});
