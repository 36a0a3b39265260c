import { useReactFlow, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useEffect } from 'react';
import { isUnframed } from '../persistence/records';
import { useEditorStore } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { boundsOf, framingViewport, READABLE_ZOOM, type Box, type Insets } from './framing';
import { FIT_VIEW } from './flowTypes';

/** Room between the framed pipeline and whatever floats over the canvas, in screen pixels. */
const MARGIN = 16;
/**
 * How far down the canvas the "Opened …" notice reaches: it floats 8 px
 * below the documents bar, one 13 px line in 8 px padding (documents.css).
 */
const NOTICE_BOTTOM = 48;

/**
 * What floats over the canvas's edges: the toolbar at the top left and the
 * notice at the top centre; the zoom buttons and the minimap at the bottom.
 */
function canvasInsets(domNode: HTMLElement): Insets {
  const canvas = domNode.getBoundingClientRect();
  const toolbar = domNode.querySelector('.wp-toolbar-panel')?.getBoundingClientRect();
  const toolbarBottom = toolbar === undefined ? 0 : toolbar.bottom - canvas.top;
  const lowest = [...domNode.querySelectorAll('.react-flow__minimap, .react-flow__controls')]
    .map((el) => canvas.bottom - el.getBoundingClientRect().top);
  return { top: Math.max(toolbarBottom, NOTICE_BOTTOM) + MARGIN, right: MARGIN, bottom: Math.max(0, ...lowest) + MARGIN / 2, left: MARGIN };
}

/**
 * The boxes of the document's nodes as React Flow has drawn them, or
 * undefined until every one is drawn where the document puts it (a freshly
 * opened pipeline is measured a frame or two after it is shown).
 */
export function drawnBoxes(doc: EditorState['doc'], flow: ReactFlowState): Box[] | undefined {
  const boxes: Box[] = [];
  for (const node of doc.nodes) {
    const drawn = flow.nodeLookup.get(node.id);
    const width = drawn?.measured.width ?? 0;
    const height = drawn?.measured.height ?? 0;
    if (drawn === undefined || width === 0 || height === 0) return undefined;
    const { x, y } = drawn.internals.positionAbsolute;
    if (x !== node.position.x || y !== node.position.y) return undefined;
    boxes.push({ x, y, width, height });
  }
  return boxes;
}

/** The viewport that frames `boxes` on this canvas clear of its toolbar; `readable` keeps titles 10 px or larger. */
export function frameFor(boxes: readonly Box[], flow: ReactFlowState, readable: boolean) {
  const bounds = boundsOf(boxes);
  if (bounds === undefined || flow.domNode === null || flow.width === 0 || flow.height === 0) return undefined;
  const minZoom = readable ? READABLE_ZOOM : flow.minZoom;
  return framingViewport(bounds, { width: flow.width, height: flow.height }, canvasInsets(flow.domNode), { minZoom, maxZoom: FIT_VIEW.maxZoom });
}

/**
 * Frames a pipeline when it opens (an example, an import, a share link): the
 * session shows those with an unframed viewport, which no saved pipeline's
 * viewport ever is, so a saved view comes back as it was left. The frame
 * clears the toolbar and the "Opened …" notice and keeps titles readable.
 */
export function useFrameOnOpen(): void {
  const store = useEditorStore();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  useEffect(() => {
    const wantsFrame = (s: EditorState): boolean => isUnframed(s.viewport) && s.doc.nodes.length > 0;
    let pending = wantsFrame(store.getState());
    const tryFrame = (): void => {
      if (!pending) return;
      const boxes = drawnBoxes(store.getState().doc, flowStore.getState());
      const viewport = boxes === undefined ? undefined : frameFor(boxes, flowStore.getState(), true);
      if (viewport === undefined) return;
      pending = false;
      void flow.setViewport(viewport);
      store.getState().setViewport(viewport);
    };
    const stopEditor = store.subscribe((s, prev) => {
      if (s.viewport === prev.viewport) return;
      pending = wantsFrame(s);
      tryFrame();
    });
    const stopFlow = flowStore.subscribe(tryFrame);
    tryFrame();
    return () => {
      stopEditor();
      stopFlow();
    };
  }, [store, flow, flowStore]);
}
