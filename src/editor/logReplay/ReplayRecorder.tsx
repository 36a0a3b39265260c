/**
 * Keeps the results each table showed before its last reset: editing the
 * graph during a run starts the run again, so by the time the user asks to
 * "Replay from...", the table already shows the new graph's results. The old
 * ones are what a replay compares with. A table's answers are read at most
 * every REREAD_MS while it changes, and the last reading before it was
 * cleared becomes the previous run's. Only a pipeline with a WebSocket
 * source in log mode can replay, so only then are tables read at all: reading
 * a 10,000-row table into text every 300 ms cost the page tasks of 80 ms at
 * Max speed (the browser file bench's longest).
 */
import { useEffect } from 'react';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { useSinkViews, useSinkBuffers } from '../results/SinkBuffers';
import { heldTable, type HeldTable } from './replayTable';

const REREAD_MS = 300;

const previous = new Map<string, HeldTable>();
const latest = new Map<string, HeldTable>();

/** The results table `sinkId` held before its last reset, or what it holds now when it was never reset. */
export function resultsBeforeLastRun(sinkId: string): HeldTable | undefined {
  return previous.get(sinkId) ?? latest.get(sinkId);
}

/** Whether the document has a source that can replay (a WebSocket source in log mode). */
const canReplay = (state: EditorState): boolean =>
  state.doc.nodes.some((node) => node.kind === 'source.websocket' && Object.hasOwn(node.params, 'log') && node.params['log'] !== undefined);

export function ReplayRecorder() {
  const views = useSinkViews();
  const buffers = useSinkBuffers();
  const replayable = useEditor(canReplay);
  useEffect(() => {
    const offs: (() => void)[] = [];
    if (!replayable) return undefined;
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
  }, [views, buffers, replayable]);
  return null;
}
