/**
 * What-if across the worker boundary: the page asks the worker to run its
 * document twice, as it is and with one parameter changed, and gets the
 * differences (src/engine/compare) back as plain data.
 */
import type { Comparison, ParamChange } from '../../engine/compare/types';
import type { PipelineDocument } from '../../model';
import type { TimelineEventDetail, TimelineFrame, TimelineQuery, TimelineWindowDetail } from '../timelineTypes';

export interface WhatIfRequest {
  readonly doc: PipelineDocument;
  readonly change: ParamChange;
  /** Caps every source at this many events (an unbounded sample stream needs one). */
  readonly limit?: number;
  /** Every window of both runs (to draw them side by side), not only those that differ. */
  readonly listAll: boolean;
  /**
   * The window node (or its aggregate) whose timeline both runs record; absent,
   * the changed node when it is one, else the first window node of the plan.
   */
  readonly timelineNode?: string;
}

export type WhatIfAnswer =
  | { readonly ok: true; readonly comparison: Comparison }
  | { readonly ok: false; readonly message: string };

/** How far the comparison under way is. */
export interface WhatIfProgress {
  readonly eventsA: number;
  readonly eventsB: number;
}

/** The worker's what-if methods (part of PipelineWorkerApi). */
export interface WhatIfApi {
  /**
   * Runs both in slices between the worker's other work (a run keeps running,
   * Stop and drains keep being answered) and answers when both inputs have
   * ended. A newer request, or cancelWhatIf, ends one under way: it answers
   * that it was replaced.
   */
  compareWhatIf(request: WhatIfRequest): Promise<WhatIfAnswer>;
  /** The comparison under way, or null. */
  whatIfProgress(): WhatIfProgress | null;
  cancelWhatIf(): void;
  /**
   * A frame of run A's or B's timeline of the latest comparison (growing while
   * it runs, kept after it ends until the next one or cancelWhatIf); null when
   * none recorded `query.nodeId`.
   */
  whatIfTimeline(run: 'a' | 'b', query: TimelineQuery): TimelineFrame | null;
  whatIfTimelineEvent(run: 'a' | 'b', nodeId: string, seq: number): TimelineEventDetail | null;
  whatIfTimelineWindow(run: 'a' | 'b', nodeId: string, windowId: number): TimelineWindowDetail | null;
}
