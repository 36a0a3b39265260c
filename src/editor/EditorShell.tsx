import '@xyflow/react/dist/style.css';
import './editor.css';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { PipelineCanvas } from './canvas/PipelineCanvas';
import { useVisibleArea } from './canvas/placement';
import { DocumentsBar } from './documents/DocumentsBar';
import { Inspector } from './inspector/Inspector';
import { Palette } from './palette/Palette';
import { PanelBoundary } from './panels/PanelBoundary';
import { ResultsDock } from './results/ResultsDock';
import { SinkBuffersProvider } from './results/SinkBuffers';
import { ReplayRecorder } from './logReplay/ReplayRecorder';
import { useEditingShortcuts } from './shortcuts/useEditingShortcuts';
import { useBreakpointSync } from './breakpoints/useBreakpointSync';
import { LineageDialog } from './lineage/LineageDialog';
import { FlinkSqlSide } from './flinkSql/FlinkSqlSide';
import { LearnSide } from './learn/LearnSide';

/** A short message at the bottom of the canvas that goes away by itself. */
function useNotice(): [string | null, (message: string) => void] {
  const [notice, setNotice] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const notify = useCallback((message: string) => {
    setNotice(message);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setNotice(null), 3500);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return [notice, notify];
}

/**
 * The editor's full-window layout: the documents bar across the top, the
 * palette on the left, the canvas in the middle with the results dock
 * (problems, charts, tables, node previews) below it, the Flink SQL panel
 * beside it while open, and the inspector on the right. Needs an EditorStoreProvider above it.
 */
export function EditorShell() {
  return (
    <ReactFlowProvider>
      <SinkBuffersProvider>
        <ReplayRecorder />
        <EditorLayout />
      </SinkBuffersProvider>
    </ReactFlowProvider>
  );
}

function EditorLayout() {
  const [notice, notify] = useNotice();
  useEditingShortcuts(notify, useVisibleArea());
  useBreakpointSync();
  return (
    <div className="wp-editor">
      {/* A landmark of its own, so nothing on the page is outside one. */}
      <section className="wp-editor-bar" aria-label="Documents">
        <PanelBoundary title="documents bar">
          <DocumentsBar />
        </PanelBoundary>
      </section>
      <PanelBoundary title="palette" className="is-palette">
        <Palette />
      </PanelBoundary>
      <main className="wp-editor-main" id="main" tabIndex={-1}>
        <PanelBoundary title="canvas" className="is-canvas">
          <PipelineCanvas notify={notify} />
        </PanelBoundary>
        <div className="wp-toast-region" role="status" aria-live="polite">
          {notice !== null && <div className="wp-toast" data-testid="notice">{notice}</div>}
        </div>
        <PanelBoundary title="results dock">
          <ResultsDock />
        </PanelBoundary>
      </main>
      <LineageDialog />
      <FlinkSqlSide />
      <LearnSide />
      <div className="wp-editor-inspector">
        <PanelBoundary title="inspector">
          <Inspector />
        </PanelBoundary>
      </div>
    </div>
  );
}
