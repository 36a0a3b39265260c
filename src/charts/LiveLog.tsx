import { useEffect, useLayoutEffect, useRef } from 'react';
import type { LogBuffer } from './logBuffer';
import { useFixedRows } from './useFixedRows';
import { useFrameVersion } from './useFrameVersion';
import './charts.css';

const LINE_HEIGHT = 22;
/** A log is read like the table: four updates a second. */
const REFRESH_MS = 250;

/**
 * A log sink's lines, oldest at the top, as a terminal shows them. It follows
 * new lines while scrolled to the bottom and stays put when the user scrolled
 * up to read; only the lines in view are in the DOM.
 */
export function LiveLog({ buffer, label, limit }: { buffer: LogBuffer; label: string; limit: number }) {
  const version = useFrameVersion(buffer, REFRESH_MS);
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const { first, last } = useFixedRows(scroller, buffer.size, LINE_HEIGHT);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element !== null && following.current) element.scrollTop = element.scrollHeight;
  }, [version]);

  // A hidden tab cannot scroll: when it shows (or the dock resizes), a log that follows goes to its newest line.
  useEffect(() => {
    const element = scroller.current;
    if (element === null) return undefined;
    const resize = new ResizeObserver(() => {
      if (following.current) element.scrollTop = element.scrollHeight;
    });
    resize.observe(element);
    return () => resize.disconnect();
  }, []);

  const onScroll = () => {
    const element = scroller.current;
    if (element === null) return;
    following.current = element.scrollTop + element.clientHeight >= element.scrollHeight - LINE_HEIGHT;
  };

  const shown: number[] = [];
  for (let index = first; index < last; index++) shown.push(index);
  const dropped = buffer.received - buffer.size;
  return (
    <div className="wp-live-log" data-testid="live-log" data-lines={buffer.size} data-received={buffer.received}>
      <div className="wp-live-table-bar">
        <span className="wp-live-table-count">
          {buffer.received.toLocaleString('en')} {buffer.received === 1 ? 'line' : 'lines'}
          {dropped > 0 && ` (the newest ${buffer.maxLines.toLocaleString('en')} kept)`}
        </span>
        <span className="wp-live-log-note" title="The command-line runner prints only the first lines of a log sink (its limit); here every line it receives is shown.">
          The CLI prints the first {limit.toLocaleString('en')}
        </span>
      </div>
      <div className="wp-live-log-scroll" ref={scroller} onScroll={onScroll} role="log" aria-label={label} tabIndex={0}>
        {buffer.size === 0 && <p className="wp-live-table-empty">Nothing logged yet.</p>}
        <div className="wp-log-body" style={{ height: buffer.size * LINE_HEIGHT }}>
          {shown.map((index) => {
            const line = buffer.lineAt(index);
            if (line === undefined) return null;
            return (
              <div key={line.seq} className="wp-log-line" style={{ height: LINE_HEIGHT, transform: `translateY(${index * LINE_HEIGHT}px)` }}>
                {line.text}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
