/**
 * The contract between the main thread and the pipeline worker (see
 * ../shared/ARCHITECTURE.md, "The worker boundary"). Everything here crosses
 * postMessage through comlink, so it is plain data: no classes, no functions.
 *
 * The main thread pulls: once per animation frame, when the previous pull has
 * answered, it calls `drain()` and gets everything that happened since. So
 * outputs reach the page at most once per frame, and a busy page simply pulls
 * less often (the worker coalesces, keeping only what a view can show).
 */
import type { WhatIfApi } from './whatif/whatIfTypes';
import type { LessonApi } from './lessons/lessonTypes';
import type { FieldType } from '../engine/batch';
import type { DeadLetter } from '../engine/sources/websocket/types';
import type { PipelineDocument } from '../model';
import type { PreviewRecord } from './previewRecord';
import type { TimelineLookupApi } from './timeline/api';
import type { TimelineApi } from './timelineTypes';
import type { TravelApi, TravelFrame } from './travel/types';
import type { FileProgressApi } from './files/api';
import type { BreakpointApi } from './breakpoints/types';
import type { LineageApi } from './lineage/types';
import type { CheckpointApi, CheckpointNote } from './checkpoints/types';

/** Speed of paced sources (sample, file) as a multiple of event time; 'max' runs flat out. */
export type RunSpeed = number | 'max';

/** The slowest and fastest paced speeds the speed control offers, besides 'max'. */
export const MIN_SPEED = 0.1;
export const MAX_PACED_SPEED = 100;

/** What `step` advances by while paused. */
export type StepUnit = 'batch' | 'event';

/** The life of a run, as the worker reports it. */
export type RunPhase = 'idle' | 'running' | 'paused' | 'finished' | 'failed';

/** A node that threw: the run stops, the node is marked, the canvas stays. */
export interface NodeFailure {
  readonly nodeId: string | null;
  readonly message: string;
}

/** One column of a results chunk: numbers and times as Float64Array, booleans as 0/1, strings as text. */
export type ChunkColumn =
  | { readonly name: string; readonly type: 'number' | 'time'; readonly values: Float64Array }
  | { readonly name: string; readonly type: 'boolean'; readonly values: Uint8Array }
  | { readonly name: string; readonly type: 'string'; readonly values: (string | null)[] };

/**
 * Rows that reached one sink since the last drain, columnar (the typed arrays
 * are transferred, not copied). `time` is each row's event time (for results,
 * the window's max timestamp `end - 1`).
 */
export interface ResultChunk {
  readonly sinkId: string;
  readonly length: number;
  readonly time: Float64Array;
  readonly columns: readonly ChunkColumn[];
  /** Rows that reached the sink but were left out of this chunk because a view keeps fewer (oldest first). */
  readonly skipped: number;
  /** The run position (events read so far) at which each row was emitted, so time travel can show the results of then. */
  readonly positions?: Float64Array;
  /** Frame.travel.cuts when it was drained: rows of a future dropped later are told apart from the new future's. */
  readonly cuts?: number;
}

/** Live figures of one node. Rates are per second of wall-clock time, over the last interval. */
export interface NodeStats {
  readonly rowsIn: number;
  readonly rowsOut: number;
  readonly inPerSecond: number;
  readonly outPerSecond: number;
  /** Epoch ms, -Infinity before the first watermark, +Infinity at end of input. */
  readonly watermark: number;
  readonly keys: number;
  readonly openWindows: number;
  readonly lateEvents: number;
  /** A source that feeds a union: true once it is idle (silent past its idleTimeout), so it no longer holds the union's watermark back. */
  readonly idle?: boolean;
  /** The source whose silence holds this node's watermark back (a union's slowest input, silent a second or more), and for how long. */
  readonly heldBackBy?: HeldBackBy;
  /** An alert sink with a webhook: how its posts are doing. */
  readonly webhook?: WebhookReport;
}

/** An alert sink's webhook deliveries so far (see engine/alerts/webhook.ts). */
export interface WebhookReport {
  readonly sent: number;
  /** Alert rows given up on or dropped (queue full, run stopped). */
  readonly failed: number;
  readonly pending: number;
  readonly lastError: string;
}

export interface HeldBackBy {
  readonly sourceId: string;
  readonly silentForMs: number;
}

/** How a WebSocket source's connection is doing. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** A WebSocket source's connection and message counters. */
export interface SourceConnection {
  readonly state: ConnectionState;
  /** Why it is reconnecting or closed, for the node's tooltip. */
  readonly detail: string;
  readonly messages: number;
  readonly queued: number;
  readonly dropped: number;
  readonly deadLetters: number;
  readonly lastDeadLetters: readonly DeadLetter[];
  /** While reconnecting by the source's retry policy: this retry's number (1 first) and how many the policy allows. */
  readonly attempt?: number;
  readonly maxAttempts?: number;
  /** Epoch ms (wall clock) of the next attempt, for "next in 4 s". */
  readonly nextAttemptAt?: number;
  /** Log mode: the next offset to read per partition, as `offsets:0=12,1=40` (see ../model/logProtocol.ts). */
  readonly position?: string;
  /** Log mode: messages dropped because their offset was read already (replayed after a reconnect). */
  readonly duplicates?: number;
}

