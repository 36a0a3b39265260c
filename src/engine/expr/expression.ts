/**
 * The public entry points: compile an expression against a schema, or a
 * filter (an expression that must be boolean).
 */
import type { Column, FieldType, RowBlock, Schema } from '../batch';
import { checkExpression } from './check';
import { compileRootParts } from './compile';
import { catchSourceError, expressionError, type ExpressionError } from './errors';
import { parseOrThrow } from './parser';
import { compileSelect } from './selection';

/** An expression ready to run over blocks of rows of the schema it was compiled for. */
export interface CompiledExpression {
  /** The type of the values `evaluate` returns. */
  readonly type: FieldType;
  readonly source: string;
  /** The fields the expression reads, in order of first use. */
  readonly fields: readonly string[];
  /**
   * One value per row of `block`, as a column whose arrays the caller owns.
   * Strings are coded in a dictionary that belongs to this expression, so
   * codes are stable from block to block. A field missing from the block
   * reads as missing; a column of another type than the schema said throws.
   */
  evaluate(block: RowBlock): Column;
  /**
   * For a boolean expression: the indices of the rows of `block` where it
   * holds, among `rows` (ascending indices) when given, or null when it holds
   * for every row considered. The result is valid until the next call (it is
   * a view of the expression's own buffer, so selecting allocates nothing).
   * Absent for other types.
   */
  readonly select?: (block: RowBlock, rows: Int32Array | null) => Int32Array | null;
  /**
   * Like `evaluate`, but the arrays may be the expression's own, overwritten
   * by the next call, or the block's: for a caller that reads the values
   * before evaluating again and hands them to nobody who keeps them.
   */
  evaluateShared(block: RowBlock): Column;
}

/** The outcome of compiling: the expression, or the first problem with its column. */
export type CompileResult = { readonly ok: true; readonly expr: CompiledExpression } | { readonly ok: false; readonly error: ExpressionError };

/** Parses, type-checks against `schema` and compiles `source` to a vectorized evaluator. */
export function compileExpression(source: string, schema: Schema): CompileResult {
  const result = catchSourceError((): CompiledExpression => {
    const { typed, fields } = checkExpression(parseOrThrow(source), schema);
    if (typed.type === 'null') throw new Error('the checker let an untyped expression through');
    const root = compileRootParts(typed, typed.type);
    const compiled = { type: typed.type, source, fields, evaluate: root.run, evaluateShared: root.shared };
    return typed.type === 'boolean' ? { ...compiled, select: compileSelect(root) } : compiled;
  });
  return result.ok ? { ok: true, expr: result.value } : result;
}

/** Like {@link compileExpression}, for a filter node: the expression must give a boolean. */
export function compileFilter(source: string, schema: Schema): CompileResult {
  const result = compileExpression(source, schema);
  if (!result.ok || result.expr.type === 'boolean') return result;
  const start = source.length - source.trimStart().length;
  return { ok: false, error: expressionError(start, `a filter needs a true/false condition, but this gives a ${result.expr.type}`) };
}

export { selectRows, selectRowsWithin } from './selection';
