/** Plain-data state of transform.clean (see cleanOperator.ts), shared by its missing-value and resample paths. */
import type { RowLayout } from './rowStore';
import type { MissingValueRule } from '../../model';

export interface CleanConfig {
  readonly fields: readonly string[];
  readonly missing: MissingValueRule;
  readonly constant: number;
  readonly maxWaitMs: number;
  readonly min: number;
  readonly max: number;
  readonly resampleMs: number | null;
}

/** A record held back until the next known value of its key (interpolation). */
export interface PendingRow {
  readonly time: number;
  readonly cells: number[];
}

/** The records of one key in one resample interval, reduced to what the interval's record needs. */
export interface OpenInterval {
  /** Event time and cells of its latest record. */
  time: number;
  cells: number[];
  /** Per cleaned field: the latest known value in the interval and its time (NaN, -Infinity when none). */
  readonly fieldValue: number[];
  readonly fieldTime: number[];
}

export interface CleanKey {
  /** Per cleaned field: the key's last known value and its event time, in arrival order. */
  readonly last: number[];
  readonly lastTime: number[];
  /** Interpolation: records waiting, in arrival order. */
  readonly pending: PendingRow[];
  /** Resample: the last interval emitted (NaN before the first), its values per field and its record. */
  lastEmitted: number;
  readonly lastValue: number[];
  lastCells: number[] | null;
  /** Resample: intervals with records, not yet emitted, by interval number. */
  readonly open: Map<number, OpenInterval>;
}

export interface CleanState {
  layout: RowLayout | null;
  readonly perKey: (CleanKey | undefined)[];
  /** Keys with pending records (interpolation) or open intervals (resample). */
  readonly busyKeys: Set<number>;
  /** The watermark sent on: the input's, held below the earliest record still held back. */
  outWatermark: number;
  /** The most the output watermark may be now (below every held record); Infinity when none is held. */
  hold: number;
  /** The input watermark at which held records may be due to go out. */
  nextScan: number;
  /** Records dropped because their resample interval had closed. */
  late: number;
}

export function createCleanState(): CleanState {
  return { layout: null, perKey: [], busyKeys: new Set(), outWatermark: -Infinity, hold: Infinity, nextScan: Infinity, late: 0 };
}

export function createCleanKey(fields: number): CleanKey {
  return {
    last: new Array<number>(fields).fill(NaN), lastTime: new Array<number>(fields).fill(NaN), pending: [],
    lastEmitted: NaN, lastValue: new Array<number>(fields).fill(NaN), lastCells: null, open: new Map(),
  };
}

export function clip(config: CleanConfig, v: number): number {
  return v < config.min ? config.min : v > config.max ? config.max : v;
}
