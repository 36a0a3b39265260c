/**
 * transform.clean with resampling: one record per key per interval
 * [k * I, (k + 1) * I) of event time, sent when the watermark passes the
 * interval's end (so out-of-order records within it count). An interval's
 * record is its latest record (by event time) with, per cleaned field, the
 * latest known value in it; its time fields become the interval's start.
 * Intervals with no records between two that have some are gaps: filled
 * forward, with the constant, or interpolated between their neighbours,
 * their other fields copied from the record before; drop leaves them out.
 * A record whose interval has closed is late: dropped and counted.
 */
import { clip, type CleanKey, type OpenInterval } from './cleanState';
import { keyState, type CleanRun } from './cleanMissing';

/** At most this many gap intervals are filled in one gap; past it a gap stays a gap (no run of millions of records). */
export const MAX_GAP_INTERVALS = 100_000;

export function resampleRecord(run: CleanRun, key: number, time: number, watermark: number, cells: number[]): void {
  const size = run.config.resampleMs!;
  const { state, fieldCols } = run;
  const k = Math.floor(time / size);
  const s = keyState(run, key);
  if ((k + 1) * size <= watermark || k <= s.lastEmitted) {
    state.late++;
    return;
  }
  let open = s.open.get(k);
  if (open === undefined) {
    open = { time: -Infinity, cells, fieldValue: new Array<number>(fieldCols.length).fill(NaN), fieldTime: new Array<number>(fieldCols.length).fill(-Infinity) };
    s.open.set(k, open);
  }
  if (time >= open.time) {
    open.time = time;
    open.cells = cells;
  }
  fieldCols.forEach((c, f) => {
    const x = cells[c]!;
    if (!Number.isNaN(x) && time >= open.fieldTime[f]!) {
      open.fieldTime[f] = time;
      open.fieldValue[f] = x;
    }
  });
  state.busyKeys.add(key);
  state.nextScan = Math.min(state.nextScan, (k + 1) * size);
  state.hold = Math.min(state.hold, (Number.isNaN(s.lastEmitted) ? k : s.lastEmitted + 1) * size - 1);
}

function emitInterval(run: CleanRun, key: number, k: number, cells: number[], values: readonly number[]): void {
  const start = k * run.config.resampleMs!;
  const out = cells.slice();
  for (const c of run.timeCols) out[c] = start;
  run.fieldCols.forEach((c, f) => { out[c] = clip(run.config, values[f]!); });
  run.writer.add(start, run.state.outWatermark, key, out);
}

/** Fills the gap intervals between the key's last emitted interval and interval `k`, then emits `k`. */
function closeInterval(run: CleanRun, key: number, s: CleanKey, k: number, open: OpenInterval): void {
  const { config } = run;
  const rule = config.missing;
  const base = s.lastEmitted;
  if (!Number.isNaN(base) && s.lastCells !== null && rule !== 'drop' && k - base - 1 <= MAX_GAP_INTERVALS) {
    const values = new Array<number>(s.lastValue.length);
    for (let g = base + 1; g < k; g++) {
      for (let f = 0; f < values.length; f++) {
        const before = s.lastValue[f]!;
        const after = open.fieldValue[f]!;
        if (rule === 'constant') values[f] = config.constant;
        else if (rule === 'interpolate' && !Number.isNaN(after) && !Number.isNaN(before)) values[f] = before + ((g - base) / (k - base)) * (after - before);
        else values[f] = before;
      }
      emitInterval(run, key, g, s.lastCells, values);
    }
  }
  s.lastEmitted = k;
  const values = open.fieldValue.map((v, f) => (Number.isNaN(v) ? (rule === 'constant' ? config.constant : s.lastValue[f]!) : v));
  if (rule === 'drop' && open.fieldValue.some((v) => Number.isNaN(v))) return;
  emitInterval(run, key, k, open.cells, values);
  values.forEach((v, f) => { s.lastValue[f] = v; });
  s.lastCells = open.cells;
}

/** The watermark reached `w`: every interval that ended by then goes out, gaps before it first. */
export function closeIntervals(run: CleanRun, w: number): void {
  const size = run.config.resampleMs!;
  const { state } = run;
  let hold = Infinity;
  let next = Infinity;
  for (const key of [...state.busyKeys]) {
    const s = state.perKey[key]!;
    const due = [...s.open.keys()].filter((k) => (k + 1) * size <= w).sort((a, b) => a - b);
    for (const k of due) {
      closeInterval(run, key, s, k, s.open.get(k)!);
      s.open.delete(k);
    }
    if (s.open.size === 0) {
      state.busyKeys.delete(key);
      continue;
    }
    let first = Infinity;
    for (const k of s.open.keys()) first = Math.min(first, k);
    next = Math.min(next, (first + 1) * size);
    hold = Math.min(hold, (Number.isNaN(s.lastEmitted) ? first : s.lastEmitted + 1) * size - 1);
  }
  state.hold = hold;
  state.nextScan = next;
}
