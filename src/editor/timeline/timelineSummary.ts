/**
 * What the timeline shows, counted: marks by fate and windows by state, for
 * the legend, the aria description and the tests (a screen reader hears the
 * same figures a sighted user reads off the canvas).
 */
import { formatWatermark } from '../../charts/format';
import { FATE_CODES, type EventFate, type TimelineFrame } from '../../worker/timelineTypes';

export interface TimelineCounts {
  readonly fates: Readonly<Record<EventFate, number>>;
  readonly open: number;
  readonly fired: number;
  readonly revised: number;
  readonly closed: number;
}

export function countTimeline(frame: TimelineFrame): TimelineCounts {
  const byCode = [0, 0, 0];
  for (let i = 0; i < frame.marks.length; i++) byCode[frame.marks.fate[i]!]!++;
  let open = 0;
  let fired = 0;
  let revised = 0;
  let closed = 0;
  for (const w of frame.windows) {
    if (w.state === 'open') open++;
    else if (w.state === 'fired') fired++;
    else closed++;
    if (w.revisions > 0) revised++;
  }
  const fates = { onTime: 0, revision: 0, late: 0 };
  FATE_CODES.forEach((fate, code) => {
    fates[fate] = byCode[code]!;
  });
  return { fates, open, fired, revised, closed };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** One paragraph: what the timeline of `title` shows now. */
export function describeTimeline(frame: TimelineFrame, title: string, view: 'eventTime' | 'arrival'): string {
  const c = countTimeline(frame);
  const axis = frame.timeDomain === 'processing' ? 'arrival time (processing-time windows)' : 'event time';
  const shown = view === 'eventTime' ? `by key along ${axis}` : `as ${axis} against arrival order`;
  const sample = frame.sampled ? ` (a sample of ${frame.totalEvents.toLocaleString('en-US')})` : '';
  return [
    `Timeline of ${title}, ${shown}: ${plural(frame.marks.length, 'event')}${sample},`,
    `${c.fates.onTime.toLocaleString('en-US')} on time, ${plural(c.fates.revision, 'revision')}, ${c.fates.late.toLocaleString('en-US')} late.`,
    `${plural(frame.windows.length, 'window')}: ${c.open} open, ${c.fired} fired, ${c.revised} revised, ${c.closed} closed.`,
    `Watermark ${formatWatermark(frame.watermark)}${frame.latenessMs > 0 ? `, allowed lateness ${formatSpan(frame.latenessMs)}` : ''}.`,
    frame.heldBackBy === null ? '' : `The watermark is held back by ${frame.heldBackBy}.`,
  ].filter((s) => s !== '').join(' ');
}

/** A duration as people say it: 500 ms, 3 s, 1.5 min, 2 h. */
export function formatSpan(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(3))} s`;
  if (ms < 3_600_000) return `${Number((ms / 60_000).toFixed(2))} min`;
  return `${Number((ms / 3_600_000).toFixed(2))} h`;
}
