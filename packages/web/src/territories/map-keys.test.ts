import { describe, expect, it } from 'vitest';
import { directionOf, nearestInDirection } from './map-keys.js';

// A plus sign around c, and one far point straight right.
const points = [
  { id: 'c', x: 10, y: 10 }, { id: 'left', x: 5, y: 10 }, { id: 'right', x: 14, y: 11 },
  { id: 'up', x: 10, y: 4 }, { id: 'down', x: 11, y: 16 }, { id: 'far-right', x: 30, y: 10 }, { id: 'diagonal', x: 13, y: 7 },
];
const c = points[0]!;

describe('arrow keys on the map', () => {
  it('go to the nearest county in each direction, preferring those straight ahead', () => {
    expect(nearestInDirection(points, c, 'left')).toBe('left');
    expect(nearestInDirection(points, c, 'right')).toBe('right');
    expect(nearestInDirection(points, c, 'up')).toBe('up');
    expect(nearestInDirection(points, c, 'down')).toBe('down');
  });

  it('stay put at the edge of the map', () => {
    expect(nearestInDirection(points, points[5]!, 'right')).toBeNull();
    expect(nearestInDirection([c], c, 'left')).toBeNull();
  });

  it('read only the arrow keys', () => {
    expect(directionOf('ArrowUp')).toBe('up');
    expect(directionOf('Enter')).toBeUndefined();
  });
});
