/**
 * Which drawn point a click on a chart means: at the x under the cursor, the
 * series whose value is drawn nearest the cursor's height, if within reach.
 */

/** Pixels from the cursor within which a point counts as clicked. */
export const PICK_REACH_PX = 24;

/**
 * The index (into `values`, one per drawn series) of the series nearest
 * `cursorY` at one x, or -1 when none has a value within `reach` pixels.
 * `toY` maps a value to its drawn height; ties go to the first series.
 */
export function nearestSeries(values: readonly (number | null | undefined)[], cursorY: number, toY: (value: number) => number, reach = PICK_REACH_PX): number {
  let best = -1;
  let bestDistance = reach;
  values.forEach((value, i) => {
    if (value === null || value === undefined || !Number.isFinite(value)) return;
    const distance = Math.abs(toY(value) - cursorY);
    if (distance <= bestDistance && (best < 0 || distance < bestDistance)) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}
