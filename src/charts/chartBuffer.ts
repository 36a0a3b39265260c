import type { ResultChunk } from '../worker/protocol';
import { columnOf, keyOf, numberAt, REVISION_FIELD, WINDOW_END_FIELD, WINDOW_START_FIELD } from './cells';
import { Notifier } from './notifier';
import type { ChartData, ChartSnapshot, ChartSpec } from './types';

interface Point {
  readonly x: number;
  readonly y: number | null;
  readonly revision: number;
}

interface Series {
  readonly slot: number;
  results: number;
  /** Point id -> point, in arrival order, which is x order but for late windows. */
  readonly points: Map<string | number, Point>;
}

/**
 * A bound on any one series, for charts over event time fed raw records at
 * thousands a second: the newest points stay, the chart still spans its range.
 */
export const MAX_POINTS_PER_SERIES = 4000;

/**
 * The points of one chart sink: one series per key, a window's revision
 * replacing its point, points older than the time range dropped. Fed chunk by
 * chunk from the results bus; read once per frame with {@link snapshot}.
 */
export class ChartBuffer extends Notifier {
  private series = new Map<string, Series>();
  private newest = -Infinity;
  private nextId = 0;

  constructor(readonly spec: ChartSpec) {
    super();
  }

  ingest(chunk: ResultChunk): void {
    if (chunk.length === 0) return;
    const keys = this.spec.series.map((name) => columnOf(chunk, name));
    const y = columnOf(chunk, this.spec.y);
    const start = columnOf(chunk, WINDOW_START_FIELD);
    const end = columnOf(chunk, WINDOW_END_FIELD);
    const revision = columnOf(chunk, REVISION_FIELD);
    const windowed = start !== undefined && end !== undefined;
    // Raw records arrive by the tens of thousands a frame; rows before this would
    // fall off their series at once, so they only count towards their key's rank.
    const firstDrawn = windowed ? 0 : chunk.length - MAX_POINTS_PER_SERIES * this.spec.topKeys;
    for (let row = 0; row < chunk.length; row++) {
      const x = this.spec.x === 'windowEnd' ? numberAt(end, row) : chunk.time[row] ?? null;
      if (x === null) continue;
      const key = keyOf(keys, row);
      const series = this.seriesOf(key);
      series.results++;
      if (row < firstDrawn) continue;
      const point: Point = { x, y: numberAt(y, row), revision: numberAt(revision, row) ?? 0 };
      // A window's revision has the same key and bounds as its first firing.
      const id = windowed ? `${numberAt(start, row)}/${numberAt(end, row)}` : this.nextId++;
      const old = series.points.get(id);
      if (old !== undefined && old.revision > point.revision) continue;
      series.points.set(id, point);
      if (series.points.size > MAX_POINTS_PER_SERIES) series.points.delete(series.points.keys().next().value!);
      if (x > this.newest) this.newest = x;
    }
    this.changed();
  }

  clear(): void {
    this.series = new Map();
    this.newest = -Infinity;
    this.nextId = 0;
    this.changed();
  }

  /** Drops what scrolled out of the range, then lays the top keys' points out for uPlot. */
  snapshot(): ChartSnapshot {
    if (this.newest === -Infinity) return { keys: [], slots: [], data: [[]], points: 0, range: null };
    const from = this.newest - this.spec.timeRangeMs;
    for (const series of this.series.values()) dropBefore(series.points, from);
    const top = this.topKeys();
    const picked = top.map((key) => this.series.get(key)!);
    const xs = alignedXs(picked, from);
    const index = new Map(xs.map((x, i) => [x, i]));
    let points = 0;
    const ys = picked.map((series) => {
      const column: (number | null)[] = new Array<number | null>(xs.length).fill(null);
      for (const p of series.points.values()) {
        const at = index.get(p.x);
        if (at === undefined || p.y === null) continue;
        if (column[at] === null) points++;
        column[at] = p.y;
      }
      return column;
    });
    const data: ChartData = [xs, ...ys];
    return { keys: top, slots: picked.map((s) => s.slot), data, points, range: [from, this.newest] };
  }

  /** The keys with the most results, at most topKeys of them, in the order they first appeared. */
  topKeys(): string[] {
    const ranked = [...this.series.entries()].sort((a, b) => b[1].results - a[1].results || a[1].slot - b[1].slot);
    return ranked.slice(0, this.spec.topKeys).sort((a, b) => a[1].slot - b[1].slot).map(([key]) => key);
  }

  private seriesOf(key: string): Series {
    let series = this.series.get(key);
    if (series === undefined) {
      series = { slot: this.series.size, results: 0, points: new Map() };
      this.series.set(key, series);
    }
    return series;
  }
}

/** Deletes points older than `from` from the front (arrival order is x order but for late windows). */
function dropBefore(points: Map<string | number, Point>, from: number): void {
  for (const [id, p] of points) {
    if (p.x >= from) return;
    points.delete(id);
  }
}

/** The sorted distinct x values of the series' points within the range. */
function alignedXs(series: readonly Series[], from: number): number[] {
  const seen = new Set<number>();
  for (const s of series) for (const p of s.points.values()) if (p.x >= from) seen.add(p.x);
  return [...seen].sort((a, b) => a - b);
}
