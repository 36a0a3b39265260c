/**
 * Selecting the rows a filter keeps, as ascending row indices (a selection
 * vector): downstream operators read through it instead of copying columns.
 */
import type { Column, RowBlock } from '../batch';
import type { RootCompilation } from './compile';

/** Reused by every selection: one compaction buffer, then an exact-size copy for the caller. */
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

/**
 * A selection's own buffer: the kept indices are written here and handed out
 * as a view, so selecting costs no allocation per batch. Each compiled
 * expression has one, and its result is valid until the expression selects
 * again (consumers read selections during the push that carries them).
 */
interface SelectionBuffer {
  rows: Int32Array;
}

function room(buffer: SelectionBuffer, n: number): Int32Array {
  if (buffer.rows.length < n) buffer.rows = new Int32Array(Math.max(n, 2 * buffer.rows.length));
  return buffer.rows;
}

/** Rows 0..length-1 whose value lies in [lo, hi] (NaN never does), or null when all do. */
function selectInRange(values: Float64Array, lo: number, hi: number, length: number, buffer: SelectionBuffer): Int32Array | null {
  const kept = room(buffer, length);
  let count = 0;
  // One comparison per row when the range is open at one end (`x > 30`): half the time of two.
  // `+(test)`, not `test ? 1 : 0`: V8 compiles the conditional to a branch, which a filter
  // keeping rows at random mispredicts; the sum of a 0/1 comparison is branch-free (P2 3-11% faster).
  if (hi === Infinity) {
    for (let i = 0; i < length; i++) {
      kept[count] = i;
      count += +(values[i]! >= lo);
    }
  } else if (lo === -Infinity) {
    for (let i = 0; i < length; i++) {
      kept[count] = i;
      count += +(values[i]! <= hi);
    }
  } else {
    for (let i = 0; i < length; i++) {
      const x = values[i]!;
      kept[count] = i;
      count += +(x >= lo) & +(x <= hi);
    }
  }
  return count === length ? null : kept.subarray(0, count);
}

/** The entries of `rows` whose value lies in [lo, hi], or null when all do. */
function selectInRangeWithin(values: Float64Array, lo: number, hi: number, rows: Int32Array, buffer: SelectionBuffer): Int32Array | null {
  const n = rows.length;
  const kept = room(buffer, n);
  let count = 0;
  for (let j = 0; j < n; j++) {
    const i = rows[j]!;
    const x = values[i]!;
    kept[count] = i;
    count += +(x >= lo) & +(x <= hi);
  }
  return count === n ? null : kept.subarray(0, count);
}

/** Like selectRows and selectRowsWithin, into `buffer`; null when every row considered passes. */
function selectMasked(mask: Column, length: number, rows: Int32Array | null, buffer: SelectionBuffer): Int32Array | null {
  if (mask.type !== 'boolean') throw new Error(`a selection needs a boolean column, got ${mask.type}`);
  const values = mask.values;
  const n = rows === null ? length : rows.length;
  const kept = room(buffer, n);
  let count = 0;
  if (rows === null) {
    for (let i = 0; i < n; i++) {
      kept[count] = i;
      count += values[i]! & 1;
    }
  } else {
    for (let j = 0; j < n; j++) {
      const i = rows[j]!;
      kept[count] = i;
      count += values[i]! & 1;
    }
  }
  return count === n ? null : kept.subarray(0, count);
}

/**
 * A boolean expression's `select`. A comparison of a column with a constant
 * (the commonest filter) tests the column directly: one pass that reads the
 * values and writes the kept indices, instead of a pass writing a mask, a
 * copy of it and a pass compacting it. Anything else compacts its mask,
 * read from the expression's own buffer since it is used at once. The result
 * is a view of the expression's selection buffer (see SelectionBuffer).
 */
export function compileSelect(root: RootCompilation): (block: RowBlock, rows: Int32Array | null) => Int32Array | null {
  const buffer: SelectionBuffer = { rows: new Int32Array(0) };
  const range = root.range;
  if (range !== undefined) {
    const { read, lo, hi } = range;
    return (block, rows) => (rows === null ? selectInRange(read(block), lo, hi, block.length, buffer) : selectInRangeWithin(read(block), lo, hi, rows, buffer));
  }
  const mask = root.shared;
  return (block, rows) => selectMasked(mask(block), block.length, rows, buffer);
}
