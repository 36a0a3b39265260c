import { useEffect, useRef, useState } from 'react';
import type { TimelineFrame, TimelineQuery } from '../../worker/timelineTypes';
import { createFramePuller, type FramePuller } from './framePuller';
import type { TimelineSource } from './timelineSource';

/**
 * The newest frame of `query` from `source` while `active` (the tab is shown):
 * frames come about once per animation frame while the run moves. What the
 * page's run records is not this view's business (useTimelineRecording): a
 * hidden tab's node goes on being recorded.
 */
export function useTimelineFrames(source: TimelineSource, query: TimelineQuery | null, active: boolean): TimelineFrame | null {
  const [frame, setFrame] = useState<TimelineFrame | null>(null);
  const puller = useRef<FramePuller | null>(null);

  useEffect(() => {
    if (!active) return undefined;
    const p = createFramePuller({
      source,
      onFrame: (f) => setFrame(f),
      requestFrame: (cb) => requestAnimationFrame(cb),
      cancelFrame: (h) => cancelAnimationFrame(h),
    });
    puller.current = p;
    return () => {
      p.dispose();
      puller.current = null;
    };
  }, [source, active]);

  useEffect(() => {
    puller.current?.setQuery(active ? query : null);
  }, [query, active]);

  // The view is keyed by node, so a frame of another node never shows.
  return query === null ? null : frame;
}

/** The CSS size of an element, following its resizes (the dock's drag handle, the window). */
export function useElementSize(): [(element: HTMLElement | null) => void, { width: number; height: number }] {
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [element, setElement] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (element === null) return undefined;
    const measure = () => {
      const r = element.getBoundingClientRect();
      setSize((s) => (s.width === Math.floor(r.width) && s.height === Math.floor(r.height) ? s : { width: Math.floor(r.width), height: Math.floor(r.height) }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, size];
}
