import { memo, useCallback, useMemo } from 'react';
import { LiveChart } from '../../charts/LiveChart';
import { LiveLog } from '../../charts/LiveLog';
import { LiveTable } from '../../charts/LiveTable';
import { AlertsPanel } from '../alerts/AlertsPanel';
import { upstreamDetector, type UpstreamDetector } from '../alerts/upstreamDetector';
import { useSinkBuffer } from './SinkBuffers';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { lineageSource, queryFor } from '../lineage/target';
import { openLineage } from '../lineage/store';
import type { SinkViewSpec } from './sinkViews';
import { useRun } from '../run/RunProvider';
import { selectPhase, selectSpeed } from '../run/selectors';
import { tableRefreshMs } from './tableRefresh';
import type { RunState } from '../run/types';

/** A sink's live view in the results dock: its chart, its table (a collect sink's too), its log or its alerts. */
export const SinkViewPanel = memo(function SinkViewPanel({ view }: { view: SinkViewSpec }) {
  const sink = useSinkBuffer(view.id);
  // A number, so the panel redraws only when the pace changes (the run pausing, ending, leaving Max).
  const refreshMs = useRun(useCallback((s: RunState) => tableRefreshMs(selectPhase(s), selectSpeed(s)), []));
  // As text, so the panel redraws when where its rows come from changes, not on every edit.
  const sourceText = useEditor(useCallback((s: EditorState) => JSON.stringify(lineageSource(s.doc, view.id)), [view.id]));
  const source = useMemo(() => JSON.parse(sourceText) as ReturnType<typeof lineageSource>, [sourceText]);
  // As text for the same reason: the alerts' empty state names the detector upstream.
  const detectorText = useEditor(useCallback((s: EditorState) => (view.kind === 'alerts' ? JSON.stringify(upstreamDetector(s.doc, view.id)) : 'null'), [view.kind, view.id]));
  const detector = useMemo(() => JSON.parse(detectorText) as UpstreamDetector | null, [detectorText]);
  // The same function from one render to the next: the table's rows redraw on its own pace, not when the panel does (see LiveTable).
  const onWhy = useMemo(() => source === null ? undefined : (row: Readonly<Record<string, string | number | boolean | null>>) => {
    const query = queryFor(source, row);
    if (query !== null) openLineage(query);
  }, [source]);
  return (
    <section className="wp-sink-view" aria-label={`Results of ${view.title}`} data-testid="sink-view" data-sink={view.id}>
      {sink === undefined ? (
        <p className="wp-preview-empty">This chart cannot draw until its settings are fixed: see the problems.</p>
      ) : sink.kind === 'chart' ? (
        <LiveChart buffer={sink.buffer} onWhy={source?.kind === 'window' ? onWhy : undefined} label={`Chart of ${view.title}`} />
      ) : sink.kind === 'alerts' ? (
        <AlertsPanel buffer={sink.buffer} title={view.title} rule={view.kind === 'alerts' ? view.rule : null} detector={detector} />
      ) : sink.kind === 'log' ? (
        <LiveLog buffer={sink.buffer} label={`Log of ${view.title}`} limit={view.kind === 'log' ? view.limit : 0} />
      ) : (
        <LiveTable buffer={sink.buffer} onWhy={onWhy} label={`Table of ${view.title}`} fileName={view.title.replace(/[^\w.-]+/g, '-')} refreshMs={refreshMs} />
      )}
    </section>
  );
});
