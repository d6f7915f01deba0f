/*
 * Territory colours: a categorical palette by the territory's index in the model, the same on
 * every screen and every load. The first twelve are picked to tell apart (Tableau 10 without its
 * grey, which means "no territory" here, then olive, violet and cyan); past them the hue turns by the golden
 * angle, so neighbours in the list still differ.
 */

export const TERRITORY_PALETTE = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948',
  '#b07aa1', '#ff9da7', '#9c755f', '#bcbd22', '#6b4c9a', '#17becf',
] as const;

const GOLDEN_ANGLE = 137.508;

/** The colour of the territory at `index` (0-based); null for a negative or fractional index (no territory). */
export function territoryColour(index: number): string | null {
  if (!Number.isInteger(index) || index < 0) return null;
  const fixed = TERRITORY_PALETTE[index];
  if (fixed !== undefined) return fixed;
  const hue = Math.round((index * GOLDEN_ANGLE) % 360);
  // Two lightness steps keep hues that come round again apart.
  return `hsl(${hue} 55% ${index % 2 === 0 ? 52 : 64}%)`;
}

/** Colours by territory key, in the order the model lists its territories. */
export function territoryColours(keys: readonly string[]): Map<string, string> {
  return new Map(keys.map((key, i) => [key, territoryColour(i) as string]));
}
