import type { Decimal } from '../../decimal.js';
import {
  expressionError,
  resolveExpressionLimits,
  tokenizeExpression,
  type ExpressionLimits,
  type ExpressionOperator,
  type ExpressionToken,
  type SourcePosition,
} from './lexer.js';

export type ExpressionFunctionName = 'if' | 'min' | 'max' | 'clamp' | 'round';
export type ExpressionBinaryOperator = ExpressionOperator | 'and' | 'or';

/** A node of the parsed formula; every node names where it starts in the source. */
export type ExpressionNode =
  | (SourcePosition & { readonly kind: 'number'; readonly value: Decimal })
  | (SourcePosition & { readonly kind: 'boolean'; readonly value: boolean })
  | (SourcePosition & { readonly kind: 'input'; readonly name: string })
  | (SourcePosition & { readonly kind: 'negate' | 'not'; readonly operand: ExpressionNode })
  /** Positioned at the operator, so "division by zero" points at the '/'. */
  | (SourcePosition & {
      readonly kind: 'binary';
      readonly operator: ExpressionBinaryOperator;
      readonly left: ExpressionNode;
      readonly right: ExpressionNode;
    })
  | (SourcePosition & {
      readonly kind: 'call';
      readonly name: ExpressionFunctionName;
      readonly args: readonly ExpressionNode[];
    });

/** A parsed formula, ready to evaluate any number of times. */
export interface Expression {
  readonly source: string;
  /** Names the errors of this formula (e.g. "components[0].formula"). */
  readonly field: string;
  readonly root: ExpressionNode;
  /** The input names the formula reads, sorted and without duplicates. */
  readonly inputs: readonly string[];
  /** Decimal places a quotient is rounded to (half-even). */
  readonly divisionScale: number;
  /** What the formula yields, as far as the parser can tell without values. */
  readonly type: ExpressionType;
}

/** 'unknown' where the type depends on an input whose type was not declared. */
export type ExpressionType = 'number' | 'boolean' | 'unknown';

/** The allowed inputs: bare names, or names with the type of value each holds. */
export type ExpressionInputDeclaration = readonly string[] | Readonly<Record<string, 'number' | 'boolean'>>;

/** Argument counts: [fewest, most]; most = Infinity means "up to the argument limit". */
const FUNCTIONS: Record<ExpressionFunctionName, readonly [number, number]> = {
  if: [3, 3],
  min: [2, Infinity],
  max: [2, Infinity],
  clamp: [3, 3],
  round: [2, 2],
};
const RESERVED = new Set(['and', 'or', 'not', 'true', 'false']);
const COMPARISONS = new Set<string>(['<', '<=', '>', '>=', '==', '!=']);
export const DEFAULT_DIVISION_SCALE = 12;
// The type check and the evaluator recurse once per level (a few stack frames each);
// this keeps them far below the JavaScript stack limit whatever the other limits say.
const MAX_TREE_HEIGHT = 1_000;
const MAX_DIVISION_SCALE = 40;

const isFunctionName = (name: string): name is ExpressionFunctionName => Object.hasOwn(FUNCTIONS, name);

/**
 * Parses a formula of a plan file. Never evaluates anything: the result is a tree that
 * {@link evaluateExpression} walks. When `inputs` is given, any other name is an error
 * now rather than at calculation time. Types are checked as far as they are known here
 * (literals, operators, inputs declared with a type), so `attainment and 1` fails at load.
 * Every error is a DomainError naming line and column.
 */
export function parseExpression(params: {
  source: string;
  inputs?: ExpressionInputDeclaration;
  field?: string;
  limits?: Partial<ExpressionLimits>;
  divisionScale?: number;
}): Expression {
  const field = params.field ?? 'expression';
  const limits = resolveExpressionLimits(params.limits);
  const divisionScale = params.divisionScale ?? DEFAULT_DIVISION_SCALE;
  if (!Number.isInteger(divisionScale) || divisionScale < 0 || divisionScale > MAX_DIVISION_SCALE) {
    throw expressionError({ field, at: { line: 1, column: 1 }, message: `division scale must be an integer from 0 to ${MAX_DIVISION_SCALE}` });
  }
  const tokens = tokenizeExpression({ source: params.source, field, limits });
  const declared = declaredInputTypes(params.inputs);
  const parser = new Parser({ tokens, field, limits, allowed: declared });
  const root = parser.parseFormula();
  const type = inferType({
    node: root,
    types: declared ?? new Map(),
    fail: (at, message) => {
      throw expressionError({ field, at, message });
    },
  });
  return { source: params.source, field, root, inputs: [...parser.names].sort(), divisionScale, type };
}

function declaredInputTypes(inputs: ExpressionInputDeclaration | undefined): ReadonlyMap<string, ExpressionType> | undefined {
  if (inputs === undefined) return undefined;
  if (isNameList(inputs)) return new Map(inputs.map((name) => [name, 'unknown']));
  return new Map(Object.entries(inputs));
}

const isNameList = (inputs: ExpressionInputDeclaration): inputs is readonly string[] => Array.isArray(inputs);

