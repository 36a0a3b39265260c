import type { PipelineDocument } from '../../model';
import type { Row } from '../operators/sinks';
import type { TraceListener } from '../operators/types';
import { isAlertSinkStep } from '../alerts/alertSteps';
import { compilePipeline, type CompileOptions } from '../plan/compile';
import type { CompileProblem, ExecutionPlan } from '../plan/types';
import { createRuntime, type Diagnostic, type NodeMetrics, type Runtime, type RuntimeHost, type RuntimeOptions } from './runtime';

export interface RunOptions extends CompileOptions {
  /** Rows pulled from each source per step; results never depend on it. */
  readonly batchSize?: number;
  /** The host clock for processing-time windows; without one, processing time stands still at 0. */
  readonly now?: () => number;
  readonly log?: (line: string) => void;
  readonly trace?: TraceListener;
  /** Collect the rows that reach `late` ports. */
  readonly collectLate?: boolean;
  /** A tap on every batch a step emits (see RuntimeHost.onEmit); a what-if comparison records its runs with it. */
  readonly onEmit?: RuntimeHost['onEmit'];
  /** Collect sinks hand their batches here instead of gathering rows in `results` (see RuntimeHost.onResultBatch). */
  readonly onResultBatch?: RuntimeHost['onResultBatch'];
  /** False when onResultBatch keeps none of the batches past the call (RuntimeHost.keepsResultBatches). */
  readonly keepsResultBatches?: boolean;
  /** Source runtimes to use instead of the plan's, by node id, made once the plan is compiled (a lesson run's clocked quiet sources). */
  readonly sources?: (plan: ExecutionPlan) => NonNullable<RuntimeOptions['sources']>;
}

export interface RunResult {
  readonly ok: true;
  /** Rows that reached each collect or log sink (and each alert sink's alert rows), in arrival order. */
  readonly results: Map<string, Row[]>;
  /** Rows sent to late ports, by window node id (when collectLate). */
  readonly late: Map<string, Row[]>;
  readonly diagnostics: readonly Diagnostic[];
  readonly metrics: Map<string, NodeMetrics>;
}

/** A compiled, instantiated pipeline whose results gather in `results` and `late` as it is stepped. */
export interface PreparedPipeline {
  readonly plan: ExecutionPlan;
  readonly runtime: Runtime;
  readonly results: Map<string, Row[]>;
  readonly late: Map<string, Row[]>;
}

/**
 * Compiles a document and builds its runtime with collecting sinks, without
 * running it: {@link runPipeline} steps it to the end at once; a host with
 * WebSocket sources (the CLI) feeds `runtime.messageSources` between steps.
 */
export function preparePipeline(doc: PipelineDocument, options: RunOptions = {}): { ok: true; pipeline: PreparedPipeline } | { ok: false; problems: CompileProblem[] } {
  const compiled = compilePipeline(doc, options);
  if (!compiled.ok) return compiled;
  const results = new Map<string, Row[]>();
  const late = new Map<string, Row[]>();
  for (const step of compiled.plan.steps) if (step.type === 'collectSink' || step.type === 'logSink' || isAlertSinkStep(step)) results.set(step.nodeId, []);
  const append = (map: Map<string, Row[]>, id: string, rows: Row[]): void => {
    const list = map.get(id) ?? [];
    for (const r of rows) list.push(r);
    map.set(id, list);
  };
  const runtime = createRuntime(compiled.plan, {
    now: options.now ?? (() => 0),
    log: options.log ?? (() => undefined),
    trace: options.trace ?? null,
    onResults: (id, rows) => append(results, id, rows),
    onLate: options.collectLate === true ? (id, rows) => append(late, id, rows) : null,
    ...(options.onEmit === undefined ? {} : { onEmit: options.onEmit }),
    ...(options.onResultBatch === undefined ? {} : { onResultBatch: options.onResultBatch }),
    ...(options.keepsResultBatches === undefined ? {} : { keepsResultBatches: options.keepsResultBatches }),
  }, options.sources === undefined ? {} : { sources: options.sources(compiled.plan) });
  return { ok: true, pipeline: { plan: compiled.plan, runtime, results, late } };
}

/**
 * Compiles and runs a document to the end of its (finite) input, synchronously.
 * For the CLI and tests; the worker drives the same runtime in time slices.
 */
export function runPipeline(doc: PipelineDocument, options: RunOptions = {}): RunResult | { ok: false; problems: CompileProblem[] } {
  const prepared = preparePipeline(doc, options);
  if (!prepared.ok) return prepared;
  const { runtime, results, late } = prepared.pipeline;
  const batchSize = options.batchSize ?? 4096;
  while (runtime.step(batchSize)) { /* run to the end of input */ }
  return { ok: true, results, late, diagnostics: runtime.diagnostics, metrics: runtime.metrics() };
}
