/**
 * The history of runs: what one run leaves behind in IndexedDB (the
 * `windowpane-runs` database), written while it runs so that a crash still
 * leaves a record, and read back by the Runs panel.
 */
import type { NodeRunState } from '../../worker/protocol';

/** How a run ended; 'running' is a record still being written (or, on the next load, one whose page died). */
export type RunFinalState = 'running' | 'completed' | 'failed' | 'cancelled' | 'crashed';

export const FINAL_STATES: readonly RunFinalState[] = ['running', 'completed', 'failed', 'cancelled', 'crashed'];

/** One node's figures and state when the record was last written. */
export interface RecordedNode {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly rowsIn: number;
  readonly rowsOut: number;
  readonly lateEvents: number;
  readonly deadLetters: number;
  readonly state: NodeRunState;
}

/** A column of recorded results: plain arrays, so a record is plain JSON-like data. */
export interface RecordedColumn {
  readonly name: string;
  readonly type: 'number' | 'time' | 'boolean' | 'string';
  readonly values: readonly (number | boolean | string | null)[];
}

/** The newest rows of one sink (at most `cap`), oldest first, and how many it received in all. */
export interface RecordedResults {
  readonly sinkId: string;
  readonly name: string;
  readonly received: number;
  readonly cap: number;
  readonly time: readonly number[];
  readonly columns: readonly RecordedColumn[];
}

export interface RecordedError {
  readonly nodeId: string | null;
  readonly message: string;
}

/** What the list shows of a run; stored apart from its results so listing 200 runs reads no rows. */
export interface RunSummary {
  readonly format: 'windowpane-run';
  readonly version: 1;
  readonly id: string;
  readonly documentId: string;
  readonly documentName: string;
  readonly pipelineVersion: string;
  /** Epoch ms. */
  readonly startedAt: number;
  /** Epoch ms; null while running. */
  readonly endedAt: number | null;
  /** When the record was last written: a crashed run ended about then. */
  readonly updatedAt: number;
  readonly state: RunFinalState;
  /** Why it failed, crashed or was cancelled, when known. */
  readonly reason: string;
  readonly eventsIn: number;
  readonly results: number;
  readonly lateEvents: number;
  readonly deadLetters: number;
  readonly nodes: readonly RecordedNode[];
  readonly errors: readonly RecordedError[];
}

/** A run's results, stored under their own key. */
export interface RunResults {
  readonly id: string;
  readonly sinks: readonly RecordedResults[];
}

/** The newest runs the history keeps; older ones are deleted when a run ends. */
export const MAX_RUNS = 200;
/** The newest result rows kept per sink of a run. */
export const RESULT_ROWS_PER_SINK = 500;
/** Errors (the failure and run notes) kept per run. */
export const MAX_ERRORS = 50;
/** How often a running run's record is written, so a crash loses at most this much. */
export const RECORD_EVERY_MS = 3000;
