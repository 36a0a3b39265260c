/**
 * The "Flink SQL" panel beside the canvas (issue 16): the open pipeline's
 * export, kept up to date as it changes; Copy and Download; the connector of
 * each source and sink; the statements linked both ways to their nodes; and
 * what Flink SQL cannot express, each with its node and reason. An invalid
 * pipeline shows its problems instead of a script. Its own chunk: the
 * exporter and CodeMirror load when the panel first opens.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { FlinkExport, FlinkExportFailure, FlinkGap } from '../../flinkSql/types';
import type { DocumentsState } from '../persistence/documentSession';
import { documentSessionFor } from '../persistence/restoreEditor';
import { useEditor, useEditorStore } from '../store/context';
import type { EditorState } from '../store/documentStore';
import type { EditorDocument } from '../store/types';
import { ConnectorList } from './ConnectorList';
import { ScriptActions } from './ScriptActions';
import { statementsOfNodes } from './statements';
import { choicesOf, closeFlinkSql, lightNodes, useFlinkSql, type FlinkSqlState } from './store';
import { useFlinkExport } from './useFlinkExport';

const SqlView = lazy(() => import('./SqlView'));

const docOf = (s: EditorState) => s.doc;
const selectedOf = (s: EditorState) => s.selection.nodes;
const openIdOf = (s: DocumentsState) => s.openId;
const focusRequestOf = (s: FlinkSqlState) => s.focusRequest;

const nodeName = (doc: EditorDocument, id: string): string => {
  const node = doc.nodes.find((n) => n.id === id);
  return node === undefined ? id : (node.name ?? node.id);
};

const SEVERITY_TEXT: Record<FlinkGap['severity'], string> = { unmappable: 'Left out', differs: 'Differs in Flink' };

function Problems({ failure }: { failure: FlinkExportFailure }) {
  return (
    <div className="wp-flink-problems" role="status" data-testid="flink-sql-problems">
      <p>This pipeline has {failure.problems.length === 1 ? 'a problem' : `${failure.problems.length} problems`}, so there is no script yet. Fix {failure.problems.length === 1 ? 'it' : 'them'} and the script appears here.</p>
      <ul>
        {failure.problems.map((p, i) => (
          <li key={`${p.path}-${i}`}>{p.path === '' ? null : <code>{p.path}</code>} {p.message}</li>
        ))}
      </ul>
    </div>
  );
}

function GapList({ gaps, doc, onChoose }: { gaps: readonly FlinkGap[]; doc: EditorDocument; onChoose: (nodeId: string) => void }) {
  return (
    <section className="wp-flink-gaps" aria-labelledby="wp-flink-gaps-title" data-testid="flink-sql-gaps">
      <h3 id="wp-flink-gaps-title">Gaps and differences <span className="wp-flink-count">{gaps.length}</span></h3>
      {gaps.length === 0 ? (
        <p className="wp-flink-none">Everything in this pipeline maps to Flink SQL with the same meaning.</p>
      ) : (
        <ul>
          {gaps.map((gap, i) => (
            <li key={`${gap.nodeId}-${gap.path}-${i}`} data-severity={gap.severity} data-node={gap.nodeId}>
              <button type="button" className="wp-flink-gap" onClick={() => onChoose(gap.nodeId)} title="Select this node on the canvas">
                <span className={`wp-flink-severity is-${gap.severity}`}>{SEVERITY_TEXT[gap.severity]}</span>
                <span className="wp-flink-gap-node">{nodeName(doc, gap.nodeId)}{gap.path === '' ? '' : ` · ${gap.path}`}</span>
                <span className="wp-flink-gap-reason">{gap.reason}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The script, its marks, and what lights up on the canvas. */
function Script({ exported, doc }: { exported: FlinkExport; doc: EditorDocument }) {
  const selected = useEditor(useShallow(selectedOf));
  const [pointer, setPointer] = useState<number | null>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const { statements } = exported;
  const marked = useMemo(() => statementsOfNodes(statements, new Set(selected)), [statements, selected]);
  // The pointer wins over the cursor: it is what the user is looking at now.
  const active = pointer ?? cursor;
  const activeStatement = active === null ? undefined : statements[active];
  useEffect(() => {
    lightNodes(activeStatement?.nodeIds ?? []);
  }, [activeStatement]);
  useEffect(() => () => lightNodes([]), []);
  const markedText = selected.length === 1 && marked.length > 0
    ? `${marked.length === 1 ? '1 statement' : `${marked.length} statements`} from “${nodeName(doc, selected[0]!)}” marked.`
    : selected.length === 1 ? `“${nodeName(doc, selected[0]!)}” has no statement of its own.` : '';
  const litText = activeStatement === undefined || activeStatement.nodeIds.length === 0 ? '' : `Lit on the canvas: ${activeStatement.nodeIds.map((id) => nodeName(doc, id)).join(', ')}.`;
  return (
    <>
      <div className="wp-flink-script-box">
        <Suspense fallback={<p className="wp-flink-loading">Loading the script view…</p>}>
          <SqlView script={exported.script} statements={statements} marked={marked} active={active} onPointer={setPointer} onCursor={setCursor} label="Flink SQL script" />
        </Suspense>
      </div>
      <p className="wp-flink-marks" aria-live="polite" data-testid="flink-sql-marks">{litText || markedText}</p>
    </>
  );
}

export default function FlinkSqlPanel() {
  const store = useEditorStore();
  const session = useMemo(() => documentSessionFor(store), [store]);
  const pipelineId = useStore(session.state, openIdOf);
  const doc = useEditor(docOf);
  const choices = useFlinkSql(useCallback((s: FlinkSqlState) => choicesOf(s, pipelineId), [pipelineId]));
  const live = useFlinkExport(doc, choices);
  const focusRequest = useFlinkSql(focusRequestOf);
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusRequest > 0) root.current?.focus();
  }, [focusRequest]);
  // Thrown while rendering, so the panel's error boundary shows it: an exporter bug must not take the editor down.
  if (live.error !== undefined) throw live.error;
  const result = live.result;
  const selectNode = (nodeId: string): void => store.getState().select({ nodes: [nodeId], edges: [] });

  return (
    <section
      ref={root}
      className="wp-flink"
      aria-labelledby="wp-flink-title"
      tabIndex={-1}
      // Escape closes the panel, except in a select, where it closes the list.
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !(event.target instanceof HTMLSelectElement)) closeFlinkSql();
      }} data-testid="flink-sql-panel" data-export-ms={live.ms.toFixed(1)}>
      <header className="wp-flink-header">
        <h2 id="wp-flink-title">Flink SQL</h2>
        {result?.ok === true ? <span className="wp-flink-version" title="The Flink release the script is written for">Flink {result.flinkVersion}</span> : null}
        <span className="wp-flink-spacer" />
        <span className="wp-flink-actions">
          <ScriptActions script={result?.ok === true ? result.script : null} name={doc.name} />
          <button type="button" className="wp-flink-close" aria-label="Close the Flink SQL panel" title="Close" onClick={closeFlinkSql}>
            <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6 6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" /></svg>
          </button>
        </span>
      </header>
      <ConnectorList doc={doc} pipelineId={pipelineId} choices={choices} />
      {result === null ? <p className="wp-flink-loading" role="status">Exporting…</p> : null}
      {result?.ok === false ? <Problems failure={result} /> : null}
      {result?.ok === true ? (
        <>
          <Script exported={result} doc={doc} />
          <GapList gaps={result.gaps} doc={doc} onChoose={selectNode} />
        </>
      ) : null}
    </section>
  );
}
