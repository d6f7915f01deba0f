import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './context.js';

describe('time-ordered ids', () => {
  it('sort by time, and within one millisecond (or when the clock steps back) in the order they were made', () => {
    const at = Date.parse('2026-11-28T04:00:00.000Z');
    const same = Array.from({ length: 50 }, () => timeOrderedId('msg', at));
    expect([...same].sort()).toEqual(same);
    expect(new Set(same).size).toBe(50);
    const later = timeOrderedId('msg', at + 1);
    const back = timeOrderedId('msg', at - 5_000);
    expect([...same, later, back].sort()).toEqual([...same, later, back]);
    expect(later).toMatch(/^msg_[0-9A-HJKMNP-TV-Z]{26}$/);
  });
});
