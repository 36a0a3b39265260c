/**
 * The timeline of one run (a Session): which window node is followed, its
 * recorder fed by the engine's trace and the node's output batches, and the
 * node's inputs. Following another node, or none, starts afresh; the engine
 * traces nothing while none is followed.
 */
import type { Batch } from '../../engine/batch';
import type { OutPort } from '../../engine/operators/types';
import type { ExecutionPlan } from '../../engine/plan/types';
import type { Runtime } from '../../engine/run/runtime';
import type { TimelineEventDetail, TimelineFrame, TimelineInput, TimelineQuery, TimelineWindowDetail } from '../timelineTypes';
import { buildFrame, eventDetail, windowDetail } from './frame';
import { timelineNodeInfo } from './nodeInfo';
import { TimelineRecorder, type RecorderLimits } from './recorder';

export interface RunTimeline {
  /** Follows window node (or aggregate) `nodeId`, or none; false when it is not a window node of this run. */
  follow(nodeId: string | null): boolean;
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
  const named = (nodeId: string): TimelineRecorder | null => (recorder !== null && recorder.info.ids.includes(nodeId) ? recorder : null);

  function inputs(r: TimelineRecorder): TimelineInput[] {
    const metrics = runtime().metrics();
    return r.info.sources.map((sourceId) => ({ sourceId, watermark: metrics.get(sourceId)?.watermark ?? -Infinity, idle: false }));
  }

  return {
    get recorder() {
      return recorder;
    },
    follow(nodeId) {
      if (nodeId !== null && named(nodeId) !== null) return true;
      const info = nodeId === null ? null : timelineNodeInfo(plan, nodeId);
      const rt = runtime();
      recorder = info === null ? null : new TimelineRecorder(info, now, () => runtime().position, limits);
      const r = recorder;
      rt.setTrace(r === null ? null : r.info.nodeId, r === null ? null : (e) => r.onTrace(e));
      return r !== null;
    },
    onEmit(stepId, port, batch, rows) {
      if (recorder !== null && port === 'out' && stepId === recorder.info.nodeId) recorder.onResults(batch, rows);
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
