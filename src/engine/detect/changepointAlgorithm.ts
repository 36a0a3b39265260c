/**
 * detect.changepoint: two-sided change detection on standardised deviations
 * z = (x - reference) / sd, accumulated with slack `drift` in both directions
 * (S+ = max(0, S+ + z - drift), S- = max(0, S- - z - drift)); a change is
 * called when either passes `threshold`, and then the statistics and the
 * level estimate start again from the value that tripped them.
 *
 * The sd is that of the first `relearn` values of the current regime, then
 * frozen (a running sd would swallow the shift it should measure). The two
 * methods differ in the mean, as in the textbook tests:
 * - cusum: the mean of those first values, frozen too (CUSUM against a known
 *   target);
 * - pageHinkley: the running mean of every value of the regime so far, this
 *   one included (Page-Hinkley's cumulative deviation from the running mean,
 *   whose distance from its own minimum is the same recursion).
 * For the first `relearn` values of a regime the detector only learns.
 *
 * Score: half of the statistic's way to the threshold below it, 0.5 just past
 * it, rising toward 1 (ruleText.scorePast with the threshold as scale).
 */
import type { ChangepointParams } from '../../model';
import { formatReading, scorePast } from './ruleText';
import type { DetectorAlgorithm, DetectorVerdict } from './types';

/** Plain data. */
export interface ChangepointState {
  /** Values in the current regime and their Welford mean and sum of squared deviations. */
  n: number;
  mean: number;
  m2: number;
  /** The regime's level and sd once learned (NaN while learning); Page-Hinkley tests against the running mean instead of refMean. */
  refMean: number;
  refSd: number;
  /** The two one-sided statistics. */
  up: number;
  down: number;
  /** For the explanation of the last verdict: the statistic, its direction (1 rise, -1 fall, 0 learning) and the reference it measured from. */
  lastStat: number;
  lastSide: number;
  lastMean: number;
}

/** A deviation is capped so a constant regime (sd 0) that moves gives a large statistic, not Infinity, which snapshots and sums keep finite. */
const MAX_Z = 1e3;

function createState(): ChangepointState {
  return { n: 0, mean: 0, m2: 0, refMean: NaN, refSd: NaN, up: 0, down: 0, lastStat: 0, lastSide: 0, lastMean: NaN };
}

function learn(s: ChangepointState, value: number): void {
  s.n++;
  const d = value - s.mean;
  s.mean += d / s.n;
  s.m2 += d * (value - s.mean);
}

/** The regime's sample sd, never 0: a constant regime gets a sliver of its magnitude, so any move stands out. */
function sdOf(s: ChangepointState): number {
  const sd = s.n > 1 ? Math.sqrt(s.m2 / (s.n - 1)) : 0;
  const floor = 1e-9 * Math.max(1, Math.abs(s.mean));
  return sd > floor ? sd : floor;
}

/** Starts a new regime at `value`, the first value after the change. */
function restart(s: ChangepointState, value: number): void {
  s.n = 1;
  s.mean = value;
  s.m2 = 0;
  s.refMean = NaN;
  s.refSd = NaN;
  s.up = 0;
  s.down = 0;
}

export function changepointAlgorithm(params: ChangepointParams): DetectorAlgorithm<ChangepointState> {
  const { drift, threshold, relearn } = params;
  const running = params.method === 'pageHinkley';

  /** Updates the statistics with deviation `z` from `reference` and fills the verdict. */
  function test(s: ChangepointState, value: number, z0: number, reference: number, out: DetectorVerdict): void {
    const z = z0 > MAX_Z ? MAX_Z : z0 < -MAX_Z ? -MAX_Z : z0;
    const up = Math.max(0, s.up + z - drift);
    const down = Math.max(0, s.down - z - drift);
    s.up = up;
    s.down = down;
    const stat = up >= down ? up : down;
    s.lastStat = stat;
    s.lastSide = up >= down ? 1 : -1;
    s.lastMean = reference;
    out.isAnomaly = stat > threshold;
    out.score = out.isAnomaly ? scorePast(stat - threshold, threshold) : (0.5 * stat) / threshold;
    if (out.isAnomaly) restart(s, value);
  }

  return {
    createState,
    score(s, value, _time, out) {
      if (s.n < relearn) {
        learn(s, value);
        if (s.n === relearn) {
          s.refMean = s.mean;
          s.refSd = sdOf(s);
        }
        return learning(s, out);
      }
      if (running) {
        learn(s, value);
        test(s, value, (value - s.mean) / s.refSd, s.mean, out);
      } else {
        test(s, value, (value - s.refMean) / s.refSd, s.refMean, out);
      }
    },
    explain(s, value, verdict) {
      const name = running ? 'Page-Hinkley' : 'CUSUM';
      if (s.lastSide === 0) return `learning the level: ${s.n} of ${relearn} values`;
      const move = s.lastSide > 0 ? 'rise' : 'fall';
      const from = `${running ? 'running mean' : 'mean'} ${formatReading(s.lastMean)}`;
      const stat = formatReading(s.lastStat);
      if (verdict.isAnomaly) return `${name} ${stat} passed ${formatReading(threshold)} after a ${move} from ${from}`;
      return `${formatReading(value)}: ${name} ${stat} of ${formatReading(threshold)} toward a ${move} from ${from}`;
    },
    // Band 0 while learning a regime's level, then 1 + the statistic's tenth of the threshold (it is at most the threshold when normal).
    normalBand: (s) => (s.lastSide === 0 ? 0 : 1 + Math.min(9, Math.floor((10 * s.lastStat) / threshold))),
    normalText: (band) => (band === 0 ? 'learning the level of the regime'
      : `no change: ${running ? 'Page-Hinkley' : 'CUSUM'} under ${band * 10}% of its threshold ${formatReading(threshold)}`),
  };
}

function learning(s: ChangepointState, out: DetectorVerdict): void {
  s.lastSide = 0;
  s.lastStat = 0;
  out.score = 0;
  out.isAnomaly = false;
}
