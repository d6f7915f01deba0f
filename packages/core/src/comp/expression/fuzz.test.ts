import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal, type Decimal } from '../../decimal.js';
import { DomainError } from '../../errors.js';
import { evaluateExpression, type ExpressionValue } from './evaluate.js';
import { parseExpression } from './parser.js';

const INPUTS: Record<string, ExpressionValue> = {
  a: { units: 12345n, scale: 2 },
  b: { units: 0n, scale: 0 },
  'measure.bookings': { units: -7n, scale: 1 },
  flag: true,
};

/** Parses and, when that succeeds, evaluates; any failure must be a DomainError with a positioned issue. */
function parseAndEvaluate(source: string): void {
  try {
    const expression = parseExpression({ source });
    evaluateExpression({ expression, inputs: INPUTS });
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const issue = (error as DomainError).issues[0];
    expect(issue?.message).toMatch(/^line \d+, column \d+: /);
    expect(issue?.line).toBeGreaterThanOrEqual(1);
  }
}

const TOKENS = [
  '(', ')', ',', '+', '-', '*', '/', '<', '<=', '>', '>=', '==', '!=', '=', '!', '.', '%', '_',
  'and', 'or', 'not', 'true', 'false', 'if', 'min', 'max', 'clamp', 'round', 'sqrt',
  'a', 'b', 'flag', 'measure.bookings', 'missing', '0', '1', '2', '0.5', '12.5%', '1_000', '3.',
  ' ', '\n', '\r\n', '\t', '#', '"', '😀',
];

describe('expression fuzzing: only DomainErrors, never a hang', () => {
  it('random strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: 'binary' }), parseAndEvaluate), { numRuns: 3_000 });
  });

  it('random strings over the formula alphabet', () => {
    const chars = fc.constantFrom(...'0123456789.,_%()+-*/<>=! \nabfimnotrx'.split(''));
    fc.assert(fc.property(fc.string({ unit: chars, maxLength: 120 }), parseAndEvaluate), { numRuns: 3_000 });
  });

  it('token soups', () => {
    const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).chain((tokens) =>
      fc.constantFrom(tokens.join(' '), tokens.join('')),
    );
    fc.assert(fc.property(soup, parseAndEvaluate), { numRuns: 5_000 });
  });

  it('long hostile repetitions of tokens', () => {
    const hostile = fc
      .tuple(fc.constantFrom(...TOKENS), fc.integer({ min: 1, max: 50_000 }))
      .map(([token, times]) => token.repeat(times));
    fc.assert(fc.property(hostile, parseAndEvaluate), { numRuns: 300 });
  });
});

/** A random formula built from + - * over decimals, with the value it must have. */
type Built = { source: string; value: Decimal };

const decimalArb: fc.Arbitrary<Built> = fc
  .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }))
  .map(([units, scale]) => {
    const value = { units, scale };
    // Negative literals are written as a unary minus, which the language has.
    return { source: units < 0n ? `(-${formatDecimal({ units: -units, scale })})` : formatDecimal(value), value };
  });

const align = (x: Decimal, y: Decimal): [bigint, bigint, number] => {
  const scale = Math.max(x.scale, y.scale);
  return [x.units * 10n ** BigInt(scale - x.scale), y.units * 10n ** BigInt(scale - y.scale), scale];
};

const treeArb: fc.Arbitrary<Built> = fc.letrec<{ tree: Built }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    decimalArb,
    fc.tuple(tie('tree'), fc.constantFrom('+', '-', '*'), tie('tree')).map(([left, op, right]): Built => {
      if (op === '*') return { source: `(${left.source} * ${right.source})`, value: { units: left.value.units * right.value.units, scale: left.value.scale + right.value.scale } };
      const [x, y, scale] = align(left.value, right.value);
      return { source: `(${left.source} ${op} ${right.source})`, value: { units: op === '+' ? x + y : x - y, scale } };
    }),
  ),
})).tree;

describe('mutated valid formulas: only DomainErrors', () => {
  const valid = fc.constantFrom(
    'if(attainment >= 100%, min(attainment, 1.5) * target_incentive, 0)',
    'clamp(round(measure.bookings / quota, 4), 0, 2) * 12.5%',
    'not (a < b) and (flag or max(a, b, 1_000) != 3)',
    'if(quota == 0, 0,\n  measure.bookings / quota)',
  );
  const mutation = fc.tuple(valid, fc.nat(), fc.nat({ max: 5 }), fc.constantFrom('', ...TOKENS));
  it('deleting and inserting anywhere', () => {
    fc.assert(
      fc.property(mutation, ([source, at, cut, insert]) => {
        const index = at % (source.length + 1);
        parseAndEvaluate(source.slice(0, index) + insert + source.slice(index + cut));
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('the widest allowed formula stays far from the stack limit', () => {
  const limits = { maxSourceLength: 1e9, maxTokens: 1e9, maxDepth: 1e9 };
  const sum = (terms: number) => Array.from({ length: terms }, () => '1').join(' + ');

  it('a 1,000-term sum with every limit at its ceiling parses, type-checks and evaluates', () => {
    const expression = parseExpression({ source: sum(1_000), limits });
    expect(evaluateExpression({ expression, inputs: {} })).toEqual({ units: 1_000n, scale: 0 });
    const deep = `${'-('.repeat(128)}1${')'.repeat(128)}`;
    expect(evaluateExpression({ expression: parseExpression({ source: deep, limits }), inputs: {} })).toEqual({ units: 1n, scale: 0 });
  });

  it('a longer chain is refused with a clear error, not a stack overflow', () => {
    expect(() => parseExpression({ source: sum(5_000), limits })).toThrow(
      'expression: line 1, column 3999: formula is more than 1000 operations deep; split it into smaller formulas',
    );
  });
});

describe('expression properties', () => {
  it('+, - and * are exact: a random formula equals the value computed alongside it', () => {
    fc.assert(
      fc.property(treeArb, ({ source, value }) => {
        const result = evaluateExpression({ expression: parseExpression({ source, limits: { maxTokens: 10_000, maxSourceLength: 100_000 } }), inputs: {} });
        expect(typeof result).toBe('object');
        expect(formatDecimal(result as Decimal)).toBe(formatDecimal(value));
      }),
      { numRuns: 1_000 },
    );
  });

  it('division stays within half a unit of the last place of the declared scale', () => {
    const nonZero = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).filter((n) => n !== 0n);
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), nonZero, fc.integer({ min: 0, max: 12 }), (n, m, scale) => {
        const result = evaluateExpression({ expression: parseExpression({ source: `(${n}) / (${m})`, divisionScale: scale }), inputs: {} }) as Decimal;
        // |n/m - q / 10^qs| <= 1/2 * 10^-scale  <=>  |n * 10^qs - q * m| * 2 * 10^scale <= |m| * 10^qs
        const qs = 10n ** BigInt(result.scale);
        const error = n * qs - result.units * m;
        const abs = (v: bigint) => (v < 0n ? -v : v);
        expect(result.scale <= scale).toBe(true);
        expect(abs(error) * 2n * 10n ** BigInt(scale) <= abs(m) * qs).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  it('evaluation is deterministic: the same formula and inputs give deep-equal results', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }), (tokens) => {
        const source = tokens.join(' ');
        const once = () => {
          try {
            return evaluateExpression({ expression: parseExpression({ source }), inputs: INPUTS });
          } catch (error) {
            return (error as DomainError).issues;
          }
        };
        expect(once()).toEqual(once());
      }),
      { numRuns: 1_000 },
    );
  });
});
