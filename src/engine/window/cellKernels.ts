/**
 * The loops that fold rows into (slice, key) cells. Entries [from, to) of
 * `cells` and `rows` describe the rows to add, in arrival order: row
 * `rows[j]` of the batch goes to cell `cells[j]` (late rows, filtered rows and
 * rows between windows are simply not listed). A NaN value is missing and is
 * skipped as in SQL.
 *
 * Each loop is a function of its own taking typed arrays only. That keeps
 * every hot loop monomorphic, and it sidesteps a V8 trap: a function with
 * code after a hot loop gets on-stack-replaced before that code has type
 * feedback, and the OSR code then deoptimises on every later call (it did,
 * for the window's whole per-row work, costing half of P2's time).
 */

/** Counts rows per cell (missing values included: count(*) counts rows). */
export function countRows(count: Float64Array, cells: Int32Array, from: number, to: number): void {
  for (let j = from; j < to; j++) count[cells[j]!]!++;
}

/** Counts present values per cell. */
export function addPresent(n: Float64Array, cells: Int32Array, rows: Int32Array, v: Float64Array, from: number, to: number): void {
  for (let j = from; j < to; j++) {
    const c = cells[j]!;
    const x = v[rows[j]!]!;
    if (x === x) n[c]!++;
  }
}

/** Counts and sums present values per cell. */
export function addSum(n: Float64Array, sum: Float64Array, cells: Int32Array, rows: Int32Array, v: Float64Array, from: number, to: number): void {
  for (let j = from; j < to; j++) {
    const c = cells[j]!;
    const x = v[rows[j]!]!;
    if (x === x) {
      n[c]!++;
      sum[c]! += x;
    }
  }
}

/**
 * Counts and sums present values per cell, and keeps their variance partials
 * by Welford's update (see aggregate/moments; written out here so the loop
 * stays one monomorphic function over typed arrays). An empty cell's
 * shiftedMean and m2 are 0; its first value becomes its shift.
 */
export function addMoments(
  n: Float64Array, sum: Float64Array, shift: Float64Array, shiftedMean: Float64Array, m2: Float64Array,
  cells: Int32Array, rows: Int32Array, v: Float64Array, from: number, to: number,
): void {
  for (let j = from; j < to; j++) {
    const c = cells[j]!;
    const x = v[rows[j]!]!;
    if (x !== x) continue;
    const k = n[c]! + 1;
    n[c] = k;
    sum[c]! += x;
    if (k === 1) {
      shift[c] = x;
      continue;
    }
    const d = x - shift[c]!;
    const mean = shiftedMean[c]!;
    const delta = d - mean;
    const next = mean + delta / k;
    shiftedMean[c] = next;
    m2[c]! += delta * (d - next);
  }
}

/**
 * The usual dashboard aggregate (count, sum, avg, min, max) in one pass, so
 * each row's cell and value are loaded once instead of four times. `count`
 * (rows per cell) is counted here too when given: the first field's loop
 * takes it, saving the separate countRows pass.
 */
export function addSumMinMax(
  count: Float64Array | null, n: Float64Array, sum: Float64Array, min: Float64Array, max: Float64Array,
  cells: Int32Array, rows: Int32Array, v: Float64Array, from: number, to: number,
): void {
  for (let j = from; j < to; j++) {
    const c = cells[j]!;
    const x = v[rows[j]!]!;
    if (count !== null) count[c]!++;
    if (x !== x) continue;
    n[c]!++;
    sum[c]! += x;
    if (x < min[c]!) min[c] = x;
    if (x > max[c]!) max[c] = x;
  }
}

/** Keeps the smallest value per cell (NaN never compares smaller). */
export function addMin(min: Float64Array, cells: Int32Array, rows: Int32Array, v: Float64Array, from: number, to: number): void {
  for (let j = from; j < to; j++) {
    const c = cells[j]!;
    const x = v[rows[j]!]!;
    if (x < min[c]!) min[c] = x;
  }
}

/** Keeps the largest value per cell. */
export function addMax(max: Float64Array, cells: Int32Array, rows: Int32Array, v: Float64Array, from: number, to: number): void {
  for (let j = from; j < to; j++) {
    const c = cells[j]!;
    const x = v[rows[j]!]!;
    if (x > max[c]!) max[c] = x;
  }
}

/** Keeps the value of the earliest (first) and latest (last) event time per cell; ties: first to arrive, last to arrive. */
export function addFirstLast(
  firstV: Float64Array, firstT: Float64Array, lastV: Float64Array, lastT: Float64Array,
  cells: Int32Array, rows: Int32Array, v: Float64Array, time: Float64Array, from: number, to: number,
): void {
  for (let j = from; j < to; j++) {
    const c = cells[j]!;
    const x = v[rows[j]!]!;
    if (x !== x) continue;
    const t = time[rows[j]!]!;
    if (t < firstT[c]!) { firstT[c] = t; firstV[c] = x; }
    if (t >= lastT[c]!) { lastT[c] = t; lastV[c] = x; }
  }
}
