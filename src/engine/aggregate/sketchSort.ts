import { sketchCode } from './sketchKey';
import type { QuantileSketch } from './quantileSketch';

/** Counts per code, all 0 between sorts; codes spanning more than this are sorted natively. */
const tally = new Int32Array(4096);
/** Which codes occur (a bit each), for the sparse sort; all 0 between sorts. */
const occurs = new Int32Array(4096 / 32);
/** Where the dense sort places codes before copying them back. */
const placed = new Int32Array(4096);

/**
 * Sorts a sketch's buffered codes ascending, so quantiles read ranks off
 * directly. The codes of its smallest and largest value bound them (codes
 * order as values do); when they span under 4096 codes (mostly a few
 * hundred) they are sorted by counting. Emitting the counted codes in order
 * by a walk over the counts branched unpredictably once per code (most codes
 * occur once, a few twice), which cost more than everything else; so when
 * the codes are dense in their span they are placed instead (prefix sums of
 * the counts, then one store per code), and only sparse ones are walked.
 */
export function sortCodes(sketch: QuantileSketch): void {
  const codes = sketch.buffer;
  const n = sketch.buffered;
  const lo = sketchCode(sketch.min);
  const span = sketchCode(sketch.max) - lo + 1;
  if (span > tally.length) codes.subarray(0, n).sort();
  else if (span <= 8 * n) sortDense(codes, n, lo, span);
  else sortSparse(codes, n, lo, span);
}

function sortDense(codes: Int32Array, n: number, lo: number, span: number): void {
  for (let i = 0; i < n; i++) tally[codes[i]! - lo]!++;
  let start = 0;
  for (let c = 0; c < span; c++) {
    const k = tally[c]!;
    tally[c] = start;
    start += k;
  }
  for (let i = 0; i < n; i++) {
    const code = codes[i]!;
    placed[tally[code - lo]!++] = code;
  }
  for (let i = 0; i < n; i++) codes[i] = placed[i]!;
  tally.fill(0, 0, span);
}

/** Counts the codes, then emits them in order, visiting only the codes that occur through a bit set. */
function sortSparse(codes: Int32Array, n: number, lo: number, span: number): void {
  for (let i = 0; i < n; i++) {
    const c = codes[i]! - lo;
    tally[c]!++;
    occurs[c >>> 5]! |= 1 << (c & 31);
  }
  let out = 0;
  for (let w = 0; w <= (span - 1) >>> 5; w++) {
    let bits = occurs[w]!;
    occurs[w] = 0;
    while (bits !== 0) {
      const c = (w << 5) + 31 - Math.clz32(bits & -bits);
      bits &= bits - 1;
      const k = tally[c]!;
      tally[c] = 0;
      for (let m = 0; m < k; m++) codes[out + m] = lo + c;
      out += k;
    }
  }
}
