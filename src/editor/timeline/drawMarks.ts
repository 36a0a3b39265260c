/**
 * Marks by fate, one path per fate so ten thousand of them cost three fills:
 * on time a filled circle, a revision a filled diamond, late a cross.
 */
import { FATE_CODES, type TimelineFrame } from '../../worker/timelineTypes';
import type { TimelinePalette } from './timelinePalette';

export const MARK_RADIUS = 3.5;

export function drawMarks(ctx: CanvasRenderingContext2D, frame: TimelineFrame, xs: Float32Array, ys: Float32Array, palette: TimelinePalette, clip: { readonly left: number; readonly right: number }): void {
  const r = MARK_RADIUS;
  FATE_CODES.forEach((fate, code) => {
    ctx.beginPath();
    for (let i = 0; i < frame.marks.length; i++) {
      if (frame.marks.fate[i] !== code) continue;
      const x = xs[i]!;
      const y = ys[i]!;
      if (x < clip.left - r || x > clip.right + r) continue;
      if (fate === 'onTime') {
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, Math.PI * 2);
      } else if (fate === 'revision') {
        ctx.moveTo(x, y - r - 1);
        ctx.lineTo(x + r + 1, y);
        ctx.lineTo(x, y + r + 1);
        ctx.lineTo(x - r - 1, y);
        ctx.closePath();
      } else {
        ctx.moveTo(x - r, y - r);
        ctx.lineTo(x + r, y + r);
        ctx.moveTo(x + r, y - r);
        ctx.lineTo(x - r, y + r);
      }
    }
    if (fate === 'late') {
      ctx.strokeStyle = palette.late;
      ctx.lineWidth = 2;
      ctx.stroke();
    } else {
      ctx.fillStyle = fate === 'onTime' ? palette.onTime : palette.revision;
      ctx.globalAlpha = fate === 'onTime' ? 0.75 : 1;
      ctx.fill();
      ctx.globalAlpha = 1;
    }
  });
}

/** A ring around the hovered mark. */
export function drawMarkRing(ctx: CanvasRenderingContext2D, x: number, y: number, palette: TimelinePalette): void {
  ctx.beginPath();
  ctx.arc(x, y, MARK_RADIUS + 3, 0, Math.PI * 2);
  ctx.strokeStyle = palette.ink;
  ctx.lineWidth = 1.5;
  ctx.stroke();
}
