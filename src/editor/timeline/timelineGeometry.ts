/**
 * Where things go on the timeline's canvas, as plain functions of a frame
 * and a size: rows per key (each a strip of marks over lanes of window bars),
 * the scales of both views, the axis ticks and every mark's point. The
 * drawing and the hit test read the same numbers, so what the pointer finds
 * is what was drawn.
 */
import type { TimelineFrame } from '../../worker/timelineTypes';

/** Pixels (CSS) of the parts of the event-time view. */
export const GEOMETRY = {
  /** Row labels (the keys) to the left of the plot. */
  left: 112,
  right: 14,
  /** The time axis's labels above the rows. */
  top: 26,
  /** Under the last row. */
  axis: 8,
  /** A row's strip of marks. */
  strip: 18,
  /** One lane of window bars. */
  lane: 16,
  /** Between rows. */
  gap: 6,
} as const;

export interface TimelineRow {
  /** The key of the row; null for the row of every other key, or all keys folded. */
  readonly key: string | null;
  readonly label: string;
  readonly top: number;
  readonly lanes: number;
  readonly height: number;
}

export interface Scale {
  readonly from: number;
  readonly to: number;
  /** Pixel range. */
  readonly lo: number;
  readonly hi: number;
}

export function scaleTo(s: Scale, v: number): number {
  const width = s.to - s.from;
  return width > 0 ? s.lo + ((v - s.from) / width) * (s.hi - s.lo) : (s.lo + s.hi) / 2;
}

export function scaleFrom(s: Scale, px: number): number {
  return s.hi === s.lo ? s.from : s.from + ((px - s.lo) / (s.hi - s.lo)) * (s.to - s.from);
}

export interface EventTimeLayout {
  readonly width: number;
  readonly height: number;
  readonly x: Scale;
  readonly rows: readonly TimelineRow[];
  /** Row of each key shown in its own row. */
  readonly rowOfKey: ReadonlyMap<string, number>;
  /** The row for keys outside the frame's keys (or all, folded), -1 when there is none. */
  readonly otherRow: number;
}

/**
 * The stretch of event time to draw: the frame's span, or where its marks,
 * windows and watermark lie when the span asked for was unbounded ("the
 * whole run"), with a little room at each end.
 */
export function viewSpan(frame: TimelineFrame): { readonly from: number; readonly to: number } {
  if (Number.isFinite(frame.span.from) && Number.isFinite(frame.span.to)) return frame.span;
  let from = Infinity;
  let to = -Infinity;
  const take = (t: number) => {
    if (!Number.isFinite(t)) return;
    from = Math.min(from, t);
    to = Math.max(to, t);
  };
  for (let i = 0; i < frame.marks.length; i++) take(frame.marks.time[i]!);
  for (const w of frame.windows) {
    take(w.start);
    take(w.end);
  }
  take(frame.watermark);
  if (!Number.isFinite(from)) return { from: 0, to: 1 };
  const pad = Math.max(1, (to - from) * 0.02);
  return { from: from - pad, to: to + pad };
}

const rowLabel = (key: string): string => (key === '' ? '(no key)' : key);

/** Rows and the time scale of the event-time view for a plot `width` wide. */
export function eventTimeLayout(frame: TimelineFrame, width: number, fold: boolean): EventTimeLayout {
  const lanesOf = new Map<string | null, number>();
  const shown = new Set(fold ? [] : frame.keys.map((k) => k.key));
  const rowKey = (key: string): string | null => (shown.has(key) ? key : null);
  let other = fold;
  for (let i = 0; i < frame.marks.length; i++) if (frame.marks.keyIndex[i]! < 0) other = true;
  for (const w of frame.windows) {
    const key = rowKey(w.key);
    if (key === null) other = true;
    lanesOf.set(key, Math.max(lanesOf.get(key) ?? 1, w.lane + 1));
  }
  const keys: (string | null)[] = fold ? [] : frame.keys.map((k) => k.key);
  if (other) keys.push(null);
  const rows: TimelineRow[] = [];
  const rowOfKey = new Map<string, number>();
  let top: number = GEOMETRY.top;
  for (const key of keys) {
    const lanes = lanesOf.get(key) ?? 1;
    const height = GEOMETRY.strip + lanes * GEOMETRY.lane;
    if (key !== null) rowOfKey.set(key, rows.length);
    rows.push({ key, label: key === null ? (fold ? 'All keys' : 'Other keys') : rowLabel(key), top, lanes, height });
    top += height + GEOMETRY.gap;
  }
  return {
    width,
    height: top + GEOMETRY.axis,
    x: { ...viewSpan(frame), lo: GEOMETRY.left, hi: Math.max(GEOMETRY.left + 1, width - GEOMETRY.right) },
    rows,
    rowOfKey,
    otherRow: other ? rows.length - 1 : -1,
  };
}

