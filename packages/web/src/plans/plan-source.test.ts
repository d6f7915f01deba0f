import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { declaredVersion, markerRange, offsetOf, withVersion } from './plan-source.js';

const SOURCE = 'plan:\n  id: ae   # the key\n  version: 3 # third\n  name: "AE"\n';

describe('plan source helpers', () => {
  it('reads and bumps the version, keeping comments and layout', () => {
    expect(declaredVersion(SOURCE)).toBe(3);
    expect(withVersion(SOURCE, 4)).toBe(SOURCE.replace('version: 3', 'version: 4'));
    expect(withVersion('plan:\n  version: "7"\n', 8)).toBe('plan:\n  version: "8"\n');
    expect(withVersion('no version here', 2)).toBe('no version here');
    // A nested `version:` of an example is not the plan's.
    expect(declaredVersion('plan:\n    version: 9\n')).toBeUndefined();
  });

  it('places line and column, clamped into the text', () => {
    expect(offsetOf(SOURCE, 1, 1)).toBe(0);
    expect(SOURCE.slice(offsetOf(SOURCE, 3, 12))).toMatch(/^3 # third/);
    expect(offsetOf(SOURCE, 2, 999)).toBe(SOURCE.indexOf('\n', 6));
    expect(offsetOf(SOURCE, 99, 1)).toBe(SOURCE.length);
  });

  it('underlines the token at the position', () => {
    const at = (line: number, column: number) => {
      const r = markerRange(SOURCE, line, column);
      return SOURCE.slice(r.from, r.to);
    };
    expect(at(3, 12)).toBe('3');
    expect(at(4, 9)).toBe('"AE"');
    expect(at(2, 7)).toBe('ae');
  });

  it('always gives a range inside the text, whatever the position', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 80 }), (text, line, column) => {
        const r = markerRange(text, line, column);
        expect(r.from).toBeGreaterThanOrEqual(0);
        expect(r.to).toBeLessThanOrEqual(text.length);
        expect(r.from).toBeLessThanOrEqual(r.to);
      }),
    );
  });
});
