/**
 * The public entry points: compile an expression against a schema, or a
 * filter (an expression that must be boolean).
 */
import type { Column, FieldType, RowBlock, Schema } from '../batch';
import { checkExpression } from './check';
import { compileRoot } from './compile';
import { catchSourceError, expressionError, type ExpressionError } from './errors';
import { parseOrThrow } from './parser';

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
}

/** The outcome of compiling: the expression, or the first problem with its column. */
export type CompileResult = { readonly ok: true; readonly expr: CompiledExpression } | { readonly ok: false; readonly error: ExpressionError };

/** Parses, type-checks against `schema` and compiles `source` to a vectorized evaluator. */
export function compileExpression(source: string, schema: Schema): CompileResult {
  const result = catchSourceError((): CompiledExpression => {
    const { typed, fields } = checkExpression(parseOrThrow(source), schema);
    if (typed.type === 'null') throw new Error('the checker let an untyped expression through');
    const run = compileRoot(typed, typed.type);
    return { type: typed.type, source, fields, evaluate: run };
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

/** Reused by selectRows: one compaction buffer, then an exact-size copy for the caller. */
let compaction = new Int32Array(0);

/**
 * The indices of the rows where `mask` (a boolean column) is true, or null
 * when every row passes, so a filter can hand its input on untouched.
 */
export function selectRows(mask: Column, length: number): Int32Array | null {
  if (mask.type !== 'boolean') throw new Error(`selectRows needs a boolean column, got ${mask.type}`);
  const values = mask.values;
  if (compaction.length < length) compaction = new Int32Array(length);
  const rows = compaction;
  let count = 0;
  // Branch-free: write every index, advance only past kept ones. A filter
  // keeps rows unpredictably, and a mispredicted branch per row costs more.
  for (let i = 0; i < length; i++) {
    rows[count] = i;
    count += values[i]! & 1;
  }
  return count === length ? null : rows.slice(0, count);
}

/**
 * The entries of `rows` (ascending row indices) whose row `mask` holds, or
 * `rows` itself when all do: a filter behind a filter narrows the selection.
 */
export function selectRowsWithin(mask: Column, rows: Int32Array): Int32Array {
  if (mask.type !== 'boolean') throw new Error(`selectRowsWithin needs a boolean column, got ${mask.type}`);
  const values = mask.values;
  const n = rows.length;
  if (compaction.length < n) compaction = new Int32Array(n);
  const kept = compaction;
  let count = 0;
  for (let j = 0; j < n; j++) {
    const i = rows[j]!;
    kept[count] = i;
    count += values[i]! & 1;
  }
  return count === n ? rows : kept.slice(0, count);
}
