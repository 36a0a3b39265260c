/**
 * What is under the pointer: the mark on top within a few pixels (a mark
 * drawn over a bar wins; a late cross over the circles it covers), else the bar. A scan of ten thousand points costs
 * well under a millisecond, and runs once per pointer move.
 */
import type { Hovered } from './drawEventTime';

export const HIT_RADIUS = 6;

export function nearestMark(xs: Float32Array, ys: Float32Array, px: number, py: number, radius = HIT_RADIUS, layer?: Uint8Array): number | null {
  let best: number | null = null;
  let bestD = radius * radius;
  let bestLayer = -1;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i]! - px;
    const dy = ys[i]! - py;
    const d = dx * dx + dy * dy;
    if (d > radius * radius) continue;
    // A mark drawn on top (a higher layer) wins over any under it; ties go to the later arrival, also drawn later.
    const l = layer === undefined ? 0 : layer[i]!;
    if (l > bestLayer || (l === bestLayer && d <= bestD)) {
      bestD = d;
      best = i;
      bestLayer = l;
    }
  }
  return best;
}

/** `layer`: what is drawn over what (the fate codes: late crosses over revision diamonds over on-time circles). */
export function hitTest(
  points: { readonly xs: Float32Array; readonly ys: Float32Array; readonly layer?: Uint8Array },
  rects: readonly ({ readonly x: number; readonly y: number; readonly w: number; readonly h: number } | null)[],
  px: number,
  py: number,
): Hovered {
  const mark = nearestMark(points.xs, points.ys, px, py, HIT_RADIUS, points.layer);
  if (mark !== null) return { kind: 'mark', index: mark };
  for (let i = rects.length - 1; i >= 0; i--) {
    const r = rects[i];
    if (r !== null && r !== undefined && px >= r.x && px <= r.x + r.w && py >= r.y && py <= r.y + r.h) return { kind: 'bar', index: i };
  }
  return null;
}
