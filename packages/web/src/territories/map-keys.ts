/*
 * Moving between counties on the map with the arrow keys: from the focused county to the
 * nearest one in that direction, preferring those straight ahead (a step sideways counts
 * twice), so the keyboard walks the map as the eye does.
 */

export type Direction = 'left' | 'right' | 'up' | 'down';

export interface Point {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** The direction of an arrow key, if it is one. */
export const directionOf = (key: string): Direction | undefined => ARROWS[key];

/** The id of the nearest point in the direction from `from`; null when there is none that way. */
export function nearestInDirection(points: readonly Point[], from: Point, direction: Direction): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  for (const p of points) {
    if (p.id === from.id) continue;
    const dx = p.x - from.x;
    const dy = p.y - from.y;
    const [ahead, aside] = direction === 'left' ? [-dx, dy] : direction === 'right' ? [dx, dy] : direction === 'up' ? [-dy, dx] : [dy, dx];
    if (ahead <= 0) continue;
    const score = ahead + 2 * Math.abs(aside);
    if (score < bestScore) {
      bestScore = score;
      best = p.id;
    }
  }
  return best;
}
