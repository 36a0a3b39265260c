/**
 * The contract between a detector's algorithm and the one operator that runs
 * every detector (./detectorOperator.ts, built by the statistical detectors'
 * branch): the operator handles keys, batches, missing values, warm-up, the
 * three output columns (model/detectorFields.ts) and snapshots; an algorithm
 * only scores one value of one key at a time. Its state is plain data
 * (numbers, arrays, typed arrays, plain objects), so snapshots, checkpoints
 * and time travel copy it like every other operator's.
 */

/** What an algorithm says about one value. The operator reuses one object: fill it in, do not keep it. */
export interface DetectorVerdict {
  /** In [0, 1]. */
  score: number;
  /** The algorithm's own verdict; the operator forces it false during warm-up. */
  isAnomaly: boolean;
}

export interface DetectorAlgorithm<State> {
  /** A fresh state for a key seen for the first time. */
  createState(): State;
  /**
   * Scores `value` (finite) at event time `time` for the key whose state this
   * is, then learns from it. Called in arrival order per key.
   */
  score(state: State, value: number, time: number, out: DetectorVerdict): void;
  /**
   * The explanation of the last verdict for this state, e.g. "92.1 is 4.3
   * sigma above the rolling mean 70.2". Called only when the operator writes
   * the reason (see detectorFields.ts), so scoring stays cheap.
   */
  explain(state: State, value: number, verdict: DetectorVerdict): string;
  /**
   * The explanation of a record judged normal, as one of the algorithm's few
   * fixed sentences: which one fits the last verdict for this state (an
   * integer from 0 to MAX_NORMAL_BANDS - 1), e.g. the half-sigma band of its
   * distance. The operator formats each band's sentence once (normalText),
   * so normal records cost no string formatting and the reason dictionary
   * stays small however long the run.
   */
  normalBand(state: State, value: number, verdict: DetectorVerdict): number;
  /** The sentence of normal band `band`, e.g. "within 1.5 sigma of the rolling mean". */
  normalText(band: number): string;
}

/** How many normal bands an algorithm may use; bands past it share the last one's sentence. */
export const MAX_NORMAL_BANDS = 64;
