import { describe, expect, it } from 'vitest';
import { formatDecimal, parseDecimal } from '../../decimal.js';
import { DomainError } from '../../errors.js';
import { evaluateExpression, type ExpressionValue } from './evaluate.js';
import { parseExpression } from './parser.js';

const d = parseDecimal;

/** Evaluates and renders the result as text, so tables read like the formulas. */
function run(source: string, inputs: Record<string, ExpressionValue> = {}, divisionScale?: number): string {
  const value = evaluateExpression({ expression: parseExpression({ source, divisionScale }), inputs });
  return typeof value === 'boolean' ? String(value) : formatDecimal(value);
}

function evaluationError(source: string, inputs: Record<string, ExpressionValue> = {}): DomainError {
  const expression = parseExpression({ source });
  try {
    evaluateExpression({ expression, inputs });
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`expected "${source}" to fail`);
}

describe('evaluateExpression: arithmetic is exact', () => {
  it.each([
    ['0.1 + 0.2', '0.3'],
    ['0.1 + 0.2 == 0.3', 'true'],
    ['1 - 0.9', '0.1'],
    ['1_000 * 0.75', '750'],
    ['1_000_000.000_1 * 1', '1000000.0001'],
    ['12.5%', '0.125'],
    ['100%', '1'],
    ['0.5%', '0.005'],
    ['200_000 * 5% + 60_000 * 8%', '14800'], // compensation.md example 2
    ['1.50 + 0', '1.5'],
    ['-3', '-3'],
    ['--3', '3'],
    ['- -3', '3'],
    ['10 / 4', '2.5'],
    ['1 / 3', '0.333333333333'],
    ['2 / 3', '0.666666666667'],
    ['-2 / 3', '-0.666666666667'],
    ['0.000_000_000_000_5 / 1', '0'], // 5e-13 to 12 places: half-even ties to 0
    ['0.000_000_000_001_5 / 1', '0.000000000002'], // 1.5e-12: ties to even 2
    ['123_456_789_012_345_678_901_234_567_890 * 10', '1234567890123456789012345678900'],
  ])('%s = %s', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it('divides to the declared scale with half-even rounding', () => {
    expect(run('1 / 8', {}, 2)).toBe('0.12'); // 0.125 -> even 0.12
    expect(run('3 / 8', {}, 2)).toBe('0.38'); // 0.375 -> even 0.38
    expect(run('1 / 3', {}, 0)).toBe('0');
    expect(run('2 / 3', {}, 0)).toBe('1');
  });
});

describe('evaluateExpression: precedence and associativity', () => {
  it.each([
    ['1 + 2 * 3', '7'],
    ['(1 + 2) * 3', '9'],
    ['10 - 4 - 3', '3'], // left-associative
    ['100 / 10 / 5', '2'], // left-associative
    ['2 * 3 / 4', '1.5'],
    ['-2 * 3', '-6'],
    ['-(2 + 3) * 2', '-10'],
    ['1 + 2 < 4', 'true'],
    ['1 < 2 and 3 < 2 or true', 'true'], // and binds tighter than or
    ['true or true and false', 'true'],
    ['(true or true) and false', 'false'],
    ['not 1 > 2', 'true'], // not applies to the whole comparison
    ['not true or true', 'true'], // not binds tighter than or
    ['not not true', 'true'],
    ['2 * 3 == 6 and 6 != 7', 'true'],
    ['1 <= 1 and 1 >= 1 and not (1 < 1) and not (1 > 1)', 'true'],
    ['true == true and false != true', 'true'],
  ])('%s = %s', (source, expected) => {
    expect(run(source)).toBe(expected);
  });
});

describe('evaluateExpression: inputs and functions', () => {
  const inputs = {
    attainment: d('1.15'),
    'measure.bookings': d('230000'),
    target_incentive: d('20000'),
    quota: d('0'),
    annual_quota_met: true,
  };

  it.each([
    ['attainment * target_incentive', '23000'],
    ['measure.bookings / 200_000', '1.15'],
    ['if(attainment >= 100%, 1.5, 1) * target_incentive', '30000'],
    ['if(annual_quota_met, 2, 1)', '2'],
    ['if(quota == 0, 0, measure.bookings / quota)', '0'], // the untaken branch is never evaluated
    ['quota != 0 and measure.bookings / quota > 1', 'false'], // and short-circuits
    ['quota == 0 or measure.bookings / quota > 1', 'true'], // or short-circuits
    ['min(attainment, 1.2)', '1.15'],
    ['min(3, 1, 2)', '1'],
    ['max(3, 1, 2, -5)', '3'],
    ['max(attainment - 1, 0)', '0.15'],
    ['clamp(attainment, 0, 1)', '1'],
    ['clamp(-1, 0, 1)', '0'],
    ['clamp(0.5, 0, 1)', '0.5'],
    ['round(2.345, 2)', '2.34'], // half-even
    ['round(2.355, 2)', '2.36'],
    ['round(-2.5, 0)', '-2'],
    ['round(1.2, 5)', '1.2'],
    ['round(2 / 3, 4)', '0.6667'],
  ])('%s = %s', (source, expected) => {
    expect(run(source, inputs)).toBe(expected);
  });

  it('returns deep-equal results for equal values (canonical decimals)', () => {
    const a = evaluateExpression({ expression: parseExpression({ source: '1.50 * 2' }), inputs: {} });
    const b = evaluateExpression({ expression: parseExpression({ source: '3' }), inputs: {} });
    expect(a).toEqual(b);
    expect(a).toEqual({ units: 3n, scale: 0 });
  });

  it('does not mutate the expression or the inputs', () => {
    const expression = parseExpression({ source: 'a * 2 + a' });
    const frozenInputs = Object.freeze({ a: Object.freeze(d('1.50')) });
    const before = JSON.stringify(expression, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    expect(run('a * 2 + a', frozenInputs)).toBe('4.5');
    evaluateExpression({ expression, inputs: frozenInputs });
    expect(JSON.stringify(expression, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).toBe(before);
  });
});

describe('evaluateExpression: errors name the position', () => {
  it('reports division by zero at the operator', () => {
    const error = evaluationError('bookings /\n  quota', { bookings: d('10'), quota: d('0.00') });
    expect(error.code).toBe('validation_failed');
    expect(error.issues[0]).toEqual({ field: 'expression', message: 'line 1, column 10: division by zero', line: 1 });
  });

  // Inputs of undeclared type: only evaluation can tell a number from a boolean here.
  const values = { t: true, n: d('1'), zero: d('0') };
  it.each([
    ['n + t', 'line 1, column 5: expected a number, found a boolean'],
    ['-t', 'line 1, column 2: expected a number, found a boolean'],
    ['not n', 'line 1, column 5: expected a boolean (a comparison, true or false), found a number'],
    ['n and t', 'line 1, column 1: expected a boolean (a comparison, true or false), found a number'],
    ['if(n, 2, 3)', 'line 1, column 4: expected a boolean (a comparison, true or false), found a number'],
    ['n == t', "line 1, column 3: cannot compare a number with a boolean using '=='"],
    ['t < n', 'line 1, column 1: expected a number, found a boolean'],
    ['min(1,\n  t)', 'line 2, column 3: expected a number, found a boolean'],
    ['clamp(1, 2, 0)', 'line 1, column 1: clamp() needs its low bound at or below its high bound'],
    ['round(1.5, 0.5)', 'line 1, column 12: round() places must be a whole number from 0 to 40'],
    ['round(1.5, -1)', 'line 1, column 12: round() places must be a whole number from 0 to 40'],
    ['1 +\n  if(t, 1 / zero, 0)', 'line 2, column 11: division by zero'],
    ['x + 1', "line 1, column 1: no value for input 'x'"],
    ['toString', "line 1, column 1: no value for input 'toString'"], // no prototype lookups
  ])('%j fails: %s', (source, message) => {
    expect(evaluationError(source, values).issues[0]?.message).toBe(message);
  });

  it('refuses inputs that are not decimals or booleans, and runaway magnitudes', () => {
    const notADecimal = { units: 1, scale: 0 } as unknown as ExpressionValue;
    expect(evaluationError('x', { x: notADecimal }).issues[0]?.message).toBe("line 1, column 1: input 'x' is neither a decimal nor a boolean");
    expect(evaluationError('x', { x: { units: 1n, scale: 1_000_000_000 } }).issues[0]?.message).toBe("line 1, column 1: input 'x' is out of range");
    const huge = `x${' * x'.repeat(20)}`;
    expect(evaluationError(huge, { x: d('1'.repeat(40)) }).issues[0]?.message).toMatch(/result has more than 400 digits/);
  });
});
