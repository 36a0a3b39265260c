import type { Batch } from '../batch';
import { gatherBatch } from '../batchOps';
import { createRunningAggregateOperator } from '../aggregate/runningAggregateOperator';
import { createFilterOperator } from '../operators/filterOperator';
import { createKeyByOperator } from '../operators/keyByOperator';
import { createMapOperator } from '../operators/mapOperator';
import { batchToRows, createBatchSink, createCollectSink, createLogSink, type Row } from '../operators/sinks';
import type { Operator, OperatorContext, OutPort, StateStats, TraceListener } from '../operators/types';
import { createUnionOperator, type UnionOperator } from '../operators/unionOperator';
import { escapingSteps } from '../plan/escape';
import type { ExecutionPlan, PlanStep, Route } from '../plan/types';
import { createCountWindowOperator } from '../window/countWindowOperator';
import { createSessionWindowOperator } from '../window/sessionWindowOperator';
import { createSlicedWindowOperator } from '../window/slicedWindowOperator';
import { createSourceRuntime, type SourceRuntime } from './sources';
import { createMessageSource } from '../sources/websocket/messageSource';
import type { MessageSource } from '../sources/websocket/types';
import type { StreamedFileSource } from '../sources/file/stream/types';
import { createIdleTracker, type IdleTracker } from './idleInputs';
import { failedAt } from './nodeError';
import { createWaitingBatches, MAX_NESTED_PUSHES } from './waitingBatches';
import { planFingerprint, type PlanFingerprint } from './planFingerprint';
import { restoreRuntime, snapshotRuntime, type RuntimeParts, type RuntimeSnapshot } from './runtimeSnapshot';

export type { RuntimeSnapshot } from './runtimeSnapshot';

/** What the host (worker, CLI, test) provides to a running pipeline. */
export interface RuntimeHost {
  now(): number;
  log(line: string): void;
  /** Trace of every window node (tests); null: none, unless Runtime.setTrace follows one. */
  readonly trace: TraceListener | null;
  /** Rows that reached a collect sink. */
  onResults(sinkId: string, rows: Row[]): void;
  /**
   * When given, collect sinks hand over their input as columnar batches
   * instead of calling `onResults`: no object per row, for a host that ships
   * typed arrays to another thread or only counts rows (the benchmark). The
   * batches are immutable once emitted, so the host may keep them.
   */
  readonly onResultBatch?: (sinkId: string, batch: Batch) => void;
  /**
   * False when the host reads the batches it gets through `onResultBatch`
   * during the call only (writes them out, counts them) and keeps none:
   * then steps whose output reaches only collect sinks write each batch into
   * the arrays of the last one. Defaults to true (a host may keep them).
   */
  readonly keepsResultBatches?: boolean;
  /** Rows a window sent to its `late` port; null when nobody wants them (they are still counted). */
  readonly onLate: ((windowId: string, rows: Row[]) => void) | null;
  /**
   * A tap on every batch a step emits (`rows`: the selected rows, or null for
   * all), for live previews and per-port counts. Called only when given; it
   * must not keep `rows` (a filter reuses its buffer: copy it) or change
   * anything. It may keep the batch: while a tap is given, operators and
   * sources write every batch into fresh arrays (see OperatorContext.outputsKept),
   * unless `tapKeepsBatches` is false.
   */
  readonly onEmit?: (nodeId: string, port: OutPort, batch: Batch, rows: Int32Array | null) => void;
  /**
   * False when the tap reads each batch during the call only and copies
   * whatever it keeps (the worker's previews keep their last few rows): then
   * a tap costs no fresh arrays, and steps reuse their buffers as without one.
   * Defaults to true.
   */
  readonly tapKeepsBatches?: boolean;
}

export interface NodeMetrics extends StateStats {
  rowsIn: number;
  rowsOut: number;
  watermark: number;
}

export interface Diagnostic {
  readonly nodeId: string;
  readonly message: string;
}

