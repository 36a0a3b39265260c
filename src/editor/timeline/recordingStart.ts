/**
 * What the timeline says about where its recording began. The worker traces
 * only the window node the timeline shows (tracing every node would slow
 * every run), and at Max speed with the tab hidden only for a bounded number
 * of events: a node it came to mid-run or after the run ended has no events
 * from before then, and one whose recording stopped none after; the panel
 * says so instead of "no events have reached it".
 */
import type { TimelineFrame } from '../../worker/timelineTypes';

const count = (n: number): string => n.toLocaleString('en-US');

/** The sentence shown instead of the canvas when nothing was recorded because recording began late; null otherwise. */
export function unrecordedMessage(frame: Pick<TimelineFrame, 'recordedFrom' | 'totalEvents'>): string | null {
  if (frame.totalEvents > 0 || frame.recordedFrom === 0) return null;
  return `This node's recording began at event ${count(frame.recordedFrom)} of the run, when the timeline came to it (it records one window node at a time), and no event has reached it since. Run again to see this node's events.`;
}

/** The note's words for a recording that began after the run did (and holds events) or stopped before it ended ('' otherwise). */
export function recordedFromNote(frame: Pick<TimelineFrame, 'recordedFrom' | 'recordedTo' | 'totalEvents'>): string {
  // With no events, unrecordedMessage says it in full.
  const from = frame.recordedFrom === 0 || frame.totalEvents === 0 ? '' : `, recorded from event ${count(frame.recordedFrom)} of the run (when the timeline came to this node)`;
  const to = frame.recordedTo === null ? '' : `, recorded up to event ${count(frame.recordedTo)} of the run only (at Max speed a hidden timeline stops recording, as recording slows the run: open it before you run to see every event)`;
  return from + to;
}
