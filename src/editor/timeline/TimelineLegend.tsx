import { formatWatermark } from '../../charts/format';
import type { TimelineFrame } from '../../worker/timelineTypes';
import { formatSpan, type TimelineCounts } from './timelineSummary';

/** The shapes the canvas draws, as small SVGs beside their names and counts. */
function Shape({ fate }: { fate: 'onTime' | 'revision' | 'late' }) {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" className={`wp-timeline-shape is-${fate}`}>
      {fate === 'onTime' && <circle cx="6" cy="6" r="4" />}
      {fate === 'revision' && <path d="M6 1 11 6 6 11 1 6Z" />}
      {fate === 'late' && <path d="M2 2 10 10M10 2 2 10" strokeWidth="2.2" />}
    </svg>
  );
}

/** Marks by fate with their counts, and the other things the canvas draws. */
export function TimelineLegend({ frame, counts, view }: { frame: TimelineFrame; counts: TimelineCounts; view: 'eventTime' | 'arrival' }) {
  const wm = frame.watermark;
  return (
    <ul className="wp-timeline-legend" aria-label="Legend" data-testid="timeline-legend"
      data-on-time={counts.fates.onTime} data-revision={counts.fates.revision} data-late={counts.fates.late} data-marks={frame.marks.length}>
      <li><Shape fate="onTime" />on time <b>{counts.fates.onTime.toLocaleString('en-US')}</b></li>
      <li><Shape fate="revision" />revision <b>{counts.fates.revision.toLocaleString('en-US')}</b></li>
      <li><Shape fate="late" />late <b>{counts.fates.late.toLocaleString('en-US')}</b></li>
      <li><span className="wp-timeline-swatch is-watermark" aria-hidden="true" />watermark <b>{formatWatermark(wm)}</b></li>
      {frame.latenessMs > 0 && view === 'eventTime' && <li><span className="wp-timeline-swatch is-lateness" aria-hidden="true" />allowed lateness {formatSpan(frame.latenessMs)}</li>}
      {frame.latenessMs > 0 && view === 'arrival' && <li><span className="wp-timeline-swatch is-lateness-line" aria-hidden="true" />watermark − allowed lateness ({formatSpan(frame.latenessMs)})</li>}
      {view === 'eventTime' && <li><span className="wp-timeline-swatch is-ooo" aria-hidden="true" />out of order, up to {formatSpan(frame.outOfOrdernessMs)}</li>}
      {view === 'eventTime' && (
        <li>
          <span className="wp-timeline-swatch is-open" aria-hidden="true" />open {counts.open}
          <span className="wp-timeline-swatch is-fired" aria-hidden="true" />fired {counts.fired}
          <span className="wp-timeline-swatch is-revised" aria-hidden="true" />revised {counts.revised}
          <span className="wp-timeline-swatch is-closed" aria-hidden="true" />closed {counts.closed}
        </li>
      )}
    </ul>
  );
}
