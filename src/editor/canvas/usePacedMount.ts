import { useEffect, useState } from 'react';
import { createFramePacer, type FramePacer } from './framePacer';

/**
 * Live figures mounted per frame across the canvas. A node's badges are a
 * dozen elements, an edge's label three: four of them a frame keep a run's
 * first frame short, and a pipeline of ten nodes shows all its figures
 * within five frames.
 */
const MOUNTS_PER_FRAME = 4;

let pacer: FramePacer | null = null;
const canvasPacer = (): FramePacer =>
  (pacer ??= createFramePacer({ perFrame: MOUNTS_PER_FRAME, requestFrame: (cb) => requestAnimationFrame(cb), cancelFrame: (h) => cancelAnimationFrame(h) }));

/**
 * Whether a view that has something to show (`wanted`) may mount it yet: it
 * waits for its turn on the canvas's frame pacer, so the views that all get
 * their first figures in one frame (every badge and rate label at a run's
 * start) mount a few a frame. Once mounted it stays until `wanted` turns false.
 */
export function usePacedMount(wanted: boolean): boolean {
  const [granted, setGranted] = useState(false);
  useEffect(() => {
    if (!wanted) {
      setGranted(false);
      return undefined;
    }
    return canvasPacer().enqueue(() => setGranted(true));
  }, [wanted]);
  return wanted && granted;
}
