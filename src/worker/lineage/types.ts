/**
 * "Why this result" across the worker boundary: a result's lineage (its
 * window, each revision and the events that made it, the watermark when it
 * fired) or why an event went to the late port. Plain data.
 */
import type { PreviewRecord } from '../previewRecord';
import type { EventFate, WindowRevision } from '../timelineTypes';

export type LineageQuery =
  /** A windowed result: its window node, the key fields' values, and the window's bounds. */
  | { readonly kind: 'window'; readonly nodeId: string; readonly key: PreviewRecord; readonly start: number; readonly end: number }
  /** An event on a window's late port, as the late table or the preview shows it. */
  | { readonly kind: 'late'; readonly nodeId: string; readonly record: PreviewRecord };

/** An event as the lineage lists it. */
export interface LineageEvent {
  /** Arrival number at the window node, 1-based over the run. */
  readonly seq: number;
  /** Events read from all sources when it was read. */
  readonly position: number;
  readonly time: number;
  /** The window node's watermark when it arrived. */
  readonly watermark: number;
  readonly fields: PreviewRecord;
  readonly fate: EventFate;
}

export interface WindowLineage {
  readonly kind: 'window';
  readonly nodeId: string;
  readonly windowKind: 'tumbling' | 'hopping' | 'cumulate' | 'session' | 'count';
  readonly latenessMs: number;
  readonly key: PreviewRecord;
  readonly start: number;
  readonly end: number;
  /** Oldest first; empty when it has not fired. */
  readonly revisions: readonly WindowRevision[];
  /** The events it took, oldest first (capped at MAX_LINEAGE_EVENTS; `eventCount` is the whole). */
  readonly events: readonly LineageEvent[];
  readonly eventCount: number;
  /** Events of its key and time span that came too late for it (they did not count). */
  readonly tooLate: readonly LineageEvent[];
}

export interface LateLineage {
  readonly kind: 'late';
  readonly nodeId: string;
  readonly event: LineageEvent;
  /** The windows [start, end) it belonged to. */
  readonly windows: readonly { readonly start: number; readonly end: number }[];
  readonly verdict: string;
}

export type Lineage = WindowLineage | LateLineage | { readonly kind: 'unavailable'; readonly reason: string };

export const MAX_LINEAGE_EVENTS = 500;

/** The worker's lineage method (part of PipelineWorkerApi). */
export interface LineageApi {
  /** Replays the run so far with the window node traced and answers from it; the live run is untouched. */
  lineage(query: LineageQuery): Lineage;
}
