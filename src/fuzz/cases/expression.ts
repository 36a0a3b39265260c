/**
 * One expression case: parse, check and compile against a schema, then
 * evaluate (and select, for a condition) over a block of edge-case cells.
 * The rules: nothing throws, every error has a column inside the text (or
 * just past its end), and a compiled expression gives one value per row.
 */
import type { FieldType, Schema } from '../../engine/batch';
import { compileExpression, compileFilter, parseExpression } from '../../engine/expr';
import type { ExpressionError } from '../../engine/expr';
import { makeBlock, type Cell } from '../../engine/expr/testing';
import { thrown, type CaseOutcome } from './types';

export interface ExpressionCase {
  readonly source: string;
  readonly schema: readonly { readonly name: string; readonly type: FieldType }[];
}

/** Cells every column gets, one row each: the values arithmetic and comparisons trip on. */
const NUMBER_CELLS: readonly Cell[] = [0, -0, 1, -1, 0.5, null, 1e308, -1e308, 1e-300, 2 ** 53 + 1, 1.7e12, -5.5];
const STRING_CELLS: readonly Cell[] = ['', 'a', '__proto__', 'constructor', null, 'x'.repeat(1000), '12', 'NaN', '👍', '\u0000', 'é', 'A'];
const BOOLEAN_CELLS: readonly Cell[] = [true, false, null, true, false, true, false, null, true, false, true, false];

function cellsFor(type: FieldType): readonly Cell[] {
  return type === 'string' ? STRING_CELLS : type === 'boolean' ? BOOLEAN_CELLS : NUMBER_CELLS;
}

function errorProblem(source: string, error: ExpressionError, stage: string): string | null {
  const { column, message } = error;
  if (!Number.isInteger(column) || column < 1 || column > source.length + 1) return `${stage} error column ${column} is outside 1..${source.length + 1}: ${message}`;
  if (!message.startsWith(`column ${column}: `)) return `${stage} error message does not start with its column: ${message}`;
  return null;
}

export function runExpressionCase(input: ExpressionCase): CaseOutcome {
  const violations: string[] = [];
  const schema: Schema = input.schema;
  const { source } = input;
  try {
    const parsed = parseExpression(source);
    if (!parsed.ok) {
      const problem = errorProblem(source, parsed.error, 'parse');
      if (problem !== null) violations.push(problem);
    }
    const compiled = compileExpression(source, schema);
    const filter = compileFilter(source, schema);
    if (parsed.ok !== true && compiled.ok) violations.push('compiled an expression that does not parse');
    if (!compiled.ok) {
      const problem = errorProblem(source, compiled.error, 'compile');
      if (problem !== null) violations.push(problem);
      return { violations, outcome: parsed.ok ? 'refused' : 'syntax' };
    }
    if (!filter.ok) {
      const problem = errorProblem(source, filter.error, 'filter');
      if (problem !== null) violations.push(problem);
    }
    const data = new Map<string, readonly Cell[]>();
    for (const field of schema) data.set(field.name, cellsFor(field.type));
    const block = makeBlock(schema, Object.fromEntries(data));
    const column = compiled.expr.evaluate(block);
    const length = column.type === 'string' ? column.codes.length : column.values.length;
    if (length !== block.length) violations.push(`evaluate gave ${length} values for ${block.length} rows`);
    if (column.type !== compiled.expr.type) violations.push(`evaluate gave a ${column.type} column for a ${compiled.expr.type} expression`);
    if (filter.ok) filter.expr.select?.(block, null);
    return { violations, outcome: 'evaluated' };
  } catch (error) {
    return { violations: [`threw: ${thrown(error)}`], outcome: 'crash' };
  }
}
