import { columnOf, type Column, type RowBlock } from '../batch';
import type { AggregatePlan } from './plan';

/**
 * The plan's fields of a block as Float64Arrays (NaN for missing). Numbers
 * pass through without a copy; strings become their dictionary codes, which is
 * all distinct counts and first/last need.
 */
export function fieldValues(plan: AggregatePlan, block: RowBlock, scratch: Float64Array[] | null = null): Float64Array[] {
  return plan.fields.map((field, f) => columnAsNumbers(columnOf(block.columns, field.name), block.length, scratch, f));
}

/**
 * Converted columns are written into scratch[f] when given (grown as needed):
 * an operator that reads the values only while it handles the batch saves an
 * array per batch and field, and the collections that come with them.
 */
function columnAsNumbers(column: Column | undefined, length: number, scratch: Float64Array[] | null, f: number): Float64Array {
  if (column !== undefined && (column.type === 'number' || column.type === 'time')) return column.values;
  let out: Float64Array;
  if (scratch === null) out = new Float64Array(length);
  else {
    const known = scratch[f];
    out = known !== undefined && known.length >= length ? known.subarray(0, length) : (scratch[f] = new Float64Array(length));
  }
  if (column === undefined) return out.fill(NaN);
  if (column.type === 'boolean') {
    const flags = column.values;
    for (let i = 0; i < length; i++) out[i] = flags[i]!;
    return out;
  }
  if (column.type !== 'string') return column.values;
  const codes = column.codes;
  for (let i = 0; i < length; i++) {
    const c = codes[i]!;
    out[i] = c < 0 ? NaN : c;
  }
  return out;
}
