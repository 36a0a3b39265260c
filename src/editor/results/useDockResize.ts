import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';

/** The dock never shrinks below its tab row and a few lines, nor leaves the canvas less than this. */
const MIN_HEIGHT = 96;
const MIN_CANVAS = 160;
const KEY_STEP = 24;

/**
 * Dragging the dock's top edge (or Arrow Up/Down on it) sets its height in
 * pixels; until then the stylesheet's height applies. Returns the height and
 * the handle's props.
 */
export function useDockResize(): {
  height: number | null;
  handle: {
    onPointerDown: (e: PointerEvent<HTMLElement>) => void;
    onPointerMove: (e: PointerEvent<HTMLElement>) => void;
    onPointerUp: (e: PointerEvent<HTMLElement>) => void;
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  };
} {
  const [height, setHeight] = useState<number | null>(null);
  const drag = useRef<{ startY: number; startHeight: number; max: number } | null>(null);

  const bounds = (el: HTMLElement): { current: number; max: number } => {
    const dock = el.parentElement!;
    const main = dock.parentElement!;
    return { current: dock.getBoundingClientRect().height, max: main.getBoundingClientRect().height - MIN_CANVAS };
  };
  const clamp = (h: number, max: number) => Math.round(Math.max(MIN_HEIGHT, Math.min(max, h)));

  const onPointerDown = useCallback((e: PointerEvent<HTMLElement>) => {
    const { current, max } = bounds(e.currentTarget);
    drag.current = { startY: e.clientY, startHeight: current, max };
    e.currentTarget.setPointerCapture(e.pointerId);
    e.preventDefault();
  }, []);
  const onPointerMove = useCallback((e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (d !== null) setHeight(clamp(d.startHeight + d.startY - e.clientY, d.max));
  }, []);
  const onPointerUp = useCallback((e: PointerEvent<HTMLElement>) => {
    drag.current = null;
    e.currentTarget.releasePointerCapture(e.pointerId);
  }, []);
  const onKeyDown = useCallback((e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const { current, max } = bounds(e.currentTarget);
    setHeight(clamp(current + (e.key === 'ArrowUp' ? KEY_STEP : -KEY_STEP), max));
    e.preventDefault();
  }, []);

  return { height, handle: { onPointerDown, onPointerMove, onPointerUp, onKeyDown } };
}
