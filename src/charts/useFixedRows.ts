import { useEffect, useState, type RefObject } from 'react';

/**
 * Rows above and below the visible ones, so a quick scroll does not show
 * blanks. Few: a live table rewrites every row it renders at each refresh,
 * and at Max the layout and paint of those rows were most of the page's
 * longest tasks (12 rows each side made 20 rows for 8 in view).
 */
const OVERSCAN = 4;

/**
 * The rows of a fixed-height list that are in view of `scroller`. With every
 * row the same height this is two divisions per render, whatever the count:
 * a general virtualizer (@tanstack/react-virtual) rebuilds one measurement per
 * row whenever the count changes, which at 100,000 live rows cost a long task
 * per update.
 */
export function useFixedRows(scroller: RefObject<HTMLElement | null>, count: number, rowHeight: number): { first: number; last: number } {
  const [view, setView] = useState({ top: 0, height: 600 });
  useEffect(() => {
    const element = scroller.current;
    if (element === null) return undefined;
    // The same view keeps the same state: a resize that leaves the rows in view alone (a width change,
    // a scrollbar appearing) must not redraw a paced table outside its pace, with rows newer than its version.
    const measure = () => {
      const top = element.scrollTop;
      const height = element.clientHeight;
      setView((view) => (view.top === top && view.height === height ? view : { top, height }));
    };
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    const resize = new ResizeObserver(measure);
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', measure);
      resize.disconnect();
    };
  }, [scroller]);
  const first = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
  return { first, last };
}
