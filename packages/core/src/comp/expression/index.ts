export { DEFAULT_EXPRESSION_LIMITS, type ExpressionLimits, type SourcePosition as ExpressionSourcePosition } from './lexer.js';
export {
  DEFAULT_DIVISION_SCALE as DEFAULT_EXPRESSION_DIVISION_SCALE,
  parseExpression,
  type Expression,
  type ExpressionBinaryOperator,
  type ExpressionFunctionName,
  type ExpressionInputDeclaration,
  type ExpressionNode,
  type ExpressionType,
} from './parser.js';
export { evaluateExpression, type ExpressionValue } from './evaluate.js';
