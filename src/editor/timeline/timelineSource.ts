/**
 * Where a timeline view gets its frames: the page's run (through the run
 * controller's `ask` and `send`), or, for what-if, either of two runs. The
 * view knows only this interface.
 */
import type { TimelineEventDetail, TimelineFrame, TimelineQuery, TimelineWindowDetail } from '../../worker/timelineTypes';
import type { RunController } from '../run/types';

export interface TimelineSource {
  frame(query: TimelineQuery): Promise<TimelineFrame | null>;
  event(nodeId: string, seq: number): Promise<TimelineEventDetail | null>;
  window(nodeId: string, windowId: number): Promise<TimelineWindowDetail | null>;
  /** Hears when there may be something new to draw (the run moved, or restarted); returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

/** The timeline of the page's run. */
export function runTimelineSource(controller: RunController): TimelineSource {
  return {
    frame: (query) => controller.ask((api) => api.timeline(query)),
    event: (nodeId, seq) => controller.ask((api) => api.timelineEvent(nodeId, seq)),
    window: (nodeId, id) => controller.ask((api) => api.timelineWindow(nodeId, id)),
    // Every drained frame (and every change of phase or run) goes through the run store.
    onChange: (listener) => controller.store.subscribe(listener),
  };
}
