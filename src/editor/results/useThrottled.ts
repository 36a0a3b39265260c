import { useEffect, useRef, useState } from 'react';

/**
 * `value`, changing at most once per `ms`: the newest value always shows,
 * at most `ms` late. For views that are read rather than watched (a preview
 * table), which would otherwise redraw on every frame of a run.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const shownAt = useRef(-Infinity);
  useEffect(() => {
    const wait = shownAt.current + ms - performance.now();
    const show = () => {
      shownAt.current = performance.now();
      setShown(value);
    };
    if (wait <= 0) {
      show();
      return undefined;
    }
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return shown;
}
