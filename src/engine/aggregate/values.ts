import type { Column, RowBlock } from '../batch';
import type { AggregatePlan } from './plan';

/**
 * The plan's fields of a block as Float64Arrays (NaN for missing). Numbers
 * pass through without a copy; strings become their dictionary codes, which is
 * all distinct counts and first/last need.
 */
export function fieldValues(plan: AggregatePlan, block: RowBlock): Float64Array[] {
  return plan.fields.map((field) => columnAsNumbers(block.columns[field.name], block.length));
}

function columnAsNumbers(column: Column | undefined, length: number): Float64Array {
  if (column === undefined) return new Float64Array(length).fill(NaN);
  if (column.type === 'number' || column.type === 'time') return column.values;
  const out = new Float64Array(length);
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
