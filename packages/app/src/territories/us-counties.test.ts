import { describe, expect, it } from 'vitest';
import { usPlaces } from '../demo/places.js';
import { contiguousUsCounties } from './us-counties.js';

describe('the contiguous-US counties as territory units', () => {
  const g = contiguousUsCounties();
  const byId = new Map(g.units.map((u, i) => [u.id, i]));

  it('are the 3,108 counties of the 48 states and DC, each once, by FIPS code', () => {
    expect(g.units).toHaveLength(3108);
    expect(new Set(g.units.map((u) => u.id)).size).toBe(3108);
    expect(g.units.every((u) => /^\d{5}$/.test(u.id) && !['02', '15', '72'].includes(u.id.slice(0, 2)))).toBe(true);
    expect(g.units.map((u) => u.id)).toEqual([...g.units.map((u) => u.id)].sort());
  });

  it('neighbour those they share a border with, symmetrically, and islands are bridged so that the graph is connected', () => {
    const la = byId.get('06037') as number;
    expect(g.adjacency[la]?.map((i) => g.units[i]?.name)).toEqual(['Kern', 'Orange', 'San Bernardino', 'Ventura']);
    g.adjacency.forEach((list, i) => {
      expect(list.includes(i)).toBe(false);
      for (const j of list) expect(g.adjacency[j]).toContain(i);
    });
    // Nantucket and the San Juan Islands share no border; each is joined to its nearest county.
    expect(g.bridges.map(([a, b]) => [g.units[a]?.id, g.units[b]?.id])).toEqual([['25019', '25007'], ['53055', '53029']]);
    const seen = new Set([0]);
    const stack = [0];
    while (stack.length > 0) {
      for (const j of g.adjacency[stack.pop() as number] ?? []) {
        if (!seen.has(j)) {
          seen.add(j);
          stack.push(j);
        }
      }
    }
    expect(seen.size).toBe(3108);
  });

  it('weigh each county by the population of the places inside it, every contiguous-US place counted once', () => {
    const places = usPlaces().filter((p) => p.state !== 'AK' && p.state !== 'HI');
    expect(g.placesInside + g.placesSnapped).toBe(places.length);
    expect(g.placesSnapped).toBeLessThan(places.length / 100);
    expect(g.units.reduce((s, u) => s + u.places, 0)).toBe(places.length);
    const total = g.units.reduce((s, u) => s + u.weight, 0);
    expect(total).toBe(places.reduce((s, p) => s + p.population, 0));
    // Los Angeles County alone is 2.2 times the mean of 50 territories: no plan of whole counties can balance 50.
    const la = g.units[byId.get('06037') as number]?.weight as number;
    expect(la / (total / 50)).toBeGreaterThan(2.2);
    expect(la / (total / 50)).toBeLessThan(2.3);
  });
});
