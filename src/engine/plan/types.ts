import type { Field, RowBlock } from '../batch';
import type { AggregatePlan } from '../aggregate/plan';
import type { CompiledExpression } from '../expr';
import type { Operator, OperatorContext } from '../operators/types';
import type { SampleParams } from '../sources/sample';
import type { OpenedFile } from '../sources/file/stream/types';
import type { ChartType, ChartXAxis, EventTimeRange, MessageFormat, RetryPolicy, TimeFormat } from '../../model';


/** What flows along an edge: its fields and, when keyed, the key fields. */
export interface EdgeSchema {
  readonly fields: readonly Field[];
  readonly keys: readonly Field[] | null;
  /**
   * On the results of an aggregation: the key fields it grouped by, which
   * tell a chart's series apart. Absent elsewhere.
   */
  readonly groupFields?: readonly Field[];
}

/** How a live view of the app shows a sink's results; the engine treats every view as a collect sink. */
export type SinkView =
  | { readonly type: 'chart'; readonly chart: ChartType; readonly x: ChartXAxis; readonly y: string; readonly series: readonly string[]; readonly topKeys: number; readonly timeRangeMs: number }
  | { readonly type: 'table'; readonly maxRows: number };

/** What a WebSocket source needs to turn messages into events; the host owns the connection. */
export interface WebsocketSourceSpec {
  readonly url: string;
  readonly format: MessageFormat;
  /** The declared fields, the event-time field typed `time`. */
  readonly fields: readonly Field[];
  readonly eventTime: string;
  readonly timeFormat: TimeFormat;
  readonly boundMs: number;
  readonly queueLimit: number;
  /** Events whose time lies outside it are dead letters [years 1900 to 2300]. */
  readonly timeRange?: EventTimeRange;
  /** The source ends after this many events (the CLI's --limit); absent: it runs until the connection ends. */
  readonly limit?: number;
  /** Log mode (the sample server's /topics/NAME): frames of LogMessage, offsets tracked per partition. */
  readonly log?: LogSourceSpec;
  /** How the host reconnects after a failure; absent: DEFAULT_RETRY_POLICY. */
  readonly retry?: RetryPolicy;
}

/** The log mode of a WebSocket source (see ../../model/logProtocol.ts). */
export interface LogSourceSpec {
  /** Where the first connection starts: earliest, latest, offsets:P=O,... or time:MS. */
  readonly from: string;
  /** A partition silent this long (wall clock) stops holding the source's watermark back; absent: never. */
  readonly idleMs?: number;
}

/** A sample stream that goes quiet (in the app, by the wall clock) after `afterEvents` events for `forMs`. */
export interface QuietSpec {
  readonly afterEvents: number;
  readonly forMs: number;
}

/** A compile error on one node, with the JSON path of the offending parameter. */
export interface CompileProblem {
  readonly nodeId: string;
  readonly path: string;
  readonly message: string;
}

export type WindowSpec =
  | { readonly type: 'sliced'; readonly size: number; readonly slide: number; readonly offset: number; readonly lateness: number; readonly processingTime: boolean;
      /** CUMULATE: windows of each `size`-long period share its start and grow by `slide` (Flink's step; size is maxSize). */
      readonly cumulative: boolean }
  | { readonly type: 'session'; readonly gap: number; readonly lateness: number; readonly processingTime: boolean }
  | { readonly type: 'count'; readonly size: number };

/** What a host gives a file source: its whole text, or a file to stream. */
export type FileInput = string | OpenedFile;

/**
 * Where a file source's rows come from: text parsed whole at compile time
 * (inline `params.data`: its bad rows are the step's rowErrors), or a file
 * read as the run goes (see sources/file/stream/types.ts; its bad rows
 * become diagnostics as they are met).
 */
export type FileSourceData =
  | { readonly kind: 'block'; readonly block: RowBlock }
  | { readonly kind: 'stream'; readonly file: OpenedFile; readonly limit: number | null; readonly timeRange: EventTimeRange };

/** One runnable step; `nodeId` is where its output routes start. */
export type PlanStep =
  | { readonly type: 'sampleSource'; readonly nodeId: string; readonly params: SampleParams; readonly idleTimeoutMs?: number; readonly quiet?: QuietSpec }
  | { readonly type: 'fileSource'; readonly nodeId: string; readonly data: FileSourceData; readonly boundMs: number; readonly rowErrors: readonly { line: number; message: string }[]; readonly badRowCount: number; readonly idleTimeoutMs?: number }
  | { readonly type: 'websocketSource'; readonly nodeId: string; readonly spec: WebsocketSourceSpec; readonly idleTimeoutMs?: number }
  | { readonly type: 'filter'; readonly nodeId: string; readonly predicate: CompiledExpression }
  | { readonly type: 'map'; readonly nodeId: string; readonly fields: readonly { name: string; expr: CompiledExpression }[]; readonly keep: boolean; readonly keepsKeys: boolean }
  | { readonly type: 'keyBy'; readonly nodeId: string; readonly fields: readonly string[] }
  | { readonly type: 'union'; readonly nodeId: string; readonly inputs: number }
  | { readonly type: 'windowAggregate'; readonly nodeId: string; readonly aggregateId: string; readonly window: WindowSpec; readonly plan: AggregatePlan; readonly keyFields: readonly Field[] }
  | { readonly type: 'runningAggregate'; readonly nodeId: string; readonly plan: AggregatePlan; readonly keyFields: readonly Field[] }
  | { readonly type: 'collectSink'; readonly nodeId: string; readonly view: SinkView | null }
  | { readonly type: 'logSink'; readonly nodeId: string; readonly limit: number }
  | OperatorStep;

/**
 * A node whose module builds its own operator (feature transforms,
 * detectors): compiling it hands the runtime a factory, so a new kind needs
 * no case in the runtime. `create` makes a fresh operator per runtime (time
 * travel and checkpoints restore into fresh ones).
 */
export interface OperatorStep {
  readonly type: 'operator';
  readonly nodeId: string;
  /** The node's kind, for what reads plans (breakpoints, metrics). */
  readonly kind: string;
  create(ctx: OperatorContext): Operator;
}

/** Where a node's port sends its batches: the step and its input index. */
export interface Route {
  readonly stepId: string;
  readonly input: number;
}

/** The compiled pipeline: steps in topological order and the routes between them. */
export interface ExecutionPlan {
  readonly steps: readonly PlanStep[];
  /** Keyed by `${stepId}:${port}`. */
  readonly routes: ReadonlyMap<string, readonly Route[]>;
  /** Schema of every edge, by edge id. */
  readonly edgeSchemas: ReadonlyMap<string, EdgeSchema>;
}