/**
 * The type a node yields, failing where a known type meets the wrong operator. Messages
 * match the evaluator's, so an error reads the same whether caught at load or at run.
 * Recursion is bounded: the tree is no deeper than the parser's limits allow.
 */
function inferType(params: {
  node: ExpressionNode;
  types: ReadonlyMap<string, ExpressionType>;
  fail: (at: SourcePosition, message: string) => never;
}): ExpressionType {
  const { node, types, fail } = params;
  const typeOf = (child: ExpressionNode): ExpressionType => inferType({ node: child, types, fail });
  const want = (child: ExpressionNode, wanted: 'number' | 'boolean'): void => {
    const actual = typeOf(child);
    if (actual === 'unknown' || actual === wanted) return;
    fail(child, wanted === 'number' ? 'expected a number, found a boolean' : 'expected a boolean (a comparison, true or false), found a number');
  };
  const same = (left: ExpressionType, right: ExpressionType, message: string): ExpressionType => {
    if (left !== 'unknown' && right !== 'unknown' && left !== right) fail(node, message);
    return left === 'unknown' ? right : left;
  };
  switch (node.kind) {
    case 'number':
    case 'boolean':
      return node.kind;
    case 'input':
      return types.get(node.name) ?? 'unknown';
    case 'negate':
      want(node.operand, 'number');
      return 'number';
    case 'not':
      want(node.operand, 'boolean');
      return 'boolean';
    case 'binary':
      if (node.operator === 'and' || node.operator === 'or') {
        want(node.left, 'boolean');
        want(node.right, 'boolean');
        return 'boolean';
      }
      if (node.operator === '==' || node.operator === '!=') {
        same(typeOf(node.left), typeOf(node.right), `cannot compare a number with a boolean using '${node.operator}'`);
        return 'boolean';
      }
      want(node.left, 'number');
      want(node.right, 'number');
      return COMPARISONS.has(node.operator) ? 'boolean' : 'number';
    case 'call':
      if (node.name === 'if') {
        const [condition, then, otherwise] = node.args as [ExpressionNode, ExpressionNode, ExpressionNode];
        want(condition, 'boolean');
        return same(typeOf(then), typeOf(otherwise), 'if() needs both branches to be numbers or both to be booleans');
      }
      for (const arg of node.args) want(arg, 'number');
      return 'number';
  }
}

/** Recursive descent over the token list; `depth` bounds the recursion. */
class Parser {
  readonly names = new Set<string>();
  private readonly heights = new WeakMap<ExpressionNode, number>();
  private position = 0;
  private depth = 0;
  private readonly tokens: readonly ExpressionToken[];
  private readonly field: string;
  private readonly limits: ExpressionLimits;
  private readonly allowed: ReadonlyMap<string, ExpressionType> | undefined;

  constructor(params: { tokens: readonly ExpressionToken[]; field: string; limits: ExpressionLimits; allowed: ReadonlyMap<string, ExpressionType> | undefined }) {
    this.tokens = params.tokens;
    this.field = params.field;
    this.limits = params.limits;
    this.allowed = params.allowed;
  }

  parseFormula(): ExpressionNode {
    if (this.peek().kind === 'end') this.fail(this.peek(), 'formula is empty');
    const root = this.parseOr();
    const rest = this.peek();
    if (rest.kind !== 'end') this.fail(rest, `unexpected ${describe(rest)}; expected an operator or the end of the formula`);
    return root;
  }

  private parseOr(): ExpressionNode {
    let left = this.parseAnd();
    while (this.isWord('or')) {
      const op = this.next();
      left = this.counted({ kind: 'binary', operator: 'or', left, right: this.parseAnd(), line: op.line, column: op.column });
    }
    return left;
  }

  private parseAnd(): ExpressionNode {
    let left = this.parseNot();
    while (this.isWord('and')) {
      const op = this.next();
      left = this.counted({ kind: 'binary', operator: 'and', left, right: this.parseNot(), line: op.line, column: op.column });
    }
    return left;
  }

  private parseNot(): ExpressionNode {
    if (!this.isWord('not')) return this.parseComparison();
    const op = this.next();
    const operand = this.nested(op, () => this.parseNot());
    return this.counted({ kind: 'not', operand, line: op.line, column: op.column });
  }

  /** Comparisons do not chain: `a < b < c` is refused rather than given a surprising meaning. */
  private parseComparison(): ExpressionNode {
    const left = this.parseAdditive();
    const op = this.peek();
    if (op.kind !== 'operator' || !COMPARISONS.has(op.text)) return left;
    this.next();
    const right = this.parseAdditive();
    const after = this.peek();
    if (after.kind === 'operator' && COMPARISONS.has(after.text)) {
      this.fail(after, "comparisons cannot be chained; join them with 'and'");
    }
    return this.counted({ kind: 'binary', operator: op.text, left, right, line: op.line, column: op.column });
  }

