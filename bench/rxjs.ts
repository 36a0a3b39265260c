/**
 * The peer: P2 and P3 written with RxJS 7 as its users write streams, one
 * object per event, with event time done by hand in `scan` (RxJS has no
 * event-time windows; bufferTime and windowTime are wall-clock). To be a fair
 * peer it is not naive: a watermark decides firing, late events are dropped,
 * and hopping windows are assembled from per-slide panes, as the engine's
 * slices are, instead of adding each event to all 60 or 120 of its windows.
 */
import { endWith, filter, from, map, mergeMap, scan } from 'rxjs';
import type { SensorEvent } from './inputs';
import type { SinkTally } from './pipelines';

interface Reading extends SensorEvent {
  readonly temp_f: number;
}

interface Acc {
  n: number;
  sum: number;
  min: number;
  max: number;
}

interface Result {
  readonly start: number;
  readonly device: string;
  readonly values: readonly number[];
}

/** Window state threaded through scan: panes of `slide` ms, by pane start, each a Map by device. */
interface WindowState {
  watermark: number;
  /** Index of the next window to fire (NaN before the first event). */
  next: number;
  lastPane: number;
  readonly panes: Map<number, Map<string, Acc>>;
  out: Result[];
}

export interface WindowShape {
  readonly size: number;
  readonly slide: number;
  /** Which aggregate values a result carries. */
  readonly outputs: 'p2' | 'sum' | 'max';
}

function resultValues(acc: Acc, outputs: WindowShape['outputs']): number[] {
  if (outputs === 'sum') return [acc.sum];
  if (outputs === 'max') return [acc.max];
  return [acc.n, acc.sum, acc.sum / acc.n, acc.min, acc.max];
}

function fireWindow(st: WindowState, shape: WindowShape, k: number): void {
  const start = k * shape.slide;
  const end = start + shape.size;
  let merged: Map<string, Acc> | undefined;
  for (const [paneStart, pane] of st.panes) {
    if (paneStart < start || paneStart >= end) continue;
    if (merged === undefined && shape.size === shape.slide) {
      merged = pane; // a tumbling window is its one pane
      break;
    }
    merged ??= new Map();
    for (const [device, a] of pane) {
      const m = merged.get(device);
      if (m === undefined) merged.set(device, { ...a });
      else {
        m.n += a.n;
        m.sum += a.sum;
        if (a.min < m.min) m.min = a.min;
        if (a.max > m.max) m.max = a.max;
      }
    }
  }
  if (merged === undefined) return;
  for (const [device, acc] of merged) st.out.push({ start, device, values: resultValues(acc, shape.outputs) });
}

function step(shape: WindowShape, st: WindowState, e: Reading | null): WindowState {
  st.out = [];
  const { size, slide } = shape;
  if (e !== null) {
    const paneStart = e.ts - (((e.ts % slide) + slide) % slide);
    // Late: even its newest window has fired.
    if (paneStart + size - 1 <= st.watermark) return st;
    if (Number.isNaN(st.next)) st.next = Math.floor((paneStart - size) / slide) + 1;
    let pane = st.panes.get(paneStart);
    if (pane === undefined) st.panes.set(paneStart, (pane = new Map()));
    const acc = pane.get(e.device);
    if (acc === undefined) pane.set(e.device, { n: 1, sum: e.temp_f, min: e.temp_f, max: e.temp_f });
    else {
      acc.n++;
      acc.sum += e.temp_f;
      if (e.temp_f < acc.min) acc.min = e.temp_f;
      if (e.temp_f > acc.max) acc.max = e.temp_f;
    }
    if (paneStart > st.lastPane) st.lastPane = paneStart;
  }
  const w = e === null ? Infinity : Math.max(st.watermark, e.ts - 1);
  st.watermark = w;
  while (st.next * slide + size - 1 <= w && st.next * slide <= st.lastPane) {
    fireWindow(st, shape, st.next);
    st.next++;
    for (const paneStart of st.panes.keys()) if (paneStart < st.next * slide) st.panes.delete(paneStart);
  }
  return st;
}

/** Runs P2 (shape tumbling 1 s, outputs 'p2') or a P3 variant over the events with RxJS. */
export function runRxjs(events: readonly SensorEvent[], shape: WindowShape, withChecksum: boolean): SinkTally {
  const tally: SinkTally = { rows: 0, checksum: 0 };
  const initial = (): WindowState => ({ watermark: -Infinity, next: NaN, lastPane: -Infinity, panes: new Map(), out: [] });
  from(events)
    .pipe(
      filter((e) => e.humidity > 35),
      map((e): Reading => ({ ...e, temp_f: e.temperature * 1.8 + 32 })),
      endWith(null), // end of input: the watermark goes to +Infinity
      scan((st: WindowState, e: Reading | null) => step(shape, st, e), initial()),
      filter((st) => st.out.length > 0),
      mergeMap((st) => st.out),
    )
    .subscribe((r) => {
      tally.rows++;
      if (withChecksum) for (const v of r.values) tally.checksum += v;
    });
  return tally;
}
