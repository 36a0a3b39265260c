import { useId, useMemo, useState, type ReactNode } from 'react';
import type { TimelineQuery } from '../../worker/timelineTypes';
import { useThrottled } from '../results/useThrottled';
import { TimelineCanvas, type TimelineViewKind } from './TimelineCanvas';
import { TimelineLegend } from './TimelineLegend';
import { TimelineTooltip, type TooltipTarget } from './TimelineTooltip';
import { recordedFromNote, unrecordedMessage } from './recordingStart';
import { describeStop, stoppedMarkIndex, type StopPoint } from './stoppedMark';
import { countTimeline, describeTimeline } from './timelineSummary';
import type { TimelineSource } from './timelineSource';
import { useElementSize, useTimelineFrames } from './useTimelineFrames';
import './timeline.css';

/** Rows of keys when not focused or folded. */
export const MAX_KEYS = 16;
/** Marks at most in a frame; more are sampled by the worker. */
export const MAX_MARKS = 10_000;
/** The description is read, not watched: a few updates a second. */
const DESCRIBE_MS = 500;

const VIEWS: readonly { readonly id: TimelineViewKind; readonly label: string }[] = [
  { id: 'eventTime', label: 'By key' },
  { id: 'arrival', label: 'Event vs arrival' },
];

/**
 * The timeline of one window node from one source: its controls (view, key,
 * fold), the canvas, the legend and the hovered detail. What-if shows two of
 * these over the same `span`; the dock shows one following the latest stretch.
 */
export function TimelineView({ source, nodeId, title, active, span, waiting, picker, atPosition = null, stop = null }: {
  source: TimelineSource;
  nodeId: string;
  title: string;
  /** False while hidden: nothing is asked of the source. */
  active: boolean;
  /** The stretch of event time to show; absent, the most recent one. */
  span?: { readonly from: number; readonly to: number };
  /** What to say before there is a frame. */
  waiting: string;
  /** A control of the owner's, first in the header (the dock's window picker). */
  picker?: ReactNode;
  /** Time travel: show the run as it was at this run position; null, as it is now. */
  atPosition?: number | null;
  /** Where a breakpoint stopped the run (and what it was), to ring its mark and say "stopped here". */
  stop?: { readonly point: StopPoint; readonly what: string } | null;
}) {
  const id = useId();
  const [view, setView] = useState<TimelineViewKind>('eventTime');
  const [keyText, setKeyText] = useState('');
  const [fold, setFold] = useState(false);
  const [stretch, setStretch] = useState<'recent' | 'all'>('recent');
  const [target, setTarget] = useState<TooltipTarget | null>(null);
  const [plotRef, size] = useElementSize();
  const key = keyText === '' ? null : keyText;
  // "The whole run" asks for an unbounded span; the canvas draws what the frame holds.
  const from = span?.from ?? (stretch === 'all' ? -Infinity : undefined);
  const to = span?.to ?? (stretch === 'all' ? Infinity : undefined);
  const query = useMemo<TimelineQuery>(
    () => ({
      nodeId, key, fold, maxKeys: MAX_KEYS, maxMarks: MAX_MARKS,
      ...(from !== undefined && to !== undefined ? { span: { from, to } } : {}),
      ...(atPosition !== null ? { atPosition } : {}),
    }),
    [nodeId, key, fold, from, to, atPosition],
  );
  const frame = useTimelineFrames(source, query, active);
  const stopped = frame === null ? -1 : stoppedMarkIndex(frame, stop?.point ?? null);
  const stopText = frame === null || stop === null ? '' : describeStop(frame, stopped, stop.what);
  const described = useThrottled(frame === null ? '' : `${stopText === '' ? '' : `${stopText} `}${describeTimeline(frame, title, view)}`, DESCRIBE_MS);
  const counts = useMemo(() => (frame === null ? null : countTimeline(frame)), [frame]);
  // The picker offers the keys of the last frame that was not focused on one.
  const [topKeys, setTopKeys] = useState<readonly string[]>([]);
  const frameKeys = frame !== null && key === null && !fold ? frame.keys.map((k) => k.key).join('\u0000') : null;
  if (frameKeys !== null && frameKeys !== topKeys.join('\u0000')) setTopKeys(frameKeys === '' ? [] : frameKeys.split('\u0000'));

  return (
    <section className="wp-timeline" aria-label={`Timeline of ${title}`} data-testid="timeline" data-node={nodeId}>
      <header className="wp-results-head wp-timeline-head">
        {picker}
        <div className="wp-segmented" role="group" aria-label="Timeline view">
          {VIEWS.map((v) => (
            <button key={v.id} type="button" aria-pressed={view === v.id} onClick={() => setView(v.id)}>{v.label}</button>
          ))}
        </div>
        <label className="wp-timeline-control">
          Key
          <input
            type="search"
            list={`${id}-keys`}
            value={keyText}
            placeholder={`top ${MAX_KEYS} keys`}
            onChange={(e) => setKeyText(e.currentTarget.value)}
            disabled={fold}
            data-testid="timeline-key"
          />
          <datalist id={`${id}-keys`}>{topKeys.map((k) => <option key={k} value={k} />)}</datalist>
        </label>
        {span === undefined && (
          <label className="wp-timeline-control">
            Show
            <select value={stretch} onChange={(e) => setStretch(e.currentTarget.value === 'all' ? 'all' : 'recent')} data-testid="timeline-stretch">
              <option value="recent">Latest events</option>
              <option value="all">The whole run</option>
            </select>
          </label>
        )}
        <label className="wp-timeline-control">
          <input type="checkbox" checked={fold} onChange={(e) => setFold(e.currentTarget.checked)} />
          All keys in one row
        </label>
        {frame !== null && (
          <span className="wp-timeline-note" data-testid="timeline-note" data-at-position={atPosition ?? undefined}>
            {frame.timeDomain === 'processing' ? 'Processing-time windows: the axis is arrival time. ' : ''}
            {frame.sampled ? `A sample of ${frame.marks.length.toLocaleString('en-US')} of ${frame.totalEvents.toLocaleString('en-US')} events` : `${frame.totalEvents.toLocaleString('en-US')} events`}
            {span === undefined && stretch === 'recent' ? ', the most recent stretch' : ''}
            {atPosition !== null ? `, as of event ${atPosition.toLocaleString('en-US')} of the run` : ''}
            {recordedFromNote(frame)}
          </span>
        )}
      </header>
      {stopText !== '' && <p className="wp-timeline-stopped" data-testid="timeline-stopped" role="status">{stopText}</p>}
      {frame !== null && counts !== null && <TimelineLegend frame={frame} counts={counts} view={view} />}
      <div className="wp-timeline-plot" ref={plotRef}>
        {frame === null || frame.totalEvents === 0 ? (
          <p className="wp-preview-empty" data-testid="timeline-waiting">{(frame === null ? null : unrecordedMessage(frame)) ?? waiting}</p>
        ) : (
          <TimelineCanvas
            frame={frame}
            view={view}
            fold={fold}
            width={size.width}
            height={Math.max(160, size.height - 4)}
            label={`Timeline of ${title}`}
            describedBy={`${id}-described`}
            onTarget={setTarget}
            stopped={stopped}
          />
        )}
        <p id={`${id}-described`} className="visually-hidden" data-testid="timeline-description">{described}</p>
        {frame !== null && <TimelineTooltip source={source} nodeId={nodeId} target={target} id={`${id}-tip`} />}
      </div>
    </section>
  );
}
