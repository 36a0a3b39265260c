/**
 * The contextual detector's algorithm (detect.contextual), in the style of
 * CAD OSE: values become band facts (./bands.ts), a context memory
 * (./contextMemory.ts) learns which facts follow which, and a value scores
 * high when the contexts that held before it failed to predict it and the
 * step it makes is new to the memory. Raw score, as CAD OSE:
 * (1 - active/selected + new/candidates) / 2. Also as CAD OSE, a score is
 * reported only when no raw score reached `restThreshold` in the last
 * `restPeriod` values (so one anomaly is one alarm, not a burst), and the
 * first `restPeriod` values after warm-up start count as such a rest.
 *
 * Streaming difference: NAB gives CAD OSE each file's min and max in
 * advance; we learn the range from the warm-up values (held until warm-up
 * ends, then learnt from in order) and score nothing before it is known.
 */
import type { DetectorAlgorithm, DetectorVerdict } from '../types';
import { bandBounds, bandFacts, bandOf, rangeOf, sensoryFactCount, type BandRange } from './bands';
import { createContextMemory, stepContexts, type ContextMemory } from './contextMemory';

export interface ContextualConfig {
  /** Values whose range sets the bands (the detector's warm-up). */
  readonly warmup: number;
  readonly threshold: number;
  readonly restPeriod: number;
  readonly restThreshold: number;
  readonly bits: number;
  readonly rangeMargin: number;
  readonly activeContexts: number;
  readonly contextFacts: number;
}

/** One key's state: plain data. */
export interface ContextualState {
  /** Warm-up values held until the range is known. */
  warm: number[];
  range: BandRange | null;
  memory: ContextMemory | null;
  /** The previous step's facts. */
  previous: number[];
  /** Values learnt from, and the index of the last one whose raw score reached restThreshold (-1: the start counts as one). */
  steps: number;
  lastLoud: number;
  /** What the last step found, for explain(). */
  lastBand: number;
  lastSelected: number;
  lastActive: number;
  lastNovel: boolean;
  lastAdded: number;
  lastCandidates: number;
  lastResting: boolean;
  /** The value before the last one (NaN at the start). */
  before: number;
  lastValue: number;
}

const sensory: number[] = [];

function learn(config: ContextualConfig, st: ContextualState, value: number): number {
  const range = st.range!;
  const band = bandOf(range, value);
  bandFacts(range, band, sensory);
  const r = stepContexts(st.memory!, st.previous, sensory, config.activeContexts, config.contextFacts);
  st.previous = r.facts;
  const missed = r.selected > 0 ? 1 - r.active / r.selected : 1;
  const fresh = r.novelPair && r.candidates > 0 ? r.added / r.candidates : 0;
  const raw = (missed + fresh) / 2;
  const t = st.steps++;
  const resting = t - st.lastLoud <= config.restPeriod;
  if (raw >= config.restThreshold) st.lastLoud = t;
  st.lastBand = band;
  st.lastSelected = r.selected;
  st.lastActive = r.active;
  st.lastNovel = r.novelPair;
  st.lastAdded = r.added;
  st.lastCandidates = r.candidates;
  st.lastResting = resting;
  st.before = st.lastValue;
  st.lastValue = value;
  return resting ? 0 : raw;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(4)));
}

/** The algorithm for one node's params. */
export function contextualAlgorithm(config: ContextualConfig): DetectorAlgorithm<ContextualState> {
  const rangeSize = Math.max(1, config.warmup);
  return {
    createState: () => ({
      warm: [], range: null, memory: null, previous: [], steps: 0, lastLoud: -1,
      lastBand: 0, lastSelected: 0, lastActive: 0, lastNovel: false, lastAdded: 0, lastCandidates: 0, lastResting: true,
      before: NaN, lastValue: NaN,
    }),
    score(st: ContextualState, value: number, _time: number, out: DetectorVerdict): void {
      let s = 0;
      if (st.range === null) {
        st.warm.push(value);
        if (st.warm.length >= rangeSize) {
          st.range = rangeOf(st.warm, config.bits, config.rangeMargin);
          st.memory = createContextMemory(sensoryFactCount(config.bits));
          for (const v of st.warm) s = learn(config, st, v);
          st.warm = [];
        }
      } else {
        s = learn(config, st, value);
      }
      out.score = s;
      out.isAnomaly = s > 0 && s >= config.threshold;
    },
    explain(st: ContextualState, value: number): string {
      const range = st.range;
      if (range === null) return `learning the value range (${st.warm.length} of ${rangeSize} values)`;
      const band = st.lastBand;
      const [lo, hi] = bandBounds(range, band);
      const where = band < 0 ? `below the learnt range (from ${fmt(range.low)})`
        : band >= range.bands ? `above the learnt range (to ${fmt(range.low + range.bands * range.width)})`
        : `in band ${band + 1} of ${range.bands} (${fmt(lo)} to ${fmt(hi)})`;
      const after = Number.isNaN(st.before) ? '' : ` after ${fmt(st.before)}`;
      const predicted = st.lastSelected === 0 ? 'no learnt context applied' : `${st.lastActive} of ${st.lastSelected} learnt contexts predicted it`;
      const fresh = st.lastNovel ? `; this step was new, ${st.lastAdded} of ${st.lastCandidates} contexts it suggests were unseen` : '';
      return `${fmt(value)}${after} is ${where}: ${predicted}${fresh}`;
    },
    // Band 0 while the range is learnt, 1 when no learnt context applied, else 2 + the predicting share in tenths.
    normalBand(st: ContextualState): number {
      if (st.range === null) return 0;
      if (st.lastSelected === 0) return 1;
      return 2 + Math.round((10 * st.lastActive) / st.lastSelected);
    },
    normalText(band: number): string {
      if (band === 0) return 'learning the value range';
      if (band === 1) return 'no learnt context applied yet';
      return `${(band - 2) * 10}% of the learnt contexts that applied predicted it`;
    },
  };
}
