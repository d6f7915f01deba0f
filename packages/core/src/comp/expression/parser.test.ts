import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.js';
import { parseExpression } from './parser.js';

function parseError(source: string, options: Omit<Parameters<typeof parseExpression>[0], 'source'> = {}): DomainError {
  try {
    parseExpression({ source, ...options });
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`expected "${source}" to be refused`);
}

describe('parseExpression: the tree', () => {
  it('puts a 1-based line and column on every node, operators at the operator', () => {
    const expression = parseExpression({ source: 'if(a > 1,\n   -b * 2%, max(c, 0))' });
    expect(expression.root).toEqual({
      kind: 'call',
      name: 'if',
      line: 1,
      column: 1,
      args: [
        {
          kind: 'binary',
          operator: '>',
          line: 1,
          column: 6,
          left: { kind: 'input', name: 'a', line: 1, column: 4 },
          right: { kind: 'number', value: { units: 1n, scale: 0 }, line: 1, column: 8 },
        },
        {
          kind: 'binary',
          operator: '*',
          line: 2,
          column: 7,
          left: { kind: 'negate', line: 2, column: 4, operand: { kind: 'input', name: 'b', line: 2, column: 5 } },
          right: { kind: 'number', value: { units: 2n, scale: 2 }, line: 2, column: 9 },
        },
        {
          kind: 'call',
          name: 'max',
          line: 2,
          column: 13,
          args: [
            { kind: 'input', name: 'c', line: 2, column: 17 },
            { kind: 'number', value: { units: 0n, scale: 0 }, line: 2, column: 20 },
          ],
        },
      ],
    });
  });

  it('lists the inputs read, sorted and unique, dotted names whole', () => {
    const expression = parseExpression({ source: 'measure.bookings / quota + quota * attainment' });
    expect(expression.inputs).toEqual(['attainment', 'measure.bookings', 'quota']);
    expect(expression.divisionScale).toBe(12);
  });

  it('reads numbers exactly: underscores group digits, % divides by 100', () => {
    const value = (source: string) => {
      const root = parseExpression({ source }).root;
      return root.kind === 'number' ? root.value : undefined;
    };
    expect(value('1_000')).toEqual({ units: 1000n, scale: 0 });
    expect(value('0.75')).toEqual({ units: 75n, scale: 2 });
    expect(value('12.5%')).toEqual({ units: 125n, scale: 3 });
    expect(value('007')).toEqual({ units: 7n, scale: 0 });
  });

  it('counts \\r\\n and \\r as one line break each, and tabs as one column', () => {
    expect(parseError('1 +\r\n\t2 +\r)').issues[0]).toEqual({ field: 'expression', message: "line 3, column 1: unexpected ')'; expected a value", line: 3 });
  });

  it('accepts names from the allowed inputs and refuses others at parse time', () => {
    expect(parseExpression({ source: 'attainment * 2', inputs: ['attainment'] }).inputs).toEqual(['attainment']);
    const error = parseError('attainment *\n  atainment', { inputs: ['attainment'], field: 'components[0].formula' });
    expect(error.message).toBe("components[0].formula: line 2, column 3: unknown input 'atainment'");
    expect(error.issues).toEqual([{ field: 'components[0].formula', message: "line 2, column 3: unknown input 'atainment'", line: 2 }]);
  });
});

describe('parseExpression: malformed formulas name line and column', () => {
  it.each([
    ['', "line 1, column 1: formula is empty"],
    ['   \n  ', 'line 2, column 3: formula is empty'],
    ['min(a,\n  b,\n  (c + 1', "line 3, column 9: expected ')', found end of formula"],
    ['(1 + 2', "line 1, column 7: expected ')', found end of formula"],
    ['1 + 2)', "line 1, column 6: unexpected ')'; expected an operator or the end of the formula"],
    ['1 +', 'line 1, column 4: unexpected end of formula; expected a value'],
    ['1 2', "line 1, column 3: unexpected '2'; expected an operator or the end of the formula"],
    ['* 2', "line 1, column 1: unexpected '*'; expected a value"],
    ['a = 1', "line 1, column 3: unexpected '='; compare with '=='"],
    ['!a', "line 1, column 1: unexpected '!'; negate with 'not'"],
    ['a\n  # b', 'line 2, column 3: unexpected character "#"'],
    ['"text"', 'line 1, column 1: unexpected character "\\""'],
    ['1.', "line 1, column 3: expected a digit after '.'"],
    ['.5', 'line 1, column 1: unexpected character "."'],
    ['1.2.3', 'line 1, column 4: unexpected character "." after a number'],
    ['12abc', 'line 1, column 3: unexpected character "a" after a number'],
    ['1__0', "line 1, column 2: '_' must stand between two digits"],
    ['1_', "line 1, column 2: '_' must stand between two digits"],
    ['measure.', "line 1, column 9: expected a name after '.'"],
    ['a < b < c', "line 1, column 7: comparisons cannot be chained; join them with 'and'"],
    ['sqrt(4)', "line 1, column 1: unknown function 'sqrt'"],
    ['eval(1)', "line 1, column 1: unknown function 'eval'"],
    ['constructor(1)', "line 1, column 1: unknown function 'constructor'"],
    ['if(true, 1)', 'line 1, column 1: if() takes 3 arguments, got 2'],
    ['min(1)', 'line 1, column 1: min() takes at least 2 arguments, got 1'],
    ['round(1)', 'line 1, column 1: round() takes 2 arguments, got 1'],
    ['clamp()', 'line 1, column 1: clamp() takes 3 arguments, got 0'],
    ['min(1, 2', "line 1, column 9: expected ',' or ')', found end of formula"],
    ['min(1,, 2)', "line 1, column 7: unexpected ','; expected a value"],
    ['and', "line 1, column 1: unexpected 'and'; expected a value"],
    ['1 + not', "line 1, column 5: unexpected 'not'; expected a value"],
    ['1 + 😀', 'line 1, column 5: unexpected character "😀"'],
  ])('%j', (source, message) => {
    const error = parseError(source);
    expect(error.code).toBe('validation_failed');
    expect(error.issues[0]?.message).toBe(message);
    expect(error.issues[0]?.line).toBe(Number(/^line (\d+)/.exec(message)?.[1]));
  });
});

