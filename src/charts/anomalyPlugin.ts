import uPlot from 'uplot';
import type { AnomalyMark } from './anomalyMarks';

/** The marker's colour: a red that reads on the light and the dark surface, and against every series colour. */
export const ANOMALY_COLOR = '#dc2626';
const RADIUS = 5;

/**
 * A uPlot plugin that rings every anomalous point after the series are drawn
 * (on the canvas, as uPlot draws everything else). `marks` is read at each
 * draw, so it follows the plot's data without a rebuild.
 */
export function anomalyPlugin(marks: () => readonly AnomalyMark[]): uPlot.Plugin {
  return {
    hooks: {
      draw: [(u) => {
        const shown = marks();
        if (shown.length === 0) return;
        const { ctx } = u;
        const { left, top, width, height } = u.bbox;
        const ratio = uPlot.pxRatio;
        ctx.save();
        // Inside the plot area only: a ring at the edge would spill onto the axes.
        ctx.beginPath();
        ctx.rect(left, top, width, height);
        ctx.clip();
        ctx.strokeStyle = ANOMALY_COLOR;
        ctx.fillStyle = `${ANOMALY_COLOR}33`;
        ctx.lineWidth = 2 * ratio;
        for (const mark of shown) {
          const cx = u.valToPos(mark.x, 'x', true);
          const cy = u.valToPos(mark.y, 'y', true);
          if (!Number.isFinite(cx) || !Number.isFinite(cy)) continue;
          ctx.beginPath();
          ctx.arc(cx, cy, RADIUS * ratio, 0, 2 * Math.PI);
          ctx.fill();
          ctx.stroke();
        }
        ctx.restore();
      }],
    },
  };
}
