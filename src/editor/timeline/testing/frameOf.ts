/**
 * TimelineFrames built by hand for tests of the drawing, the hit test and the
 * description: the worker's recorder is not needed to check what the page
 * does with a frame.
 */
import { FATE_CODES, type EventFate, type TimelineFrame, type TimelineWindow } from '../../../worker/timelineTypes';

export interface EventSpec {
  readonly time: number;
  readonly key?: string;
  readonly fate?: EventFate;
  readonly watermark?: number;
}

/** A frame of the given events (arrival order as listed) and windows; the rest from `over`. */
export function frameOf(events: readonly EventSpec[], windows: readonly Partial<TimelineWindow>[] = [], over: Partial<TimelineFrame> = {}): TimelineFrame {
  const keys = [...new Set(events.map((e) => e.key ?? ''))];
  const n = events.length;
  const marks = {
    length: n,
    seq: Float64Array.from(events, (_, i) => i + 1),
    position: Float64Array.from(events, (_, i) => i + 1),
    time: Float64Array.from(events, (e) => e.time),
    arrivedAt: Float64Array.from(events, (_, i) => 1_000 * i),
    watermark: Float64Array.from(events, (e) => e.watermark ?? -Infinity),
    keyIndex: Int32Array.from(events, (e) => keys.indexOf(e.key ?? '')),
    fate: Uint8Array.from(events, (e) => FATE_CODES.indexOf(e.fate ?? 'onTime')),
  };
  const times = events.map((e) => e.time);
  const from = Math.min(...times, ...windows.map((w) => w.start ?? Infinity));
  const to = Math.max(...times, ...windows.map((w) => w.end ?? -Infinity));
  return {
    nodeId: 'win',
    kind: 'tumbling',
    timeDomain: 'event',
    latenessMs: 0,
    outOfOrdernessMs: 0,
    watermark: Math.max(-Infinity, ...events.map((e) => e.watermark ?? -Infinity)),
    maxEventTime: Math.max(...times),
    totalEvents: n,
    recordedFrom: 0,
    recordedTo: null,
    keys: keys.map((key) => ({ key, events: events.filter((e) => (e.key ?? '') === key).length })),
    marks,
    sampled: false,
    windows: windows.map((w, i) => ({
      id: i + 1, key: '', start: 0, end: 1, lane: 0, state: 'open', revisions: 0, events: 0, label: null, mergedFrom: [], ...w,
    })),
    watermarks: [],
    span: { from: Number.isFinite(from) ? from : 0, to: Number.isFinite(to) ? to : 1 },
    inputs: [],
    heldBackBy: null,
    ...over,
  };
}
