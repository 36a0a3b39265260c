/**
 * The timeline of one run (a Session): which window node is followed, its
 * recorder fed by the engine's trace and the node's output batches, and the
 * node's inputs. Following another node, or none, starts afresh; the engine
 * traces nothing while none is followed. A limit ends a recording after so
 * many events (the engine stops tracing): recording slows a run at Max speed
 * about threefold, a price worth paying only while someone watches.
 */
import type { Batch } from '../../engine/batch';
import type { OutPort, TraceEvent } from '../../engine/operators/types';
import type { ExecutionPlan } from '../../engine/plan/types';
import type { Runtime } from '../../engine/run/runtime';
import type { TimelineEventDetail, TimelineFrame, TimelineInput, TimelineQuery, TimelineWindowDetail } from '../timelineTypes';
import { buildFrame, eventDetail, windowDetail } from './frame';
import { timelineNodeInfo, type TimelineNodeInfo } from './nodeInfo';
import { DEFAULT_LIMITS, TimelineRecorder, type RecorderLimits } from './recorder';

/** Events recorded of a hidden timeline's node at Max speed: as many as a recording keeps (its ring). */
export const HIDDEN_TIMELINE_EVENTS = DEFAULT_LIMITS.events;

export interface RunTimeline {
  /** Follows window node (or aggregate) `nodeId`, or none; false when it is not a window node of this run. */
  follow(nodeId: string | null): boolean;
  /**
   * Records at most `more` further events of the node (Infinity: no end; a
   * new recording, `more` from its start). A recording that stopped at its
   * limit starts afresh when the limit is lifted, unless the run has `ended`
   * (then it has nothing more to record).
   */
  setLimit(more: number, ended: boolean): void;
  /** The recorder of the followed node (time travel rewinds it), or null. */
  readonly recorder: TimelineRecorder | null;
  /** The runtime's onEmit tap, for the followed node's results. */
  onEmit(stepId: string, port: OutPort, batch: Batch, rows: Int32Array | null): void;
  frame(query: TimelineQuery): TimelineFrame | null;
  event(nodeId: string, seq: number): TimelineEventDetail | null;
  window(nodeId: string, windowId: number): TimelineWindowDetail | null;
  /** The window [start, end) of `key` at node `nodeId` (for "why this result"), or null when it is not (or no longer) recorded. */
  findWindow(nodeId: string, key: string, start: number, end: number): TimelineWindowDetail | null;
}

export function createRunTimeline(plan: ExecutionPlan, runtime: () => Runtime, now: () => number, limits?: RecorderLimits): RunTimeline {
  let recorder: TimelineRecorder | null = null;
  /** Events a new recording may take, and the arrival number at which the current one stops. */
  let allowance = Infinity;
  let until = Infinity;
  const named = (nodeId: string): TimelineRecorder | null => (recorder !== null && recorder.info.ids.includes(nodeId) ? recorder : null);

  function inputs(r: TimelineRecorder): TimelineInput[] {
    const rt = runtime();
    const metrics = rt.metrics();
    const idle = rt.idleInputs?.report().sources;
    return r.info.sources.map((sourceId) => ({ sourceId, watermark: metrics.get(sourceId)?.watermark ?? -Infinity, idle: idle?.get(sourceId)?.idle ?? false }));
  }

  function start(info: TimelineNodeInfo | null): boolean {
    recorder = info === null ? null : new TimelineRecorder(info, now, () => runtime().position, limits);
    until = allowance;
    const r = recorder;
    runtime().setTrace(r === null ? null : r.info.nodeId, r === null ? null : (e) => traced(r, e));
    return r !== null;
  }

  function traced(r: TimelineRecorder, e: TraceEvent): void {
    if (r.recordedTo !== null) return;
    r.onTrace(e);
    if (e.type !== 'rows' || r.ring.lastSeq < until) return;
    r.recordedTo = runtime().position;
    // Not while the operator that traced is still at work on its batch: once the step is over.
    queueMicrotask(() => {
      if (recorder === r && r.recordedTo !== null) runtime().setTrace(null, null);
    });
  }

  return {
    get recorder() {
      return recorder;
    },
    follow(nodeId) {
      if (nodeId !== null && named(nodeId) !== null) return true;
      return start(nodeId === null ? null : timelineNodeInfo(plan, nodeId));
    },
    setLimit(more, ended) {
      if (more === allowance) return;
      allowance = more;
      const r = recorder;
      if (r === null) return;
      if (r.recordedTo === null) until = r.ring.lastSeq + more;
      else if (more === Infinity && !ended) start(r.info);
    },
    onEmit(stepId, port, batch, rows) {
      if (recorder !== null && recorder.recordedTo === null && port === 'out' && stepId === recorder.info.nodeId) recorder.onResults(batch, rows);
    },
    frame(query) {
      const r = named(query.nodeId);
      return r === null ? null : buildFrame(r, query, inputs(r));
    },
    event(nodeId, seq) {
      const r = named(nodeId);
      return r === null ? null : eventDetail(r, seq);
    },
    window(nodeId, windowId) {
      const r = named(nodeId);
      return r === null ? null : windowDetail(r, windowId);
    },
    findWindow(nodeId, key, start, end) {
      const r = named(nodeId);
      const rec = r?.book.find(key, start, end);
      return r === null || rec === undefined ? null : windowDetail(r, rec.id);
    },
  };
}
