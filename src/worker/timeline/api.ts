/** Worker methods beside TimelineApi that other views use (part of PipelineWorkerApi). */
import type { TimelineWindowDetail } from '../timelineTypes';

export interface TimelineLookupApi {
  /**
   * The window [start, end) of `key` (its key as text, '' unkeyed) at the
   * followed window node `nodeId`, with its revisions and events: how "why
   * this result" finds the window of a clicked result. Null when the node is
   * not followed or the window is not (or no longer) recorded.
   */
  timelineFindWindow(nodeId: string, key: string, start: number, end: number): TimelineWindowDetail | null;
}
