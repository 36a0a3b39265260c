/**
 * The window bars of the event-time view. A key in its own row shows its
 * windows as the frame gives them; the row of other keys (or all keys
 * folded) would stack every key's copy of the same window on one spot, so
 * there windows of the same [start, end) and lane become one bar: the most
 * advanced state, the most revisions, the events summed.
 */
import type { TimelineFrame, TimelineWindow, WindowState } from '../../worker/timelineTypes';
import type { EventTimeLayout } from './timelineGeometry';

export interface Bar {
  readonly row: number;
  readonly lane: number;
  readonly start: number;
  readonly end: number;
  readonly state: WindowState;
  readonly revisions: number;
  readonly events: number;
  /** The result on the bar; null before it fired, or for a bar of several keys' windows. */
  readonly label: string | null;
  /** The window hovering shows (the first of a merged bar). */
  readonly windowId: number;
  /** Windows in the bar (more than one in the row of other keys). */
  readonly windows: number;
  /** Sessions that merged into it. */
  readonly merged: number;
}

const STATE_ORDER: readonly WindowState[] = ['open', 'fired', 'closed'];

export function barsOf(frame: TimelineFrame, layout: EventTimeLayout): Bar[] {
  const bars: Bar[] = [];
  const grouped = new Map<string, Bar>();
  for (const w of frame.windows) {
    const row = layout.rowOfKey.get(w.key) ?? layout.otherRow;
    if (row < 0) continue;
    if (row !== layout.otherRow) {
      bars.push(barOf(w, row));
      continue;
    }
    const at = `${w.start}/${w.end}/${w.lane}`;
    const was = grouped.get(at);
    grouped.set(at, was === undefined ? barOf(w, row) : {
      ...was,
      state: STATE_ORDER.indexOf(w.state) > STATE_ORDER.indexOf(was.state) ? w.state : was.state,
      revisions: Math.max(was.revisions, w.revisions),
      events: was.events + w.events,
      label: null,
      windows: was.windows + 1,
      merged: was.merged + w.mergedFrom.length,
    });
  }
  return bars.concat([...grouped.values()]);
}

function barOf(w: TimelineWindow, row: number): Bar {
  return {
    row, lane: w.lane, start: w.start, end: w.end, state: w.state, revisions: w.revisions, events: w.events,
    label: w.label, windowId: w.id, windows: 1, merged: w.mergedFrom.length,
  };
}
