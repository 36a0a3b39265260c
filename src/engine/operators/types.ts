import type { Batch } from '../batch';
import type { Snapshottable } from '../snapshot/types';

/** Output ports an operator can emit on. */
export type OutPort = 'out' | 'late';

/** One step in a window's life, for the timeline view that teaches event time. */
export interface WindowTraceEvent {
  readonly type: 'opened' | 'fired' | 'revised' | 'late' | 'closed';
  readonly nodeId: string;
  readonly windowStart: number;
  readonly windowEnd: number;
  /** The operator's watermark when it happened. */
  readonly watermark: number;
  /** Event time of the late event, for 'late'. */
  readonly eventTime?: number;
  /** Number of keys fired, for 'fired'; the key id for 'revised' and 'late'. */
  readonly keys?: number;
}

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
  /** Window life events; null when nobody listens (the hot path then skips them). */
  readonly trace: ((event: WindowTraceEvent) => void) | null;
  /** The host's clock in epoch ms (injected, so tests can fake processing time). */
  now(): number;
}

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
