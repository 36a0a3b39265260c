import type { ChunkColumn, ResultChunk } from '../worker/protocol';
import { anomalyReader, type Anomaly, type AnomalyMark } from './anomalyMarks';
import { cellAt, columnOf, keyOf, type Cell, numberAt, REVISION_FIELD, WINDOW_END_FIELD, WINDOW_START_FIELD } from './cells';
import { alignedXs, dropBefore, type Point, type Series } from './chartSeries';
import { Notifier } from './notifier';
import type { ChartData, ChartSnapshot, ChartSpec } from './types';


/**
 * A bound on any one series, for charts over event time fed raw records at
 * thousands a second: the newest points stay, the chart still spans its range.
 */
export const MAX_POINTS_PER_SERIES = 2000;
/**
 * A chart shows at least this many of the newest x values (window ends),
 * whatever its time range: a range shorter than a window (the default 5
 * minutes under hourly windows) showed one point, or none, and no line.
 */
export const MIN_XS_SHOWN = 10;

/** The most series a chart draws when asked to show them all: the most `topKeys` allows. */
export const MAX_SHOWN_SERIES = 50;

/**
 * The points of one chart sink: one series per key, a window's revision
 * replacing its point, points older than the time range dropped. Fed chunk by
 * chunk from the results bus; read once per frame with {@link snapshot}.
 */
export class ChartBuffer extends Notifier {
  private series = new Map<string, Series>();
  private newest = -Infinity;
  /** The newest MIN_XS_SHOWN distinct x values seen, ascending. */
  private recentXs: number[] = [];
  private nextId = 0;
  private everyKey = false;
  private anomalies = 0;
  private latest: Anomaly | null = null;

  constructor(readonly spec: ChartSpec) {
    super();
  }

  /** Whether the chart draws every key (up to {@link MAX_SHOWN_SERIES}) rather than its top `topKeys`. */
  get showingAll(): boolean {
    return this.everyKey;
  }

  /** Draws every key, or the top `topKeys` again: a choice of the view, not of the pipeline. */
  showAll(all: boolean): void {
    if (all === this.everyKey) return;
    this.everyKey = all;
    this.changed();
  }

  /** How many keys with results the chart leaves out. */
  hiddenKeys(): number {
    return Math.max(0, this.series.size - this.drawnAtMost());
  }

  /** Anomalous rows (`is_anomaly` true) this chart received in the run, drawn or not. */
  anomalyCount(): number {
    return this.anomalies;
  }

  /** The newest anomalous row's score and reason, for the legend; null before the first. */
  latestAnomaly(): Anomaly | null {
    return this.latest;
  }

  /** How many keys have results. */
  keyCount(): number {
    return this.series.size;
  }

  private drawnAtMost(): number {
    return this.everyKey ? Math.max(this.spec.topKeys, MAX_SHOWN_SERIES) : this.spec.topKeys;
  }

  ingest(chunk: ResultChunk): void {
    if (chunk.length === 0) return;
    const start = columnOf(chunk, WINDOW_START_FIELD);
    const end = columnOf(chunk, WINDOW_END_FIELD);
    if (start !== undefined && end !== undefined) this.ingestWindows(chunk, start, end);
    else if (this.spec.x === 'eventTime') this.ingestRecords(chunk);
    this.changed();
  }

  /** Window results: a revision of a window (same key and bounds) replaces its point. */
  private ingestWindows(chunk: ResultChunk, start: ChunkColumn, end: ChunkColumn): void {
    const keys = this.spec.series.map((name) => columnOf(chunk, name));
    const y = columnOf(chunk, this.spec.y);
    const revision = columnOf(chunk, REVISION_FIELD);
    const anomalies = anomalyReader(chunk);
    for (let row = 0; row < chunk.length; row++) {
      const x = this.spec.x === 'windowEnd' ? numberAt(end, row) : chunk.time[row] ?? null;
      if (x === null) continue;
      const series = this.seriesOf(keyOf(keys, row));
      series.results++;
      const anomaly = this.noted(anomalies.at(row));
      const point: Point = { x, y: numberAt(y, row), revision: numberAt(revision, row) ?? 0, row: rowRecord(chunk, row), ...(anomaly === undefined ? {} : { anomaly }) };
      const id = `${numberAt(start, row)}/${numberAt(end, row)}`;
      const old = series.points.get(id);
      if (old !== undefined && old.revision > point.revision) continue;
      series.points.set(id, point);
      this.added(series, x);
    }
  }

