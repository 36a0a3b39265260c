/**
 * Measures of event time that need a run of their own: the watermark at a
 * node after so many events, and how long windows waited for their first
 * result (the what-if comparison's recording run works that out per window).
 */
import type { PipelineDocument } from '../model';
import { recordRun, windowId } from '../engine/compare/recordRun';
import { gatherBatch } from '../engine/batchOps';
import { batchToRows } from '../engine/operators/sinks';
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

/**
 * The largest delay of a window's first result, in event time: the newest
 * event time the window node had read when the result came, minus the
 * window's end. It grows with the watermark bound (a window waits for
 * events that far past its end), unlike the watermark's lag behind the end,
 * which is always under one gap between events. The run steps one row per
 * source at a time, so "had read" is exact to the row. Windows that fired
 * only when the input ended are left out (and said so).
 */
export function measureFirstResultDelay(doc: PipelineDocument, measure: Extract<Measure, { kind: 'firstResultDelay' }>): Measured {
  const node = doc.nodes.find((n) => n.id === measure.window);
  if (node === undefined) return unmeasurable(`the pipeline has no node '${measure.window}' (was it deleted or renamed?)`);
  if (!node.kind.startsWith('window.') || node.kind === 'window.count') return unmeasurable(`node '${measure.window}' is a ${node.kind} node, not an event-time window, so its results have no delay in event time`);
  /** Newest event time that reached the window node so far. */
  let newest = -Infinity;
  /** The newest event time read when each window's first result came, by window id. */
  const newestAtFirst = new Map<string, number>();
  let keyFields: readonly string[] = [];
  const recorded = recordRun(doc, {
    limit: LESSON_EVENT_LIMIT,
    observe: (_run, plan) => {
      const feeding = new Set<string>();
      for (const [key, routes] of plan.routes) if (routes.some((r) => r.stepId === measure.window)) feeding.add(key);
      for (const step of plan.steps) if (step.type === 'windowAggregate' && step.nodeId === measure.window) keyFields = step.keyFields.map((f) => f.name);
      return (stepId, port, batch, rows) => {
        if (feeding.has(`${stepId}:${port}`)) {
          const n = rows === null ? batch.length : rows.length;
          for (let i = 0; i < n; i++) newest = Math.max(newest, batch.time[rows === null ? i : rows[i]!]!);
        }
        if (stepId !== measure.window || port !== 'out') return;
        for (const row of batchToRows(rows === null ? batch : gatherBatch(batch, rows))) {
          const start = row['window_start'];
          const end = row['window_end'];
          if (typeof start !== 'number' || typeof end !== 'number') continue;
          const id = windowId(start, end, keyFields.map((f) => (Object.hasOwn(row, f) ? row[f]! : null)));
          if (!newestAtFirst.has(id)) newestAtFirst.set(id, newest);
        }
      };
    },
  });
  if (!recorded.ok) return compileFailure(recorded.problems);
  const { run } = recorded;
  run.closeLive();
  while (run.step(1)) { /* one row per source a step, to the end of the capped input */ }
  const windows = run.nodes.get(measure.window);
  if (windows === undefined) return unmeasurable(`window '${measure.window}' has no aggregate after it, so it gives no results`);
  let largest: number | null = null;
  let atEnd = 0;
  for (const [id, w] of windows.windows) {
    const seen = newestAtFirst.get(id);
    if (run.outcome(w, windows.byCount).firstLagMs === null || seen === undefined || seen === -Infinity) atEnd++;
    else largest = Math.max(largest ?? -Infinity, seen - w.end);
  }
  const flushed = atEnd === 0 ? '' : ` (${plural(atEnd, 'window')} fired only when the input ended)`;
  if (largest === null) return measured(null, `no window of '${measure.window}' fired its first result before the input ended${flushed}`);
  return measured(largest, `the longest wait of a first result of window '${measure.window}' was ${showValue(largest)} ms of event time: the newest event it had read then was that far past the window's end${flushed}`);
}