describe('parseExpression: types are checked as far as they are known', () => {
  it.each([
    ['1 + true', 'line 1, column 5: expected a number, found a boolean'],
    ['-false', 'line 1, column 2: expected a number, found a boolean'],
    ['not 1', 'line 1, column 5: expected a boolean (a comparison, true or false), found a number'],
    ['1 and true', 'line 1, column 1: expected a boolean (a comparison, true or false), found a number'],
    ['if(1, 2, 3)', 'line 1, column 4: expected a boolean (a comparison, true or false), found a number'],
    ['if(true, 2, false)', 'line 1, column 1: if() needs both branches to be numbers or both to be booleans'],
    ['1 == true', "line 1, column 3: cannot compare a number with a boolean using '=='"],
    ['(1 < 2) < 3', 'line 1, column 4: expected a number, found a boolean'],
    ['round(1 > 0, 2)', 'line 1, column 9: expected a number, found a boolean'],
  ])('%j', (source, message) => {
    expect(parseError(source).issues[0]?.message).toBe(message);
  });

  it('uses declared input types, and leaves undeclared ones to evaluation', () => {
    const inputs = { attainment: 'number', annual_quota_met: 'boolean' } as const;
    expect(parseError('attainment and annual_quota_met', { inputs }).issues[0]?.message).toBe(
      'line 1, column 1: expected a boolean (a comparison, true or false), found a number',
    );
    expect(parseExpression({ source: 'if(annual_quota_met, attainment, 0)', inputs }).type).toBe('number');
    expect(parseExpression({ source: 'attainment >= 1 and annual_quota_met', inputs }).type).toBe('boolean');
    expect(parseExpression({ source: 'x and y' }).type).toBe('boolean');
    expect(parseExpression({ source: 'if(c, x, y)' }).type).toBe('unknown');
    expect(parseExpression({ source: 'if(c, x, 1)' }).type).toBe('number');
  });
});

describe('parseExpression: limits refuse hostile input before work grows', () => {
  const message = (error: DomainError) => error.issues[0]?.message;

  it('refuses a source over the length limit without reading it', () => {
    expect(message(parseError('('.repeat(200_000)))).toBe('line 1, column 1: formula is 200000 characters long; at most 4000 are allowed');
    expect(message(parseError('9'.repeat(4 * 1024 * 1024)))).toMatch(/formula is 4194304 characters long/);
  });

  it('refuses too many tokens', () => {
    expect(message(parseError('1+'.repeat(600) + '1'))).toBe('line 1, column 1001: formula has more than 1000 tokens');
  });

  it('refuses deep nesting at the level that crosses the limit, even with raised size limits', () => {
    expect(message(parseError('('.repeat(65) + '1' + ')'.repeat(65)))).toBe('line 1, column 65: formula is nested deeper than 64 levels');
    expect(parseExpression({ source: '('.repeat(64) + '1' + ')'.repeat(64) }).root.kind).toBe('number');
    const limits = { maxSourceLength: 10_000_000, maxTokens: 10_000_000, maxDepth: 10_000_000 };
    // Raised limits are clamped to hard ceilings, so the stack is never at risk.
    expect(message(parseError('('.repeat(9_000) + '1', { limits }))).toBe('line 1, column 257: formula is nested deeper than 256 levels');
    expect(message(parseError('('.repeat(200_000), { limits }))).toBe('line 1, column 1: formula is 200000 characters long; at most 100000 are allowed');
    expect(message(parseError('-'.repeat(100) + '1'))).toBe('line 1, column 65: formula is nested deeper than 64 levels');
    expect(message(parseError('not '.repeat(100) + 'true'))).toBe('line 1, column 257: formula is nested deeper than 64 levels');
    expect(message(parseError('max(1, '.repeat(100) + '1' + ')'.repeat(100)))).toBe('line 1, column 449: formula is nested deeper than 64 levels');
  });

  it('refuses a number with too many digits, and too many arguments', () => {
    expect(message(parseError('1'.repeat(41)))).toBe('line 1, column 1: number has more than 40 digits');
    expect(message(parseError(`0.${'1'.repeat(40)}`))).toBe('line 1, column 1: number has more than 40 digits');
    expect(message(parseError(`max(${'1, '.repeat(32)}1)`))).toBe('line 1, column 101: a call takes at most 32 arguments');
  });

  it('refuses a division scale outside 0..40', () => {
    expect(message(parseError('1', { divisionScale: 41 }))).toBe('line 1, column 1: division scale must be an integer from 0 to 40');
    expect(message(parseError('1', { divisionScale: 1.5 }))).toBe('line 1, column 1: division scale must be an integer from 0 to 40');
  });
});
