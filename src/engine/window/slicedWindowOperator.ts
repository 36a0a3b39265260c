import type { Batch, Field } from '../batch';
import { createEmptyBatches, gatherBatch, identityRows } from '../batchOps';
import { captureKeys, createKeyTable, type KeyTable } from '../aggregate/keyTable';
import type { AggregatePlan } from '../aggregate/plan';
import { createResultWriter, pendingResults, rememberInputDicts, takeResults, type ResultWriter } from '../aggregate/resultWriter';
import { fieldValues } from '../aggregate/values';
import type { Operator, OperatorContext, StateStats } from '../operators/types';
import { MAX_DURATION_MS, MAX_WINDOWS_PER_EVENT } from '../../model';
import { createRowScratch, foldRows } from './rowLoop';
import { createRunningWindow, type RunningWindow } from './runningWindow';
import { addRowsToCells, createSliceStore, ensureKeyCapacity, type SliceStore } from './sliceStore';
import { advance } from './slicedTime';
import { createWindowEmitter, type WindowEmitter } from './windowEmit';
import { createWindowShape, type WindowShape } from './windowShape';

/** Tumbling (slide = size), hopping and CUMULATE windows, all computed from slices of gcd(size, slide) (see windowShape). */
export interface SlicedWindowConfig {
  readonly size: number;
  readonly slide: number;
  readonly offset: number;
  readonly lateness: number;
  readonly processingTime: boolean;
  /**
   * CUMULATE (Flink's window table function): the windows of each `size`-long
   * period (Flink's maxSize) share its start and grow by `slide` (Flink's
   * step): [start, start + slide), [start, start + 2 * slide), ... up to size.
   */
  readonly cumulative: boolean;
  readonly plan: AggregatePlan;
  readonly keyFields: readonly Field[];
}

/**
 * The config as the operator keeps it. Copied into a class instance rather
 * than kept as the caller's object literal, as SlicedWindowState: see
 * FastRun (fastFold) for why.
 */
class SlicedWindowSpec implements SlicedWindowConfig {
  readonly size: number;
  readonly slide: number;
  readonly offset: number;
  readonly lateness: number;
  readonly processingTime: boolean;
  readonly cumulative: boolean;
  readonly plan: AggregatePlan;
  readonly keyFields: readonly Field[];
  constructor(config: SlicedWindowConfig) {
    this.size = config.size;
    this.slide = config.slide;
    this.offset = config.offset;
    this.lateness = config.lateness;
    this.processingTime = config.processingTime;
    this.cumulative = config.cumulative;
    this.plan = config.plan;
    this.keyFields = config.keyFields;
  }
}

/** All state of the operator: plain data. */
export class SlicedWindowState {
  readonly config: SlicedWindowConfig;
  /** Windows, slices and their arithmetic (see windowShape). */
  readonly shape: WindowShape;
  readonly store: SliceStore;
  readonly running: RunningWindow;
  readonly keyTable: KeyTable;
  readonly writer: ResultWriter;
  readonly out: WindowEmitter;
  watermark = -Infinity;
  /** Every window up to this index has passed its firing time. */
  firedUpTo = -Infinity;
  /** The watermark at which something next needs doing (a firing or an expiry). */
  nextActionAt = -Infinity;
  lateEvents = 0;

  constructor(config: SlicedWindowConfig) {
    checkSlicedConfig(config);
    this.config = new SlicedWindowSpec(config);
    this.shape = createWindowShape(config.size, config.slide, config.offset, config.cumulative);
    this.store = createSliceStore(config.plan);
    this.running = createRunningWindow(this.store);
    this.keyTable = createKeyTable(config.keyFields);
    this.writer = createResultWriter(config.plan, this.keyTable, true);
    this.out = createWindowEmitter(config.plan);
  }
}

/**
 * Throws a RangeError for a window no valid document can describe: sizes
 * and slides below 1 ms or not whole (gcd of 0.3 and 0.1 is 2.7e-17, and
 * slices of that width never end), or more windows per event than the
 * document allows. The model refuses all of these first.
 */