/**
 * A node's state in the run, as Prefect shows a task's: pending before its
 * first row, running, retrying (a source waiting to reconnect), failed (with
 * the message), completed (its inputs ended and it emitted everything).
 */
export type NodeRunState =
  | { readonly state: 'pending' }
  | { readonly state: 'running' }
  | { readonly state: 'retrying'; readonly attempt: number; readonly maxAttempts: number; readonly nextAttemptAt: number; readonly message: string }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'completed' };

/** About ten times a second: every node's figures, by node id (an aggregate fed by a window has its own entry). */
export interface MetricsSnapshot {
  readonly at: number;
  readonly nodes: Readonly<Record<string, NodeStats>>;
  /** Edge id -> rows per second flowing along it. */
  readonly edges: Readonly<Record<string, number>>;
  readonly connections: Readonly<Record<string, SourceConnection>>;
}

export type { PreviewRecord } from './previewRecord';

/** The last records that left the watched node, newest last. */
export interface NodePreview {
  readonly nodeId: string;
  readonly fields: readonly { readonly name: string; readonly type: FieldType }[];
  /** Up to PREVIEW_SIZE records from its `out` port. */
  readonly out: readonly PreviewRecord[];
  /** The fields of its `late` records: a window's input fields, not those of its results. */
  readonly lateFields: NodePreview['fields'];
  /** Up to PREVIEW_SIZE records from its `late` port (windows only; empty otherwise). */
  readonly late: readonly PreviewRecord[];
  /** Of windowed results, the key fields that with window_start and window_end tell a result's revisions apart; else empty. */
  readonly keyFields: readonly string[];
}

export const PREVIEW_SIZE = 50;

/** A collect sink (no view of its own): the newest rows a drain carries, and what its results table keeps. */
export const COLLECT_ROWS = 10_000;
/** A log sink: the newest rows a drain carries, and the lines its log view keeps. */
export const LOG_ROWS = 1_000;

/** Everything since the previous drain. */
export interface Frame {
  readonly phase: RunPhase;
  /** Increments on every (re)load, so the page can drop chunks of an older run. */
  readonly runId: number;
  readonly failure: NodeFailure | null;
  readonly outputs: readonly ResultChunk[];
  /** Null when the last snapshot is less than ~100 ms old. */
  readonly metrics: MetricsSnapshot | null;
  /** The watched node's preview, when one is watched and it changed. */
  readonly preview: NodePreview | null;
  /** Run-level notes (a file source's unreadable rows...), by node id. */
  readonly diagnostics: readonly { readonly nodeId: string; readonly message: string }[];
  /** Where the run stands for time travel; null when nothing is loaded. */
  readonly travel?: TravelFrame | null;
  /** This run's last checkpoint (see checkpoints/types.ts); null before its first. */
  readonly checkpoint?: CheckpointNote | null;
  /** True while alert webhooks still have rows to post (retrying after the run ended): the page keeps draining to show how they end. */
  readonly webhooksPending?: boolean;
}

/** The result of loading a document: compile problems refuse it. */
export type LoadResult =
  | { readonly ok: true; readonly runId: number }
  | { readonly ok: false; readonly problems: readonly { readonly nodeId: string; readonly message: string }[] };

/** What the worker exposes through comlink. */
export interface PipelineWorkerApi extends FileProgressApi, TimelineApi, TimelineLookupApi, TravelApi, BreakpointApi, LineageApi, WhatIfApi, CheckpointApi, LessonApi {
  /**
   * Compiles `doc` (file sources read their inline `data`) and resets to 'idle'; with `keepRunning`, a
   * running run goes on running (and a paused one stays paused) from the beginning of the new graph.
   */
  load(doc: PipelineDocument, keepRunning: boolean): LoadResult | Promise<LoadResult>;
  start(): void;
  pause(): void;
  /** While paused (or idle): advance one batch or one event, then stay paused. */
  step(unit: StepUnit): void | Promise<void>;
  /** Ends the run and resets to 'idle'; the document stays loaded. */
  stop(): void;
  setSpeed(speed: RunSpeed): void;
  /** Which node's records to preview (null: none). */
  watch(nodeId: string | null): void;
  drain(): Frame;
  /**
   * The page starts drawing the answer of a drain (a run at Max pouring
   * results in): the run waits until {@link PipelineWorkerApi.answerDrawn},
   * or `giveWayMs` at most, so the page's frame has a core to itself.
   */
  answerDrawing(giveWayMs: number): void;
  /** The page has drawn the answer: a run that gave way goes on at once. */
  answerDrawn(): void;
}
