/**
 * The event-time view on a 2D canvas: a row per key (marks over lanes of
 * window bars), the watermark as a vertical line, the allowed-lateness zone
 * behind it and the out-of-orderness band ahead of it shaded, a time axis.
 */
import { formatTick, formatWatermark } from '../../charts/format';
import type { TimelineFrame } from '../../worker/timelineTypes';
import type { Bar } from './timelineBars';
import { drawMarkRing, drawMarks, type MarkSprites } from './drawMarks';
import { GEOMETRY, laneTop, scaleTo, timeTicks, type EventTimeLayout } from './timelineGeometry';
import type { TimelinePalette } from './timelinePalette';

/** What the pointer is over, drawn highlighted. */
export type Hovered = { readonly kind: 'mark'; readonly index: number } | { readonly kind: 'bar'; readonly index: number } | null;

export interface EventTimeScene {
  readonly frame: TimelineFrame;
  readonly layout: EventTimeLayout;
  readonly xs: Float32Array;
  readonly ys: Float32Array;
  readonly bars: readonly Bar[];
}

/** A bar's rectangle in CSS pixels, clipped to the plot. */
export function barRect(scene: EventTimeScene, bar: Bar): { x: number; y: number; w: number; h: number } | null {
  const row = scene.layout.rows[bar.row];
  if (row === undefined) return null;
  const x0 = Math.max(scene.layout.x.lo, scaleTo(scene.layout.x, bar.start));
  const x1 = Math.min(scene.layout.x.hi, scaleTo(scene.layout.x, bar.end));
  if (x1 <= x0) return null;
  return { x: x0 + 0.5, y: laneTop(row, bar.lane) + 2, w: Math.max(1, x1 - x0 - 1), h: GEOMETRY.lane - 4 };
}

export function drawEventTime(ctx: CanvasRenderingContext2D, scene: EventTimeScene, palette: TimelinePalette, hovered: Hovered, sprites: MarkSprites | null = null): void {
  const { frame, layout } = scene;
  const plotBottom = layout.height - GEOMETRY.axis;
  const { lo, hi } = layout.x;
  ctx.clearRect(0, 0, layout.width, layout.height);
  ctx.font = palette.font;
  ctx.textBaseline = 'middle';

  layout.rows.forEach((row, i) => {
    if (i % 2 === 0) {
      ctx.fillStyle = palette.rowShade;
      ctx.fillRect(lo, row.top - GEOMETRY.gap / 2, hi - lo, row.height + GEOMETRY.gap);
    }
    ctx.fillStyle = palette.soft;
    ctx.textAlign = 'right';
    ctx.fillText(fit(ctx, row.label, GEOMETRY.left - 10), GEOMETRY.left - 8, row.top + GEOMETRY.strip / 2);
  });

  const wm = frame.watermark;
  if (Number.isFinite(wm)) {
    const xw = clamp(scaleTo(layout.x, wm), lo, hi);
    if (frame.latenessMs > 0) {
      const xl = clamp(scaleTo(layout.x, wm - frame.latenessMs), lo, hi);
      ctx.fillStyle = palette.latenessZone;
      ctx.fillRect(xl, GEOMETRY.top - 4, xw - xl, plotBottom - GEOMETRY.top + 4);
    }
    if (frame.maxEventTime > wm) {
      const xm = clamp(scaleTo(layout.x, frame.maxEventTime), lo, hi);
      ctx.fillStyle = palette.outOfOrderness;
      ctx.fillRect(xw, GEOMETRY.top - 4, xm - xw, plotBottom - GEOMETRY.top + 4);
    }
  }

  const { step, ticks } = timeTicks(layout.x, 90);
  ctx.strokeStyle = palette.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const t of ticks) {
    const x = Math.round(scaleTo(layout.x, t)) + 0.5;
    ctx.moveTo(x, GEOMETRY.top - 4);
    ctx.lineTo(x, plotBottom + 4);
  }
  ctx.stroke();
  // The axis is on top: with many keys the rows scroll, and the top is what shows first.
  const plate = watermarkPlate(ctx, scene);
  ctx.fillStyle = palette.faint;
  ctx.textAlign = 'center';
  for (const t of ticks) {
    const text = formatTick(t, step);
    const x = scaleTo(layout.x, t);
    const half = ctx.measureText(text).width / 2;
    if (plate !== null && x + half > plate.left - 4 && x - half < plate.left + plate.width + 4) continue;
    ctx.fillText(text, x, AXIS_Y);
  }

  scene.bars.forEach((bar, i) => drawBar(ctx, scene, bar, palette, hovered?.kind === 'bar' && hovered.index === i));
  drawMarks(ctx, frame, scene.xs, scene.ys, palette, { left: lo, right: hi }, sprites);

  if (Number.isFinite(wm) && wm >= layout.x.from && wm <= layout.x.to) {
    const x = Math.round(scaleTo(layout.x, wm)) + 0.5;
    ctx.strokeStyle = palette.watermark;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x, AXIS_Y + 8);
    ctx.lineTo(x, plotBottom + 2);
    ctx.stroke();
    if (plate !== null) {
      ctx.fillStyle = palette.ink;
      ctx.textAlign = 'left';
      ctx.fillText(plate.label, plate.left + 3, AXIS_Y);
    }
  }
  if (hovered?.kind === 'mark') drawMarkRing(ctx, scene.xs[hovered.index]!, scene.ys[hovered.index]!, palette);
}

