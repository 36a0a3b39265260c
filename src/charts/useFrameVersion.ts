import { useEffect, useState } from 'react';
import type { Observable } from './types';

/**
 * The buffer's version, updated at most once per animation frame and, when
 * `minIntervalMs` is given, at most once per that many milliseconds: a view
 * re-renders per frame (or slower) however many results arrive in it.
 */
export function useFrameVersion(source: Observable, minIntervalMs = 0): number {
  const [version, setVersion] = useState(source.version);
  useEffect(() => {
    let frame = 0;
    let shownAt = -Infinity;
    const show = (now: number) => {
      frame = 0;
      // A later notification catches up whatever this one skipped, so nothing is lost by waiting.
      if (now - shownAt < minIntervalMs) {
        frame = requestAnimationFrame(show);
        return;
      }
      shownAt = now;
      setVersion(source.version);
    };
    const unsubscribe = source.subscribe(() => {
      if (frame === 0) frame = requestAnimationFrame(show);
    });
    // Shown now (a new source or a new pace, e.g. the run pausing), and the pace counts from here.
    shownAt = performance.now();
    setVersion(source.version);
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [source, minIntervalMs]);
  return version;
}
