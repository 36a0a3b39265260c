import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { TimelineFrame } from '../../worker/timelineTypes';
import { drawArrival } from './drawArrival';
import { barRect, drawEventTime, type Hovered } from './drawEventTime';
import { drawStopRing, makeSprites, type MarkSprites } from './drawMarks';
import { barsOf } from './timelineBars';
import { arrivalLayout, arrivalPoints, eventTimeLayout, eventTimePoints } from './timelineGeometry';
import { hitTest } from './timelineHit';
import { DEFAULT_PALETTE, readPalette, type TimelinePalette } from './timelinePalette';
import type { TooltipTarget } from './TimelineTooltip';

export type TimelineViewKind = 'eventTime' | 'arrival';

/** The scene of one frame in one view at one size: what is drawn and what the pointer finds. */
function sceneOf(frame: TimelineFrame, view: TimelineViewKind, fold: boolean, width: number, height: number) {
  if (view === 'arrival') {
    const layout = arrivalLayout(frame, width, height);
    return { view, height, draw: null, arrival: { frame, layout, ...arrivalPoints(frame, layout) }, eventTime: null, rects: [] };
  }
  const layout = eventTimeLayout(frame, width, fold);
  const eventTime = { frame, layout, ...eventTimePoints(frame, layout), bars: barsOf(frame, layout) };
  return { view, height: layout.height, arrival: null, eventTime, rects: eventTime.bars.map((b) => barRect(eventTime, b)) };
}

/**
 * The canvas of a timeline: drawn at the device's pixel ratio, redrawn when
 * a frame comes, the size changes or the pointer moves onto something.
 */
export function TimelineCanvas({ frame, view, fold, width, height, label, describedBy, onTarget, stopped = -1 }: {
  frame: TimelineFrame;
  view: TimelineViewKind;
  fold: boolean;
  width: number;
  height: number;
  label: string;
  describedBy: string;
  onTarget: (target: TooltipTarget | null) => void;
  /** Index in frame.marks of the mark a breakpoint stopped on (ringed), or -1. */
  stopped?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const palette = useRef<TimelinePalette>(DEFAULT_PALETTE);
  const sprites = useRef<MarkSprites | null>(null);
  const scene = useMemo(() => sceneOf(frame, view, fold, width, height), [frame, view, fold, width, height]);
  // What the pointer found, in the scene it found it in: a newer frame numbers its marks anew.
  const [pointed, setPointed] = useState<{ readonly scene: unknown; readonly hit: Hovered }>({ scene: null, hit: null });
  const hovered = pointed.scene === scene ? pointed.hit : null;

  useEffect(() => {
    const element = canvas.current;
    if (element === null) return undefined;
    palette.current = readPalette(element);
    const dark = matchMedia('(prefers-color-scheme: dark)');
    const reread = () => {
      palette.current = readPalette(element);
    };
    dark.addEventListener('change', reread);
    return () => dark.removeEventListener('change', reread);
  }, []);

  useEffect(() => {
    const element = canvas.current;
    const ctx = element?.getContext('2d');
    if (element === null || ctx === null || ctx === undefined || width <= 0) return;
    const ratio = window.devicePixelRatio || 1;
    const w = Math.round(width * ratio);
    const h = Math.round(scene.height * ratio);
    if (element.width !== w || element.height !== h) {
      element.width = w;
      element.height = h;
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    if (sprites.current?.ratio !== ratio || sprites.current.palette !== palette.current) sprites.current = makeSprites(palette.current, ratio);
    // Counted for the benchmark (npm run bench:timeline): redraws a second.
    element.dataset.drawn = String(Number(element.dataset.drawn ?? 0) + 1);
    if (scene.arrival !== null) drawArrival(ctx, scene.arrival, palette.current, hovered?.kind === 'mark' ? hovered.index : null, sprites.current);
    else if (scene.eventTime !== null) drawEventTime(ctx, scene.eventTime, palette.current, hovered, sprites.current);
    const points = scene.arrival ?? scene.eventTime;
    if (points !== null && stopped >= 0 && stopped < points.xs.length) drawStopRing(ctx, points.xs[stopped]!, points.ys[stopped]!, palette.current);
  }, [scene, hovered, width, stopped]);

  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    const points = scene.arrival ?? scene.eventTime;
    if (points === null) return;
    const hit = hitTest({ ...points, layer: frame.marks.fate }, scene.rects, x, y);
    // The tooltip asks the worker once per thing pointed at, not once per pixel moved.
    if (hit?.kind === hovered?.kind && hit?.index === hovered?.index) return;
    setPointed({ scene, hit });
    if (hit === null) onTarget(null);
    else if (hit.kind === 'mark') onTarget({ kind: 'mark', seq: frame.marks.seq[hit.index]!, x: e.clientX, y: e.clientY });
    else {
      const bar = scene.eventTime?.bars[hit.index];
      onTarget(bar === undefined ? null : { kind: 'bar', windowId: bar.windowId, x: e.clientX, y: e.clientY });
    }
  };
  const leave = () => {
    setPointed({ scene: null, hit: null });
    onTarget(null);
  };

  return (
    <canvas
      ref={canvas}
      className="wp-timeline-canvas"
      role="img"
      // Reachable by Tab: the rows scroll, and the arrow keys scroll them once the canvas has focus.
      tabIndex={0}
      aria-label={label}
      aria-describedby={describedBy}
      data-testid="timeline-canvas"
      data-view={view}
      data-stopped-seq={stopped >= 0 ? frame.marks.seq[stopped] : undefined}
      data-rows={scene.eventTime?.layout.rows.length ?? 0}
      style={{ width, height: scene.height }}
      onPointerMove={move}
      onPointerLeave={leave}
    />
  );
}

/** Where mark `index` of the frame is drawn (CSS pixels), for tests and the benchmark. */
export function markPoint(frame: TimelineFrame, view: TimelineViewKind, fold: boolean, width: number, height: number, index: number): { x: number; y: number } {
  const scene = sceneOf(frame, view, fold, width, height);
  const points = scene.arrival ?? scene.eventTime!;
  return { x: points.xs[index]!, y: points.ys[index]! };
}
