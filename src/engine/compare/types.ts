/**
 * What a what-if comparison answers: the same input run through two
 * documents (the one as it is, and one with a parameter changed), window by
 * window. Plain data: it crosses the worker boundary and the CLI prints it as JSON.
 */
import type { Batch } from '../batch';
import type { Row } from '../operators/sinks';
import type { ExecutionPlan } from '../plan/types';
import type { Runtime } from '../run/runtime';

export type Cell = Row[string];

/** One parameter of one node set to another value ("minute.allowedLateness = 30s"). */
export interface ParamChange {
  readonly nodeId: string;
  readonly param: string;
  /** A duration text ("30s") or a number (a count window's size), as the document writes it. */
  readonly value: string | number;
}

/** One window's result in one run: its latest revision, and when its first result came. */
export interface WindowOutcome {
  /** The aggregates of its latest revision (every field but the window bounds, the keys and `revision`). */
  readonly values: Readonly<Record<string, Cell>>;
  /** How many times it fired again after its first result. */
  readonly revisions: number;
  /**
   * Event time: how far the window node's watermark had moved past the window's
   * last instant (end - 1 ms) when its first result came; null when it came only
   * at the end of the input (the final watermark flushes every window).
   */
  readonly firstLagMs: number | null;
  /**
   * Arrival: events read from all sources when the watermark first stood where it
   * stood at the first result (every source's watermark had reached it).
   */
  readonly firstAfterEvents: number;
}

/** One window of a window node, in one run or both. */
export interface WindowDiff {
  readonly start: number;
  readonly end: number;
  /** The values of the window node's key fields, in their order. */
  readonly key: readonly Cell[];
  readonly a: WindowOutcome | null;
  readonly b: WindowOutcome | null;
  /** The aggregates whose values differ (empty when present in one run only). */
  readonly changedFields: readonly string[];
}

/** Both runs as one window node saw them. */
export interface NodeComparison {
  readonly nodeId: string;
  readonly keyFields: readonly string[];
  /** Windows with a result in run A (the document as it is) and run B (with the change). */
  readonly windowsA: number;
  readonly windowsB: number;
  /** In both runs with equal values. */
  readonly same: number;
  /** In both runs with a different value in at least one aggregate. */
  readonly changed: number;
  readonly onlyA: number;
  readonly onlyB: number;
  /** Events sent to the node's `late` port in each run. */
  readonly lateA: number;
  readonly lateB: number;
  /** Revisions (results after a window's first) in each run. */
  readonly revisionsA: number;
  readonly revisionsB: number;
  /** Windows in both runs whose first result came at a different point (lag or arrival). */
  readonly timingChanged: number;
  /**
   * The windows that differ in value or presence, in window then key order,
   * then the timing-only ones; at most `maxListed` (the counts above are the whole).
   */
  readonly differences: readonly WindowDiff[];
  /** Every window of both runs, when asked for (`listAll`), to draw both runs side by side. */
  readonly all?: readonly WindowDiff[];
}

export interface Comparison {
  readonly change: ParamChange;
  /** The value the parameter has in the document as it is (undefined: its default). */
  readonly before: string | number | null;
  /** Events read from all sources in each run. */
  readonly eventsA: number;
  readonly eventsB: number;
  /** Rows that reached each run's collect and log sinks. */
  readonly resultRowsA: number;
  readonly resultRowsB: number;
  readonly nodes: readonly NodeComparison[];
  /** What the reader should know to read the differences (the two runs did not read the same events). */
  readonly notes: readonly string[];
}

/**
 * Recorded live input, in the order it reached the run: WebSocket messages, a
 * source's close, and the steps taken between them (rows asked of each source).
 */
export type ReplayEntry =
  | { readonly kind: 'message'; readonly sourceId: string; readonly text: string }
  | { readonly kind: 'close'; readonly sourceId: string }
  | { readonly kind: 'step'; readonly rows: number };

/** A tap on every batch a step of one comparison run emits (RuntimeHost.onEmit's shape). */
export type RunTap = (stepId: string, port: 'out' | 'late', batch: Batch, rows: Int32Array | null) => void;

export interface CompareOptions {
  /**
   * Called once per run as it is built, before it reads anything: a host may
   * follow the run (a timeline recorder of a window node) and return a tap
   * that sees every batch the run emits, or null.
   */
  readonly observe?: (run: 'a' | 'b', plan: ExecutionPlan, runtime: Runtime) => RunTap | null;
  /**
   * The WebSocket input a run received, replayed into both runs in its order;
   * after it every WebSocket source is closed (its input ends there). Without
   * it a document with a WebSocket source cannot be compared.
   */
  readonly replay?: readonly ReplayEntry[];
  /** Caps every source at this many events (required for unbounded sample streams). */
  readonly limit?: number;
  /** File text for file sources by node id (the CLI's --input). */
  readonly fileInputs?: Readonly<Record<string, string>>;
  /** Rows per source per step; results never depend on it, `firstAfterEvents` of several sources may. */
  readonly batchSize?: number;
  /** Listed differences per window node at most (default 200). */
  readonly maxListed?: number;
  /** Also list every window of both runs (`NodeComparison.all`). */
  readonly listAll?: boolean;
}
