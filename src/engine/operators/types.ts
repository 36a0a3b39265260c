import type { Batch } from '../batch';
import type { Snapshottable } from '../snapshot/types';

/** Output ports an operator can emit on. */
export type OutPort = 'out' | 'late';

/** One step in a window's life, for the timeline view that teaches event time. */
export interface WindowTraceEvent {
  readonly type: 'opened' | 'fired' | 'revised' | 'late' | 'closed' | 'merged';
  readonly nodeId: string;
  readonly windowStart: number;
  readonly windowEnd: number;
  /** The operator's watermark when it happened. */
  readonly watermark: number;
  /** Event time of the late event, for 'late'. */
  readonly eventTime?: number;
  /** Number of keys fired, for 'fired' of a time window; the key id for 'revised', 'late', 'merged', sessions' 'opened' and 'closed', and count windows' 'fired'. */
  readonly keys?: number;
  /**
   * Sessions' 'fired' and 'revised' while traced: the batch index of the row
   * being judged when it fired, before that row (the watermark reached its
   * end) or, with `caused`, because of it (the row arrived behind the
   * watermark); -1 after the batch's rows (its end watermark, or a tick).
   */
  readonly row?: number;
  readonly caused?: boolean;
  /** Sessions, for 'merged': the sessions [start, end) of key `keys` that became [windowStart, windowEnd). */
  readonly mergedFrom?: readonly { readonly start: number; readonly end: number }[];
}

/** Fates in RowsTraceEvent.fates, as the window operator decided them. */
export const ROW_ON_TIME = 0;
/** Accepted by a window that had already fired, which fired again (or, for a session behind the watermark, at once). */
export const ROW_REVISION = 1;
/** Too late for every window it belongs to: sent to the late port. */
export const ROW_LATE = 2;
/** In no window (between the windows of a hopping window whose slide exceeds its size). */
export const ROW_DROPPED = 3;

/**
 * The rows of one batch as a traced window operator judged them, in the
 * order it judged them (arrival order), emitted after the batch. Everything
 * in it is valid only during the call (the batch's arrays are reused).
 */
export interface RowsTraceEvent {
  readonly type: 'rows';
  readonly nodeId: string;
  readonly batch: Batch;
  /** Indices into `batch`, in arrival order. */
  readonly rows: Int32Array;
  /** Per entry of `rows`: ROW_ON_TIME, ROW_REVISION, ROW_LATE or ROW_DROPPED. */
  readonly fates: Uint8Array;
  /** Per entry of `rows`: its time on the window's axis (event time; for processing-time windows the arrival time). */
  readonly time: Float64Array;
  /** Per entry of `rows`: the operator's watermark when the row arrived (the one it was judged against). */
  readonly watermark: Float64Array;
  /** Per entry of `rows`: its key id (0 for an unkeyed window). */
  readonly keys: Int32Array;
  /** A key id's key as text: its fields' values joined by ', ' ('' for an unkeyed window). */
  keyText(id: number): string;
}

/** What a traced window operator reports. */
export type TraceEvent = WindowTraceEvent | RowsTraceEvent;

/** Receives the trace of a followed window node. */
export type TraceListener = (event: TraceEvent) => void;

/** What an operator is given by the plan: where to send output, and the host's services. */
export interface OperatorContext {
  readonly nodeId: string;
  emit(port: OutPort, batch: Batch): void;
  /**
   * Emits rows `rows` (ascending indices) of `batch` without copying them out
   * (a selection vector): consumers with `pushSelected` read through it, the
   * others get one gathered copy. A host may leave it out; `emitRows` then
   * gathers. A filter's output thus costs no copy of columns nobody reads.
   */
  readonly emitSelected?: (port: OutPort, batch: Batch, rows: Int32Array) => void;
  /**
   * True when the host may keep the batches this operator emits even on
   * selected paths (a preview tap): the operator must then give them fresh
   * arrays instead of buffers it reuses from batch to batch.
   */
  readonly outputsKept?: boolean;
  /**
   * True when nothing keeps this step's output batches past their push and
   * no tap watches them (see batchesEscape): the step may write each output
   * batch into the arrays of the last one.
   */
  readonly reuseOutputs?: boolean;
  /**
   * Window life events and the fates of rows; null when nobody listens (the
   * hot path then skips them). A host may switch it between batches
   * (Runtime.setTrace), so operators read it per batch, never keep it.
   */
  readonly trace: TraceListener | null;
  /** The host's clock in epoch ms (injected, so tests can fake processing time). */
  now(): number;
  /**
   * Hands rows to the host as this step's results, as a collect sink's (a
   * sink that computes its rows, like the alert sink, emits no batches).
   * A host may leave it out: the rows then go nowhere.
   */
  readonly results?: (rows: ResultRow[]) => void;
}

/** A result row as hosts receive them (the same shape as operators/sinks.ts's Row). */
export type ResultRow = Record<string, string | number | boolean | null>;

/** Size of an operator's state, for node badges. */
export interface StateStats {
  keys: number;
  openWindows: number;
  lateEvents: number;
}

/** A running operator. Its state is plain data; output never depends on batch boundaries. */
export interface Operator extends Partial<Snapshottable> {
  /** Feeds a batch that arrived on input `input` (index of the incoming edge). */
  push(batch: Batch, input: number): void;
  /**
   * Feeds rows `rows` (ascending indices) of `batch` as if they were a batch
   * of their own, with its end watermark; the other rows must affect nothing.
   * `rows` and the batch's arrays are valid only during the call (producers
   * reuse them from batch to batch), so an operator keeps copies, never them.
   * Optional: an operator without it is pushed a gathered batch instead.
   */
  pushSelected?(batch: Batch, rows: Int32Array, input: number): void;
  /** Processing time has moved on to `now`. */
  tick?(now: number): void;
  stats?(): StateStats;
}
