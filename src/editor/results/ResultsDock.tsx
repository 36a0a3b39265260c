import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { analyseDocument } from '../analysis/analyse';
import { PanelBoundary } from '../panels/PanelBoundary';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { useRunProblems } from '../problems/useRunProblems';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { NodePreviewPanel } from './NodePreviewPanel';
import { DockTab } from './DockTab';
import { useOpenAlerts } from '../alerts/useOpenAlerts';
import { useSinkViews } from './SinkBuffers';
import { useDockResize } from './useDockResize';
import { SinkViewPanel } from './SinkViewPanel';
import { PREVIEW_TAB, PROBLEMS_TAB, sinkTab, TIMELINE_TAB, useDockTabs } from './useDockTabs';
import { isWindowKind, selectedWindow } from '../timeline/followedWindow';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { useTimelineRecording } from '../timeline/useTimelineRecording';
import { useStore } from 'zustand';
import { dockRequestStore } from './dockRequest';
import './results.css';

// Numbers and strings, so a drag (a new document every frame) does not redraw the dock.
const problemCountOf = (s: EditorState) => analyseDocument(s.doc).problems.length;
const hasWindowOf = (s: EditorState) => s.doc.nodes.some((n) => isWindowKind(n.kind));
const selectsWindowOf = (s: EditorState) => selectedWindow(s.doc, s.selection.nodes.length === 1 ? s.selection.nodes[0]! : null) !== null;
const titleOf = (id: string | null) => (s: EditorState): string => (id === null ? '' : (s.doc.nodes.find((n) => n.id === id)?.name ?? id));
/** Arrow keys, Home and End move between tabs and open the one they reach (the WAI-ARIA tabs pattern). */
function onTabKey(e: KeyboardEvent<HTMLElement>): void {
  const tabs = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
  const next = new Map([['ArrowRight', at + 1], ['ArrowLeft', at - 1], ['Home', 0], ['End', tabs.length - 1]]).get(e.key);
  if (at < 0 || next === undefined) return;
  const target = tabs[(next + tabs.length) % tabs.length]!;
  target.focus();
  target.click();
  e.preventDefault();
}

const panelId = (tab: string) => `wp-dock-panel-${tab.replace(/[^\w-]/g, '_')}`;

/** An alert sink's tab, with the number of its open alerts as a badge. */
function AlertsTab({ sinkId, ...props }: Omit<Parameters<typeof DockTab>[0], 'icon' | 'count' | 'countLabel'> & { sinkId: string }) {
  const open = useOpenAlerts(sinkId);
  return <DockTab {...props} icon="sink.alert" count={open} countLabel={open === 1 ? 'open alert' : 'open alerts'} />;
}

/**
 * The dock under the canvas: the problems, one tab per sink (chart, table, collect, log, alerts),
 * and the selected node's preview while a run exists. Sink views stay mounted
 * when hidden, so their charts keep up and show at once when chosen.
 */
export function ResultsDock() {
  const [open, setOpen] = useState(true);
  const refused = useRunProblems().length;
  const problemCount = useEditor(problemCountOf) + refused;
  const views = useSinkViews();
  const hasTimeline = useEditor(hasWindowOf);
  const followsSelection = useEditor(selectsWindowOf);
  const { active, choose, previewNode } = useDockTabs(views, problemCount, { shown: hasTimeline, followsSelection });
  // The tab unmounts when hidden; what it will show is recorded meanwhile.
  useTimelineRecording(open && active === TIMELINE_TAB && hasTimeline);
  // A Run that could not start shows why where problems are listed, not only in the top bar.
  useEffect(() => {
    if (refused === 0) return;
    choose(PROBLEMS_TAB);
    setOpen(true);
  }, [refused, choose]);
  // Another panel (a lesson step) asked for a tab.
  const requested = useStore(dockRequestStore);
  useEffect(() => {
    if (requested.tab === null) return;
    choose(requested.tab);
    setOpen(true);
  }, [requested, choose]);
  const previewTitle = useEditor(useMemo(() => titleOf(previewNode), [previewNode]));
  const { height, size, handle } = useDockResize();
  const tab = (id: string) => ({ id, active: active === id, panel: panelId(id), onChoose: () => { choose(id); setOpen(true); } });

  return (
    <div className={`wp-results-dock${open ? '' : ' is-collapsed'}${active === PROBLEMS_TAB ? '' : ' is-results'}`} style={open && height !== null ? { height } : undefined}>
      {open && (
        <div
          className="wp-dock-resize"
          role="separator"
          aria-orientation="horizontal"
          aria-label="Resize the dock"
          aria-valuenow={size.now}
          aria-valuemin={size.min}
          aria-valuemax={size.max}
          aria-valuetext={`${size.now} pixels high`}
          title="Drag to resize"
          tabIndex={0}
          {...handle}
        />
      )}
      <div className="wp-dock-tabs" role="tablist" aria-label="Results dock" onKeyDown={onTabKey}>
        <DockTab {...tab(PROBLEMS_TAB)} icon="problems" label="Problems" alert={problemCount > 0} />
        {views.map((v) => (v.kind === 'alerts'
          ? <AlertsTab key={v.id} {...tab(sinkTab(v.id))} sinkId={v.id} label={v.title} />
          : <DockTab key={v.id} {...tab(sinkTab(v.id))} icon={v.nodeKind} label={v.title} />))}
        {hasTimeline && <DockTab {...tab(TIMELINE_TAB)} icon="timeline" label="Timeline" />}
        {previewNode !== null && <DockTab {...tab(PREVIEW_TAB)} icon="preview" label={`Preview: ${previewTitle}`} />}
      </div>
      {/* Outside the tab list, which may hold only tabs; the stylesheet pins it to the dock's corner. */}
      <button
        type="button"
        className="wp-dock-toggle"
        aria-expanded={open}
        aria-label={open ? 'Hide the dock' : 'Show the dock'}
        title={open ? 'Hide the dock' : 'Show the dock'}
        onClick={() => setOpen((o) => !o)}
      >
        <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true"><path d="m6 9 6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" /></svg>
      </button>
      <div id={panelId(PROBLEMS_TAB)} role="tabpanel" className="wp-dock-panel wp-problems-body" hidden={!open || active !== PROBLEMS_TAB}>
        <PanelBoundary title="problems panel">
          <ProblemsPanel />
        </PanelBoundary>
      </div>
      {views.map((v) => (
        <div key={v.id} id={panelId(sinkTab(v.id))} role="tabpanel" className="wp-dock-panel" hidden={!open || active !== sinkTab(v.id)}>
          <PanelBoundary title="results panel">
            <SinkViewPanel view={v} />
          </PanelBoundary>
        </div>
      ))}
      {open && active === TIMELINE_TAB && hasTimeline && (
        <div id={panelId(TIMELINE_TAB)} role="tabpanel" className="wp-dock-panel">
          <PanelBoundary title="timeline">
            <TimelinePanel active />
          </PanelBoundary>
        </div>
      )}
      {open && active === PREVIEW_TAB && previewNode !== null && (
        <div id={panelId(PREVIEW_TAB)} role="tabpanel" className="wp-dock-panel">
          <PanelBoundary title="preview panel">
            <NodePreviewPanel nodeId={previewNode} />
          </PanelBoundary>
        </div>
      )}
    </div>
  );
}
