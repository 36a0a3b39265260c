import uPlot from 'uplot';
import { describeAnomaly, type AnomalyMark } from './anomalyMarks';
import { ANOMALY_COLOR, anomalyPlugin } from './anomalyPlugin';
import type { ChartBuffer } from './chartBuffer';
import { nearestSeries } from './chartPick';
import { tooltipPlugin, type TooltipNote } from './chartTooltip';
import { formatTick } from './format';
import { groupedBars } from './groupedBars';
import { seriesColor, withAlpha } from './palette';
import type { ChartSnapshot } from './types';

/** What the chart tells its host when the drawn keys change (rarely: not per frame). */
export type KeysListener = (keys: readonly string[], slots: readonly number[]) => void;

/** A click on a drawn point: its series' key and its x. */
export type PickListener = (key: string, x: number) => void;

/**
 * A uPlot plugin: a click picks the point nearest the cursor (see
 * chartPick.ts). While one is within reach the pointer says so and the
 * overlay names it in `data-pick` ("key@x"), for tools and tests.
 */
function pickPlugin(onPick: PickListener): uPlot.Plugin {
  const nearest = (u: uPlot): { key: string; x: number } | null => {
    const idx = u.cursor.idx;
    const top = u.cursor.top ?? -1;
    if (idx === null || idx === undefined || top < 0) return null;
    const values = u.series.slice(1).map((_, i) => u.data[i + 1]?.[idx]);
    const i = nearestSeries(values, top, (v) => u.valToPos(v, 'y'));
    const x = u.data[0][idx];
    return i < 0 || x === undefined ? null : { key: String(u.series[i + 1]!.label ?? ''), x };
  };
  return {
    hooks: {
      init: [(u) => {
        u.over.addEventListener('click', () => {
          const picked = nearest(u);
          if (picked !== null) onPick(picked.key, picked.x);
        });
      }],
      setCursor: [(u) => {
        const picked = nearest(u);
        u.over.style.cursor = picked === null ? '' : 'pointer';
        u.over.dataset.pick = picked === null ? '' : `${picked.key}@${picked.x}`;
      }],
    },
  };
}

const utc = (ms: number): Date => uPlot.tzDate(new Date(ms), 'Etc/UTC');
/** The page's colours for axes and grid, read once per plot: uPlot draws on a canvas, which CSS does not reach. */
function themeOf(host: HTMLElement): { ink: string; grid: string } {
  const style = getComputedStyle(host);
  return { ink: style.getPropertyValue('--ink-soft').trim() || '#4a5270', grid: style.getPropertyValue('--border').trim() || '#e2e5ef' };
}

/**
 * A uPlot chart following a {@link ChartBuffer}: at most one `setData` per
 * animation frame, and only when the buffer changed. The plot is rebuilt only
 * when the set of drawn keys changes. The host element carries
 * `data-points`, `data-series` and `data-anomalies` (marked points drawn) for tests and tools.
 */
export class LivePlot {
  private plot: uPlot | null = null;
  private signature = '';
  private drawn = -1;
  private frame = 0;
  private range: readonly [number, number] | null = null;
  private marks: readonly AnomalyMark[] = [];
  private marksAt = new Map<number, TooltipNote[]>();

  constructor(private readonly host: HTMLElement, private readonly buffer: ChartBuffer, private readonly onKeys: KeysListener, private readonly onPick: PickListener | null = null) {}

  /** Asks for a redraw on the next frame (called on every buffer change; cheap). */
  readonly schedule = (): void => {
    if (this.frame === 0) this.frame = requestAnimationFrame(this.draw);
  };

  resize(): void {
    const { width, height } = this.host.getBoundingClientRect();
    if (this.plot !== null && width > 0 && height > 0) this.plot.setSize({ width: Math.floor(width), height: Math.floor(height) });
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.plot?.destroy();
    this.plot = null;
  }

  private readonly draw = (): void => {
    this.frame = 0;
    if (this.drawn === this.buffer.version) return;
    this.drawn = this.buffer.version;
    const snap = this.buffer.snapshot();
    this.range = snap.range;
    this.setMarks(snap.marks);
    const signature = snap.keys.join('\u0000');
    if (this.plot === null || signature !== this.signature) {
      this.signature = signature;
      this.rebuild(snap);
      this.onKeys(snap.keys, snap.slots);
    } else {
      this.plot.setData(snap.data);
    }
    this.host.dataset.points = String(snap.points);
    this.host.dataset.series = String(snap.keys.length);
    this.host.dataset.anomalies = String(snap.marks.length);
  };

  /** The marks the next draw rings, and the tooltip's notes by x. */
  private setMarks(marks: readonly AnomalyMark[]): void {
    this.marks = marks;
    this.marksAt = new Map();
    for (const mark of marks) {
      const notes = this.marksAt.get(mark.x) ?? [];
      notes.push({ color: ANOMALY_COLOR, text: `${mark.key === 'all' ? '' : `${mark.key}: `}${describeAnomaly(mark)}` });
      this.marksAt.set(mark.x, notes);
    }
  }

  private readonly notesAt = (x: number): readonly TooltipNote[] => this.marksAt.get(x) ?? [];
  private readonly marksShown = (): readonly AnomalyMark[] => this.marks;

  private rebuild(snap: ChartSnapshot): void {
    this.plot?.destroy();
    const { width, height } = this.host.getBoundingClientRect();
    this.plot = new uPlot(this.options(snap, Math.max(Math.floor(width), 50), Math.max(Math.floor(height), 50)), snap.data, this.host);
  }

  private options(snap: ChartSnapshot, width: number, height: number): uPlot.Options {
    const { chart } = this.buffer.spec;
    const { ink, grid } = themeOf(this.host);
    const axis: uPlot.Axis = { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: '11px system-ui, sans-serif' };
    const series: uPlot.Series[] = snap.keys.map((key, i) => {
      const color = seriesColor(snap.slots[i]!);
      return {
        label: key,
        stroke: color,
        width: chart === 'bar' ? 1 : 1.75,
        spanGaps: true,
        points: { show: false },
        ...(chart === 'bar' ? { paths: groupedBars(i, snap.keys.length), fill: withAlpha(color, 0.75) } : {}),
        ...(chart === 'area' ? { fill: withAlpha(color, 0.16) } : {}),
      };
    });
    return {
      width,
      height,
      ms: 1,
      tzDate: utc,
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      plugins: [tooltipPlugin(this.notesAt), anomalyPlugin(this.marksShown), ...(this.onPick === null ? [] : [pickPlugin(this.onPick)])],
      // The x range scrolls with the newest point, whatever the data's own extent.
      scales: {
        x: { time: true, range: (_self, min, max) => (this.range === null ? [min, max] : [this.range[0], this.range[1]]) },
        // Bars and areas are read from zero; a line zooms to its values.
        ...(chart === 'line' ? {} : { y: { range: (_self, min, max) => uPlot.rangeNum(Math.min(0, min), Math.max(0, max), 0.1, true) } }),
      },
      // Event time reads in UTC and 24-hour time, as everywhere else in the app.
      axes: [{ ...axis, values: (_self, ticks, _axis, _space, step) => ticks.map((t) => formatTick(t, step)) }, { ...axis, size: 52 }],
      series: [{}, ...series],
    };
  }
}
