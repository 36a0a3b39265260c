import { useEffect } from 'react';
import { formatDateTime, formatWatermark } from '../../charts/format';
import type { EventFate, WindowRevision } from '../../worker/timelineTypes';
import type { LateLineage, LineageEvent, WindowLineage } from '../../worker/lineage/types';
import { Dialog } from '../documents/Dialog';
import { useRunControllerOrNull } from '../run/RunProvider';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { fieldsText } from './fieldsText';
import { closeLineage, lineageStore, useLineage, type LineageState } from './store';
import './lineage.css';

const queryOf = (s: LineageState) => s.query;
const answerOf = (s: LineageState) => s.answer;
const docOf = (s: EditorState) => s.doc;

const FATE_TEXT: Record<EventFate, string> = { onTime: 'on time', revision: 'late, within allowed lateness', late: 'too late' };
const WINDOW_FIELDS: ReadonlySet<string> = new Set(['window_start', 'window_end', 'revision']);
const NO_FIELDS: ReadonlySet<string> = new Set();

function EventRows({ events }: { events: readonly LineageEvent[] }) {
  return (
    <table className="wp-lineage-table" aria-label="Events" data-testid="lineage-events" data-rows={events.length}>
      <thead><tr><th scope="col">Event #</th><th scope="col">Event time</th><th scope="col">Fields</th><th scope="col">Watermark on arrival</th><th scope="col">Fate</th></tr></thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.seq} data-fate={e.fate} data-seq={e.seq}>
            <td className="is-numeric">{e.seq.toLocaleString('en-US')}</td>
            <td className="is-numeric" data-time={e.time}>{formatDateTime(e.time)}</td>
            <td data-fields={JSON.stringify(e.fields)}>{fieldsText(e.fields, NO_FIELDS)}</td>
            <td className="is-numeric">{formatWatermark(e.watermark)}</td>
            <td>{FATE_TEXT[e.fate]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Revisions({ revisions }: { revisions: readonly WindowRevision[] }) {
  if (revisions.length === 0) return <p className="wp-hint">It has not fired yet: the watermark has not reached its end.</p>;
  return (
    <table className="wp-lineage-table" aria-label="Revisions" data-testid="lineage-revisions" data-rows={revisions.length}>
      <thead><tr><th scope="col">Revision</th><th scope="col">Fired after event #</th><th scope="col">Watermark then</th><th scope="col">Events</th><th scope="col">Result</th></tr></thead>
      <tbody>
        {revisions.map((r) => (
          <tr key={r.revision}>
            <td className="is-numeric">{r.revision}</td>
            <td className="is-numeric">{r.seq.toLocaleString('en-US')}</td>
            <td className="is-numeric">{formatWatermark(r.watermark)}</td>
            <td className="is-numeric" title={`Events # ${r.eventSeqs.join(', ')}`}>{r.eventCount}</td>
            <td>{fieldsText(r.result, WINDOW_FIELDS)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WindowView({ lineage, name }: { lineage: WindowLineage; name: string }) {
  const lateness = lineage.latenessMs > 0 ? `, with ${lineage.latenessMs / 1000} s of allowed lateness` : '';
  return (
    <div className="wp-lineage" data-testid="lineage" data-kind="window" data-events={lineage.eventCount}>
      <p>
        The {lineage.windowKind} window <strong>[{formatDateTime(lineage.start)}, {formatDateTime(lineage.end)})</strong> of {name}{lateness}.
        It fires when the watermark reaches its end − 1 ms; each event that arrives later, while its state is kept, fires it again.
      </p>
      <h3>Each result</h3>
      <Revisions revisions={lineage.revisions} />
      <h3>The {lineage.eventCount.toLocaleString('en-US')} events in it{lineage.events.length < lineage.eventCount ? ` (the first ${lineage.events.length})` : ''}</h3>
      <EventRows events={lineage.events} />
      {lineage.tooLate.length > 0 && (
        <>
          <h3>Too late for it ({lineage.tooLate.length})</h3>
          <EventRows events={lineage.tooLate} />
        </>
      )}
    </div>
  );
}

function LateView({ lineage, name }: { lineage: LateLineage; name: string }) {
  const e = lineage.event;
  return (
    <div className="wp-lineage" data-testid="lineage" data-kind="late">
      <p className="wp-lineage-verdict" data-testid="lineage-verdict">{lineage.verdict.charAt(0).toUpperCase() + lineage.verdict.slice(1)}.</p>
      <dl className="wp-lineage-facts">
        <div><dt>Event</dt><dd>#{e.seq.toLocaleString('en-US')} at {name} ({fieldsText(e.fields, NO_FIELDS)})</dd></div>
        <div><dt>Event time</dt><dd>{formatDateTime(e.time)}</dd></div>
        <div><dt>Watermark when it arrived</dt><dd>{formatWatermark(e.watermark)}</dd></div>
        <div><dt>Its windows</dt><dd>{lineage.windows.map((w) => `[${formatDateTime(w.start)}, ${formatDateTime(w.end)})`).join(', ')}</dd></div>
      </dl>
    </div>
  );
}

/**
 * "Why this result": the lineage of a clicked result (its window, each
 * revision with the events that made it and the watermark when it fired) or
 * why a late event was late. The worker answers by replaying the run so far.
 */
export function LineageDialog() {
  const query = useLineage(queryOf);
  const answer = useLineage(answerOf);
  const controller = useRunControllerOrNull();
  const doc = useEditor(docOf);

  useEffect(() => {
    if (query === null || controller === null) return;
    void controller.ask((api) => api.lineage(query)).then((found) => {
      if (lineageStore.getState().query !== query) return;
      lineageStore.setState({ answer: found ?? { kind: 'unavailable', reason: 'the pipeline worker was replaced' } });
    });
  }, [query, controller]);

  if (query === null) return null;
  const name = doc.nodes.find((n) => n.id === query.nodeId)?.name ?? query.nodeId;
  const title = query.kind === 'late' ? 'Why was this event late?' : 'Why this result';
  return (
    <Dialog title={title} onClose={closeLineage} className="wp-lineage-dialog">
      {answer === null ? (
        <p role="status">Replaying the run so far…</p>
      ) : answer.kind === 'unavailable' ? (
        <p role="alert" data-testid="lineage-unavailable">Cannot say: {answer.reason}.</p>
      ) : answer.kind === 'window' ? (
        <WindowView lineage={answer} name={name} />
      ) : (
        <LateView lineage={answer} name={name} />
      )}
      <div className="wp-docs-dialog-actions">
        <button type="button" className="wp-small-button" onClick={closeLineage}>Close</button>
      </div>
    </Dialog>
  );
}
