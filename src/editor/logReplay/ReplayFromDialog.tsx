import { useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
import { formatLogStart, parseLogStart } from '../../model';
import { WINDOW_END_FIELD, WINDOW_START_FIELD } from '../../charts/cells';
import type { TableBuffer } from '../../charts/tableBuffer';
import { Dialog } from '../documents/Dialog';
import { useRunController } from '../run/RunProvider';
import { useSinkBuffer, useSinkViews } from '../results/SinkBuffers';
import { useEditorStore } from '../store/context';
import { resultsBeforeLastRun } from './ReplayRecorder';
import { heldTable, markRows, type HeldTable, type Side } from './replayTable';

type StartChoice = 'earliest' | 'offsets' | 'time';

/** The START text the form means, or why it is not one. */
function startOf(choice: StartChoice, offsets: string, time: string): string | { error: string } {
  if (choice === 'earliest') return 'earliest';
  if (choice === 'offsets') {
    const parsed = parseLogStart(`offsets:${offsets.replace(/\s+/g, '')}`);
    return 'error' in parsed ? { error: 'offsets: write partition=offset pairs, like 0=120,1=95' } : formatLogStart(parsed);
  }
  const at = Date.parse(time);
  return Number.isNaN(at) ? { error: 'event time: write a date and time, like 2023-11-14T22:13:20Z' } : `time:${at}`;
}

function ResultsSide({ title, table, marks }: { readonly title: string; readonly table: HeldTable; readonly marks: readonly Side[] }) {
  return (
    <section className="wp-replay-side" aria-label={title}>
      <h3>{title} <span className="muted">({table.rows.length} {table.rows.length === 1 ? 'result' : 'results'})</span></h3>
      <table className="wp-replay-table">
        <thead><tr>{table.columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} data-side={marks[r]} className={`wp-replay-${marks[r] ?? 'same'}`}>
              {row.map((cell, i) => <td key={i}>{cell}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The new results as they come: the table buffer re-read whenever it changes. */
function useHeld(buffer: TableBuffer | undefined): HeldTable {
  const version = useSyncExternalStore((on) => buffer?.subscribe(on) ?? (() => undefined), () => buffer?.version ?? 0);
  const [held, setHeld] = useState<HeldTable>({ columns: [], rows: [] });
  useEffect(() => {
    setHeld(buffer === undefined ? { columns: [], rows: [] } : heldTable(buffer));
  }, [buffer, version]);
  return held;
}

/**
 * "Replay from...": keeps the results the table shows now (the old run), sets
 * the log source's start, and runs the pipeline again over the log's history
 * (Kappa: reprocessing is a replay); the old and new results side by side.
 */
export function ReplayFromDialog({ nodeId, onClose }: { readonly nodeId: string; readonly onClose: () => void }) {
  const editor = useEditorStore();
  const controller = useRunController();
  const tables = useSinkViews().filter((v) => v.kind === 'table');
  const [sinkId, setSinkId] = useState(tables[0]?.id ?? '');
  const sink = useSinkBuffer(sinkId);
  const buffer = sink?.kind === 'table' ? sink.buffer : undefined;
  const [choice, setChoice] = useState<StartChoice>('earliest');
  const [offsets, setOffsets] = useState('0=0');
  const [time, setTime] = useState('');
  const [before, setBefore] = useState<HeldTable | null>(null);
  const [error, setError] = useState<string | null>(null);
  const after = useHeld(buffer);
  const [opened] = useState(() => resultsBeforeLastRun(sinkId) ?? null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const start = startOf(choice, offsets, time);
    if (typeof start !== 'string') {
      setError(start.error);
      return;
    }
    setError(null);
    // The results before the graph changed (an edit restarts the run), else those shown now.
    setBefore(opened ?? (buffer === undefined ? { columns: [], rows: [] } : heldTable(buffer)));
    const node = editor.getState().doc.nodes.find((n) => n.id === nodeId);
    const log = node?.params['log'];
    editor.getState().setParams(nodeId, { ...node?.params, log: { ...(typeof log === 'object' && log !== null ? log : {}), from: start } });
    // A new run over the log from that start: Stop ends the old one, Run reads from the new `from`.
    controller.stop();
    controller.run();
  };

  const identity = [WINDOW_START_FIELD, WINDOW_END_FIELD, ...(buffer?.keyFields ?? [])];
  return (
    <Dialog title="Replay from…" onClose={onClose} className="wp-replay-dialog"
      description={<>Runs the pipeline as it is now over the log&apos;s history from the start you choose, and shows the results before the replay beside the new ones. Use it after changing the graph: reprocessing is a replay of the log.</>}>
      <form className="wp-replay-form" onSubmit={submit}>
        <fieldset>
          <legend>Start</legend>
          <label><input type="radio" name="wp-replay-start" checked={choice === 'earliest'} onChange={() => setChoice('earliest')} /> Earliest</label>
          <label><input type="radio" name="wp-replay-start" checked={choice === 'offsets'} onChange={() => setChoice('offsets')} /> Offsets</label>
          <input aria-label="Offsets per partition" type="text" value={offsets} disabled={choice !== 'offsets'} onChange={(e) => setOffsets(e.target.value)} spellCheck={false} />
          <label><input type="radio" name="wp-replay-start" checked={choice === 'time'} onChange={() => setChoice('time')} /> Event time</label>
          <input aria-label="Event time to start from" type="text" value={time} placeholder="2023-11-14T22:13:20Z" disabled={choice !== 'time'} onChange={(e) => setTime(e.target.value)} spellCheck={false} />
        </fieldset>
        {tables.length > 1 && (
          <label>Table <select value={sinkId} onChange={(e) => setSinkId(e.target.value)}>{tables.map((t) => <option key={t.id} value={t.id}>{t.title}</option>)}</select></label>
        )}
        <button type="button" className="wp-docs-button" onClick={onClose}>Close</button>
        <button type="submit" className="wp-docs-button wp-docs-button-primary">Replay</button>
      </form>
      {error !== null && <p role="alert" className="wp-param-error">{error}</p>}
      {tables.length === 0 && <p className="muted">Add a table sink to see the results side by side.</p>}
      {before !== null && (
        <div className="wp-replay-compare">
          <ResultsSide title="Before the replay" table={before} marks={markRows(before, after, identity)} />
          <ResultsSide title="Replayed" table={after} marks={markRows(after, before, identity)} />
        </div>
      )}
    </Dialog>
  );
}