function drawBar(ctx: CanvasRenderingContext2D, scene: EventTimeScene, bar: Bar, palette: TimelinePalette, hovered: boolean): void {
  const r = barRect(scene, bar);
  if (r === null) return;
  ctx.setLineDash(bar.state === 'open' ? [4, 3] : []);
  ctx.fillStyle = bar.state === 'closed' ? palette.rowShade : bar.state === 'fired' ? palette.barFiredFill : palette.surface;
  ctx.fillRect(r.x, r.y, r.w, r.h);
  ctx.strokeStyle = bar.revisions > 0 ? palette.revision : bar.state === 'closed' ? palette.barClosed : bar.state === 'fired' ? palette.barFired : palette.barOpen;
  ctx.lineWidth = hovered ? 2.5 : bar.revisions > 0 ? 1.5 : 1;
  ctx.strokeRect(r.x, r.y, r.w, r.h);
  ctx.setLineDash([]);
  const text = [bar.label, bar.revisions > 0 ? `· ${bar.revisions} revision${bar.revisions === 1 ? '' : 's'}` : null, bar.windows > 1 ? `${bar.windows} keys` : null].filter((s) => s !== null).join(' ');
  if (text === '' || r.w < 24) return;
  ctx.fillStyle = bar.state === 'closed' ? palette.faint : palette.ink;
  ctx.textAlign = 'left';
  ctx.fillText(fit(ctx, text, r.w - 6), r.x + 3, r.y + r.h / 2);
}

/** Where the watermark's label goes on the axis line (the tick labels it would cover are left out), or null when it is off the plot. */
function watermarkPlate(ctx: CanvasRenderingContext2D, { frame, layout }: EventTimeScene): { label: string; left: number; width: number } | null {
  const wm = frame.watermark;
  if (!Number.isFinite(wm) || wm < layout.x.from || wm > layout.x.to) return null;
  const x = Math.round(scaleTo(layout.x, wm)) + 0.5;
  const label = `watermark ${formatWatermark(wm)}`;
  const width = ctx.measureText(label).width + 6;
  return { label, left: x + width + 4 > layout.x.hi ? x - width - 2 : x + 2, width };
}

/** The middle of the axis labels' line. */
const AXIS_Y = 9;

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** `text` cut with an ellipsis to fit `width` pixels. */
export function fit(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let n = text.length;
  while (n > 1 && ctx.measureText(`${text.slice(0, n)}…`).width > width) n = Math.max(1, Math.floor(n * 0.8));
  return n <= 1 ? '' : `${text.slice(0, n)}…`;
}
