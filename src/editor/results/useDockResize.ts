import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';

/** The dock never shrinks below its tab row and a few lines, nor leaves the canvas less than this. */
const MIN_HEIGHT = 96;
const MIN_CANVAS = 160;
const KEY_STEP = 24;

/** The handle's value as a separator announces it: the dock's height and the range it can take, in pixels. */
export interface DockSize {
  readonly now: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Dragging the dock's top edge (or Arrow Up/Down on it) sets its height in
 * pixels; until then the stylesheet's height applies. Returns the height,
 * the handle's props, and its value (what a screen reader reads on the
 * separator: the dock's measured height and the range it may take).
 */
export function useDockResize(): {
  height: number | null;
  size: DockSize;
  handle: {
    ref: (el: HTMLElement | null) => void;
    onPointerDown: (e: PointerEvent<HTMLElement>) => void;
    onPointerMove: (e: PointerEvent<HTMLElement>) => void;
    onPointerUp: (e: PointerEvent<HTMLElement>) => void;
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  };
} {
  const [height, setHeight] = useState<number | null>(null);
  const [size, setSize] = useState<DockSize>({ now: MIN_HEIGHT, min: MIN_HEIGHT, max: MIN_HEIGHT });
  const [handleEl, setHandleEl] = useState<HTMLElement | null>(null);
  const drag = useRef<{ startY: number; startHeight: number; max: number } | null>(null);

  const bounds = (el: HTMLElement): { current: number; max: number } => {
    const dock = el.parentElement!;
    const main = dock.parentElement!;
    return { current: dock.getBoundingClientRect().height, max: main.getBoundingClientRect().height - MIN_CANVAS };
  };
  const clamp = (h: number, max: number) => Math.round(Math.max(MIN_HEIGHT, Math.min(max, h)));

  // The dock's height also changes with the window and the stylesheet, not only through this handle.
  useEffect(() => {
    const dock = handleEl?.parentElement;
    const main = dock?.parentElement;
    if (handleEl === null || dock == null || main == null) return undefined;
    const measure = (): void => {
      const { current, max } = bounds(handleEl);
      const next = { now: Math.round(current), min: MIN_HEIGHT, max: Math.max(MIN_HEIGHT, Math.round(max)) };
      setSize((old) => (old.now === next.now && old.max === next.max ? old : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(dock);
    observer.observe(main);
    return () => observer.disconnect();
  }, [handleEl]);

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

  return { height, size, handle: { ref: setHandleEl, onPointerDown, onPointerMove, onPointerUp, onKeyDown } };
}
