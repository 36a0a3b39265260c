import type { NabWindow } from './types';

/**
 * NAB's result files as NAB writes them (nab/detectors/base.py: a pandas DataFrame of the data
 * file's columns, the anomaly scores and the labels, `to_csv(index=False)`), so NAB's own scorer
 * reads ours unchanged and a diff against NAB's files shows only the scores.
 */
export const RESULT_HEADER = 'timestamp,value,anomaly_score,label';

/** Python's repr of a float (what pandas writes for float64): shortest round-trip digits, exponent below 1e-4 or from 1e16. */
export function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // toExponential() without digits gives the shortest digits that read back as x, as repr does.
  const [mantissa, exponentText] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const rest = digits.slice(1);
    const e = Math.abs(exponent);
    return `${sign}${digits[0]}${rest === '' ? '' : `.${rest}`}e${exponent < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}.${fraction === '' ? '0' : fraction}`;
}

const INTEGER = /^[+-]?\d+$/;

/**
 * A data column as pandas writes it back after reading it: integers when every cell is one
 * (an int64 column), else every cell as a float (a float64 column; empty cells stay empty).
 */
export function pandasColumn(cells: readonly string[]): string[] {
  if (cells.length > 0 && cells.every((cell) => INTEGER.test(cell))) {
    return cells.map((cell) => BigInt(cell).toString());
  }
  return cells.map((cell) => (cell.trim() === '' ? '' : pythonFloat(Number(cell))));
}

/** NAB's labels: 1 for a row whose timestamp lies in a window (edges included), else 0. */
export function windowLabels(timestamps: readonly string[], windows: readonly NabWindow[]): number[] {
  return timestamps.map((t) => (windows.some((w) => t >= w.start && t <= w.end) ? 1 : 0));
}

export interface ResultColumns {
  readonly timestamps: readonly string[];
  /** The data file's value cells as written in it. */
  readonly values: readonly string[];
  readonly scores: readonly number[];
  readonly windows: readonly NabWindow[];
}

/** The text of `<detector>_<file>.csv`. */
export function resultCsv({ timestamps, values, scores, windows }: ResultColumns): string {
  const written = pandasColumn(values);
  const labels = windowLabels(timestamps, windows);
  const lines = [RESULT_HEADER];
  for (let i = 0; i < timestamps.length; i++) lines.push(`${timestamps[i]},${written[i]},${pythonFloat(scores[i]!)},${labels[i]}`);
  return `${lines.join('\n')}\n`;
}
