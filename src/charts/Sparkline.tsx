import { useEffect, useRef } from 'react';
import type { ChartBuffer } from './chartBuffer';
import { drawSparkline } from './drawSparkline';

/**
 * A small live preview of a chart buffer: every series as a thin line,
 * redrawn at most once per animation frame when the buffer changed.
 */
export function Sparkline({ buffer, className }: { buffer: ChartBuffer; className?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const el = canvas.current;
    if (el === null) return undefined;
    let frame = 0;
    let drawn = -1;
    const draw = () => {
      frame = 0;
      if (drawn === buffer.version) return;
      drawn = buffer.version;
      const snap = buffer.snapshot();
      drawSparkline(el, snap);
      el.dataset.points = String(snap.points);
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(draw);
    };
    const unsubscribe = buffer.subscribe(schedule);
    schedule();
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [buffer]);

  return <canvas ref={canvas} className={className} data-testid="sparkline" data-points="0" aria-hidden="true" />;
}
