import { useEffect, useState } from 'react';
import type { Observable } from './types';

/**
 * The buffer's version, updated at most once per animation frame: a view
 * re-renders per frame however many results arrive in it.
 */
export function useFrameVersion(source: Observable): number {
  const [version, setVersion] = useState(source.version);
  useEffect(() => {
    let frame = 0;
    const unsubscribe = source.subscribe(() => {
      if (frame === 0) frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion(source.version);
      });
    });
    setVersion(source.version);
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [source]);
  return version;
}
