/**
 * The worker's what-if: a comparison (src/engine/compare) stepped in slices
 * of a few milliseconds through the scheduler's clock, so the worker answers
 * drains, Stop and the run's own slices in between.
 */
import { startComparison, type RunningComparison } from '../../engine/compare/compareRuns';
import type { ReplayEntry } from '../../engine/compare/types';
import type { SchedulerClock } from '../scheduler';
import { createWhatIfTimelines, type WhatIfTimelines } from './whatIfTimelines';
import type { WhatIfAnswer, WhatIfApi, WhatIfRequest } from './whatIfTypes';

/** Work per slice before yielding: short enough that a drain or Stop waits at most this long. */
const SLICE_MS = 12;
/** Rows per source per step inside a slice. */
const STEP_ROWS = 1024;

interface Current {
  readonly comparison: RunningComparison;
  readonly finish: (answer: WhatIfAnswer) => void;
  cancel: () => void;
}

/** The runner's methods; `compareWhatIf` also takes the run's recorded WebSocket input (or why there is none). */
export interface WhatIfRunner extends Omit<WhatIfApi, 'compareWhatIf'> {
  compareWhatIf(request: WhatIfRequest, replay?: readonly ReplayEntry[] | string): Promise<WhatIfAnswer>;
}

export function createWhatIfRunner(clock: SchedulerClock): WhatIfRunner {
  let current: Current | null = null;
  // Both runs' timelines of the latest comparison: kept after it ends, for the dialog to draw and hover.
  let timelines: WhatIfTimelines | null = null;

  const end = (answer: WhatIfAnswer): void => {
    const was = current;
    current = null;
    was?.cancel();
    was?.finish(answer);
  };

  function slice(mine: Current): void {
    if (current !== mine) return;
    const until = clock.now() + SLICE_MS;
    let more = true;
    try {
      do more = mine.comparison.step(STEP_ROWS);
      while (more && clock.now() < until);
    } catch (error) {
      end({ ok: false, message: `the comparison stopped on an error: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    if (more) mine.cancel = clock.later(() => slice(mine), 0);
    else end({ ok: true, comparison: mine.comparison.result() });
  }

  return {
    compareWhatIf(request: WhatIfRequest, replay?: readonly ReplayEntry[] | string): Promise<WhatIfAnswer> {
      if (current !== null) end({ ok: false, message: 'replaced by a newer comparison' });
      timelines = null;
      if (typeof replay === 'string') return Promise.resolve({ ok: false, message: replay });
      let started;
      const followed = createWhatIfTimelines(request.timelineNode ?? request.change.nodeId, clock.now);
      try {
        started = startComparison(request.doc, request.change, {
          ...(request.limit === undefined ? {} : { limit: request.limit }),
          listAll: request.listAll,
          observe: followed.observe,
          ...(replay === undefined ? {} : { replay }),
        });
      } catch (error) {
        return Promise.resolve({ ok: false, message: error instanceof Error ? error.message : String(error) });
      }
      if (!started.ok) return Promise.resolve({ ok: false, message: started.message });
      timelines = followed;
      return new Promise<WhatIfAnswer>((resolve) => {
        const mine: Current = { comparison: started.comparison, finish: resolve, cancel: () => undefined };
        current = mine;
        mine.cancel = clock.later(() => slice(mine), 0);
      });
    },
    whatIfProgress: () => current?.comparison.progress() ?? null,
    cancelWhatIf() {
      timelines = null;
      if (current !== null) end({ ok: false, message: 'cancelled' });
    },
    whatIfTimeline: (run, query) => timelines?.run(run)?.frame(query) ?? null,
    whatIfTimelineEvent: (run, nodeId, seq) => timelines?.run(run)?.event(nodeId, seq) ?? null,
    whatIfTimelineWindow: (run, nodeId, windowId) => timelines?.run(run)?.window(nodeId, windowId) ?? null,
  };
}
