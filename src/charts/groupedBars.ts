import uPlot from 'uplot';

/** How much of the gap between two x values a group of bars fills. */
const GROUP_FACTOR = 0.8;

/**
 * Bars of series `index` of `count`, side by side with the other series'
 * bars at each x instead of drawn over them. uPlot's bars builder centres
 * every series on x; this narrows each bar to its share of the group and
 * shifts its path sideways. (uPlot's own grouped bars need a full custom
 * layout through `disp`; a translation of its paths is all this needs.)
 */
export function groupedBars(index: number, count: number): uPlot.Series.PathBuilder {
  const bars = uPlot.paths.bars!({ size: [GROUP_FACTOR / count, Infinity], align: 0 });
  return (self, seriesIdx, idx0, idx1) => {
    const paths = bars(self, seriesIdx, idx0, idx1);
    if (paths === null || count === 1) return paths;
    const shift = (index - (count - 1) / 2) * (GROUP_FACTOR / count) * smallestGap(self);
    const matrix = new DOMMatrix().translate(shift, 0);
    const moved = <T,>(path: Path2D | T): Path2D | T => {
      if (!(path instanceof Path2D)) return path;
      const out = new Path2D();
      out.addPath(path, matrix);
      return out;
    };
    return { ...paths, stroke: moved(paths.stroke ?? null), fill: moved(paths.fill ?? null) };
  };
}

/** The smallest distance between neighbouring x values, in canvas pixels (as uPlot sizes bars). */
function smallestGap(self: uPlot): number {
  const xs = self.data[0];
  let gap = Infinity;
  for (let i = 1; i < xs.length; i++) {
    const d = self.valToPos(xs[i]!, 'x', true) - self.valToPos(xs[i - 1]!, 'x', true);
    if (d > 0 && d < gap) gap = d;
  }
  return Number.isFinite(gap) ? gap : self.bbox.width;
}
