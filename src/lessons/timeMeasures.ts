/**
 * Measures of event time that need a run of their own: the watermark at a
 * node after so many events, and how long windows waited for their first
 * result (the what-if comparison's recording run works that out per window).
 */
import type { PipelineDocument } from '../model';
import { recordRun } from '../engine/compare/recordRun';
import type { ExecutionPlan } from '../engine/plan/types';

const BATCH = 4096;
import type { Measure } from './format';
import { LESSON_EVENT_LIMIT, prepareLessonRun, stepUntil } from './lessonRun';
import { compileFailure, measured, plural, unmeasurable, type Measured } from './measured';
import { showValue } from './compareOp';

/** The watermark (epoch ms) at `measure.node` once `measure.afterEvents` events were read; none yet reads as null. */
export function measureWatermark(doc: PipelineDocument, measure: Extract<Measure, { kind: 'watermark' }>): Measured {
  if (!doc.nodes.some((n) => n.id === measure.node)) return unmeasurable(`the pipeline has no node '${measure.node}' (was it deleted or renamed?)`);
  const prepared = prepareLessonRun(doc);
  if (!prepared.ok) return compileFailure(prepared.problems);
  const { pipeline } = prepared;
  stepUntil(pipeline, measure.afterEvents);
  const read = pipeline.runtime.position;
  if (read < measure.afterEvents) return unmeasurable(`the input has only ${plural(read, 'event')}, fewer than the ${measure.afterEvents.toLocaleString('en')} the check reads`);
  const metrics = pipeline.runtime.metrics().get(measure.node);
  if (metrics === undefined) return unmeasurable(`node '${measure.node}' does not run (nothing reaches it), so it has no watermark`);
  const after = `after ${plural(read, 'event')}`;
  const w = metrics.watermark;
  if (w === -Infinity) return measured(null, `node '${measure.node}' has no watermark yet ${after}`);
  if (w === Infinity) return measured(null, `node '${measure.node}' has passed the end of the input ${after}`);
  return measured(w, `the watermark at node '${measure.node}' is ${showValue(w, true)} ${after}`);
}

/** The step ids upstream of `nodeId` in `plan` (through every path). */
function upstreamOf(plan: ExecutionPlan, nodeId: string): Set<string> {
  const into = new Map<string, string[]>();
  for (const [key, routes] of plan.routes) {
    const from = key.slice(0, key.lastIndexOf(':'));
    for (const r of routes) into.set(r.stepId, [...(into.get(r.stepId) ?? []), from]);
  }
  const seen = new Set<string>();
  const todo = [nodeId];
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    for (const from of into.get(id) ?? []) {
      if (seen.has(from)) continue;
      seen.add(from);
      todo.push(from);
    }
  }
  return seen;
}

/**
 * The largest delay of a window's first result, in event time: the newest
 * event time the window's sources had given when the result came, minus the
 * window's end. It grows with the watermark bound (a window waits for
 * events that far past its end), unlike the watermark's lag behind the end,
 * which is always under one gap between events. "When the result came" is
 * the comparison run's count of events read by then (exact to the event,
 * whatever the batch size); windows that fired only when the input ended are
 * left out (and said so).
 */
export function measureFirstResultDelay(doc: PipelineDocument, measure: Extract<Measure, { kind: 'firstResultDelay' }>): Measured {
  const node = doc.nodes.find((n) => n.id === measure.window);
  if (node === undefined) return unmeasurable(`the pipeline has no node '${measure.window}' (was it deleted or renamed?)`);
  if (!node.kind.startsWith('window.') || node.kind === 'window.count') return unmeasurable(`node '${measure.window}' is a ${node.kind} node, not an event-time window, so its results have no delay in event time`);
  /** The newest event time among the first i + 1 events read (all sources, in the order the run counts them); -Infinity for events not upstream of the window. */
  const newestAfter: number[] = [];
  const recorded = recordRun(doc, {
    limit: LESSON_EVENT_LIMIT,
    observe: (_run, plan) => {
      const sources = new Set(plan.steps.filter((s) => s.type === 'sampleSource' || s.type === 'fileSource' || s.type === 'websocketSource').map((s) => s.nodeId));
      const feeding = upstreamOf(plan, measure.window);
      return (stepId, port, batch, rows) => {
        if (port !== 'out' || !sources.has(stepId)) return;
        const counted = feeding.has(stepId);
        const n = rows === null ? batch.length : rows.length;
        let newest = newestAfter.at(-1) ?? -Infinity;
        for (let i = 0; i < n; i++) {
          if (counted) newest = Math.max(newest, batch.time[rows === null ? i : rows[i]!]!);
          newestAfter.push(newest);
        }
      };
    },
  });
  if (!recorded.ok) return compileFailure(recorded.problems);
  const { run } = recorded;
  run.closeLive();
  while (run.step(BATCH)) { /* to the end of the capped input */ }
  const windows = run.nodes.get(measure.window);
  if (windows === undefined) return unmeasurable(`window '${measure.window}' has no aggregate after it, so it gives no results`);
  let largest: number | null = null;
  let atEnd = 0;
  for (const w of windows.windows.values()) {
    const outcome = run.outcome(w, windows.byCount);
    const newest = outcome.firstAfterEvents > 0 ? newestAfter[outcome.firstAfterEvents - 1] : undefined;
    if (outcome.firstLagMs === null || newest === undefined || newest === -Infinity) atEnd++;
    else largest = Math.max(largest ?? -Infinity, newest - w.end);
  }
  const flushed = atEnd === 0 ? '' : ` (${plural(atEnd, 'window')} fired only when the input ended)`;
  if (largest === null) return measured(null, `no window of '${measure.window}' fired its first result before the input ended${flushed}`);
  return measured(largest, `the longest wait of a first result of window '${measure.window}' was ${showValue(largest)} ms of event time: the newest event read then was that far past the window's end${flushed}`);
}
