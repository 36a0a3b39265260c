import { lazy, Suspense } from 'react';
import { PanelBoundary } from '../panels/PanelBoundary';
import { useFlinkSql, type FlinkSqlState } from './store';
import './flinkSql.css';

const FlinkSqlPanel = lazy(() => import('./FlinkSqlPanel'));
const openOf = (s: FlinkSqlState) => s.open;

/**
 * The column beside the canvas that holds the Flink SQL panel while it is
 * open (Export > Flink SQL opens it). The panel's code, the exporter and
 * CodeMirror, is fetched the first time it opens; a failure stays inside it.
 */
export function FlinkSqlSide() {
  const open = useFlinkSql(openOf);
  if (!open) return null;
  return (
    <aside className="wp-editor-side wp-editor-flink" aria-label="Flink SQL export">
      <PanelBoundary title="Flink SQL panel">
        <Suspense fallback={<p className="wp-flink-loading" role="status">Loading the Flink SQL panel…</p>}>
          <FlinkSqlPanel />
        </Suspense>
      </PanelBoundary>
    </aside>
  );
}
