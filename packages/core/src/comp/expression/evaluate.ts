import type { Decimal } from '../../decimal.js';
import { divideRounded } from '../../money.js';
import { expressionError, type SourcePosition } from './lexer.js';
import type { Expression, ExpressionNode } from './parser.js';

/** What a formula computes and what its inputs hold: exact decimals or booleans. */
export type ExpressionValue = Decimal | boolean;

// Intermediate results past this many digits are refused: no plan needs them, and
// unbounded bigints would let a short formula (x * x * x ...) cost a lot of time.
const MAX_RESULT_DIGITS = 400;
const RESULT_LIMIT = 10n ** BigInt(MAX_RESULT_DIGITS);
const MAX_ROUND_PLACES = 40;
const MAX_INPUT_SCALE = 100;

/**
 * Evaluates a parsed formula by walking its tree with the given inputs. Numbers stay
 * exact except in division, which rounds half-even to the expression's division scale
 * through {@link divideRounded}; `round(x, places)` also rounds half-even. Results come
 * back without trailing zeros, so equal values are deep-equal. `and`, `or` and `if`
 * evaluate only what they need, so `if(quota == 0, 0, bookings / quota)` is safe.
 * Failures (a missing input, a boolean where a number belongs, division by zero) are
 * DomainErrors naming the line and column of the offending part.
 */
export function evaluateExpression(params: {
  expression: Expression;
  inputs: Readonly<Record<string, ExpressionValue>>;
}): ExpressionValue {
  const { expression, inputs } = params;
  const fail = (at: SourcePosition, message: string): never => {
    throw expressionError({ field: expression.field, at, message });
  };
  const context: Context = { inputs, divisionScale: expression.divisionScale, fail };
  return evaluateNode(expression.root, context);
}

interface Context {
  readonly inputs: Readonly<Record<string, ExpressionValue>>;
  readonly divisionScale: number;
  readonly fail: (at: SourcePosition, message: string) => never;
}

function evaluateNode(node: ExpressionNode, context: Context): ExpressionValue {
  switch (node.kind) {
    case 'number':
    case 'boolean':
      return node.value;
    case 'input':
      return readInput(node, context);
    case 'negate': {
      const value = asNumber(evaluateNode(node.operand, context), node.operand, context);
      return normalize({ units: -value.units, scale: value.scale });
    }
    case 'not':
      return !asBoolean(evaluateNode(node.operand, context), node.operand, context);
    case 'binary':
      return evaluateBinary(node, context);
    case 'call':
      return evaluateCall(node, context);
  }
}

function readInput(node: ExpressionNode & { kind: 'input' }, context: Context): ExpressionValue {
  const value = Object.hasOwn(context.inputs, node.name) ? context.inputs[node.name] : undefined;
  if (value === undefined) return context.fail(node, `no value for input '${node.name}'`);
  if (typeof value === 'boolean') return value;
  // Inputs come from callers, not the parser: check the shape rather than trust it.
  if (typeof value !== 'object' || value === null || typeof value.units !== 'bigint' || !Number.isInteger(value.scale) || value.scale < 0) {
    return context.fail(node, `input '${node.name}' is neither a decimal nor a boolean`);
  }
  if (value.scale > MAX_INPUT_SCALE || value.units >= RESULT_LIMIT || value.units <= -RESULT_LIMIT) {
    return context.fail(node, `input '${node.name}' is out of range`);
  }
  return normalize(value);
}

type BinaryNode = ExpressionNode & { kind: 'binary' };

