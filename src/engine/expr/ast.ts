/**
 * The syntax tree of an expression, as the editor sees it. Positions are
 * 0-based indices into the source, `end` exclusive, and do not include
 * enclosing parentheses (so `(a + b)` spans `a + b`).
 */
import type { ExpressionError } from './errors';

/** Operators as the tree spells them (the words `and`, `or`, `not` are read as `&&`, `||`, `!`). */
export type UnaryOperator = '-' | '!';
export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';
export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type LogicalOperator = '&&' | '||';
export type BinaryOperator = ArithmeticOperator | ComparisonOperator | LogicalOperator;

interface Span {
  readonly start: number;
  readonly end: number;
}

/** A number, a string, true, false or null. */
export interface LiteralNode extends Span {
  readonly kind: 'literal';
  readonly value: number | string | boolean | null;
}

/** A field of the record; a dotted path (`payload.amount`) names one field whose name contains dots. */
export interface FieldNode extends Span {
  readonly kind: 'field';
  readonly name: string;
}

/** `-x`, `!x` or `not x`; `start` is the operator's. */
export interface UnaryNode extends Span {
  readonly kind: 'unary';
  /** `not x` is read as `!x`. */
  readonly operator: UnaryOperator;
  readonly argument: Expr;
}

/** `left operator right`. */
export interface BinaryNode extends Span {
  readonly kind: 'binary';
  /** `and` and `or` are read as `&&` and `||`. */
  readonly operator: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
  /** Where the operator itself starts, for errors about it. */
  readonly operatorStart: number;
}

/** `test ? consequent : alternate`. */
export interface ConditionalNode extends Span {
  readonly kind: 'conditional';
  readonly test: Expr;
  readonly consequent: Expr;
  readonly alternate: Expr;
}

/** A call of a built-in function; `start` is where its name starts. */
export interface CallNode extends Span {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly Expr[];
}

/** Any node of the tree. */
export type Expr = LiteralNode | FieldNode | UnaryNode | BinaryNode | ConditionalNode | CallNode;

/** The outcome of parsing: the tree, or the first syntax error. */
export type ParseResult = { readonly ok: true; readonly ast: Expr } | { readonly ok: false; readonly error: ExpressionError };
