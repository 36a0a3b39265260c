/**
 * The results bus: chunks of each sink go straight to the views that
 * subscribed to it (charts, tables, logs), never through React state. A new
 * run first tells every view to clear its buffers, once it moves: Stop
 * reloads the worker (a new run id, idle) and the last run's results stay in
 * view until the next Run or Step.
 */
import type { ResultChunk, RunPhase } from '../../worker/protocol';
import type { ResultListener, ResultsBus } from './types';

export interface ResultsPublisher extends ResultsBus {
  /** Delivers one frame's chunks of run `runId`, resetting the views first when the run is new and has started. */
  publish(runId: number, phase: RunPhase, chunks: readonly ResultChunk[]): void;
  /** Tells every view to clear now (another pipeline was opened: nothing shown is its). */
  clear(): void;
}

/** One view that throws must not stop the others, nor the drain loop. */
function safely(call: () => void): void {
  try {
    call();
  } catch (error) {
    console.error('A results view failed on a chunk:', error);
  }
}

/** Creates an empty bus at run id 0. */
export function createResultsBus(): ResultsPublisher {
  const listeners = new Map<string, Set<ResultListener>>();
  const resets = new Set<(runId: number) => void>();
  let current = 0;
  return {
    subscribe(sinkId, listener) {
      let set = listeners.get(sinkId);
      if (set === undefined) listeners.set(sinkId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(sinkId) === set) listeners.delete(sinkId);
      };
    },
    onReset(listener) {
      resets.add(listener);
      return () => resets.delete(listener);
    },
    clear() {
      for (const reset of [...resets]) safely(() => reset(current));
    },
    publish(runId, phase, chunks) {
      // An idle run that has delivered nothing is a stopped one waiting: the views keep what they show.
      if (runId !== current && (phase !== 'idle' || chunks.length > 0)) {
        current = runId;
        for (const reset of [...resets]) safely(() => reset(runId));
      }
      for (const chunk of chunks) {
        for (const listener of [...(listeners.get(chunk.sinkId) ?? [])]) safely(() => listener(chunk));
      }
    },
  };
}
