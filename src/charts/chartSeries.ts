/** A chart buffer's series: its points by id, and the layout helpers its snapshot uses. */
import type { Anomaly } from './anomalyMarks';
import type { Cell } from './cells';

export interface Point {
  readonly x: number;
  readonly y: number | null;
  readonly revision: number;
  /** A window result's whole row (its key fields and bounds), for "why this result"; absent for raw records. */
  readonly row?: Readonly<Record<string, Cell>>;
  /** Set when the row said `is_anomaly`: the chart marks the point. */
  readonly anomaly?: Anomaly;
}

export interface Series {
  /** Colour slot: the order its key first appeared. */
  readonly slot: number;
  results: number;
  /** Point id -> point, in arrival order, which is x order but for late windows. */
  readonly points: Map<string | number, Point>;
}

/** Deletes points older than `from` from the front (arrival order is x order but for late windows). */
export function dropBefore(points: Map<string | number, Point>, from: number): void {
  for (const [id, p] of points) {
    if (p.x >= from) return;
    points.delete(id);
  }
}

/** The sorted distinct x values of the series' points within the range. */
export function alignedXs(series: readonly Series[], from: number): number[] {
  const seen = new Set<number>();
  for (const s of series) for (const p of s.points.values()) if (p.x >= from) seen.add(p.x);
  return [...seen].sort((a, b) => a - b);
}
