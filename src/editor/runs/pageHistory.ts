/**
 * The page's one history of runs and its recorder: IndexedDB when the
 * browser has it, else memory (the Runs panel then says runs last as long as
 * the page). Started once from src/main.tsx, beside the run controller.
 */
import type { RunController } from '../run/types';
import type { EditorStore } from '../store/documentStore';
import { webLocksLiveness } from './liveness';
import { createRunHistory, type RunHistory } from './runHistory';
import { startRunRecorder } from './runRecorder';
import { indexedDbRunsStorage, memoryRunsStorage, type RunsStorage } from './runsStorage';

let history: RunHistory | null = null;

/** The page's history (created, and its load started, on first use). */
export function pageRunHistory(): RunHistory {
  if (history !== null) return history;
  let storage: RunsStorage;
  let unavailable: string | null = null;
  try {
    storage = indexedDbRunsStorage();
  } catch (error) {
    storage = memoryRunsStorage();
    unavailable = `IndexedDB is not available (${error instanceof Error ? error.message : String(error)}): runs are kept only while this page is open.`;
  }
  const created = createRunHistory(storage, webLocksLiveness());
  if (unavailable !== null) created.state.setState({ notes: [unavailable] });
  void created.load();
  history = created;
  return created;
}

/** Records every run of `run` in the page's history from now on. */
export function recordRuns(run: RunController, editor: EditorStore, pipeline: { getState(): { readonly openId: string } }): () => void {
  return startRunRecorder({ run, editor, pipeline, history: pageRunHistory() });
}