  /**
   * Records over event time, by the tens of thousands a frame when a source
   * runs flat out: every row counts towards its key's rank, but only the
   * newest MAX_POINTS_PER_SERIES of each top key become points (the rest
   * would fall off their series at once).
   */
  private ingestRecords(chunk: ResultChunk): void {
    const keyColumns = this.spec.series.map((name) => columnOf(chunk, name));
    const y = columnOf(chunk, this.spec.y);
    const anomalies = anomalyReader(chunk);
    const keys: string[] = new Array<string>(chunk.length);
    const marked: (Anomaly | undefined)[] = new Array<Anomaly | undefined>(chunk.length);
    for (let row = 0; row < chunk.length; row++) {
      keys[row] = keyOf(keyColumns, row);
      this.seriesOf(keys[row]!).results++;
      marked[row] = this.noted(anomalies.at(row));
    }
    const quota = new Map(this.topKeys().map((key) => [key, MAX_POINTS_PER_SERIES]));
    const drawn = new Uint8Array(chunk.length);
    for (let row = chunk.length - 1; row >= 0; row--) {
      const left = quota.get(keys[row]!);
      if (left === undefined || left === 0) continue;
      quota.set(keys[row]!, left - 1);
      drawn[row] = 1;
    }
    for (let row = 0; row < chunk.length; row++) {
      const x = chunk.time[row];
      if (drawn[row] === 0 || x === undefined) continue;
      const series = this.series.get(keys[row]!)!;
      const anomaly = marked[row];
      series.points.set(this.nextId++, anomaly === undefined ? { x, y: numberAt(y, row), revision: 0 } : { x, y: numberAt(y, row), revision: 0, anomaly });
      this.added(series, x);
    }
  }

  /** Counts an anomalous row and keeps it as the newest; passes `anomaly` through. */
  private noted(anomaly: Anomaly | undefined): Anomaly | undefined {
    if (anomaly !== undefined) {
      this.anomalies++;
      this.latest = anomaly;
    }
    return anomaly;
  }

  private added(series: Series, x: number): void {
    if (series.points.size > MAX_POINTS_PER_SERIES) series.points.delete(series.points.keys().next().value!);
    if (x > this.newest) this.newest = x;
    this.remember(x);
  }

  /** Keeps `x` among the newest distinct x values (most arrive in order: a push and a shift). */
  private remember(x: number): void {
    const xs = this.recentXs;
    if (xs.length === MIN_XS_SHOWN && x < xs[0]!) return;
    let at = xs.length;
    while (at > 0 && xs[at - 1]! > x) at--;
    if (at > 0 && xs[at - 1] === x) return;
    xs.splice(at, 0, x);
    if (xs.length > MIN_XS_SHOWN) xs.shift();
  }

  clear(): void {
    this.series = new Map();
    this.newest = -Infinity;
    this.recentXs = [];
    this.nextId = 0;
    this.anomalies = 0;
    this.latest = null;
    this.changed();
  }

  /** Drops what scrolled out of the range, then lays the top keys' points out for uPlot. */
  snapshot(): ChartSnapshot {
    if (this.newest === -Infinity) return { keys: [], slots: [], data: [[]], points: 0, range: null, marks: [] };
    // The time range, widened to the newest MIN_XS_SHOWN x values when it holds fewer.
    const from = Math.min(this.newest - this.spec.timeRangeMs, this.recentXs[0]!);
    for (const series of this.series.values()) dropBefore(series.points, from);
    const top = this.topKeys();
    const picked = top.map((key) => this.series.get(key)!);
    const xs = alignedXs(picked, from);
    const index = new Map(xs.map((x, i) => [x, i]));
    let points = 0;
    const marks: AnomalyMark[] = [];
    const ys = picked.map((series, i) => {
      const column: (number | null)[] = new Array<number | null>(xs.length).fill(null);
      for (const p of series.points.values()) {
        const at = index.get(p.x);
        if (at === undefined || p.y === null) continue;
        if (column[at] === null) points++;
        column[at] = p.y;
        if (p.anomaly !== undefined) marks.push({ key: top[i]!, x: p.x, y: p.y, score: p.anomaly.score, reason: p.anomaly.reason });
      }
      return column;
    });
    const data: ChartData = [xs, ...ys];
    return { keys: top, slots: picked.map((s) => s.slot), data, points, range: [from, this.newest], marks };
  }

  /**
   * The window result drawn at `x` in the series of `key` (a clicked point):
   * its whole row, newest revision; null for raw records or when it scrolled away.
   */
  resultAt(key: string, x: number): Readonly<Record<string, Cell>> | null {
    const series = this.series.get(key);
    if (series === undefined) return null;
    let found: Point | undefined;
    for (const p of series.points.values()) if (p.x === x && p.row !== undefined && (found === undefined || p.revision >= found.revision)) found = p;
    return found?.row ?? null;
  }

  /** The keys with the most results, at most topKeys of them (or every key when asked), in the order they first appeared. */
  topKeys(): string[] {
    const ranked = [...this.series.entries()].sort((a, b) => b[1].results - a[1].results || a[1].slot - b[1].slot);
    return ranked.slice(0, this.drawnAtMost()).sort((a, b) => a[1].slot - b[1].slot).map(([key]) => key);
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

/** Row `row` of `chunk` as a record (no prototype: field names are data). */
function rowRecord(chunk: ResultChunk, row: number): Readonly<Record<string, Cell>> {
  const record = Object.create(null) as Record<string, Cell>;
  for (const column of chunk.columns) record[column.name] = cellAt(column, row);
  return record;
}
