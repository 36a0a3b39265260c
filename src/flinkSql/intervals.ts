/**
 * Durations (whole milliseconds, of either sign) as Flink SQL interval
 * literals. Flink (Calcite) gives an interval's leading field 2 digits of
 * precision unless told otherwise, and refuses `INTERVAL '100' SECOND`
 * ("exceeds precision of SECOND(2) field"); the grammar we check scripts
 * with rejects the precision suffix (`SECOND(3)`). So a duration is written
 * in the largest single unit that holds it exactly with a value below 100
 * (`INTERVAL '5' MINUTE`, `INTERVAL '1.5' SECOND`), else as a compound
 * literal whose leading field stays below 100 (`INTERVAL '1:40' MINUTE TO
 * SECOND`, `INTERVAL '4 04:00:00' DAY TO SECOND`). Only 100 days or more
 * need `DAY(n)`, which Flink takes and the grammar does not (see
 * exportTesting.ts, which checks such scripts with the suffix removed).
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS = [['DAY', DAY], ['HOUR', HOUR], ['MINUTE', MINUTE], ['SECOND', SECOND]] as const;

const two = (n: number): string => String(n).padStart(2, '0');

/** Seconds with their milliseconds, `5` or `5.25`. */
function seconds(ms: number): string {
  const whole = Math.floor(ms / SECOND);
  const fraction = ms % SECOND;
  return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(3, '0').replace(/0+$/, '')}`;
}

/** Seconds below a minute as a compound literal's last field: `05` or `05.25`. */
function secondsPadded(ms: number): string {
  const [whole = '0', fraction] = seconds(ms).split('.');
  return `${two(Number(whole))}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** `ms` as an interval literal, like `INTERVAL '5' MINUTE` or `INTERVAL '-1.5' SECOND`. */
export function interval(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs === 0) return `INTERVAL '0' SECOND`;
  for (const [unit, size] of UNITS) {
    if (abs % size === 0 && abs / size < 100) return `INTERVAL '${sign}${abs / size}' ${unit}`;
  }
  if (abs < 100 * SECOND) return `INTERVAL '${sign}${seconds(abs)}' SECOND`;
  const rest = abs % MINUTE;
  if (abs < 100 * MINUTE) return `INTERVAL '${sign}${Math.floor(abs / MINUTE)}:${secondsPadded(rest)}' MINUTE TO SECOND`;
  const minutes = two(Math.floor((abs % HOUR) / MINUTE));
  if (abs < 100 * HOUR) return `INTERVAL '${sign}${Math.floor(abs / HOUR)}:${minutes}:${secondsPadded(rest)}' HOUR TO SECOND`;
  const days = Math.floor(abs / DAY);
  const precision = days < 100 ? '' : `(${String(days).length})`;
  return `INTERVAL '${sign}${days} ${two(Math.floor((abs % DAY) / HOUR))}:${minutes}:${secondsPadded(rest)}' DAY${precision} TO SECOND`;
}

/** `ms` as a Flink configuration duration, like `3000 ms`. */
export function configDuration(ms: number): string {
  return `${ms} ms`;
}
