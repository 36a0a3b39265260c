import { useEffect, useMemo, useState } from 'react';
import { LiveTable } from '../../charts/LiveTable';
import { TableBuffer } from '../../charts/tableBuffer';
import { nodeStateText } from './nodeStates';
import { RunStateLabel } from './RunStateLabel';
import type { RunHistory } from './runHistory';
import { countText, durationText, whenText } from './runsText';
import { chunkOf } from './sinkCapture';
import type { RecordedResults, RunResults, RunSummary } from './types';

type Loaded = { readonly ok: true; readonly results: RunResults } | { readonly ok: false; readonly why: string } | null;

function NodeTable({ run }: { run: RunSummary }) {
  return (
    <table className="wp-runs-table" aria-label="Nodes of the run" data-testid="run-nodes">
      <thead>
        <tr><th scope="col">Node</th><th scope="col">Kind</th><th scope="col" title="When the record was last written">State</th><th scope="col" className="is-numeric">Events in</th><th scope="col" className="is-numeric">Events out</th><th scope="col" className="is-numeric">Late</th><th scope="col" className="is-numeric">Dead letters</th></tr>
      </thead>
      <tbody>
        {run.nodes.map((n) => (
          <tr key={n.id} data-node={n.id} data-state={n.state.state}>
            <th scope="row">{n.name}</th>
            <td>{n.kind}</td>
            <td className={`wp-run-node-state is-${n.state.state}`}>{nodeStateText(n.state, run.updatedAt)}</td>
            <td className="is-numeric">{countText(n.rowsIn)}</td>
            <td className="is-numeric">{countText(n.rowsOut)}</td>
            <td className="is-numeric">{countText(n.lateEvents)}</td>
            <td className="is-numeric">{countText(n.deadLetters)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One sink's recorded rows in the results table the dock uses. */
function SinkResults({ sink, run }: { sink: RecordedResults; run: RunSummary }) {
  const buffer = useMemo(() => {
    const table = new TableBuffer(Math.max(1, sink.cap), []);
    table.ingest(chunkOf(sink));
    return table;
  }, [sink]);
  const kept = sink.received > sink.time.length ? ` (the newest ${countText(sink.time.length)} kept)` : '';
  return (
    <section className="wp-run-sink" data-testid="run-sink" data-sink={sink.sinkId} aria-label={`Results of ${sink.name}`}>
      <h4>{sink.name}: {countText(sink.received)} {sink.received === 1 ? 'result' : 'results'}{kept}</h4>
      {sink.time.length > 0 && (
        <div className="wp-run-sink-table">
          <LiveTable buffer={buffer} label={`${sink.name} results of the run`} fileName={`${run.documentName}-${sink.name}-run`} />
        </div>
      )}
    </section>
  );
}

/** A past run: what it was, how it ended, its figures per node, its errors and its results. */
export function RunDetail({ run, history, onBack }: { run: RunSummary; history: RunHistory; onBack: () => void }) {
  const [loaded, setLoaded] = useState<Loaded>(null);
  useEffect(() => {
    let current = true;
    setLoaded(null);
    void history.results(run.id).then((answer) => {
      if (current) setLoaded(answer);
    });
    return () => {
      current = false;
    };
    // A running run's record is rewritten every few seconds: its results are read again then.
  }, [history, run.id, run.updatedAt]);
  return (
    <div className="wp-run-detail" data-testid="run-detail" data-run={run.id} data-state={run.state}>
      <button type="button" className="wp-small-button" onClick={onBack}>← All runs</button>
      <dl className="wp-run-facts">
        <div><dt>State</dt><dd><RunStateLabel state={run.state} />{run.reason !== '' && <span className="wp-run-reason" data-testid="run-reason"> {run.reason}</span>}</dd></div>
        <div><dt>Started</dt><dd>{whenText(run.startedAt)}</dd></div>
        <div><dt>Ended</dt><dd>{run.endedAt === null ? 'still running' : `${whenText(run.endedAt)} (${durationText(run, run.updatedAt)})`}</dd></div>
        <div><dt>Pipeline version</dt><dd><code>{run.pipelineVersion}</code></dd></div>
        <div><dt>Totals</dt><dd>{countText(run.eventsIn)} events in · {countText(run.results)} results · {countText(run.lateEvents)} late · {countText(run.deadLetters)} dead letters</dd></div>
      </dl>
      <h3>Nodes</h3>
      <NodeTable run={run} />
      {run.errors.length > 0 && (
        <>
          <h3>Errors</h3>
          <ul className="wp-run-errors" data-testid="run-errors">
            {run.errors.map((e, i) => <li key={i}>{e.nodeId === null ? '' : <strong>{run.nodes.find((n) => n.id === e.nodeId)?.name ?? e.nodeId}: </strong>}{e.message}</li>)}
          </ul>
        </>
      )}
      <h3>Results</h3>
      {loaded === null ? (
        <p role="status">Reading the results…</p>
      ) : !loaded.ok ? (
        <p role="alert">The results cannot be shown: {loaded.why}.</p>
      ) : loaded.results.sinks.length === 0 ? (
        <p className="wp-hint">No rows reached a sink.</p>
      ) : (
        loaded.results.sinks.map((sink) => <SinkResults key={sink.sinkId} sink={sink} run={run} />)
      )}
    </div>
  );
}
