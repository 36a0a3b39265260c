/**
 * Feeds the sinks' buffers (charts, tables, logs) from the results bus so
 * that they show the results as of the run position on screen: while time
 * travel shows the past, only rows emitted by then; back at the head, all.
 * Each sink's rows are kept in a ResultHistory to refill its buffer from
 * when the position moves, and a run that went on from the past drops the
 * rows of its old future.
 */
import type { ResultChunk } from '../../worker/protocol';
import type { TravelFrame } from '../../worker/travel/types';
import type { RunController } from '../run/types';
import { chunkUpTo, ResultHistory } from './resultHistory';

export interface ChunkBuffer {
  ingest(chunk: ResultChunk): void;
  clear(): void;
}

/** Rows a sink's history keeps: as many as a drain carries at most (MAX_CHUNK_ROWS). */
export const HISTORY_ROWS = 50_000;

/** The position the views show, or null for "now" (the head). */
export function shownPosition(travel: TravelFrame | null): number | null {
  return travel !== null && travel.position < travel.head ? travel.position : null;
}

/** Subscribes `buffers` (by sink id) to the results bus and to time travel; returns the unsubscribe. */
export function followResults(controller: Pick<RunController, 'results' | 'store'>, buffers: ReadonlyMap<string, ChunkBuffer>, cap = HISTORY_ROWS): () => void {
  const histories = new Map<string, ResultHistory>();
  const start = controller.store.getState().travel;
  let shown = shownPosition(start);
  let cuts = start?.cuts ?? 0;
  const offs: (() => void)[] = [];
  for (const [id, buffer] of buffers) {
    const history = new ResultHistory(cap);
    histories.set(id, history);
    offs.push(controller.results.subscribe(id, (chunk) => {
      history.add(chunk);
      // Drained while the past is on screen: rows of later positions wait in the history.
      const part = shown === null ? chunk : chunkUpTo(chunk, shown);
      if (part.length > 0 || part.skipped > 0) buffer.ingest(part);
    }));
  }
  offs.push(controller.results.onReset(() => {
    for (const h of histories.values()) h.clear();
  }));
  offs.push(controller.store.subscribe((state) => {
    const travel = state.travel;
    const next = shownPosition(travel);
    const cut = travel !== null && travel.cuts > cuts;
    if (travel !== null && cut) for (const h of histories.values()) h.dropFuture(travel.droppedAfter, travel.cuts);
    cuts = travel?.cuts ?? 0;
    if (next === shown && !cut) return;
    shown = next;
    for (const [id, buffer] of buffers) {
      buffer.clear();
      for (const chunk of histories.get(id)!.upTo(shown)) buffer.ingest(chunk);
    }
  }));
  return () => offs.forEach((off) => off());
}
