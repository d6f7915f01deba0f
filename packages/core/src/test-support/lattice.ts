import type { UnitGraph } from '../territory/partition.js';

/** A w x h lattice of units, row by row, with 4-neighbour adjacency, without the `hole` cells (a lake). */
export function lattice(w: number, h: number, weight: (i: number) => number, hole: (x: number, y: number) => boolean = () => false): UnitGraph {
  const index = new Map<string, number>();
  const points: [number, number][] = [];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (!hole(x, y)) index.set(`${x},${y}`, points.push([x, y]) - 1);
  const adjacency = points.map(([x, y]) => [[x - 1, y], [x + 1, y], [x, y - 1], [x, y + 1]].map(([a, b]) => index.get(`${a},${b}`)).filter((j): j is number => j !== undefined));
  return { weights: points.map((_, i) => weight(i)), adjacency, points };
}

/** A reproducible weight in 1..100 per unit. */
export const noisy = (seed: number) => (i: number): number => 1 + ((Math.imul(i + 1, 2654435761) ^ seed) >>> 0) % 100;