/** The row of mark `i`. */
export function markRow(frame: TimelineFrame, layout: EventTimeLayout, i: number): number {
  const k = frame.marks.keyIndex[i]!;
  if (k < 0) return layout.otherRow;
  return layout.rowOfKey.get(frame.keys[k]?.key ?? '') ?? layout.otherRow;
}

/** The vertical middle of a row's mark strip. */
export const stripMiddle = (row: TimelineRow): number => row.top + GEOMETRY.strip / 2;

/** The top of a lane of window bars in a row. */
export const laneTop = (row: TimelineRow, lane: number): number => row.top + GEOMETRY.strip + lane * GEOMETRY.lane;

/** Every mark's point in the event-time view. */
export function eventTimePoints(frame: TimelineFrame, layout: EventTimeLayout): { xs: Float32Array; ys: Float32Array } {
  const n = frame.marks.length;
  const xs = new Float32Array(n);
  const ys = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const row = layout.rows[markRow(frame, layout, i)];
    xs[i] = scaleTo(layout.x, frame.marks.time[i]!);
    ys[i] = row === undefined ? -100 : stripMiddle(row);
  }
  return { xs, ys };
}

/** Margins of the arrival view: arrival order across, event time up. */
export const ARRIVAL = { left: 92, right: 14, top: 22, bottom: 26 } as const;

export interface ArrivalLayout {
  readonly width: number;
  readonly height: number;
  /** Arrival number across. */
  readonly x: Scale;
  /** Event time up (lo is the bottom pixel). */
  readonly y: Scale;
}

/** Scales of the arrival view: the frame's arrival numbers across, its span of event time up. */
export function arrivalLayout(frame: TimelineFrame, width: number, height: number): ArrivalLayout {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < frame.marks.length; i++) {
    first = Math.min(first, frame.marks.seq[i]!);
    last = Math.max(last, frame.marks.seq[i]!);
  }
  if (!Number.isFinite(first)) [first, last] = [0, 1];
  return {
    width,
    height,
    x: { from: first, to: last === first ? first + 1 : last, lo: ARRIVAL.left, hi: Math.max(ARRIVAL.left + 1, width - ARRIVAL.right) },
    y: { ...viewSpan(frame), lo: Math.max(ARRIVAL.top + 1, height - ARRIVAL.bottom), hi: ARRIVAL.top },
  };
}

/** Every mark's point in the arrival view. */
export function arrivalPoints(frame: TimelineFrame, layout: ArrivalLayout): { xs: Float32Array; ys: Float32Array } {
  const n = frame.marks.length;
  const xs = new Float32Array(n);
  const ys = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = scaleTo(layout.x, frame.marks.seq[i]!);
    ys[i] = scaleTo(layout.y, frame.marks.time[i]!);
  }
  return { xs, ys };
}

const TICK_STEPS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500,
  1_000, 2_000, 5_000, 10_000, 15_000, 30_000,
  60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000,
  3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
];

/** Ticks of a time scale at least `minPx` apart, on round times (UTC); the step says how to print them. */
export function timeTicks(s: Scale, minPx: number): { readonly step: number; readonly ticks: readonly number[] } {
  const span = s.to - s.from;
  const px = Math.abs(s.hi - s.lo);
  if (!(span > 0) || !(px > 0) || !Number.isFinite(span)) return { step: 1, ticks: [] };
  const want = (span * minPx) / px;
  const step = TICK_STEPS.find((st) => st >= want) ?? Math.ceil(want / 86_400_000) * 86_400_000;
  const ticks: number[] = [];
  for (let t = Math.ceil(s.from / step) * step; t <= s.to && ticks.length < 200; t += step) ticks.push(t);
  return { step, ticks };
}
