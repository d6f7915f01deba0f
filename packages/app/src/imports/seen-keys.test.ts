import { describe, expect, it } from 'vitest';
import { SeenKeys } from './seen-keys.js';

describe('the external ids seen in a file', () => {
  it('remembers the first line of every id across growth, and nothing else', () => {
    const seen = new SeenKeys();
    for (let i = 1; i <= 50_000; i++) expect(seen.firstLine(`EXT-${i}`, i + 1)).toBeUndefined();
    for (let i = 1; i <= 50_000; i += 997) expect(seen.firstLine(`EXT-${i}`, 999_999)).toBe(i + 1);
    expect(seen.firstLine('EXT-0', 7)).toBeUndefined();
    expect(seen.firstLine('ext-1', 8)).toBeUndefined();
    expect(seen.firstLine('EXT-0', 9)).toBe(7);
  });
});
