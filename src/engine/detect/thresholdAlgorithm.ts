/**
 * detect.threshold: a value is anomalous past a bound. The bounds are fixed
 * (min and/or max) or, in quantile mode, the `lower` and `upper` quantiles of
 * the key's last `window` values before this one. Scores: 0 within the
 * bounds; past a bound 0.5 rising toward 1 with the excess against the
 * bounds' spread (ruleText.scorePast).
 */
import type { ThresholdParams } from '../../model';
import { pushValue, quantile, SortedWindow } from './sortedWindow';
import { formatReading, scorePast } from './ruleText';
import type { DetectorAlgorithm, DetectorVerdict } from './types';

/** Plain data. The bounds of the last verdict stay for its explanation. */
export interface ThresholdState {
  /** Quantile mode: the key's latest values; fixed mode: an empty window, never written. */
  values: SortedWindow;
  lo: number;
  hi: number;
  /** How many values the last verdict's quantiles covered. */
  used: number;
}

/** The bounds and scale a verdict used; NaN bounds are absent. */
interface Bounds {
  lo: number;
  hi: number;
  scale: number;
}

/** How far past the bounds (0 within) scales: their spread, or one bound's magnitude when it stands alone. */
function scaleOf(lo: number, hi: number): number {
  if (!Number.isNaN(lo) && !Number.isNaN(hi) && hi > lo) return hi - lo;
  const one = Number.isNaN(lo) ? hi : lo;
  const magnitude = Math.abs(one);
  return magnitude > 0 && Number.isFinite(magnitude) ? magnitude : 1;
}

function judge(value: number, b: Bounds, out: DetectorVerdict): void {
  if (value < b.lo) {
    out.score = scorePast(b.lo - value, b.scale);
    out.isAnomaly = true;
  } else if (value > b.hi) {
    out.score = scorePast(value - b.hi, b.scale);
    out.isAnomaly = true;
  } else {
    out.score = 0;
    out.isAnomaly = false;
  }
}

/** Fixed bounds: absent ones never trip (NaN compares false). */
function fixedAlgorithm(min: number | undefined, max: number | undefined): DetectorAlgorithm<ThresholdState> {
  const bounds: Bounds = { lo: min ?? NaN, hi: max ?? NaN, scale: scaleOf(min ?? NaN, max ?? NaN) };
  return {
    createState: () => ({ values: new SortedWindow(0), lo: bounds.lo, hi: bounds.hi, used: 0 }),
    score(_state, value, _time, out) {
      judge(value, bounds, out);
    },
    explain(state, value) {
      if (value < state.lo) return `${formatReading(value)} is below the fixed minimum ${formatReading(state.lo)}`;
      if (value > state.hi) return `${formatReading(value)} is above the fixed maximum ${formatReading(state.hi)}`;
      if (Number.isNaN(state.lo)) return `${formatReading(value)} is within the fixed maximum ${formatReading(state.hi)}`;
      if (Number.isNaN(state.hi)) return `${formatReading(value)} is within the fixed minimum ${formatReading(state.lo)}`;
      return `${formatReading(value)} is within the fixed bounds [${formatReading(state.lo)}, ${formatReading(state.hi)}]`;
    },
    normalBand: () => 0,
    normalText: () => (min === undefined ? `within the fixed maximum ${formatReading(bounds.hi)}`
      : max === undefined ? `within the fixed minimum ${formatReading(bounds.lo)}`
        : `within the fixed bounds [${formatReading(bounds.lo)}, ${formatReading(bounds.hi)}]`),
  };
}

/** Rolling quantile bounds over the values before this one; with fewer than two there are no bounds yet. */
function quantileAlgorithm(window: number, lower: number, upper: number): DetectorAlgorithm<ThresholdState> {
  const bounds: Bounds = { lo: NaN, hi: NaN, scale: 1 };
  return {
    createState: () => ({ values: new SortedWindow(window), lo: NaN, hi: NaN, used: 0 }),
    score(state, value, _time, out) {
      const w = state.values;
      state.used = w.n;
      if (w.n < 2) {
        state.lo = NaN;
        state.hi = NaN;
        out.score = 0;
        out.isAnomaly = false;
      } else {
        bounds.lo = state.lo = quantile(w, lower);
        bounds.hi = state.hi = quantile(w, upper);
        bounds.scale = scaleOf(bounds.lo, bounds.hi);
        judge(value, bounds, out);
      }
      pushValue(w, value);
    },
    explain(state, value) {
      const v = formatReading(value);
      if (Number.isNaN(state.lo)) return `${v}: no rolling bounds yet (they need 2 earlier values)`;
      const of = `of the last ${state.used}`;
      if (value < state.lo) return `${v} is below the rolling ${lower} quantile ${formatReading(state.lo)} ${of}`;
      if (value > state.hi) return `${v} is above the rolling ${upper} quantile ${formatReading(state.hi)} ${of}`;
      return `${v} is within the rolling bounds [${formatReading(state.lo)}, ${formatReading(state.hi)}] ${of}`;
    },
    // Band 0 before there are bounds, 1 within them.
    normalBand: (state) => (Number.isNaN(state.lo) ? 0 : 1),
    normalText: (band) => (band === 0 ? 'no rolling bounds yet (they need 2 earlier values)'
      : `within the rolling ${lower} and ${upper} quantiles of up to the last ${window} values`),
  };
}

/** The algorithm for validated params. */
export function thresholdAlgorithm(params: ThresholdParams): DetectorAlgorithm<ThresholdState> {
  if (params.mode === 'fixed') return fixedAlgorithm(params.min, params.max);
  return quantileAlgorithm(params.window, params.lower, params.upper);
}
