/**
 * Measures of event time that need a run of their own: the watermark at a
 * node after so many events, and how long windows waited for their first
 * result (the what-if comparison's recording run works that out per window).
 */
import type { PipelineDocument } from '../model';
import { recordRun } from '../engine/compare/recordRun';
import type { Measure } from './format';
import { LESSON_EVENT_LIMIT, prepareLessonRun, stepUntil } from './lessonRun';
import { compileFailure, measured, plural, unmeasurable, type Measured } from './measured';
import { showValue } from './compareOp';

const BATCH = 4096;

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
  return measured(w, `the watermark at node '${measure.node}' is ${showValue(w)} (${new Date(w).toISOString()}) ${after}`);
}

/** The largest event-time delay of a window's first result past the window's end, over the windows that fired before the input ended. */
export function measureFirstResultDelay(doc: PipelineDocument, measure: Extract<Measure, { kind: 'firstResultDelay' }>): Measured {
  const node = doc.nodes.find((n) => n.id === measure.window);
  if (node === undefined) return unmeasurable(`the pipeline has no node '${measure.window}' (was it deleted or renamed?)`);
  if (!node.kind.startsWith('window.') || node.kind === 'window.count') return unmeasurable(`node '${measure.window}' is a ${node.kind} node, not an event-time window, so its results have no delay in event time`);
  const recorded = recordRun(doc, { limit: LESSON_EVENT_LIMIT });
  if (!recorded.ok) return compileFailure(recorded.problems);
  const { run } = recorded;
  run.closeLive();
  while (run.step(BATCH)) { /* to the end of the capped input */ }
  const windows = run.nodes.get(measure.window);
  if (windows === undefined) return unmeasurable(`window '${measure.window}' has no aggregate after it, so it gives no results`);
  let largest: number | null = null;
  let atEnd = 0;
  for (const w of windows.windows.values()) {
    const lag = run.outcome(w, windows.byCount).firstLagMs;
    if (lag === null) atEnd++;
    else largest = Math.max(largest ?? 0, lag);
  }
  const flushed = atEnd === 0 ? '' : ` (${plural(atEnd, 'window')} fired only when the input ended)`;
  if (largest === null) return measured(null, `no window of '${measure.window}' fired its first result before the input ended${flushed}`);
  return measured(largest, `the longest wait of a first result of window '${measure.window}' was ${showValue(largest)} ms of event time past the window's end${flushed}`);
}
