/**
 * Keeps the worker's breakpoints those of the page, and answers a hit: when a
 * run with breakpoints pauses by itself, asks the worker what it hit, selects
 * that node (its preview opens) and keeps the hit for the preview to highlight.
 */
import { useEffect } from 'react';
import { useRunControllerOrNull } from '../run/RunProvider';
import { useEditorStore } from '../store/context';
import { breakpointsStore } from './store';

export function useBreakpointSync(): void {
  const controller = useRunControllerOrNull();
  const editor = useEditorStore();
  useEffect(() => {
    if (controller === null) return undefined;
    const sync = (): void => {
      const list = breakpointsStore.getState().list;
      void controller.send(async (api) => {
        const problems = await api.setBreakpoints(list);
        if (breakpointsStore.getState().list === list) breakpointsStore.setState({ problems });
      });
    };
    const stopList = breakpointsStore.subscribe((s, prev) => {
      if (s.list !== prev.list) sync();
    });
    let last = controller.store.getState();
    const stopRun = controller.store.subscribe((s) => {
      const prev = last;
      last = s;
      if (s.pipelineId !== prev.pipelineId) {
        breakpointsStore.getState().clear();
        return;
      }
      // A new load (or a new worker after a crash): arm them again, and hear what this document makes of them.
      if (s.runId !== prev.runId) sync();
      if (s.phase === 'running' && prev.phase !== 'running') breakpointsStore.setState({ hit: null });
      if (s.phase === 'idle' && prev.phase !== 'idle') breakpointsStore.setState({ hit: null });
      if (s.phase !== 'paused' || prev.phase !== 'running' || breakpointsStore.getState().list.length === 0) return;
      void controller.ask((api) => api.breakpointHit()).then((hit) => {
        if (hit === null || hit.runId !== controller.store.getState().runId) return;
        const shown = breakpointsStore.getState().hit;
        if (shown !== null && shown.runId === hit.runId && shown.serial === hit.serial) return;
        breakpointsStore.setState({ hit });
        if (editor.getState().doc.nodes.some((n) => n.id === hit.nodeId)) editor.getState().select({ nodes: [hit.nodeId], edges: [] });
      });
    });
    sync();
    return () => {
      stopList();
      stopRun();
    };
  }, [controller, editor]);
}
