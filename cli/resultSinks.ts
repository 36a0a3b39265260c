/**
 * Which sinks' results the CLI writes: the document's collect sinks; when it
 * has none, every sink (chart and table views are collect sinks to the
 * engine; log sinks too, then their rows are results as well as log lines).
 */
import type { Field } from '../src/engine/batch';
import type { ExecutionPlan, PlanStep } from '../src/engine/plan/types';
import type { PipelineDocument } from '../src/model';

export interface ResultSink {
  readonly id: string;
  readonly fields: readonly Field[];
}

export interface ResultSinks {
  readonly sinks: readonly ResultSink[];
  /** The plan with the written log sinks turned into collect sinks, so their results come as batches too. */
  readonly plan: ExecutionPlan;
  /** The log sinks turned so: how many of their rows still go to the log. */
  readonly logLimits: ReadonlyMap<string, number>;
}

/** The fields reaching sink `id` (its first input edge's). */
function fieldsInto(doc: PipelineDocument, plan: ExecutionPlan, id: string): readonly Field[] {
  const edge = doc.edges.find((e) => e.to === id);
  return edge === undefined ? [] : plan.edgeSchemas.get(edge.id)?.fields ?? [];
}

export function resultSinks(doc: PipelineDocument, plan: ExecutionPlan): ResultSinks {
  const collect = new Set(doc.nodes.filter((n) => n.kind === 'sink.collect').map((n) => n.id));
  const written = (step: PlanStep): boolean => (step.type === 'collectSink' || step.type === 'logSink') && (collect.size === 0 || collect.has(step.nodeId));
  const logLimits = new Map<string, number>();
  const steps = plan.steps.map((step): PlanStep => {
    if (step.type !== 'logSink' || !written(step)) return step;
    logLimits.set(step.nodeId, step.limit);
    return { type: 'collectSink', nodeId: step.nodeId, view: null };
  });
  const sinks = plan.steps.filter(written).map((step) => ({ id: step.nodeId, fields: fieldsInto(doc, plan, step.nodeId) }));
  return { sinks, plan: { ...plan, steps }, logLimits };
}
