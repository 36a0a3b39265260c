import { sketchCode } from '../aggregate/sketchKey';

/**
 * The loops that fold rows into the flat parts of exact distinct counts and
 * percentiles (see stagedParts), with the conventions of cellKernels: entries
 * [from, to) of `cells` and `rows` list the rows, NaN is missing. Each also
 * counts rows per cell into `count` and present values into `n` when given,
 * saving the passes of countRows and addPresent.
 *
 * A value the flat part cannot take is listed in spillCells and spillRows
 * (from index 0) for the field's complex cell; the loop returns how many.
 */

/** Words per cell of a flat distinct set: whole numbers 0..63 (dictionary codes of up to 64 strings). */
export const SET_WORDS = 2;

/** Sets the bit of each whole value below 64 in its cell's words; lists other values. */
export function addToWords(
  count: Float64Array | null, n: Float64Array | null, words: Uint32Array,
  cells: Int32Array, rows: Int32Array, v: Float64Array, from: number, to: number,
  spillCells: Int32Array, spillRows: Int32Array,
): number {
  let spilled = 0;
  for (let j = from; j < to; j++) {
    const c = cells[j]!;
    const row = rows[j]!;
    const x = v[row]!;
    if (count !== null) count[c]!++;
    if (x !== x) continue;
    if (n !== null) n[c]!++;
    // True only for whole numbers 0 <= x < 64 (-0 included, the same member as 0).
    if (x >>> 0 === x && x < 64) {
      words[c * SET_WORDS + (x >>> 5)]! |= 1 << (x & 31);
    } else {
      spillCells[spilled] = c;
      spillRows[spilled++] = row;
    }
  }
  return spilled;
}

/**
 * Appends each value's sketch code to its cell's `room` codes (fill[c] used)
 * and keeps the cell's smallest and largest staged value; lists values that
 * find their cell's codes full.
 */
export function addToCodes(
  count: Float64Array | null, n: Float64Array | null,
  codes: Int32Array, fill: Int32Array, min: Float64Array, max: Float64Array, room: number,
  cells: Int32Array, rows: Int32Array, v: Float64Array, from: number, to: number,
  spillCells: Int32Array, spillRows: Int32Array,
): number {
  let spilled = 0;
  for (let j = from; j < to; j++) {
    const c = cells[j]!;
    const row = rows[j]!;
    const x = v[row]!;
    if (count !== null) count[c]!++;
    if (x !== x) continue;
    if (n !== null) n[c]!++;
    const used = fill[c]!;
    if (used === room) {
      spillCells[spilled] = c;
      spillRows[spilled++] = row;
      continue;
    }
    codes[c * room + used] = sketchCode(x);
    fill[c] = used + 1;
    if (x < min[c]!) min[c] = x;
    if (x > max[c]!) max[c] = x;
  }
  return spilled;
}
