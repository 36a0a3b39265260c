import { seriesColor } from './palette';
import type { ChartSnapshot } from './types';

/**
 * Draws a snapshot's series as thin lines on a small canvas (the chart node's
 * preview): no axes, no labels, y scaled to the values shown. A plain canvas
 * rather than a second uPlot, which would cost a DOM subtree per node.
 */
export function drawSparkline(canvas: HTMLCanvasElement, snap: ChartSnapshot, lineWidth = 1.25): void {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const [xs, ...ys] = snap.data;
  if (snap.range === null || xs.length === 0) return;
  const [x0, x1] = snap.range;
  let lo = Infinity;
  let hi = -Infinity;
  for (const column of ys) for (const y of column) if (y !== null) [lo, hi] = [Math.min(lo, y), Math.max(hi, y)];
  if (!Number.isFinite(lo)) return;
  const span = hi - lo || 1;
  const px = (x: number) => ((x - x0) / (x1 - x0 || 1)) * (width - 2) + 1;
  const py = (y: number) => height - 2 - ((y - lo) / span) * (height - 4);
  ctx.lineWidth = lineWidth;
  ctx.lineJoin = 'round';
  ys.forEach((column, s) => {
    ctx.strokeStyle = seriesColor(snap.slots[s] ?? s);
    ctx.beginPath();
    let started = false;
    column.forEach((y, i) => {
      if (y === null) return;
      if (started) ctx.lineTo(px(xs[i]!), py(y));
      else ctx.moveTo(px(xs[i]!), py(y));
      started = true;
    });
    ctx.stroke();
  });
}
