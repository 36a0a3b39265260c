/**
 * Shapes shared by the checker and the compiler: the typed tree the checker
 * produces, and the compiled parts the compiler builds from it.
 */
import type { Column, FieldType, RowBlock } from '../batch';
import type { ArithmeticOperator, ComparisonOperator, LogicalOperator } from './ast';

/** A field type, or the type of the literal `null` before its context gives it one. */
export type ValueType = FieldType | 'null';

/** A value known at compile time; null is the missing value of any type. */
export type Scalar = number | string | boolean | null;

/** Evaluates a subexpression over a whole block, one column at a time. */
export type Run = (block: RowBlock) => Column;

/**
 * A numeric comparison with a constant, seen as `lo <= x <= hi` (NaN never
 * passes), so `&&` and `||` can test two of them in one loop.
 */
export interface Range {
  readonly read: (block: RowBlock) => Float64Array;
  readonly lo: number;
  readonly hi: number;
}

/**
 * A number column scaled by a constant, `x * c` or `x / c`, seen as such so
 * that adding or subtracting another constant (`temperature * 1.8 + 32`)
 * runs as one pass with the same two roundings instead of two passes.
 */
export interface Scaled {
  readonly read: (block: RowBlock) => Float64Array;
  readonly operator: '*' | '/';
  readonly c: number;
}

/** A compiled subexpression: a constant (literal or folded), or a vectorized run. */
export type Part =
  | { readonly kind: 'const'; readonly type: ValueType; readonly value: Scalar }
  | { readonly kind: 'run'; readonly type: FieldType; readonly run: Run; readonly range?: Range; readonly scaled?: Scaled };

/** What a function parameter accepts: number or time, a string, or any type shared by all arguments. */
type ParamKind = 'numeric' | 'string' | 'same';

/** A built-in function: its signature for the checker and its vectorized implementation. */
export interface FunctionDef {
  readonly name: string;
  /** How to call it, shown in arity errors: `round(x) or round(x, digits)`. */
  readonly usage: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Every parameter of a built-in accepts the same kind. */
  readonly param: ParamKind;
  /** The result type, given the argument types (already checked against `param`). */
  readonly result: (args: readonly FieldType[]) => FieldType;
  /** Builds the run; constant arguments let it memoise or fill once. `type` is the checked result type. */
  readonly compile: (args: readonly Part[], type: FieldType) => Run;
}

/** The checked tree: every node knows its type; calls know their function. */
export type Typed =
  | { readonly kind: 'const'; readonly type: ValueType; readonly value: Scalar }
  | { readonly kind: 'field'; readonly type: FieldType; readonly name: string }
  | { readonly kind: 'negate' | 'not'; readonly type: FieldType; readonly argument: Typed }
  | {
      readonly kind: 'binary';
      readonly type: FieldType;
      readonly operator: ArithmeticOperator | ComparisonOperator | LogicalOperator;
      readonly left: Typed;
      readonly right: Typed;
    }
  | {
      readonly kind: 'conditional';
      readonly type: FieldType;
      readonly test: Typed;
      readonly consequent: Typed;
      readonly alternate: Typed;
    }
  | { readonly kind: 'call'; readonly type: FieldType; readonly fn: FunctionDef; readonly args: readonly Typed[] };

/** Number and time share a representation and mix in arithmetic and comparisons. */
export function isNumeric(type: ValueType): type is 'number' | 'time' {
  return type === 'number' || type === 'time';
}

/**
 * The type two values share when either may be picked (`?:` branches,
 * coalesce arguments): null takes the other's type, number and time give
 * number; undefined when they cannot share one.
 */
export function unify(a: ValueType, b: ValueType): ValueType | undefined {
  if (a === 'null' || a === b) return b;
  if (b === 'null') return a;
  return isNumeric(a) && isNumeric(b) ? 'number' : undefined;
}
