import { normalizedScore, nullDetector, optimizeThreshold, scoreCorpus } from './score';
import { PROBATIONARY_PERCENT, type CostMatrix, type ProfileName, type ScoredFile } from './types';

export const PROFILE_NAMES: readonly ProfileName[] = ['standard', 'reward_low_FP_rate', 'reward_low_FN_rate'];

export interface ScoreOptions {
  readonly probationPercent?: number;
  /**
   * Significant digits the raw totals keep before normalising. NAB's runner reads the totals
   * back from its scores CSV; the published scoreboard was written by Python 2's pandas, which
   * printed 12 digits, so 12 reproduces final_results.json to the last bit. Unset: full precision.
   */
  readonly rawDigits?: number;
}

export interface ProfileResult {
  readonly profile: ProfileName;
  readonly threshold: number;
  readonly raw: number;
  readonly nullRaw: number;
  readonly normalized: number;
}

/**
 * A detector's NAB result in one profile, as NAB's runner does it: optimise the threshold
 * over the corpus, score every file at it, and normalise against the null detector's
 * result found the same way on the same files.
 */
export function scoreProfile(files: readonly ScoredFile[], profile: ProfileName, cost: CostMatrix, options: ScoreOptions = {}): ProfileResult {
  const probationPercent = options.probationPercent ?? PROBATIONARY_PERCENT;
  const raw = rawScore(files, cost, probationPercent);
  const nullRaw = rawScore(nullDetector(files), cost, probationPercent);
  const digits = options.rawDigits;
  const kept = (x: number): number => (digits === undefined ? x : Number(x.toPrecision(digits)));
  let windowCount = 0;
  for (const file of files) windowCount += file.windows.length;
  return {
    profile,
    threshold: raw.threshold,
    raw: raw.score,
    nullRaw: nullRaw.score,
    normalized: normalizedScore(kept(raw.score), kept(nullRaw.score), windowCount, cost),
  };
}

function rawScore(files: readonly ScoredFile[], cost: CostMatrix, probationPercent: number): { threshold: number; score: number } {
  const { threshold } = optimizeThreshold(files, cost, probationPercent);
  return scoreCorpus(files, cost, threshold, probationPercent);
}

/** All three profiles. */
export function scoreDetector(files: readonly ScoredFile[], profiles: ReadonlyMap<ProfileName, CostMatrix>, options: ScoreOptions = {}): ProfileResult[] {
  return PROFILE_NAMES.map((name) => {
    const cost = profiles.get(name);
    if (cost === undefined) throw new Error(`profiles have no "${name}" cost matrix`);
    return scoreProfile(files, name, cost, options);
  });
}
