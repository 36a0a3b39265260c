/**
 * The classic picture of event time against processing time: arrival order
 * across, event time up, every event a dot, the watermark a line through
 * them and windows as bands. An event under the watermark line arrived after
 * the watermark had passed its time; the ones too late for their window are
 * the crosses.
 */
import { formatTick } from '../../charts/format';
import type { TimelineFrame } from '../../worker/timelineTypes';
import { drawMarkRing, drawMarks, type MarkSprites } from './drawMarks';
import { scaleTo, timeTicks, type ArrivalLayout } from './timelineGeometry';
import type { TimelinePalette } from './timelinePalette';

export interface ArrivalScene {
  readonly frame: TimelineFrame;
  readonly layout: ArrivalLayout;
  readonly xs: Float32Array;
  readonly ys: Float32Array;
}

/** Round arrival numbers at least `minPx` apart. */
export function countTicks(from: number, to: number, px: number, minPx: number): number[] {
  const span = to - from;
  if (!(span > 0) || !(px > 0)) return [];
  const want = (span * minPx) / px;
  const magnitude = 10 ** Math.floor(Math.log10(want));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= want) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to && ticks.length < 100; t += step) ticks.push(t);
  return ticks;
}

/** The watermark's path in arrival order: the frame's points, else the watermark each mark arrived under. */
export function watermarkPath(frame: TimelineFrame): { seq: number; watermark: number }[] {
  if (frame.watermarks.length > 0) return frame.watermarks.map((w) => ({ seq: w.seq, watermark: w.watermark }));
  const path: { seq: number; watermark: number }[] = [];
  for (let i = 0; i < frame.marks.length; i++) path.push({ seq: frame.marks.seq[i]!, watermark: frame.marks.watermark[i]! });
  return path.sort((a, b) => a.seq - b.seq);
}

export function drawArrival(ctx: CanvasRenderingContext2D, scene: ArrivalScene, palette: TimelinePalette, hoveredMark: number | null, sprites: MarkSprites | null = null): void {
  const { frame, layout } = scene;
  const { x, y } = layout;
  ctx.clearRect(0, 0, layout.width, layout.height);
  ctx.font = palette.font;
  ctx.textBaseline = 'middle';

  // Windows as bands of event time, every other one shaded (a key's copies of a window share one band).
  const seen = new Set<string>();
  const bands = frame.windows.filter((w) => {
    const at = `${w.start}/${w.end}`;
    return !seen.has(at) && seen.add(at) !== undefined;
  }).sort((a, b) => a.start - b.start || a.end - b.end);
  bands.forEach((w, i) => {
    const top = Math.max(y.hi, scaleTo(y, w.end));
    const bottom = Math.min(y.lo, scaleTo(y, w.start));
    if (bottom - top < 1) return;
    ctx.fillStyle = i % 2 === 0 ? palette.rowShade : palette.surface;
    ctx.fillRect(x.lo, top, x.hi - x.lo, bottom - top);
    ctx.strokeStyle = palette.grid;
    ctx.strokeRect(x.lo + 0.5, Math.round(bottom) + 0.5, x.hi - x.lo - 1, 0);
  });

  const { step, ticks } = timeTicks({ ...y, lo: y.hi, hi: y.lo }, 28);
  ctx.fillStyle = palette.faint;
  ctx.textAlign = 'right';
  for (const t of ticks) ctx.fillText(formatTick(t, step), x.lo - 6, scaleTo(y, t));
  ctx.textAlign = 'center';
  for (const n of countTicks(x.from, x.to, x.hi - x.lo, 80)) ctx.fillText(n.toLocaleString('en-US'), scaleTo(x, n), y.lo + 12);
  ctx.strokeStyle = palette.grid;
  ctx.strokeRect(x.lo + 0.5, y.hi + 0.5, x.hi - x.lo - 1, y.lo - y.hi - 1);

  ctx.save();
  ctx.beginPath();
  ctx.rect(x.lo, y.hi, x.hi - x.lo, y.lo - y.hi);
  ctx.clip();
  // The watermark as a step line: it holds until the arrival that moves it.
  const path = watermarkPath(frame).filter((p) => Number.isFinite(p.watermark));
  const lines: [number, string, number[]][] = [[0, palette.watermark, []]];
  if (frame.latenessMs > 0) lines.push([frame.latenessMs, palette.revision, [5, 4]]);
  for (const [behind, colour, dash] of lines) {
    ctx.beginPath();
    let started = false;
    let lastY = 0;
    for (const p of path) {
      const px = scaleTo(x, p.seq);
      const py = Math.min(y.lo, Math.max(y.hi, scaleTo(y, p.watermark - behind)));
      if (!started) ctx.moveTo(px, py);
      else {
        ctx.lineTo(px, lastY);
        ctx.lineTo(px, py);
      }
      started = true;
      lastY = py;
    }
    if (started) ctx.lineTo(x.hi, lastY);
    ctx.strokeStyle = colour;
    ctx.lineWidth = behind === 0 ? 2 : 1.5;
    ctx.setLineDash(dash);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  drawMarks(ctx, frame, scene.xs, scene.ys, palette, { left: x.lo, right: x.hi }, sprites);
  ctx.restore();
  if (hoveredMark !== null) drawMarkRing(ctx, scene.xs[hoveredMark]!, scene.ys[hoveredMark]!, palette);
  ctx.fillStyle = palette.soft;
  ctx.textAlign = 'left';
  ctx.fillText(frame.timeDomain === 'processing' ? 'arrival time ↑' : 'event time ↑', 6, y.hi - 12);
  ctx.textAlign = 'right';
  ctx.fillText('arrival order →', x.hi, y.hi - 12);
}
