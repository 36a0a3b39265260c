/**
 * Keeps the results each table showed before its last reset: editing the
 * graph during a run starts the run again, so by the time the user asks to
 * "Replay from...", the table already shows the new graph's results. The old
 * ones are what a replay compares with. A table's answers are read at most
 * every REREAD_MS while it changes, and the last reading before it was
 * cleared becomes the previous run's.
 */
import { useEffect } from 'react';
import { useSinkViews, useSinkBuffers } from '../results/SinkBuffers';
import { heldTable, type HeldTable } from './replayTable';

const REREAD_MS = 300;

const previous = new Map<string, HeldTable>();
const latest = new Map<string, HeldTable>();

/** The results table `sinkId` held before its last reset, or what it holds now when it was never reset. */
export function resultsBeforeLastRun(sinkId: string): HeldTable | undefined {
  return previous.get(sinkId) ?? latest.get(sinkId);
}

export function ReplayRecorder() {
  const views = useSinkViews();
  const buffers = useSinkBuffers();
  useEffect(() => {
    const offs: (() => void)[] = [];
    for (const view of views) {
      const sink = buffers.get(view.id);
      if (sink?.kind !== 'table') continue;
      const buffer = sink.buffer;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const read = (): void => {
        timer = null;
        if (buffer.size > 0) latest.set(view.id, heldTable(buffer));
      };
      offs.push(buffer.subscribe(() => {
        if (buffer.size === 0) {
          // Cleared: a new run. What it held last is the previous run's.
          if (timer !== null) clearTimeout(timer);
          timer = null;
          const last = latest.get(view.id);
          if (last !== undefined) previous.set(view.id, last);
          latest.delete(view.id);
          return;
        }
        timer ??= setTimeout(read, REREAD_MS);
      }));
      offs.push(() => { if (timer !== null) clearTimeout(timer); });
    }
    return () => { for (const off of offs) off(); };
  }, [views, buffers]);
  return null;
}
