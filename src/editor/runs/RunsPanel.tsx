import { useId, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { Dialog } from '../documents/Dialog';
import { RunDetail } from './RunDetail';
import { RunStateLabel } from './RunStateLabel';
import type { RunHistory, RunHistoryState } from './runHistory';
import { countText, durationText, STATE_NAMES, whenText } from './runsText';
import { FINAL_STATES, MAX_RUNS, RESULT_ROWS_PER_SINK, type RunFinalState, type RunSummary } from './types';

const runsOf = (s: RunHistoryState) => s.runs;
const notesOf = (s: RunHistoryState) => s.notes;
const loadedOf = (s: RunHistoryState) => s.loaded;

/** The pipelines the history has runs of, by document id, with the newest name each ran under. */
function pipelinesOf(runs: readonly RunSummary[]): [string, string][] {
  const names = new Map<string, string>();
  for (const run of runs) if (!names.has(run.documentId)) names.set(run.documentId, run.documentName);
  return [...names].sort((a, b) => a[1].localeCompare(b[1]));
}

function RunRows({ runs, onOpen }: { runs: readonly RunSummary[]; onOpen: (id: string) => void }) {
  const now = Date.now();
  return (
    <table className="wp-runs-table" aria-label="Runs, newest first" data-testid="runs-table">
      <thead>
        <tr><th scope="col">Started</th><th scope="col">Pipeline</th><th scope="col">State</th><th scope="col" className="is-numeric">Duration</th><th scope="col" className="is-numeric">Events in</th><th scope="col" className="is-numeric">Results</th><th scope="col"><span className="visually-hidden">Open</span></th></tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id} data-testid="run-row" data-run={run.id} data-state={run.state}>
            <td>{whenText(run.startedAt)}</td>
            <td title={`Version ${run.pipelineVersion}`}>{run.documentName}</td>
            <td><RunStateLabel state={run.state} title={run.reason} /></td>
            <td className="is-numeric">{durationText(run, now)}</td>
            <td className="is-numeric">{countText(run.eventsIn)}</td>
            <td className="is-numeric">{countText(run.results)}</td>
            <td><button type="button" className="wp-small-button" aria-label={`Open the run of ${run.documentName} started ${whenText(run.startedAt)}`} onClick={() => onOpen(run.id)}>Open</button></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The Runs panel: every recorded run, newest first, with its state, filtered
 * by pipeline and by state; Open shows a past run's figures per node and its
 * results.
 */
export function RunsPanel({ history, onClose }: { history: RunHistory; onClose: () => void }) {
  const runs = useStore(history.state, runsOf);
  const notes = useStore(history.state, notesOf);
  const loaded = useStore(history.state, loadedOf);
  const [pipeline, setPipeline] = useState('');
  const [state, setState] = useState<RunFinalState | ''>('');
  const [openId, setOpenId] = useState<string | null>(null);
  const pipelines = useMemo(() => pipelinesOf(runs), [runs]);
  const shown = runs.filter((r) => (pipeline === '' || r.documentId === pipeline) && (state === '' || r.state === state));
  const pipelineId = useId();
  const stateId = useId();
  const opened = openId === null ? undefined : runs.find((r) => r.id === openId);
  return (
    <Dialog
      title={opened === undefined ? 'Runs' : `Run of ${opened.documentName}`}
      onClose={onClose}
      className="wp-runs-dialog"
      description={`The newest ${MAX_RUNS} runs in this browser; each keeps the newest ${RESULT_ROWS_PER_SINK} results per sink.`}
    >
      {opened !== undefined ? (
        <RunDetail run={opened} history={history} onBack={() => setOpenId(null)} />
      ) : (
        <>
          <div className="wp-runs-filters">
            <label htmlFor={pipelineId}>Pipeline</label>
            <select id={pipelineId} value={pipeline} onChange={(e) => setPipeline(e.target.value)}>
              <option value="">All pipelines</option>
              {pipelines.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
            </select>
            <label htmlFor={stateId}>State</label>
            <select id={stateId} value={state} onChange={(e) => setState(e.target.value as RunFinalState | '')}>
              <option value="">All states</option>
              {FINAL_STATES.map((s) => <option key={s} value={s}>{STATE_NAMES[s]}</option>)}
            </select>
            <span className="wp-runs-count" role="status">{loaded ? `${shown.length} of ${runs.length} runs` : 'Reading the history…'}</span>
          </div>
          {shown.length > 0 ? <RunRows runs={shown} onOpen={setOpenId} /> : <p className="wp-hint">{runs.length === 0 ? 'No runs yet: press Run, and each run is recorded here.' : 'No run matches these filters.'}</p>}
          {notes.length > 0 && (
            <details className="wp-runs-notes" data-testid="runs-notes">
              <summary>{notes.length === 1 ? '1 note' : `${notes.length} notes`} about the history</summary>
              <ul>{notes.map((n, i) => <li key={i}>{n}</li>)}</ul>
            </details>
          )}
        </>
      )}
      <div className="wp-docs-dialog-actions">
        <button type="button" className="wp-small-button" onClick={onClose}>Close</button>
      </div>
    </Dialog>
  );
}
