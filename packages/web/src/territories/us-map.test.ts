import { describe, expect, it } from 'vitest';
import { MAP, accountCounty } from './test-fixtures.js';
import { MAP_SIZE, builtUsMap, loadUsMap } from './us-map.js';

const map = await loadUsMap();

describe('the US map', () => {
  it('is built once and shared', async () => {
    expect(builtUsMap()).toBe(map);
    expect(await loadUsMap()).toBe(map);
  });

  it('draws every county the projection shows, named with its state, inside the viewBox', () => {
    // 3,231 counties less those of Puerto Rico and the island areas, which Albers USA leaves out.
    expect(map.counties.length).toBeGreaterThan(3140);
    expect(map.counties.length).toBeLessThan(3231);
    const la = map.byFips.get('06037');
    expect(la?.label).toBe('Los Angeles, California');
    expect(la?.d.startsWith('M')).toBe(true);
    for (const c of map.counties) {
      expect(c.centre[0]).toBeGreaterThanOrEqual(0);
      expect(c.centre[0]).toBeLessThanOrEqual(MAP_SIZE.width);
    }
    expect(map.states.length).toBeGreaterThan(1000);
  });

  it('finds the county of a point, and none at sea', () => {
    expect(map.countyAt(-118.2437, 34.0522)).toBe('06037');
    expect(map.countyAt(-73.9712, 40.7831)).toBe('36061');
    expect(map.countyAt(-40, 35)).toBeNull();
    // The other tests' accounts lie where they say.
    for (const a of MAP.accounts) expect([a.id, map.countyAt(a.longitude, a.latitude)]).toEqual([a.id, accountCounty(a.id)]);
  });

  it('projects points in the west left of those in the east, and none it cannot place', () => {
    const la = map.project(-118.2437, 34.0522);
    const ny = map.project(-73.9712, 40.7831);
    expect(la && ny && la[0] < ny[0]).toBe(true);
    expect(map.project(2.35, 48.85)).toBeNull();
  });

  it('draws borders only between counties of different territories', () => {
    expect(map.territoryBorders(() => 'one')).toBe('');
    expect(map.territoryBorders((fips) => (fips.startsWith('06') ? 'west' : 'rest')).length).toBeGreaterThan(100);
  });
});
