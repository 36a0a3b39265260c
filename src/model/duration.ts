/**
 * Durations as the pipeline document writes them: `500ms`, `5s`, `1.5m`,
 * `2h`, `1d`, `-15m`, or the plain `0`. The document keeps the text (so a
 * saved file reads back exactly as the person wrote it); the engine turns it
 * into milliseconds with {@link parseDuration}.
 */

/** Milliseconds per unit. */
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

type DurationUnit = keyof typeof UNIT_MS;

/** Largest first, so {@link formatDuration} picks the shortest spelling. */
const UNITS_DESCENDING: readonly DurationUnit[] = ['d', 'h', 'm', 's', 'ms'];

/** The duration grammar; also published as the JSON Schema `pattern`. */
export const DURATION_PATTERN = '^(?:0|-?[0-9]+(?:\\.[0-9]+)?(?:ms|s|m|h|d))$';

const DURATION_RE = /^(-?)([0-9]+)(?:\.([0-9]+))?(ms|s|m|h|d)$/;

/**
 * Reads a duration string into milliseconds.
 *
 * @returns the length in ms (negative for `-15m`), or `null` when the text
 *   is not a duration (`"5 minutes"`, `"5"`, `"1e3s"`, `" 5s"`).
 */
export function parseDuration(text: string): number | null {
  if (text === '0') return 0;
  const match = DURATION_RE.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = '', unit = 'ms'] = match;
  if (unit === 'ms') {
    const ms = Number(fraction === '' ? whole : `${whole}.${fraction}`);
    return sign === '-' ? -ms : ms;
  }
  // Scale the digits as an integer and divide once, so 1.1s is exactly 1100
  // rather than 1100.0000000000002 from 1.1 * 1000.
  const scaled = Number(whole + fraction) * UNIT_MS[unit as DurationUnit];
  const ms = scaled / 10 ** fraction.length;
  if (!Number.isFinite(ms)) return null;
  return sign === '-' ? -ms : ms;
}

/**
 * Writes milliseconds as the shortest exact duration string: 90000 becomes
 * `90s`, 7200000 becomes `2h`, 0 becomes `0ms`. `parseDuration` reads the
 * result back to the same number.
 *
 * @throws RangeError for NaN or an infinite value (a programmer mistake: no
 *   document can hold one).
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`formatDuration needs a finite number, got ${ms}`);
  const sign = ms < 0 ? '-' : '';
  const size = Math.abs(ms);
  if (size === 0) return '0ms';
  if (Number.isInteger(size)) {
    for (const unit of UNITS_DESCENDING) {
      const factor = UNIT_MS[unit];
      if (size % factor === 0) return `${sign}${plainDecimal(size / factor)}${unit}`;
    }
  }
  return `${sign}${plainDecimal(size)}ms`;
}

/** `String(n)` but never in exponent form, which the grammar does not allow. */
function plainDecimal(n: number): string {
  const text = String(n);
  if (!/e/i.test(text)) return text;
  if (Number.isInteger(n)) return BigInt(n).toString();
  // 20 digits is the most toFixed gives; sub-nanosecond precision is noise here.
  return n.toFixed(20).replace(/\.?0+$/, '');
}
