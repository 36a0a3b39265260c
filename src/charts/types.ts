import type { SinkView } from '../engine/plan/types';
import type { AnomalyMark } from './anomalyMarks';

/** What a chart draws: the compiled chart sink's view (see compileChartSink). */
export type ChartSpec = Extract<SinkView, { type: 'chart' }>;

/** uPlot's aligned data: shared x values, then one y array per series (null where a series has no point). */
export type ChartData = [number[], ...(number | null)[][]];

/** A chart buffer's picture at one moment: what the chart draws on its next frame. */
export interface ChartSnapshot {
  /** The drawn series' keys, in colour order. */
  readonly keys: readonly string[];
  /** Each drawn key's colour slot (stable for the run, so a key keeps its colour). */
  readonly slots: readonly number[];
  readonly data: ChartData;
  /** Points drawn (non-null y values over every series). */
  readonly points: number;
  /** The x range shown: timeRange back from the newest x; null before the first point. */
  readonly range: readonly [number, number] | null;
  /** The drawn points whose rows said `is_anomaly`, in series order (see anomalyMarks.ts). */
  readonly marks: readonly AnomalyMark[];
}

/** Something views redraw from: a version that increments on every change, and a way to hear of it. */
export interface Observable {
  readonly version: number;
  subscribe(listener: () => void): () => void;
}
