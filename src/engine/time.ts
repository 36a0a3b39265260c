/** Integer division rounding toward minus infinity, so negative event times land in the right window. */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Integer division rounding toward plus infinity. */
export function ceilDiv(a: number, b: number): number {
  return Math.ceil(a / b);
}

/** Greatest common divisor of two positive integers. */
export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/**
 * The largest event time, either way, that windows place: that of a
 * JavaScript Date (the year 275,760). Window and slice indices of whole-ms
 * windows stay below 2^53 within it, so index + 1 is always the next index.
 * Sources refuse anything outside a calendar range long before (see
 * EventTimeRange); this bound keeps the window loops finite whatever a host
 * hands them.
 */
export const MAX_WINDOW_TIME = 8.64e15;

/** Throws a RangeError unless `t` is an event time a window can place. */
export function checkWindowTime(t: number): void {
  if (t >= -MAX_WINDOW_TIME && t <= MAX_WINDOW_TIME) return;
  throw new RangeError(`event time ${t} is beyond ±${MAX_WINDOW_TIME} ms (the range of a date), which no window can place`);
}
