/**
 * Runs generated events through a real pipeline document (source.file with
 * NDJSON -> [keyBy k] -> window -> aggregate -> collect), compiled and
 * stepped like the CLI does, for the aggregate oracle tests.
 */
import { validate, type PipelineDocument, type PipelineNodeInput } from '../../model';
import type { Row } from '../operators/sinks';
import { compilePipeline } from '../plan/compile';
import type { ExecutionPlan, PlanStep } from '../plan/types';
import { createRuntime } from '../run/runtime';
import type { OracleAggregation, OracleWindow } from './aggregateSql';
import type { OracleEvent } from './aggregateStreams';

export interface EngineRunOptions {
  readonly keyed: boolean;
  readonly bound: number;
  readonly lateness: number;
  /** Rows the source hands on per step [4096]. */
  readonly batchSize?: number;
}

export interface EngineRun {
  readonly results: Row[];
  /** Arrival indices of the events that reached the late port, in the order they did. */
  readonly late: number[];
  readonly lateEvents: number;
}

/** The events as NDJSON lines (a missing value is left out of its line, as a producer would). */
export function eventsNdjson(events: readonly OracleEvent[]): string {
  return events.map((e) => JSON.stringify({ i: e.i, t: e.t, k: e.k, ...(e.v === null ? {} : { v: e.v }), ...(e.s === null ? {} : { s: e.s }) })).join('\n');
}

function windowNode(window: OracleWindow, lateness: number): PipelineNodeInput {
  const allowedLateness = `${lateness}ms`;
  switch (window.type) {
    case 'tumbling':
      return { id: 'w', kind: 'window.tumbling', params: { size: `${window.size}ms`, offset: `${window.offset}ms`, allowedLateness } } as PipelineNodeInput;
    case 'hopping':
      return { id: 'w', kind: 'window.hopping', params: { size: `${window.size}ms`, slide: `${window.slide}ms`, offset: `${window.offset}ms`, allowedLateness } } as PipelineNodeInput;
    // The model's window.cumulate arrives with another branch: a hopping node of the same size and
    // step stands in for it and the compiled step is made cumulative (see cumulativePlan).
    case 'cumulate':
      return { id: 'w', kind: 'window.hopping', params: { size: `${window.maxSize}ms`, slide: `${window.step}ms`, allowedLateness } } as PipelineNodeInput;
    case 'session':
      return { id: 'w', kind: 'window.session', params: { gap: `${window.gap}ms`, allowedLateness } } as PipelineNodeInput;
    case 'count':
      return { id: 'w', kind: 'window.count', params: { size: window.size } } as PipelineNodeInput;
  }
}

/** The pipeline document; throws with the validator's problems when it is not valid. */
export function oraclePipeline(window: OracleWindow, aggregations: readonly OracleAggregation[], options: EngineRunOptions): PipelineDocument {
  const chain: PipelineNodeInput[] = [
    { id: 'src', kind: 'source.file', params: { format: 'ndjson', eventTime: 't', timeFormat: 'epochMillis', maxOutOfOrderness: `${options.bound}ms`, fileName: 'events.ndjson' } } as PipelineNodeInput,
    ...(options.keyed ? [{ id: 'kb', kind: 'transform.keyBy', params: { fields: ['k'] } } as PipelineNodeInput] : []),
    windowNode(window, options.lateness),
    { id: 'a', kind: 'aggregate', params: { aggregations: aggregations.map((a) => ({ ...a })) } } as PipelineNodeInput,
    { id: 'out', kind: 'sink.collect', params: {} },
  ];
  const edges = chain.slice(1).map((n, i) => ({ id: `e${i}`, from: chain[i]!.id, to: n.id }));
  const checked = validate({ format: 'windowpane.pipeline', version: 1, name: 'aggregate oracle', nodes: chain, edges });
  if (!checked.ok) throw new Error(`invalid test pipeline: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return checked.document;
}

/** The plan with its window step made a CUMULATE window of `window`'s step, maxSize and offset. */
function cumulativePlan(plan: ExecutionPlan, window: Extract<OracleWindow, { type: 'cumulate' }>): ExecutionPlan {
  const steps = plan.steps.map((step): PlanStep => {
    if (step.type !== 'windowAggregate' || step.window.type !== 'sliced') return step;
    return { ...step, window: { ...step.window, size: window.maxSize, slide: window.step, offset: window.offset, cumulative: true } };
  });
  return { ...plan, steps };
}

/** Runs the events through the engine to the end of input. */
export function runEngine(events: readonly OracleEvent[], window: OracleWindow, aggregations: readonly OracleAggregation[], options: EngineRunOptions): EngineRun {
  const doc = oraclePipeline(window, aggregations, options);
  const compiled = compilePipeline(doc, { fileInputs: { src: eventsNdjson(events) } });
  if (!compiled.ok) throw new Error(`pipeline does not compile: ${compiled.problems.map((p) => `${p.nodeId} ${p.path}: ${p.message}`).join('; ')}`);
  const plan = window.type === 'cumulate' ? cumulativePlan(compiled.plan, window) : compiled.plan;
  const results: Row[] = [];
  const late: number[] = [];
  const runtime = createRuntime(plan, {
    now: () => 0,
    log: () => undefined,
    trace: null,
    onResults: (id, rows) => { if (id === 'out') for (const r of rows) results.push(r); },
    onLate: (_id, rows) => { for (const r of rows) late.push(r['i'] as number); },
  });
  while (runtime.step(options.batchSize ?? 4096)) { /* to the end of input */ }
  if (runtime.diagnostics.length > 0) throw new Error(`run diagnostics: ${JSON.stringify(runtime.diagnostics)}`);
  return { results, late, lateEvents: runtime.metrics().get('w')?.lateEvents ?? 0 };
}
