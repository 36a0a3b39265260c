import { useEffect, useState } from 'react';
import type { Observable } from './types';
import { createVersionPacer } from './versionPacer';

/**
 * The buffer's version, updated at most once per animation frame and, when
 * `minIntervalMs` is given, at most once per that many milliseconds: a view
 * re-renders per frame (or slower) however many results arrive in it. A new
 * source or pace shows the latest version in the next frame (see
 * createVersionPacer), never in the render that changed it.
 */
export function useFrameVersion(source: Observable, minIntervalMs = 0): number {
  const [version, setVersion] = useState(source.version);
  useEffect(() => {
    const pacer = createVersionPacer({
      source,
      minIntervalMs,
      show: setVersion,
      requestFrame: (callback) => requestAnimationFrame(callback),
      cancelFrame: (handle) => cancelAnimationFrame(handle),
    });
    return () => pacer.dispose();
  }, [source, minIntervalMs]);
  return version;
}
