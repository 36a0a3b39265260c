/**
 * Breakpoints across the worker boundary: what the page arms ("run until
 * ..."), and what the worker reports when one is hit. Plain data.
 */
import type { OutPort } from '../../engine/operators/types';
import type { PreviewRecord } from '../previewRecord';

/** What a breakpoint waits for. Node ids are the document's; a fused aggregate stands for its window. */
export type BreakpointSpec =
  /** A window of this node gives its first result. */
  | { readonly kind: 'fire'; readonly nodeId: string }
  /** A window of this node fires again (a revision). */
  | { readonly kind: 'revision'; readonly nodeId: string }
  /** This window node sends an event to its `late` port. */
  | { readonly kind: 'late'; readonly nodeId: string }
  /** This node's watermark reaches `time` (epoch ms). */
  | { readonly kind: 'watermark'; readonly nodeId: string; readonly time: number }
  /** The sources have produced `n` events in all (the run position). */
  | { readonly kind: 'event'; readonly n: number }
  /** A record on this edge satisfies `expression` (our expression language, against the edge's fields). */
  | { readonly kind: 'condition'; readonly edgeId: string; readonly expression: string };

export interface Breakpoint {
  readonly id: string;
  readonly spec: BreakpointSpec;
}

/** A breakpoint the worker could not arm (a node or edge that is not in the run, a condition that does not compile). */
export interface BreakpointProblem {
  readonly id: string;
  readonly message: string;
}

/** Where a run stopped. */
export interface BreakpointHit {
  /** Counts hits within a run, so the page handles each once. */
  readonly serial: number;
  readonly runId: number;
  readonly breakpointId: string;
  /** The node whose output hit it (the edge's source for a condition), to select and preview. */
  readonly nodeId: string;
  readonly port: OutPort;
  /** The record that hit it, as the node's preview shows it; null for a watermark. */
  readonly record: PreviewRecord | null;
  /** Events read from all sources when it stopped (the time-travel scrubber's unit). */
  readonly position: number;
  /** Rows that had reached `nodeId` when it stopped: the hit event's arrival number at a window node. */
  readonly seq: number;
  /** What happened, as a sentence. */
  readonly what: string;
}

/** The worker's breakpoint methods (part of PipelineWorkerApi). */
export interface BreakpointApi {
  /** Replaces the armed breakpoints (they stay armed across loads); returns those that could not be armed. */
  setBreakpoints(list: readonly Breakpoint[]): readonly BreakpointProblem[];
  /** The last hit of the current run, if any. */
  breakpointHit(): BreakpointHit | null;
}
