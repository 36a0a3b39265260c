/**
 * What is under the pointer: the nearest mark within a few pixels (a mark
 * drawn over a bar wins), else the bar. A scan of ten thousand points costs
 * well under a millisecond, and runs once per pointer move.
 */
import type { Hovered } from './drawEventTime';

export const HIT_RADIUS = 6;

export function nearestMark(xs: Float32Array, ys: Float32Array, px: number, py: number, radius = HIT_RADIUS): number | null {
  let best: number | null = null;
  let bestD = radius * radius;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i]! - px;
    const dy = ys[i]! - py;
    const d = dx * dx + dy * dy;
    // Ties go to the later arrival: it is drawn on top.
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

export function hitTest(
  points: { readonly xs: Float32Array; readonly ys: Float32Array },
  rects: readonly ({ readonly x: number; readonly y: number; readonly w: number; readonly h: number } | null)[],
  px: number,
  py: number,
): Hovered {
  const mark = nearestMark(points.xs, points.ys, px, py);
  if (mark !== null) return { kind: 'mark', index: mark };
  for (let i = rects.length - 1; i >= 0; i--) {
    const r = rects[i];
    if (r !== null && r !== undefined && px >= r.x && px <= r.x + r.w && py >= r.y && py <= r.y + r.h) return { kind: 'bar', index: i };
  }
  return null;
}
