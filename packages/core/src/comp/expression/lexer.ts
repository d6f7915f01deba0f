import type { Decimal } from '../../decimal.js';
import { DomainError } from '../../errors.js';

/**
 * Size limits of a formula, enforced before the work they bound can grow: the source
 * length before lexing, the token count while lexing, the nesting depth while parsing.
 */
export interface ExpressionLimits {
  readonly maxSourceLength: number;
  readonly maxTokens: number;
  /** Parentheses, function calls, unary minus and `not` each add one level. */
  readonly maxDepth: number;
  readonly maxArguments: number;
  /** Digits in one numeric literal (integer and fraction together). */
  readonly maxNumberDigits: number;
}

export const DEFAULT_EXPRESSION_LIMITS: ExpressionLimits = {
  maxSourceLength: 4_000,
  maxTokens: 1_000,
  maxDepth: 64,
  maxArguments: 32,
  maxNumberDigits: 40,
};

// A caller may loosen the defaults but not past these: the parser and the evaluator
// recurse, and these ceilings keep them far from the JavaScript stack limit.
const CEILINGS: ExpressionLimits = {
  maxSourceLength: 100_000,
  maxTokens: 10_000,
  maxDepth: 256,
  maxArguments: 256,
  maxNumberDigits: 100,
};

/** The defaults overridden by `overrides`, each clamped to a hard ceiling. */
export function resolveExpressionLimits(overrides: Partial<ExpressionLimits> = {}): ExpressionLimits {
  const pick = (key: keyof ExpressionLimits): number => {
    const wanted = overrides[key] ?? DEFAULT_EXPRESSION_LIMITS[key];
    return Math.max(1, Math.min(Math.trunc(wanted), CEILINGS[key]));
  };
  return {
    maxSourceLength: pick('maxSourceLength'),
    maxTokens: pick('maxTokens'),
    maxDepth: pick('maxDepth'),
    maxArguments: pick('maxArguments'),
    maxNumberDigits: pick('maxNumberDigits'),
  };
}

/** A place in the formula source; line and column are 1-based. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/**
 * The one error of the expression language: a validation DomainError whose message and
 * issue name the line and column, and whose issue carries the line for a plan-file editor.
 */
export function expressionError(params: { field: string; at: SourcePosition; message: string }): DomainError {
  const text = `line ${params.at.line}, column ${params.at.column}: ${params.message}`;
  return new DomainError('validation_failed', `${params.field}: ${text}`, [
    { field: params.field, message: text, line: params.at.line },
  ]);
}

export type ExpressionOperator = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=';

export type ExpressionToken =
  | (SourcePosition & { readonly kind: 'number'; readonly text: string; readonly value: Decimal })
  | (SourcePosition & { readonly kind: 'name'; readonly text: string })
  | (SourcePosition & { readonly kind: 'operator'; readonly text: ExpressionOperator })
  | (SourcePosition & { readonly kind: '(' | ')' | ',' | 'end'; readonly text: string });

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isNameStart = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');
const isNameChar = (c: string | undefined): boolean => isNameStart(c) || isDigit(c);

const TWO_CHAR_OPERATORS = new Set(['<=', '>=', '==', '!=']);
const ONE_CHAR_OPERATORS = new Set(['+', '-', '*', '/', '<', '>']);

/** Shows an offending character safely, whatever it is (control, surrogate, quote). */
const quoteChar = (c: string): string => JSON.stringify(c);

/**
 * Splits a formula into tokens. Refuses an over-long source before looking at it and
 * stops at the first token past the limit, so hostile input costs at most the limits.
 */
