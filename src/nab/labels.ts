import type { CostMatrix, NabWindow, ProfileName } from './types';

/** NAB writes window edges as `YYYY-MM-DD HH:MM:SS.ffffff`; data rows have no fraction. */
const WINDOW_TIME = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)(?:\.0+)?$/;

/** combined_windows.json: corpus path -> windows, edges in the data files' timestamp format. */
export function parseWindows(json: unknown): Map<string, NabWindow[]> {
  if (!isRecord(json)) throw new Error('windows: expected an object of corpus path -> [[start, end], ...]');
  const out = new Map<string, NabWindow[]>();
  for (const [path, list] of Object.entries(json)) {
    if (!Array.isArray(list)) throw new Error(`windows["${path}"]: expected a list of [start, end] pairs`);
    out.set(path, list.map((pair: unknown, i) => {
      if (!Array.isArray(pair) || pair.length !== 2) throw new Error(`windows["${path}"][${i}]: expected [start, end]`);
      return { start: windowTime(pair[0], path, i), end: windowTime(pair[1], path, i) };
    }));
  }
  return out;
}

function windowTime(value: unknown, path: string, i: number): string {
  const match = typeof value === 'string' ? WINDOW_TIME.exec(value) : null;
  if (match === null) throw new Error(`windows["${path}"][${i}]: expected a "YYYY-MM-DD HH:MM:SS" timestamp, got ${JSON.stringify(value)}`);
  return match[1]!;
}

const PROFILES: readonly ProfileName[] = ['standard', 'reward_low_FP_rate', 'reward_low_FN_rate'];
const WEIGHTS = ['tpWeight', 'fpWeight', 'fnWeight', 'tnWeight'] as const;

/** profiles.json: the three profiles' cost matrices. */
export function parseProfiles(json: unknown): Map<ProfileName, CostMatrix> {
  if (!isRecord(json)) throw new Error('profiles: expected an object of profile -> { CostMatrix }');
  const out = new Map<ProfileName, CostMatrix>();
  for (const name of PROFILES) {
    const profile = ownValue(json, name);
    const matrix = isRecord(profile) ? ownValue(profile, 'CostMatrix') : undefined;
    if (!isRecord(matrix)) throw new Error(`profiles.${name}.CostMatrix: missing`);
    const weights = new Map<string, number>();
    for (const key of WEIGHTS) {
      const v = ownValue(matrix, key);
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`profiles.${name}.CostMatrix.${key}: expected a number`);
      weights.set(key, v);
    }
    out.set(name, { tpWeight: weights.get('tpWeight')!, fpWeight: weights.get('fpWeight')!, fnWeight: weights.get('fnWeight')!, tnWeight: weights.get('tnWeight')! });
  }
  return out;
}

/** final_results.json: detector -> profile -> published normalised score. */
export function parseScoreboard(json: unknown): Map<string, Map<ProfileName, number>> {
  if (!isRecord(json)) throw new Error('final results: expected an object of detector -> scores');
  const out = new Map<string, Map<ProfileName, number>>();
  for (const [detector, scores] of Object.entries(json)) {
    if (!isRecord(scores)) throw new Error(`final results.${detector}: expected an object of profile -> score`);
    const row = new Map<ProfileName, number>();
    for (const name of PROFILES) {
      const v = ownValue(scores, name);
      if (typeof v !== 'number') throw new Error(`final results.${detector}.${name}: expected a number`);
      row.set(name, v);
    }
    out.set(detector, row);
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ownValue(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