  private parseAdditive(): ExpressionNode {
    let left = this.parseMultiplicative();
    for (let op = this.peek(); op.kind === 'operator' && (op.text === '+' || op.text === '-'); op = this.peek()) {
      this.next();
      left = this.counted({ kind: 'binary', operator: op.text, left, right: this.parseMultiplicative(), line: op.line, column: op.column });
    }
    return left;
  }

  private parseMultiplicative(): ExpressionNode {
    let left = this.parseUnary();
    for (let op = this.peek(); op.kind === 'operator' && (op.text === '*' || op.text === '/'); op = this.peek()) {
      this.next();
      left = this.counted({ kind: 'binary', operator: op.text, left, right: this.parseUnary(), line: op.line, column: op.column });
    }
    return left;
  }

  private parseUnary(): ExpressionNode {
    const op = this.peek();
    if (op.kind !== 'operator' || op.text !== '-') return this.parsePrimary();
    this.next();
    const operand = this.nested(op, () => this.parseUnary());
    return this.counted({ kind: 'negate', operand, line: op.line, column: op.column });
  }

  private parsePrimary(): ExpressionNode {
    const token = this.next();
    const at = { line: token.line, column: token.column };
    switch (token.kind) {
      case 'number':
        return { kind: 'number', value: token.value, ...at };
      case '(': {
        const inner = this.nested(token, () => this.parseOr());
        this.expect(')', "expected ')'");
        return inner;
      }
      case 'name':
        if (token.text === 'true' || token.text === 'false') return { kind: 'boolean', value: token.text === 'true', ...at };
        if (RESERVED.has(token.text)) return this.fail(token, `unexpected '${token.text}'; expected a value`);
        if (this.peek().kind === '(') return this.parseCall(token);
        return this.parseInput(token);
      default:
        return this.fail(token, `unexpected ${describe(token)}; expected a value`);
    }
  }

  private parseInput(token: ExpressionToken): ExpressionNode {
    if (this.allowed && !this.allowed.has(token.text)) this.fail(token, `unknown input '${token.text}'`);
    this.names.add(token.text);
    return { kind: 'input', name: token.text, line: token.line, column: token.column };
  }

  private parseCall(token: ExpressionToken): ExpressionNode {
    const name = token.text;
    if (!isFunctionName(name)) return this.fail(token, `unknown function '${name}'`);
    this.next(); // '('
    const args = this.nested(token, () => {
      const list: ExpressionNode[] = [];
      if (this.peek().kind === ')') return list;
      for (;;) {
        if (list.length >= this.limits.maxArguments) this.fail(this.peek(), `a call takes at most ${this.limits.maxArguments} arguments`);
        list.push(this.parseOr());
        if (this.peek().kind !== ',') return list;
        this.next();
      }
    });
    this.expect(')', "expected ',' or ')'");
    const [fewest, most] = FUNCTIONS[name];
    if (args.length < fewest || args.length > most) {
      const wanted = fewest === most ? `${fewest}` : `at least ${fewest}`;
      this.fail(token, `${name}() takes ${wanted} arguments, got ${args.length}`);
    }
    return this.counted({ kind: 'call', name, args, line: token.line, column: token.column });
  }

  /**
   * Records the height of a new inner node and refuses a tree taller than the evaluator
   * may safely recurse through. Chains like `1 + 1 + ...` grow the tree without nesting,
   * so the depth limit alone does not bound it.
   */
  private counted<T extends ExpressionNode & { kind: 'binary' | 'negate' | 'not' | 'call' }>(node: T): T {
    const children = node.kind === 'binary' ? [node.left, node.right] : node.kind === 'call' ? node.args : [node.operand];
    const height = 1 + Math.max(0, ...children.map((child) => this.heights.get(child) ?? 1));
    if (height > MAX_TREE_HEIGHT) this.fail(node, `formula is more than ${MAX_TREE_HEIGHT} operations deep; split it into smaller formulas`);
    this.heights.set(node, height);
    return node;
  }

  /** Runs one level deeper, refusing to pass the depth limit (so the stack never can). */
  private nested<T>(at: ExpressionToken, parse: () => T): T {
    if (this.depth >= this.limits.maxDepth) this.fail(at, `formula is nested deeper than ${this.limits.maxDepth} levels`);
    this.depth += 1;
    const result = parse();
    this.depth -= 1;
    return result;
  }

  private expect(kind: ExpressionToken['kind'], message: string): ExpressionToken {
    const token = this.peek();
    if (token.kind !== kind) this.fail(token, `${message}, found ${describe(token)}`);
    return this.next();
  }

  private isWord(word: string): boolean {
    const token = this.peek();
    return token.kind === 'name' && token.text === word;
  }

  private peek(): ExpressionToken {
    // The lexer always ends the list with an 'end' token, and next() never moves past it.
    return this.tokens[this.position] as ExpressionToken;
  }

  private next(): ExpressionToken {
    const token = this.peek();
    if (token.kind !== 'end') this.position += 1;
    return token;
  }

  private fail(at: SourcePosition, message: string): never {
    throw expressionError({ field: this.field, at, message });
  }
}

const describe = (token: ExpressionToken): string => (token.kind === 'end' ? 'end of formula' : `'${token.text}'`);