export interface Runtime {
  /** Pulls up to `maxRows` rows from every unfinished source; false once all have ended. */
  step(maxRows: number): boolean;
  /** Processing time moved on: processing-time windows may fire. */
  tick(now: number): void;
  metrics(): Map<string, NodeMetrics>;
  readonly diagnostics: readonly Diagnostic[];
  /** The WebSocket sources by node id, for the host to feed with messages. */
  readonly messageSources: ReadonlyMap<string, MessageSource>;
  /**
   * The streamed file sources this runtime made (not those a host put in
   * through RuntimeOptions.sources), by node id: the host awaits their
   * `fill(n)` before each `step(n)` (see stepWithFiles).
   */
  readonly fileSources: ReadonlyMap<string, StreamedFileSource>;
  /** Which sources are idle or hold a union's watermark back; null for a plan without a union. */
  readonly idleInputs: IdleTracker | null;
  /** Events read from all sources so far: the run position (the timeline's and time travel's unit). */
  readonly position: number;
  /**
   * Follows window node `nodeId` (its window or aggregate id): its operator
   * reports to `listener` from the next batch on; null stops (the host's
   * trace, if any, applies again). Every other node keeps the host's trace.
   */
  setTrace(nodeId: string | null, listener: TraceListener | null): void;
  /**
   * The state of the run as plain, structured-clonable data (see
   * runtimeSnapshot.ts). Only between steps: throws during one.
   */
  snapshot(): RuntimeSnapshot;
  /**
   * Puts a fresh runtime of the same plan back where `snapshot` was taken;
   * throws an Error saying what does not match for another plan or format.
   */
  restore(snapshot: RuntimeSnapshot): void;
}

/** An OperatorContext whose trace the runtime may switch between batches. */
type SwitchableContext = OperatorContext & { trace: TraceListener | null };

function createOperator(step: Exclude<PlanStep, { type: 'sampleSource' | 'fileSource' | 'websocketSource' | 'union' }>, ctx: OperatorContext, host: RuntimeHost): Operator {
  switch (step.type) {
    case 'filter': return createFilterOperator(step.predicate, ctx);
    case 'map': return createMapOperator(step, ctx);
    case 'keyBy': return createKeyByOperator(step.fields, ctx);
    case 'runningAggregate': return createRunningAggregateOperator(step, ctx);
    case 'operator': return step.create(ctx);
    case 'collectSink': {
      const onBatch = host.onResultBatch;
      if (onBatch !== undefined) return createBatchSink((batch) => onBatch(step.nodeId, batch));
      return createCollectSink((rows) => host.onResults(step.nodeId, rows));
    }
    case 'logSink': return createLogSink(step.nodeId, step.limit, host.log, (rows) => host.onResults(step.nodeId, rows));
    case 'windowAggregate': {
      const w = step.window;
      const { plan, keyFields } = step;
      // Literals, not spreads: spread configs came out with maps that changed from run to run, and
      // every hot function reading the config was deoptimised again ("wrong map").
      if (w.type === 'sliced') {
        const { size, slide, offset, lateness, processingTime, cumulative } = w;
        return createSlicedWindowOperator({ size, slide, offset, lateness, processingTime, cumulative, plan, keyFields }, ctx);
      }
      if (w.type === 'session') return createSessionWindowOperator({ gap: w.gap, lateness: w.lateness, processingTime: w.processingTime, plan, keyFields }, ctx);
      return createCountWindowOperator({ size: w.size, plan, keyFields }, ctx);
    }
  }
}

/** What a caller may substitute in a plan when instantiating it. */
export interface RuntimeOptions {
  /**
   * Runtimes to use instead of the plan's for the source steps of these node
   * ids, e.g. `createBlockSource` (./sources) replaying events generated beforehand,
   * so a benchmark times the pipeline and not the generator.
   */
  readonly sources?: Readonly<Record<string, SourceRuntime>>;
}

