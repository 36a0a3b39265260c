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

/**
 * addToWords on v0 and addToCodes on v1 in one pass (the fields of a
 * distinct count and a percentile, or one field with both): each row's cell
 * and row are read once, and the processor has both parts' cache misses in
 * flight together, where two passes each waited on their own. Spilled values
 * are listed in spill0 (words) and spill1 (codes); `spilled` gets how many.
 */
export function addToWordsAndCodes(
  count: Float64Array | null, n0: Float64Array | null, words: Uint32Array, v0: Float64Array,
  n1: Float64Array | null, codes: Int32Array, fill: Int32Array, min: Float64Array, max: Float64Array, room: number, v1: Float64Array,
  cells: Int32Array, rows: Int32Array, from: number, to: number,
  spillCells0: Int32Array, spillRows0: Int32Array, spillCells1: Int32Array, spillRows1: Int32Array, spilled: Int32Array,
): void {
  let spilled0 = 0;
  let spilled1 = 0;
  for (let j = from; j < to; j++) {
    const c = cells[j]!;
    const row = rows[j]!;
    if (count !== null) count[c]!++;
    const m = v0[row]!;
    if (m === m) {
      if (n0 !== null) n0[c]!++;
      if (m >>> 0 === m && m < 64) {
        words[c * SET_WORDS + (m >>> 5)]! |= 1 << (m & 31);
      } else {
        spillCells0[spilled0] = c;
        spillRows0[spilled0++] = row;
      }
    }
    const x = v1[row]!;
    if (x !== x) continue;
    if (n1 !== null) n1[c]!++;
    const used = fill[c]!;
    if (used === room) {
      spillCells1[spilled1] = c;
      spillRows1[spilled1++] = row;
      continue;
    }
    codes[c * room + used] = sketchCode(x);
    fill[c] = used + 1;
    if (x < min[c]!) min[c] = x;
    if (x > max[c]!) max[c] = x;
  }
  spilled[0] = spilled0;
  spilled[1] = spilled1;
}
