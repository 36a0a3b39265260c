/**
 * Values to sensory facts. CAD OSE cuts the file's [min, max] (which NAB
 * hands its detectors beforehand) into 2^bits bands and makes each bit of
 * the band number a fact. A stream has no min and max in advance, so ours
 * is the range of the warm-up values, widened by `margin` of its width on
 * each side; a value outside it falls in a band of the same width beyond the
 * range, numbered outward, and that band is one fact of its own (up to
 * OUTER_BANDS bands out on each side, the last one open): such a value is
 * unlike everything seen in warm-up, and a level that stays out there is
 * still told apart from its neighbours.
 */

export const OUTER_BANDS = 32;

export interface BandRange {
  /** Lower edge of band 0, and the width of a band. */
  readonly low: number;
  readonly width: number;
  /** In-range bands: 0 .. bands - 1 (bands = 2^bits). */
  readonly bands: number;
  readonly bits: number;
}

/** The number of sensory facts for `bits`: two per bit, two per outer band; neuron facts start there. */
export function sensoryFactCount(bits: number): number {
  return 2 * bits + 2 * OUTER_BANDS;
}

/** The range learnt from warm-up values `values` (at least one). */
export function rangeOf(values: readonly number[], bits: number, margin: number): BandRange {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const bands = 2 ** bits;
  const span = max - min;
  // A flat warm-up has no width to cut: like CAD OSE, bands one unit wide.
  const widened = span > 0 ? span * (1 + 2 * margin) : bands - 1;
  const low = span > 0 ? min - span * margin : min;
  // bands - 1 widths, as CAD OSE does: the maximum itself starts the top band.
  return { low, width: widened / (bands - 1), bands, bits };
}

/** The band of `value`: 0 .. bands - 1 in range, negative below, >= bands above. */
export function bandOf(range: BandRange, value: number): number {
  return Math.floor((value - range.low) / range.width);
}

/** Writes the sorted sensory facts of band `band` into `out` (cleared first). */
export function bandFacts(range: BandRange, band: number, out: number[]): void {
  out.length = 0;
  if (band >= 0 && band < range.bands) {
    for (let bit = 0; bit < range.bits; bit++) out.push(2 * bit + ((band >> bit) & 1));
    return;
  }
  const beyond = band < 0 ? Math.min(-band, OUTER_BANDS) : Math.min(band - range.bands + 1, OUTER_BANDS);
  out.push(2 * range.bits + 2 * (beyond - 1) + (band < 0 ? 0 : 1));
}

/** The value interval of band `band` (in range or out), for explanations. */
export function bandBounds(range: BandRange, band: number): [number, number] {
  return [range.low + band * range.width, range.low + (band + 1) * range.width];
}
