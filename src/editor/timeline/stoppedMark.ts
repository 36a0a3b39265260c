/**
 * The mark a breakpoint stopped on, so the timeline can ring it and say
 * "stopped here". A hit names the node whose output hit it and, for that
 * node, the arrival number of the record; a hit on another node (an edge
 * condition upstream, a source's event number) is found by the run position
 * at which the event that caused it reached the window node.
 */
import type { TimelineFrame } from '../../worker/timelineTypes';

/** What of a breakpoint hit (src/worker/breakpoints/types.ts BreakpointHit) the timeline needs. */
export interface StopPoint {
  readonly nodeId: string;
  readonly seq: number;
  readonly position: number;
}

/** The index in `frame.marks` of the mark the run stopped on, or -1 when the frame does not hold it. */
export function stoppedMarkIndex(frame: TimelineFrame, stop: StopPoint | null): number {
  if (stop === null) return -1;
  const { seq, position, length } = frame.marks;
  // Marks come in arrival order: the newest first, since a stop is usually at the end.
  if (stop.nodeId === frame.nodeId) {
    for (let i = length - 1; i >= 0; i--) {
      if (seq[i] === stop.seq) return i;
      if (seq[i]! < stop.seq) return -1;
    }
    return -1;
  }
  for (let i = length - 1; i >= 0; i--) {
    if (position[i] === stop.position) return i;
    if (position[i]! < stop.position) return -1;
  }
  return -1;
}

/** The sentence a screen reader (and the note under the header) gives for the stopped mark. */
export function describeStop(frame: TimelineFrame, index: number, what: string): string {
  if (index < 0) return '';
  const seq = frame.marks.seq[index]!;
  return `Stopped here: arrival #${seq.toLocaleString('en-US')} (${what}).`;
}
