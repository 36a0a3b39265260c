/**
 * The history of runs: reads it (skipping records that do not fit, with a
 * note), marks runs whose page died as Crashed, keeps the newest MAX_RUNS,
 * and writes records in order. Its store is what the Runs panel lists.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RunLiveness } from './liveness';
import { readResults, readSummary } from './runRecordSchema';
import { resultsKey, summaryKey, type RunsStorage } from './runsStorage';
import { MAX_RUNS, type RunResults, type RunSummary } from './types';

export interface RunHistoryState {
  readonly loaded: boolean;
  /** Newest first. */
  readonly runs: readonly RunSummary[];
  /** Records skipped because they could not be read, and writes that failed. */
  readonly notes: readonly string[];
}

export interface RunHistory {
  readonly state: StoreApi<RunHistoryState>;
  /** Reads the database; runs left running by a page that died become Crashed. Never rejects. */
  load(): Promise<void>;
  /** Writes a run's record (and its results, when given), after every write asked for before. Never rejects. */
  save(summary: RunSummary, results: RunResults | null): Promise<void>;
  /** A run's results, or why they cannot be shown. */
  results(id: string): Promise<{ ok: true; results: RunResults } | { ok: false; why: string }>;
  readonly liveness: RunLiveness;
}

const MAX_NOTES = 50;
const newestFirst = (a: RunSummary, b: RunSummary): number => b.startedAt - a.startedAt || (a.id < b.id ? 1 : -1);
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Creates the history over `storage`; call load() once. `maxRuns` overrides MAX_RUNS (tests). */
export function createRunHistory(storage: RunsStorage, liveness: RunLiveness, maxRuns = MAX_RUNS): RunHistory {
  const state = createStore<RunHistoryState>()(() => ({ loaded: false, runs: [], notes: [] }));
  let chain: Promise<void> = Promise.resolve();
  const note = (text: string): void => state.setState((s) => ({ notes: [...s.notes, text].slice(-MAX_NOTES) }));

  /** Runs one storage task after the ones before; a failure becomes a note. */
  const inTurn = (task: () => Promise<void>): Promise<void> => {
    chain = chain.then(task).catch((error: unknown) => note(`The history of runs could not be written: ${message(error)}`));
    return chain;
  };

  /** Deletes the runs past the newest maxRuns from storage and from the list. */
  const prune = async (): Promise<void> => {
    const runs = state.getState().runs;
    if (runs.length <= maxRuns) return;
    const old = runs.slice(maxRuns);
    state.setState({ runs: runs.slice(0, maxRuns) });
    await storage.write([], old.flatMap((r) => [summaryKey(r.id), resultsKey(r.id)]));
  };

  const put = (summary: RunSummary): void => {
    const others = state.getState().runs.filter((r) => r.id !== summary.id);
    state.setState({ runs: [...others, summary].sort(newestFirst) });
  };

  return {
    state,
    liveness,
    load: () => inTurn(async () => {
      const [entries, alive] = await Promise.all([storage.summaries(), liveness.held()]);
      const runs: RunSummary[] = [];
      const crashed: RunSummary[] = [];
      for (const [key, value] of entries) {
        const read = readSummary(value);
        if (!read.ok) {
          note(`Skipped the stored run ${JSON.stringify(key.slice(0, 80))}: ${read.why}.`);
          continue;
        }
        let summary = read.summary;
        if (summary.state === 'running' && !alive.has(summary.id)) {
          summary = { ...summary, state: 'crashed', endedAt: summary.updatedAt, reason: 'the page or its worker stopped before the run ended' };
          crashed.push(summary);
        }
        runs.push(summary);
      }
      // Runs recorded since this page started (written before the read finished) stay.
      const known = new Set(runs.map((r) => r.id));
      const recent = state.getState().runs.filter((r) => !known.has(r.id));
      state.setState({ loaded: true, runs: [...runs, ...recent].sort(newestFirst) });
      if (crashed.length > 0) await storage.write(crashed.map((s) => [summaryKey(s.id), s] as const));
      await prune();
    }),
    save(summary, results) {
      put(summary);
      return inTurn(async () => {
        const entries: [string, unknown][] = [[summaryKey(summary.id), summary]];
        if (results !== null) entries.push([resultsKey(summary.id), results]);
        await storage.write(entries);
        if (summary.state !== 'running') await prune();
      });
    },
    async results(id) {
      try {
        const value = await storage.get(resultsKey(id));
        if (value === undefined) return { ok: false, why: 'no results were recorded for this run' };
        return readResults(value);
      } catch (error) {
        return { ok: false, why: message(error) };
      }
    },
  };
}
