/**
 * The expression language of filter and map nodes: parse for the editor,
 * compile against a schema for the engine.
 */
export type {
  ArithmeticOperator,
  BinaryNode,
  BinaryOperator,
  CallNode,
  ComparisonOperator,
  ConditionalNode,
  Expr,
  FieldNode,
  LiteralNode,
  LogicalOperator,
  ParseResult,
  UnaryNode,
  UnaryOperator,
} from './ast';
export type { ExpressionError } from './errors';
export { compileExpression, compileFilter, selectRows, selectRowsWithin } from './expression';
export type { CompiledExpression, CompileResult } from './expression';
export { FUNCTION_NAMES } from './functions';
export { parseExpression } from './parser';