function checkSlicedConfig(config: SlicedWindowConfig): void {
  const { size, slide, offset, lateness } = config;
  const whole = (x: number, min: number): boolean => Number.isInteger(x) && x >= min && x <= MAX_DURATION_MS;
  if (!whole(size, 1) || !whole(slide, 1)) throw new RangeError(`window size ${size} ms and slide ${slide} ms must be whole milliseconds from 1 to ${MAX_DURATION_MS}`);
  if (!whole(Math.abs(offset), 0) || !whole(lateness, 0)) throw new RangeError(`window offset ${offset} ms and lateness ${lateness} ms must be whole milliseconds of at most ${MAX_DURATION_MS}`);
  if (config.cumulative && size % slide !== 0) throw new RangeError(`a CUMULATE window's max size ${size} ms must be a multiple of its step ${slide} ms`);
  if (Math.ceil(size / slide) > MAX_WINDOWS_PER_EVENT) throw new RangeError(`a window of ${size} ms every ${slide} ms puts each event in more than ${MAX_WINDOWS_PER_EVENT} windows`);
}

/** Creates the operator state for a tumbling or hopping window aggregation. */
export function createSlicedWindowState(config: SlicedWindowConfig): SlicedWindowState {
  return new SlicedWindowState(config);
}

/** Builds the operator for a tumbling or hopping window followed by an aggregate. */
export function createSlicedWindowOperator(config: SlicedWindowConfig, ctx: OperatorContext): Operator & { state: SlicedWindowState } {
  const st = createSlicedWindowState(config);
  st.writer.reuseOutput = ctx.reuseOutputs === true;
  const scratch = createRowScratch();
  let emittedWatermark = -Infinity;
  const emptyLate = createEmptyBatches();

  function process(input: Batch, selection: Int32Array | null): void {
    const batch = config.processingTime ? stampProcessingTime(input, ctx.now()) : input;
    const rows = selection ?? identityRows(batch.length);
    const maxKey = captureKeys(st.keyTable, batch, rows);
    ensureKeyCapacity(st.store, maxKey);
    rememberInputDicts(st.writer, batch);
    const values = fieldValues(config.plan, batch, scratch.values);
    if (scratch.cells.length < rows.length) {
      scratch.cells = new Int32Array(rows.length * 2);
      scratch.rows = new Int32Array(rows.length * 2);
    }
    scratch.flushed = 0;
    scratch.late = [];
    scratch.cachedSlice.fill(NaN); // the key capacity may have changed
    const accepted = foldRows(st, ctx, batch, rows, values, scratch);
    addRowsToCells(st.store, scratch.cells, scratch.rows, values, batch.time, scratch.flushed, accepted);
    if (batch.endWatermark > st.watermark) advance(st, ctx, batch.endWatermark);
    const moved = st.watermark > emittedWatermark;
    emittedWatermark = st.watermark;
    if (pendingResults(st.writer) > 0 || moved) ctx.emit('out', takeResults(st.writer, st.watermark));
    if (scratch.late.length > 0) ctx.emit('late', gatherBatch(batch, Int32Array.from(scratch.late)));
    else if (moved) ctx.emit('late', emptyLate(batch));
  }

  return {
    state: st,
    push: (batch: Batch) => process(batch, null),
    pushSelected: (batch: Batch, rows: Int32Array) => process(batch, rows),
    tick(now: number): void {
      if (!config.processingTime || now <= st.watermark) return;
      advance(st, ctx, now);
      if (pendingResults(st.writer) > 0) ctx.emit('out', takeResults(st.writer, st.watermark));
    },
    stats(): StateStats {
      return { keys: st.keyTable.values.length, openWindows: st.store.live.length, lateEvents: st.lateEvents };
    },
  };
}

/** In processing time every row happens now; the rows are judged against the moment just before. */
function stampProcessingTime(batch: Batch, now: number): Batch {
  return {
    // eslint-disable-next-line no-restricted-syntax -- a Batch, not state: V8 clones it with its source's map, once per batch, and the fields below keep their types
    ...batch,
    time: new Float64Array(batch.length).fill(now),
    watermark: new Float64Array(batch.length).fill(now - 1),
    // The end of a finite input still flushes every window.
    endWatermark: batch.endWatermark === Infinity ? Infinity : now,
  };
}
