import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

/** The definition, slowly: every object's keys sorted (integer-like keys too, which JS objects would put first). */
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${reference((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes bigints as strings', () => {
    expect(canonicalJson({ b: 1n, a: [{ z: null, y: 'x' }], c: undefined, d: true })).toBe('{"a":[{"y":"x","z":null}],"b":"1","d":true}');
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(RangeError);
  });

  it('writes any JSON value with every key sorted', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(canonicalJson(value)).toBe(reference(value));
    }), { numRuns: 2_000 });
  });

  it('writes any string, and any key, as JSON.stringify does (quotes, backslashes, control characters, lone surrogates)', () => {
    const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
    fc.assert(fc.property(anyText, anyText, (text, key) => {
      expect(canonicalJson(text)).toBe(JSON.stringify(text));
      expect(canonicalJson({ [key]: text })).toBe(`{${JSON.stringify(key)}:${JSON.stringify(text)}}`);
    }), { numRuns: 2_000 });
    expect(canonicalJson('a"b\\c\n\u0001\ud800😀')).toBe(JSON.stringify('a"b\\c\n\u0001\ud800😀'));
  });

  it('does not depend on the order keys were added', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.integer()), (dict) => {
      const reversed = Object.fromEntries(Object.entries(dict).reverse());
      expect(canonicalJson(reversed)).toBe(canonicalJson(dict));
    }));
  });
});
