import { describe, expect, it } from 'vitest';
import { TERRITORY_PALETTE, territoryColour, territoryColours } from './palette.js';

describe('territory palette', () => {
  it('gives the first twelve territories twelve different fixed colours', () => {
    const first = Array.from({ length: 12 }, (_, i) => territoryColour(i));
    expect(first).toEqual([...TERRITORY_PALETTE]);
    expect(new Set(first).size).toBe(12);
  });

  it('goes on past the palette with colours that differ from their neighbours and repeat nowhere in the first hundred', () => {
    const many = Array.from({ length: 100 }, (_, i) => territoryColour(i));
    expect(new Set(many).size).toBe(100);
    expect(territoryColour(12)).toMatch(/^hsl\(\d+ 55% (52|64)%\)$/);
  });

  it('is the same for the same index on every call, and none for no territory', () => {
    expect(territoryColour(37)).toBe(territoryColour(37));
    expect(territoryColour(-1)).toBeNull();
    expect(territoryColour(1.5)).toBeNull();
  });

  it('colours keys by their position in the model', () => {
    expect([...territoryColours(['west', 'east']).entries()]).toEqual([['west', TERRITORY_PALETTE[0]], ['east', TERRITORY_PALETTE[1]]]);
  });
});
