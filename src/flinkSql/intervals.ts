/**
 * Durations (whole milliseconds, of either sign) as Flink SQL interval
 * literals: the largest unit that holds the duration exactly (DAY, HOUR,
 * MINUTE, SECOND), else fractional seconds (`INTERVAL '1.5' SECOND`, Flink
 * keeps milliseconds). Flink (Calcite) gives an interval field 2 digits of
 * leading precision by default and refuses `INTERVAL '100' SECOND`, so a
 * value of 3 or more digits states its precision: `INTERVAL '100' SECOND(3)`.
 */

const UNITS = [
  ['DAY', 86_400_000],
  ['HOUR', 3_600_000],
  ['MINUTE', 60_000],
  ['SECOND', 1000],
] as const;

/** `ms` as an interval literal, like `INTERVAL '5' MINUTE` or `INTERVAL '-1.5' SECOND`. */
export function interval(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  for (const [unit, size] of UNITS) {
    if (abs % size !== 0) continue;
    const value = abs / size;
    return `INTERVAL '${sign}${value}' ${unit}${precision(String(value).length, null)}`;
  }
  const whole = Math.floor(abs / 1000);
  const fraction = String(abs % 1000).padStart(3, '0').replace(/0+$/, '');
  return `INTERVAL '${sign}${whole}.${fraction}' SECOND${precision(String(whole).length, 3)}`;
}

function precision(digits: number, fractional: number | null): string {
  if (digits <= 2) return fractional === null ? '' : '';
  return fractional === null ? `(${digits})` : `(${digits}, ${fractional})`;
}

/** `ms` as a Flink configuration duration, like `3000 ms`. */
export function configDuration(ms: number): string {
  return `${ms} ms`;
}