function evaluateBinary(node: BinaryNode, context: Context): ExpressionValue {
  if (node.operator === 'and' || node.operator === 'or') {
    const left = asBoolean(evaluateNode(node.left, context), node.left, context);
    if (node.operator === 'and' ? !left : left) return left;
    return asBoolean(evaluateNode(node.right, context), node.right, context);
  }
  const leftValue = evaluateNode(node.left, context);
  const rightValue = evaluateNode(node.right, context);
  if (node.operator === '==' || node.operator === '!=') {
    if (typeof leftValue === 'boolean' || typeof rightValue === 'boolean') {
      if (typeof leftValue !== typeof rightValue) context.fail(node, `cannot compare a number with a boolean using '${node.operator}'`);
      return (leftValue === rightValue) === (node.operator === '==');
    }
  }
  const left = asNumber(leftValue, node.left, context);
  const right = asNumber(rightValue, node.right, context);
  switch (node.operator) {
    case '+':
    case '-': {
      const [a, b, scale] = align(left, right);
      return checked(node.operator === '+' ? a + b : a - b, scale, node, context);
    }
    case '*':
      return checked(left.units * right.units, left.scale + right.scale, node, context);
    case '/':
      if (right.units === 0n) return context.fail(node, 'division by zero');
      // left / right = (l / 10^ls) / (r / 10^rs); scaled up by 10^divisionScale before the one rounding.
      return checked(
        divideRounded(left.units * 10n ** BigInt(context.divisionScale + right.scale), right.units * 10n ** BigInt(left.scale)),
        context.divisionScale,
        node,
        context,
      );
    default: {
      const [a, b] = align(left, right);
      return compare(node.operator, a, b);
    }
  }
}

function compare(operator: '<' | '<=' | '>' | '>=' | '==' | '!=', a: bigint, b: bigint): boolean {
  switch (operator) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '==':
      return a === b;
    case '!=':
      return a !== b;
  }
}

type CallNode = ExpressionNode & { kind: 'call' };

function evaluateCall(node: CallNode, context: Context): ExpressionValue {
  const arg = (index: number): ExpressionNode => node.args[index] as ExpressionNode;
  const numberArg = (index: number): Decimal => asNumber(evaluateNode(arg(index), context), arg(index), context);
  switch (node.name) {
    case 'if':
      return asBoolean(evaluateNode(arg(0), context), arg(0), context)
        ? evaluateNode(arg(1), context)
        : evaluateNode(arg(2), context);
    case 'min':
    case 'max': {
      const wantSmaller = node.name === 'min';
      return node.args.map((_, index) => numberArg(index)).reduce((best, next) => (lessThan(next, best) === wantSmaller && !equal(next, best) ? next : best));
    }
    case 'clamp': {
      const [x, low, high] = [numberArg(0), numberArg(1), numberArg(2)];
      if (lessThan(high, low)) return context.fail(node, 'clamp() needs its low bound at or below its high bound');
      if (lessThan(x, low)) return low;
      return lessThan(high, x) ? high : x;
    }
    case 'round': {
      const [x, places] = [numberArg(0), numberArg(1)];
      if (places.scale !== 0 || places.units < 0n || places.units > BigInt(MAX_ROUND_PLACES)) {
        return context.fail(arg(1), `round() places must be a whole number from 0 to ${MAX_ROUND_PLACES}`);
      }
      const scale = Number(places.units);
      if (scale >= x.scale) return x;
      return normalize({ units: divideRounded(x.units, 10n ** BigInt(x.scale - scale)), scale });
    }
  }
}

function asNumber(value: ExpressionValue, at: SourcePosition, context: Context): Decimal {
  return typeof value === 'boolean' ? context.fail(at, 'expected a number, found a boolean') : value;
}

function asBoolean(value: ExpressionValue, at: SourcePosition, context: Context): boolean {
  return typeof value === 'boolean' ? value : context.fail(at, 'expected a boolean (a comparison, true or false), found a number');
}

/** Both values as integers at a common scale. */
function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

const lessThan = (a: Decimal, b: Decimal): boolean => {
  const [x, y] = align(a, b);
  return x < y;
};
const equal = (a: Decimal, b: Decimal): boolean => {
  const [x, y] = align(a, b);
  return x === y;
};

function checked(units: bigint, scale: number, at: SourcePosition, context: Context): Decimal {
  if (units >= RESULT_LIMIT || units <= -RESULT_LIMIT) context.fail(at, `result has more than ${MAX_RESULT_DIGITS} digits`);
  return normalize({ units, scale });
}

/** Drops trailing fractional zeros, so 1.50 and 1.5 are the same value and deep-equal. */
function normalize(value: Decimal): Decimal {
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return units === value.units ? value : { units, scale };
}
