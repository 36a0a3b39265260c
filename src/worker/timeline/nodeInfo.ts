/**
 * What the timeline needs to know about a window node from the compiled plan:
 * its kind, time domain, allowed lateness, the sources upstream (its inputs)
 * with their out-of-orderness bounds, its key fields, and which windows an
 * event time belongs to (the engine's window shape, not a copy of it).
 */
import type { ExecutionPlan, PlanStep } from '../../engine/plan/types';
import { sliceOf } from '../../engine/window/sliceCache';
import { createWindowShape, inGap, newestWindowOf, oldestWindowOf, windowEnd, windowLastMs, windowStart, type WindowShape } from '../../engine/window/windowShape';
import type { WindowKind } from './verdict';

export interface TimelineNodeInfo {
  /** The window node (the step's id). */
  readonly nodeId: string;
  /** Ids that name it: the window node and its aggregate. */
  readonly ids: readonly string[];
  readonly kind: WindowKind;
  readonly timeDomain: 'event' | 'processing';
  readonly latenessMs: number;
  readonly outOfOrdernessMs: number;
  /** Sessions: the gap; count windows: the size; sliced windows: the size. */
  readonly sizeMs: number;
  readonly gapMs: number;
  readonly countSize: number;
  readonly keyFields: readonly string[];
  /** The sources upstream, in plan order. */
  readonly sources: readonly string[];
  /** Sliced windows: the engine's shape; null for sessions and count windows. */
  readonly shape: WindowShape | null;
}

type WindowStep = Extract<PlanStep, { type: 'windowAggregate' }>;

/** The node info of window node (or aggregate) `id`, or null when the plan has no such window. */
export function timelineNodeInfo(plan: ExecutionPlan, id: string): TimelineNodeInfo | null {
  const step = plan.steps.find((s): s is WindowStep => s.type === 'windowAggregate' && (s.nodeId === id || s.aggregateId === id));
  if (step === undefined) return null;
  const w = step.window;
  const sources = upstreamSources(plan, step.nodeId);
  const bounds = plan.steps.filter((s) => sources.includes(s.nodeId)).map((s) => boundOf(s));
  const common = {
    nodeId: step.nodeId, ids: [step.nodeId, step.aggregateId], keyFields: step.keyFields.map((f) => f.name), sources,
    outOfOrdernessMs: bounds.length === 0 ? 0 : Math.max(...bounds),
  };
  if (w.type === 'sliced') {
    const kind: WindowKind = w.cumulative ? 'cumulate' : w.size === w.slide ? 'tumbling' : 'hopping';
    return {
      ...common, kind, timeDomain: w.processingTime ? 'processing' : 'event', latenessMs: w.processingTime ? 0 : w.lateness,
      sizeMs: w.size, gapMs: 0, countSize: 0, shape: createWindowShape(w.size, w.slide, w.offset, w.cumulative),
    };
  }
  if (w.type === 'session') {
    return { ...common, kind: 'session', timeDomain: w.processingTime ? 'processing' : 'event', latenessMs: w.processingTime ? 0 : w.lateness, sizeMs: w.gap, gapMs: w.gap, countSize: 0, shape: null };
  }
  return { ...common, kind: 'count', timeDomain: 'event', latenessMs: 0, sizeMs: 0, gapMs: 0, countSize: w.size, shape: null };
}

function boundOf(step: PlanStep): number {
  if (step.type === 'sampleSource') return step.params.maxOutOfOrdernessMs;
  if (step.type === 'fileSource') return step.boundMs;
  if (step.type === 'websocketSource') return step.spec.boundMs;
  return 0;
}

/** The source steps from which routes lead to `nodeId`. */
function upstreamSources(plan: ExecutionPlan, nodeId: string): string[] {
  const into = new Map<string, string[]>();
  for (const [from, routes] of plan.routes) {
    const stepId = from.slice(0, from.lastIndexOf(':'));
    for (const r of routes) {
      const list = into.get(r.stepId) ?? [];
      list.push(stepId);
      into.set(r.stepId, list);
    }
  }
  const seen = new Set<string>();
  const stack = [nodeId];
  while (stack.length > 0) {
    for (const up of into.get(stack.pop()!) ?? []) {
      if (seen.has(up)) continue;
      seen.add(up);
      stack.push(up);
    }
  }
  const isSource = (s: PlanStep): boolean => s.type === 'sampleSource' || s.type === 'fileSource' || s.type === 'websocketSource';
  return plan.steps.filter((s) => isSource(s) && seen.has(s.nodeId)).map((s) => s.nodeId);
}

/** The sliced windows time t belongs to, oldest first (none between windows). */
export function slicedWindowsOf(shape: WindowShape, t: number): { k: number; start: number; end: number; lastMs: number }[] {
  const s = sliceOf(t - shape.offset, shape.g, 1 / shape.g, false);
  if (inGap(shape, s)) return [];
  const out: { k: number; start: number; end: number; lastMs: number }[] = [];
  for (let k = oldestWindowOf(shape, s); k <= newestWindowOf(shape, s); k++) {
    out.push({ k, start: windowStart(shape, k), end: windowEnd(shape, k), lastMs: windowLastMs(shape, k) });
  }
  return out;
}
