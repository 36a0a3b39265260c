/**
 * How live figures read: times in UTC (event time has no time zone of its
 * own, and UTC matches the CLI's epoch milliseconds), rates and counts short
 * enough for a badge.
 */
import type { Cell } from './cells';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `HH:MM:SS.mmm` in UTC. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC, for table cells, where windows may span days. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${formatTime(ms)}`;
}

/**
 * An x-axis tick of a time axis whose ticks are `step` ms apart, in UTC and
 * 24-hour time: dates for daily ticks, minutes, seconds or milliseconds otherwise.
 */
export function formatTick(ms: number, step: number): string {
  if (step >= 86_400_000) return formatDateTime(ms).slice(0, 10);
  const time = formatTime(ms);
  if (step >= 60_000) return time.slice(0, 5);
  return step >= 1000 ? time.slice(0, 8) : time;
}

/** A watermark: "—" before the first one, "end" once the input has ended (+∞), else its time. */
export function formatWatermark(ms: number): string {
  if (ms === -Infinity || Number.isNaN(ms)) return '—';
  if (ms === Infinity) return 'end';
  return formatTime(ms);
}

/** 999, 1.2k, 12k, 3.4M: at most three significant digits past a thousand. */
export function formatCount(n: number): string {
  const abs = Math.abs(n);
  if (abs < 1000) return String(Math.round(n));
  const [value, unit] = abs < 1e6 ? [n / 1e3, 'k'] : abs < 1e9 ? [n / 1e6, 'M'] : [n / 1e9, 'G'];
  return `${Math.abs(value) < 10 ? value.toFixed(1).replace(/\.0$/, '') : Math.round(value)}${unit}`;
}

// One formatter for the page: toLocaleString builds a new one on every call, and the node badges' titles call it ten times a second per node at Max.
const EXACT = new Intl.NumberFormat('en');

/** Every digit, grouped: 1234567 → "1,234,567" (tooltips beside a short {@link formatCount}). */
export function formatExactCount(n: number): string {
  return EXACT.format(n);
}

/** Events per second: "0/s", "850/s", "1.2k/s"; a trickle below one a second keeps a decimal. */
export function formatRate(perSecond: number): string {
  if (perSecond > 0 && perSecond < 1) return `${perSecond.toFixed(1)}/s`;
  return `${formatCount(perSecond)}/s`;
}

/** A number for a table cell: integers whole, others to six significant digits. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(6)));
}

/**
 * A field's value exactly as the record holds it, for places that show raw
 * records (previews, the Why dialog, the timeline's event details): whole
 * numbers with every digit (an epoch-ms `ts` must agree with the event time
 * beside it to the millisecond), others to 15 significant digits, the most
 * a double keeps for any decimal, so a value read from a file reads back as
 * written while arithmetic noise (8726.660000000002) is dropped.
 */
export function formatFieldNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  return String(Number(n.toPrecision(15)));
}

/** A raw field value as text: numbers by {@link formatFieldNumber}, anything else as it is. */
export function formatFieldValue(value: Cell | undefined): string {
  return typeof value === 'number' ? formatFieldNumber(value) : String(value);
}

/**
 * A table or preview cell as text; times as UTC date-times, missing values as
 * "—", other numbers by `number` (live tables round to six digits; previews of
 * raw records pass {@link formatFieldNumber}).
 */
export function formatCell(cell: Cell | undefined, type: string, number: (n: number) => string = formatNumber): string {
  if (cell === null || cell === undefined) return '—';
  if (typeof cell === 'number') return type === 'time' ? formatDateTime(cell) : number(cell);
  return String(cell);
}