/** Instantiates a plan: sources, operators, and the routes between them. */
export function createRuntime(plan: ExecutionPlan, host: RuntimeHost, options: RuntimeOptions = {}): Runtime {
  const operators = new Map<string, Operator>();
  const metrics = new Map<string, NodeMetrics>();
  const sources: SourceRuntime[] = [];
  const diagnostics: Diagnostic[] = [];
  const metricsOf = (id: string): NodeMetrics => {
    let m = metrics.get(id);
    if (m === undefined) metrics.set(id, (m = { rowsIn: 0, rowsOut: 0, watermark: -Infinity, keys: 0, openWindows: 0, lateEvents: 0 }));
    return m;
  };
  const aliases = new Map<string, string>();
  const unions = new Map<string, UnionOperator>();
  const contexts = new Map<string, SwitchableContext>();
  const messageSources = new Map<string, MessageSource>();
  const fileSources = new Map<string, StreamedFileSource>();

  const tap = host.onEmit;
  // Fresh arrays for every batch only when the tap may keep what it is handed.
  const tapKeeps = tap !== undefined && host.tapKeepsBatches !== false;
  // Collect sinks without onResultBatch turn batches into row objects, so they keep no arrays either.
  const sinksKeep = host.onResultBatch !== undefined && host.keepsResultBatches !== false;

  // Looked up by step id (an interned string), not by a `${step}:${port}` string built on every emit.
  const routeCache = new Map<string, Record<OutPort, readonly Route[]>>();
  function routesOf(stepId: string, port: OutPort): readonly Route[] {
    let cached = routeCache.get(stepId);
    if (cached === undefined) {
      cached = { out: plan.routes.get(`${stepId}:out`) ?? [], late: plan.routes.get(`${stepId}:late`) ?? [] };
      routeCache.set(stepId, cached);
    }
    return cached[port];
  }

  // How deep pushes nest now, and what waits for a shallower stack (see waitingBatches.ts).
  let depth = 0;
  const waiting = createWaitingBatches();

  function pushTo(route: Route, batch: Batch, rows: Int32Array | null, gathered: Batch | null): Batch | null {
    const op = operators.get(route.stepId)!;
    let shared = gathered;
    depth++;
    try {
      if (rows === null) op.push(batch, route.input);
      else if (op.pushSelected !== undefined) op.pushSelected(batch, rows, route.input);
      else op.push((shared ??= gatherBatch(batch, rows)), route.input);
    } catch (error) {
      waiting.clear();
      throw failedAt(route.stepId, error);
    } finally {
      depth--;
    }
    return shared;
  }

  /** Pushes now, or queues when the stack is deep or the route already has a batch waiting. */
  function deliver(route: Route, batch: Batch, rows: Int32Array | null, gathered: Batch | null): Batch | null {
    if (depth < MAX_NESTED_PUSHES && (waiting.size === 0 || !waiting.has(route))) return pushTo(route, batch, rows, gathered);
    waiting.add(route, batch, rows);
    return gathered;
  }

  /** The outermost emit hands over what waited, each push from a shallow stack again. */
  function deliverWaiting(): void {
    if (depth > 0) return;
    for (let next = waiting.shift(); next !== undefined; next = waiting.shift()) pushTo(next.route, next.batch, null, null);
  }

  function emit(stepId: string, port: OutPort, batch: Batch): void {
    if (tap !== undefined) tap(stepId, port, batch, null);
    const m = metricsOf(stepId);
    if (port === 'out') {
      m.rowsOut += batch.length;
      if (batch.endWatermark > m.watermark) m.watermark = batch.endWatermark;
    } else if (batch.length > 0 && host.onLate !== null) host.onLate(stepId, batchToRows(batch));
    for (const route of routesOf(stepId, port)) {
      metricsOf(route.stepId).rowsIn += batch.length;
      deliver(route, batch, null, null);
    }
    if (waiting.size > 0) deliverWaiting();
  }

  /** A selection goes on as it is to consumers that read through one; the others share one gathered copy. */
  function emitSelected(stepId: string, port: OutPort, batch: Batch, rows: Int32Array): void {
    if (port !== 'out') {
      emit(stepId, port, gatherBatch(batch, rows));
      return;
    }
    if (tap !== undefined) tap(stepId, port, batch, rows);
    const m = metricsOf(stepId);
    m.rowsOut += rows.length;
    if (batch.endWatermark > m.watermark) m.watermark = batch.endWatermark;
    let gathered: Batch | null = null;
    for (const route of routesOf(stepId, port)) {
      metricsOf(route.stepId).rowsIn += rows.length;
      gathered = deliver(route, batch, rows, gathered);
    }
    if (waiting.size > 0) deliverWaiting();
  }

  const escaping = escapingSteps(plan, sinksKeep);
  for (const step of plan.steps) {
    if (step.type === 'websocketSource') {
      const source = createMessageSource(step.nodeId, step.spec, host.now);
      messageSources.set(step.nodeId, source);
      sources.push(source);
      continue;
    }
    if (step.type === 'sampleSource' || step.type === 'fileSource') {
      const override = options.sources !== undefined && Object.hasOwn(options.sources, step.nodeId) ? options.sources[step.nodeId] : undefined;
      const made = override ?? createSourceRuntime(step);
      sources.push(made);
      if (override === undefined && step.type === 'fileSource' && step.data.kind === 'stream') fileSources.set(step.nodeId, made as StreamedFileSource);
      if (step.type === 'fileSource') {
        for (const e of step.rowErrors) diagnostics.push({ nodeId: step.nodeId, message: `line ${e.line}: ${e.message}` });
        if (step.badRowCount > step.rowErrors.length) diagnostics.push({ nodeId: step.nodeId, message: `${step.badRowCount} rows in all could not be read` });
      }
      continue;
    }
    if (step.type === 'windowAggregate') aliases.set(step.aggregateId, step.nodeId);
    const ctx: SwitchableContext = {
      nodeId: step.nodeId, trace: host.trace, now: host.now, outputsKept: tapKeeps,
      reuseOutputs: !tapKeeps && !escaping.has(step.nodeId),
      emit: (port, batch) => emit(step.nodeId, port, batch),
      emitSelected: (port, batch, rows) => emitSelected(step.nodeId, port, batch, rows),
      results: (rows) => host.onResults(step.nodeId, rows),
    };
    contexts.set(step.nodeId, ctx);
    if (step.type === 'union') {
      const union = createUnionOperator(step.inputs, ctx);
      unions.set(step.nodeId, union);
      operators.set(step.nodeId, union);
    } else operators.set(step.nodeId, createOperator(step, ctx, host));
  }
  const idleInputs = createIdleTracker(plan, unions);
  let position = 0;
  let followed: SwitchableContext | null = null;

  const live = new Set(sources);
  // Sources whose batches nobody keeps past their push (nor a tap) write each batch into the last one's arrays.
  const recycling = new Set(tapKeeps ? [] : sources.filter((source) => !escaping.has(source.nodeId)));
  let fingerprint: PlanFingerprint | null = null;
  const parts: RuntimeParts = {
    plan, operators, sources, live, metrics, aliases, idleInputs,
    busy: () => depth > 0 || waiting.size > 0,
    fingerprint: () => (fingerprint ??= planFingerprint(plan)),
  };
  return {
    snapshot: () => snapshotRuntime(parts),
    restore: (snapshot) => restoreRuntime(parts, snapshot),
    diagnostics,
    messageSources,
    fileSources,
    idleInputs,
    step(maxRows: number): boolean {
      for (const source of [...live]) {
        let batch: Batch | null;
        try {
          batch = source.next(maxRows, recycling.has(source));
        } catch (error) {
          throw failedAt(source.nodeId, error);
        }
        if (batch === null) {
          live.delete(source);
          idleInputs?.sourceEmitted(source.nodeId, 0, true);
          emit(source.nodeId, 'out', source.finalBatch());
        } else {
          // An idle source is active again before its events reach a union.
          idleInputs?.sourceEmitted(source.nodeId, batch.length, false);
          position += batch.length;
          emit(source.nodeId, 'out', batch);
        }
        const problems = source.takeDiagnostics?.();
        if (problems !== undefined) for (const message of problems) diagnostics.push({ nodeId: source.nodeId, message });
      }
      return live.size > 0;
    },
    get position() {
      return position;
    },
    setTrace(nodeId: string | null, listener: TraceListener | null): void {
      if (followed !== null) followed.trace = host.trace;
      followed = null;
      if (nodeId === null || listener === null) return;
      let ctx = contexts.get(nodeId);
      if (ctx === undefined) for (const [aggregateId, windowId] of aliases) if (aggregateId === nodeId) ctx = contexts.get(windowId);
      if (ctx === undefined) return;
      ctx.trace = listener;
      followed = ctx;
    },
    tick(now: number): void {
      idleInputs?.tick(now);
      for (const [id, op] of operators) {
        try {
          op.tick?.(now);
        } catch (error) {
          throw failedAt(id, error);
        }
      }
    },
    metrics(): Map<string, NodeMetrics> {
      for (const [id, op] of operators) {
        const stats = op.stats?.();
        if (stats !== undefined) Object.assign(metricsOf(id), stats);
      }
      for (const [aggregateId, windowId] of aliases) metrics.set(aggregateId, metricsOf(windowId));
      return metrics;
    },
  };
}
