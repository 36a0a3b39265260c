/**
 * The state every file of the sliced window operator shares, in one place:
 * the config as the operator keeps it, its window shape (windowShape), the
 * slice store, the running window, keys, the result writer and firing
 * history, and four numbers that track time. Plain data; the files that
 * act on it import this module and nothing imports them back.
 *
 * Who writes what (everything else is set once here):
 * - watermark: advance (slicedTime), and the row loops (rowLoop,
 *   setAsideRows) as rows carry it below the next action;
 * - firedUpTo and nextActionAt: advance only;
 * - lateEvents: the row loops, once per row sent to the late port.
 */
import type { Field } from '../batch';
import { createKeyTable, type KeyTable } from '../aggregate/keyTable';
import type { AggregatePlan } from '../aggregate/plan';
import { createResultWriter, type ResultWriter } from '../aggregate/resultWriter';
import { MAX_DURATION_MS, MAX_WINDOWS_PER_EVENT } from '../../model';
import { createRunningWindow, type RunningWindow } from './runningWindow';
import { createSliceStore, type SliceStore } from './sliceStore';
import { createWindowEmitter, type WindowEmitter } from './windowFirings';
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

/**
 * How the operator may compute, for tests only (never a document parameter).
 * `general` forces the general path: every row judged by the row loop
 * (foldRows) and listed for the cell kernels, no runs (fastFold), no
 * set-aside loop (setAsideRows), no direct store or rows (directMode,
 * directRows), no running window: each window gathered from its slices.
 * The fast paths must give the same rows (fastPaths.test.ts).
 */
export interface SlicedWindowOptions {
  readonly general?: boolean;
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

  constructor(config: SlicedWindowConfig, options: SlicedWindowOptions = {}) {
    checkSlicedConfig(config);
    const fast = options.general !== true;
    this.config = new SlicedWindowSpec(config);
    this.shape = createWindowShape(config.size, config.slide, config.offset, config.cumulative);
    this.store = createSliceStore(config.plan, fast);
    this.running = createRunningWindow(this.store);
    this.keyTable = createKeyTable(config.keyFields);
    this.writer = createResultWriter(config.plan, this.keyTable, true);
    this.out = createWindowEmitter(config.plan, fast);
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

/** Creates the operator state for a tumbling, hopping or CUMULATE window aggregation. */
export function createSlicedWindowState(config: SlicedWindowConfig, options: SlicedWindowOptions = {}): SlicedWindowState {
  return new SlicedWindowState(config, options);
}
