/**
 * transform.clean without resampling: each record's missing values (null,
 * absent or NaN) of the cleaned fields are dropped, filled forward, filled
 * with a constant or interpolated, then clipped. Interpolation holds a
 * record back until its key's next known value arrives, or until the
 * watermark passes its event time plus maxWait (also at the end of input),
 * when it goes out filled forward instead. Records of a key keep their
 * arrival order: one arriving behind a waiting record waits with it.
 */
import { clip, createCleanKey, type CleanConfig, type CleanKey, type CleanState, type PendingRow } from './cleanState';
import type { RowWriter } from './rowStore';

/** What both clean paths share while a batch is pushed. */
export interface CleanRun {
  readonly config: CleanConfig;
  readonly state: CleanState;
  readonly writer: RowWriter;
  /** Column index of each cleaned field in the layout. */
  readonly fieldCols: readonly number[];
  /** Column indices of the time fields (resampling sets them to the interval's start). */
  readonly timeCols: readonly number[];
}

export function keyState(run: CleanRun, key: number): CleanKey {
  let s = run.state.perKey[key];
  if (s === undefined) s = run.state.perKey[key] = createCleanKey(run.fieldCols.length);
  return s;
}

function emit(run: CleanRun, key: number, time: number, cells: number[]): void {
  for (const c of run.fieldCols) cells[c] = clip(run.config, cells[c]!);
  run.writer.add(time, run.state.outWatermark, key, cells);
}

/** Cleans one record (as cells) of key `key`; it goes out now, later, or never (drop). */
export function cleanRecord(run: CleanRun, key: number, time: number, cells: number[]): void {
  const { config, fieldCols } = run;
  let missing = false;
  for (const c of fieldCols) if (Number.isNaN(cells[c]!)) missing = true;
  switch (config.missing) {
    case 'drop':
      if (!missing) emit(run, key, time, cells);
      return;
    case 'constant':
      for (const c of fieldCols) if (Number.isNaN(cells[c]!)) cells[c] = config.constant;
      emit(run, key, time, cells);
      return;
    case 'forwardFill': {
      const s = keyState(run, key);
      fieldCols.forEach((c, f) => {
        if (Number.isNaN(cells[c]!)) cells[c] = s.last[f]!;
        else s.last[f] = cells[c]!;
      });
      emit(run, key, time, cells);
      return;
    }
    case 'interpolate':
      interpolate(run, key, time, cells, missing);
  }
}

/** The value at `t` on the line from (t0, v0) to (t1, v1), clamped to the segment; v1 when there is no v0. */
function between(t0: number, v0: number, t1: number, v1: number, t: number): number {
  if (Number.isNaN(v0) || t1 === t0) return v1;
  const f = Math.min(1, Math.max(0, (t - t0) / (t1 - t0)));
  return v0 + f * (v1 - v0);
}

function interpolate(run: CleanRun, key: number, time: number, cells: number[], missing: boolean): void {
  const s = keyState(run, key);
  const { state, fieldCols } = run;
  if (!missing && s.pending.length === 0) {
    fieldCols.forEach((c, f) => { s.last[f] = cells[c]!; s.lastTime[f] = time; });
    emit(run, key, time, cells);
    return;
  }
  // Known values fill the waiting records' gaps before they become the key's last.
  fieldCols.forEach((c, f) => {
    const x = cells[c]!;
    if (Number.isNaN(x)) return;
    for (const p of s.pending) {
      if (Number.isNaN(p.cells[c]!)) p.cells[c] = between(s.lastTime[f]!, s.last[f]!, time, x, p.time);
    }
    s.last[f] = x;
    s.lastTime[f] = time;
  });
  s.pending.push({ time, cells });
  if (missing) state.nextScan = Math.min(state.nextScan, time + run.config.maxWaitMs);
  state.hold = Math.min(state.hold, time - 1);
  state.busyKeys.add(key);
  const before = s.pending.length;
  flushComplete(run, key, s);
  if (s.pending.length < before) recomputeHold(run);
}

function isComplete(run: CleanRun, p: PendingRow): boolean {
  for (const c of run.fieldCols) if (Number.isNaN(p.cells[c]!)) return false;
  return true;
}

/** Sends on the key's waiting records from the front that have all their values. */
function flushComplete(run: CleanRun, key: number, s: CleanKey): void {
  let n = 0;
  while (n < s.pending.length && isComplete(run, s.pending[n]!)) {
    const p = s.pending[n++]!;
    emit(run, key, p.time, p.cells);
  }
  if (n > 0) s.pending.splice(0, n);
  if (s.pending.length === 0) run.state.busyKeys.delete(key);
}

/** The hold and next scan from what still waits. */
function recomputeHold(run: CleanRun): void {
  const { state } = run;
  let hold = Infinity;
  let next = Infinity;
  for (const key of state.busyKeys) {
    for (const p of state.perKey[key]!.pending) {
      hold = Math.min(hold, p.time - 1);
      if (!isComplete(run, p)) next = Math.min(next, p.time + run.config.maxWaitMs);
    }
  }
  state.hold = hold;
  state.nextScan = next;
}

/** The watermark reached `w`: waiting records whose time plus maxWait it passed go out filled forward. */
export function releaseWaiting(run: CleanRun, w: number): void {
  for (const key of [...run.state.busyKeys]) {
    const s = run.state.perKey[key]!;
    while (s.pending.length > 0 && s.pending[0]!.time + run.config.maxWaitMs <= w) {
      const head = s.pending[0]!;
      run.fieldCols.forEach((c, f) => { if (Number.isNaN(head.cells[c]!)) head.cells[c] = s.last[f]!; });
      s.pending.shift();
      emit(run, key, head.time, head.cells);
      flushComplete(run, key, s);
    }
    if (s.pending.length === 0) run.state.busyKeys.delete(key);
  }
  recomputeHold(run);
}