export function tokenizeExpression(params: {
  source: string;
  field: string;
  limits: ExpressionLimits;
}): ExpressionToken[] {
  const { source, field, limits } = params;
  if (source.length > limits.maxSourceLength) {
    throw expressionError({
      field,
      at: { line: 1, column: 1 },
      message: `formula is ${source.length} characters long; at most ${limits.maxSourceLength} are allowed`,
    });
  }
  const tokens: ExpressionToken[] = [];
  let index = 0;
  let line = 1;
  let lineStart = 0;
  const fail = (at: number, message: string): never => {
    throw expressionError({ field, at: { line, column: at - lineStart + 1 }, message });
  };
  const push = (token: ExpressionToken): void => {
    // The end marker is not counted: the limit is about what the author wrote.
    if (token.kind !== 'end' && tokens.length >= limits.maxTokens) {
      fail(index, `formula has more than ${limits.maxTokens} tokens`);
    }
    tokens.push(token);
  };

  while (index < source.length) {
    const c = source[index] as string;
    const column = index - lineStart + 1;
    if (c === '\n' || c === '\r') {
      // "\r\n" is one line break, as is a lone "\r".
      index += c === '\r' && source[index + 1] === '\n' ? 2 : 1;
      line += 1;
      lineStart = index;
      continue;
    }
    if (c === ' ' || c === '\t') {
      index += 1;
      continue;
    }
    if (isDigit(c)) {
      index = readNumber({ source, start: index, limits, fail, onToken: (text, value) => push({ kind: 'number', text, value, line, column }) });
      continue;
    }
    if (isNameStart(c)) {
      const start = index;
      for (;;) {
        while (isNameChar(source[index])) index += 1;
        if (source[index] !== '.') break;
        if (!isNameStart(source[index + 1])) fail(index + 1, "expected a name after '.'");
        index += 1;
      }
      push({ kind: 'name', text: source.slice(start, index), line, column });
      continue;
    }
    const pair = source.slice(index, index + 2);
    if (TWO_CHAR_OPERATORS.has(pair)) {
      push({ kind: 'operator', text: pair as ExpressionOperator, line, column });
      index += 2;
      continue;
    }
    if (ONE_CHAR_OPERATORS.has(c)) {
      push({ kind: 'operator', text: c as ExpressionOperator, line, column });
      index += 1;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      push({ kind: c, text: c, line, column });
      index += 1;
      continue;
    }
    if (c === '=') fail(index, "unexpected '='; compare with '=='");
    if (c === '!') fail(index, "unexpected '!'; negate with 'not'");
    fail(index, `unexpected character ${quoteChar(String.fromCodePoint(source.codePointAt(index) ?? 0))}`);
  }
  tokens.push({ kind: 'end', text: '', line, column: index - lineStart + 1 });
  return tokens;
}

/**
 * Reads `1_000`, `0.75` or `12.5%` starting at `start` and returns the index after it.
 * Underscores only group digits; `%` divides by 100 exactly (two more decimal places).
 */
function readNumber(params: {
  source: string;
  start: number;
  limits: ExpressionLimits;
  fail: (at: number, message: string) => never;
  onToken: (text: string, value: Decimal) => void;
}): number {
  const { source, start, limits, fail } = params;
  let index = start;
  let digits = '';
  let fractionDigits = 0;
  const readDigitGroup = (inFraction: boolean): void => {
    while (isDigit(source[index]) || source[index] === '_') {
      if (source[index] === '_') {
        if (!isDigit(source[index - 1]) || !isDigit(source[index + 1])) fail(index, "'_' must stand between two digits");
      } else {
        digits += source[index];
        if (inFraction) fractionDigits += 1;
        // Checked as we go, so megabytes of digits cost no more than the limit.
        if (digits.length > limits.maxNumberDigits) fail(start, `number has more than ${limits.maxNumberDigits} digits`);
      }
      index += 1;
    }
  };
  readDigitGroup(false);
  if (source[index] === '.') {
    if (!isDigit(source[index + 1])) fail(index + 1, "expected a digit after '.'");
    index += 1;
    readDigitGroup(true);
  }
  let scale = fractionDigits;
  if (source[index] === '%') {
    scale += 2;
    index += 1;
  }
  if (isNameChar(source[index]) || source[index] === '.') {
    fail(index, `unexpected character ${quoteChar(source[index] as string)} after a number`);
  }
  params.onToken(source.slice(start, index), { units: BigInt(digits), scale });
  return index;
}
