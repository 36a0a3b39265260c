/**
 * Test helpers: build blocks from plain rows, evaluate an expression to
 * plain values, and read the error of one that must fail. For tests only.
 */
import { createStringDict, internString, readCell, type Column, type RowBlock, type Schema, type StringDict } from '../batch';
import type { ExpressionError } from './errors';
import { compileExpression, type CompiledExpression } from './expression';

export type Cell = number | string | boolean | null;

/** A block with one column per schema field, from plain cells (null is missing); strings may share `dicts`. */
export function makeBlock(schema: Schema, data: Readonly<Record<string, readonly Cell[]>>, dicts: Record<string, StringDict> = {}): RowBlock {
  const length = Math.max(0, ...Object.values(data).map((cells) => cells.length));
  // Entries, not assignment: `columns['__proto__'] = ...` would set the prototype, not a column.
  const columns: [string, Column][] = [];
  for (const { name, type } of schema) {
    const cells = Object.hasOwn(data, name) ? data[name] : undefined;
    if (cells === undefined) continue;
    const at = (row: number): Cell => cells[row] ?? null;
    if (type === 'string') {
      const dict = Object.hasOwn(dicts, name) ? dicts[name]! : (dicts[name] = createStringDict());
      const codes = Int32Array.from({ length }, (_, row) => {
        const cell = at(row);
        return typeof cell === 'string' ? internString(dict, cell) : -1;
      });
      columns.push([name, { type, codes, dict }]);
    } else if (type === 'boolean') {
      columns.push([name, { type, values: Uint8Array.from({ length }, (_, row) => (at(row) === true ? 1 : 0)) }]);
    } else {
      columns.push([name, { type, values: Float64Array.from({ length }, (_, row) => numberOf(at(row))) }]);
    }
  }
  return { length, time: new Float64Array(length), columns: Object.fromEntries(columns) };
}

function numberOf(cell: Cell): number {
  return typeof cell === 'number' ? cell : NaN;
}

/** Compiles or fails the test with the error message. */
export function compiled(source: string, schema: Schema): CompiledExpression {
  const result = compileExpression(source, schema);
  if (!result.ok) throw new Error(`expected ${source} to compile: ${result.error.message}`);
  return result.expr;
}

/** The expression's value in each row, as plain cells. */
export function evaluate(source: string, schema: Schema, data: Readonly<Record<string, readonly Cell[]>>): Cell[] {
  const block = makeBlock(schema, data);
  const column = compiled(source, schema).evaluate(block);
  return Array.from({ length: block.length }, (_, row) => readCell(column, row));
}

/** The error of an expression that must not compile. */
export function errorOf(source: string, schema: Schema): ExpressionError {
  const result = compileExpression(source, schema);
  if (result.ok) throw new Error(`expected ${source} to fail, but it compiled to ${result.expr.type}`);
  return result.error;
}

/** The 1-based column of the `^` in a caret line drawn under the source, as in a test's expectation. */
export function caretColumn(caret: string): number {
  const index = caret.indexOf('^');
  if (index < 0) throw new Error('the caret line has no ^');
  return index + 1;
}
