import { useEffect, useState, type CSSProperties } from 'react';
import { formatDateTime, formatFieldValue, formatWatermark } from '../../charts/format';
import type { PreviewRecord } from '../../worker/protocol';
import type { TimelineEventDetail, TimelineWindowDetail } from '../../worker/timelineTypes';
import type { TimelineSource } from './timelineSource';

/** What the pointer rests on: an event (by arrival number) or a window (by id), and where (viewport pixels). */
export type TooltipTarget =
  | { readonly kind: 'mark'; readonly seq: number; readonly x: number; readonly y: number }
  | { readonly kind: 'bar'; readonly windowId: number; readonly x: number; readonly y: number };

/** Hovering moves fast; a detail is asked for once the pointer rests this long. */
const REST_MS = 40;
const FATE_TEXT = new Map([['onTime', 'on time'], ['revision', 'revision'], ['late', 'late']]);
const interval = (w: { start: number; end: number }): string => `[${formatWatermark(w.start)}, ${formatWatermark(w.end)})`;

function Fields({ record }: { record: PreviewRecord }) {
  const entries = Object.entries(record).slice(0, 8);
  return (
    <dl className="wp-timeline-fields">
      {entries.map(([name, value]) => (
        <div key={name}><dt>{name}</dt><dd>{typeof value === 'number' && /time|^ts$|_start|_end/.test(name) && value > 1e11 ? formatDateTime(value) : formatFieldValue(value)}</dd></div>
      ))}
    </dl>
  );
}

function EventDetail({ detail }: { detail: TimelineEventDetail }) {
  return (
    <>
      <p className={`wp-timeline-verdict is-${detail.fate}`} data-testid="timeline-verdict">{detail.verdict}</p>
      <p className="wp-timeline-meta">
        {FATE_TEXT.get(detail.fate)} · arrival #{detail.seq.toLocaleString('en-US')} · event time {formatWatermark(detail.time)} · watermark then {formatWatermark(detail.watermark)}
        {detail.key === '' ? '' : ` · key ${detail.key}`}
      </p>
      <p className="wp-timeline-meta">{detail.windows.length === 1 ? 'window ' : 'windows '}{detail.windows.map(interval).join(', ')}</p>
      <Fields record={detail.fields} />
    </>
  );
}

function WindowDetail({ detail }: { detail: TimelineWindowDetail }) {
  const w = detail.window;
  return (
    <>
      <p className="wp-timeline-verdict" data-testid="timeline-window">
        Window {interval(w)}{w.key === '' ? '' : ` of ${w.key}`}: {w.state}, {w.events.toLocaleString('en-US')} events
        {w.revisions > 0 ? `, revised ${w.revisions} time${w.revisions === 1 ? '' : 's'}` : ''}
        {w.mergedFrom.length > 0 ? `, ${w.mergedFrom.length} sessions merged into it` : ''}
      </p>
      <ol className="wp-timeline-revisions">
        {detail.revisions.map((r) => (
          <li key={r.revision}>
            <span className="wp-timeline-meta">
              {r.revision === 0 ? 'fired' : `revision ${r.revision}`} after arrival #{r.seq.toLocaleString('en-US')}, watermark {formatWatermark(r.watermark)}, {r.eventCount.toLocaleString('en-US')} events
            </span>
            <Fields record={r.result} />
          </li>
        ))}
      </ol>
      {detail.revisions.length === 0 && <p className="wp-timeline-meta">Not fired yet: it fires when the watermark reaches {formatWatermark(w.end - 1)}.</p>}
    </>
  );
}

/**
 * Beside the pointer, on the side with more room: fixed to the viewport, so
 * neither the plot's scrolling nor the dock's edge cuts it off.
 */
function placeNear({ x, y }: { x: number; y: number }): CSSProperties {
  const gap = 14;
  const horizontal = x > window.innerWidth / 2 ? { right: window.innerWidth - x + gap } : { left: x + gap };
  const vertical = y > window.innerHeight / 2 ? { bottom: window.innerHeight - y + gap } : { top: y + gap };
  return { ...horizontal, ...vertical };
}

/** The detail of what the pointer rests on, asked of the source. */
export function TimelineTooltip({ source, nodeId, target, id }: { source: TimelineSource; nodeId: string; target: TooltipTarget | null; id: string }) {
  const [shown, setShown] = useState<{ at: TooltipTarget; event?: TimelineEventDetail; window?: TimelineWindowDetail } | null>(null);
  useEffect(() => {
    if (target === null) {
      setShown(null);
      return undefined;
    }
    let current = true;
    // Another thing is pointed at: the detail of the one before must not show beside it.
    setShown(null);
    const timer = setTimeout(() => {
      const ask = target.kind === 'mark' ? source.event(nodeId, target.seq).then((event) => (event === null ? null : { at: target, event }))
        : source.window(nodeId, target.windowId).then((window) => (window === null ? null : { at: target, window }));
      void ask.then((answer) => {
        if (current) setShown(answer);
      });
    }, REST_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [source, nodeId, target]);
  if (shown === null || target === null) return null;
  return (
    <div role="tooltip" id={id} className="wp-timeline-tooltip" data-testid="timeline-tooltip" style={placeNear(target)}>
      {shown.event !== undefined && <EventDetail detail={shown.event} />}
      {shown.window !== undefined && <WindowDetail detail={shown.window} />}
    </div>
  );
}
