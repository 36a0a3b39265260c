/** The row loop's reusable scratch (see RowScratch), in a module of its own so the loops that share it (rowLoop, setAsideRows) need not import each other. */
import { DirectCells, FastRun } from './fastFold';
import type { RowTracer } from './rowTrace';
import type { SliceCache } from './sliceCache';

/**
 * Scratch of the row loop, owned by one operator and never emitted, so it is
 * reused from batch to batch: the accepted rows' cells and batch indices
 * (see cellKernels), and the late rows. A class, not an object literal:
 * see FastRun (fastFold) for why.
 */
export class RowScratch implements SliceCache {
  cells: Int32Array = new Int32Array(1024);
  rows: Int32Array = new Int32Array(1024);
  /** Entries of cells/rows before this one are already in the slice store. */
  flushed = 0;
  late: number[] = [];
  /** While the node is traced (see rowTrace): where the loop lists revising and dropped rows; null otherwise. */
  tracer: RowTracer | null = null;
  /**
   * The slice cache (SliceCache in sliceCache.ts): by slice index & 7, what
   * the row loops need about recent slices (see describeSlice) and the cell
   * index of key 0 in them (-1 until a row opens the slice): disordered input hops between a few
   * neighbouring slices, and a Map lookup per hop cost more than the rest of
   * the row. Emptied whenever slots may move or be freed, or windows fire.
   */
  readonly cachedSlice = new Float64Array(8).fill(NaN);
  readonly cachedBase = new Int32Array(8);
  readonly cachedLateAt = new Float64Array(8);
  readonly cachedFlags = new Int32Array(8);
  /** Buffers for fields converted to numbers (see fieldValues): read only while the batch is handled. */
  readonly values: Float64Array[] = [];
  /** Direct mode's cell arrays, the current run and the watermark it reached (see fastFold). */
  readonly direct = new DirectCells();
  readonly run = new FastRun();
  readonly runWatermark = new Float64Array(1);
}

/** Empty scratch for one operator. */
export function createRowScratch(): RowScratch {
  return new RowScratch();
}
