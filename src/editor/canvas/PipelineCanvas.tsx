import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  SelectionMode,
  useStore,
  type Connection,
  type Edge,
  type OnConnectEnd,
  type Viewport,
} from '@xyflow/react';
import { useCallback, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import { createStore } from 'zustand/vanilla';
import './canvas.css';
import { BreakpointList } from '../breakpoints/BreakpointList';
import { BreakpointMenu } from '../breakpoints/BreakpointMenu';
import { breakpointsStore } from '../breakpoints/store';
import '../breakpoints/breakpoints.css';
import { checkConnection } from '../store/connections';
import { useEditorStore } from '../store/context';
import { CanvasToolbar } from './CanvasToolbar';
import { ConnectCommand } from './connectCommand';
import { ConnectDialog } from './ConnectDialog';
import type { NodePort } from './connectOptions';
import { lowDetail } from './detail';
import { ConnectionHint } from './ConnectionHint';
import { attemptFor, nodeIdAt } from './connectionTarget';
import { EdgeTooltipLayer } from './EdgeTooltipLayer';
import type { EdgeHover } from './EdgeTooltip';
import { EmptyCanvas } from './EmptyCanvas';
import { FIT_VIEW, GRID, KIND_MIME, PARAMS_MIME, type PipelineFlowEdge, type PipelineFlowNode } from './flowTypes';
import { droppedParams, useAddNode } from './placement';
import { EDGE_TYPES } from './edgeTypes';
import { NODE_TYPES } from './nodeTypes';
import { useCanvasChanges } from './useCanvasChanges';
import { useConnectShortcut } from './useConnectShortcut';
import { useFlowElements } from './useFlowElements';
import { useFrameOnOpen } from './useFrameOnOpen';
import { sameViewport, useViewportSync } from './useViewportSync';

const SNAP: [number, number] = [GRID, GRID];
const MINIMAP_SIZE = { width: 168, height: 112 };
const PAN_BUTTONS = [1, 2];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const miniMapClass = (n: PipelineFlowNode): string => `wp-mini wp-mini-${n.type ?? 'transform'}`;
/** What a screen reader says about a focused node: the keys that work on it. */
const NODE_KEYS = 'Press Enter or Space to select it, then the arrow keys to move it, Shift for bigger steps. Press C to connect it to another node, Delete to remove it, Escape to clear the selection.';
const ARIA_LABELS = { 'node.a11yDescription.default': NODE_KEYS, 'node.a11yDescription.keyboardDisabled': NODE_KEYS };


/**
 * The pipeline canvas: React Flow drawing the store's document. Every edit
 * goes through the store (moves, connections, selection, viewport), so undo
 * and autosave see it; React Flow only reports what the user did.
 */
export function PipelineCanvas({ notify }: { notify: (message: string) => void }) {
  const store = useEditorStore();
  const addNode = useAddNode();
  const { sizes, onNodesChange, onEdgesChange, selectingHere } = useCanvasChanges();
  const { nodes, edges, analysis } = useFlowElements(sizes);
  const [initialViewport] = useState(() => store.getState().viewport);
  useViewportSync(selectingHere);
  useFrameOnOpen();
  const [hover] = useState(() => createStore<{ hover: EdgeHover | null }>(() => ({ hover: null })));
  const wrapper = useRef<HTMLDivElement>(null);
  const farAway = useStore(lowDetail);
  const [connecting, setConnecting] = useState<{ nodeId: string; port: NodePort | undefined } | null>(null);
  const openConnect = useCallback((nodeId: string, port?: NodePort) => setConnecting({ nodeId, port }), []);
  const closeConnect = useCallback(() => setConnecting(null), []);
  useConnectShortcut(openConnect, notify);

  const isValidConnection = useCallback((c: Connection | Edge) =>
    checkConnection(store.getState().doc, { from: c.source, fromPort: c.sourceHandle ?? 'out', to: c.target }).ok, [store]);

  const onConnect = useCallback((c: Connection) => {
    const made = store.getState().connect({ from: c.source, fromPort: c.sourceHandle ?? 'out', to: c.target });
    if (!made.ok) notify(made.reason);
  }, [store, notify]);

  // Dropping a connection anywhere on a node (not only on its handle) connects it too.
  const onConnectEnd: OnConnectEnd = useCallback((event, state) => {
    if (state.isValid === true || state.fromHandle === null) return;
    const point = 'changedTouches' in event ? event.changedTouches[0] : event;
    if (point === undefined) return;
    const over = nodeIdAt(point.clientX, point.clientY);
    if (over === null || over === state.fromHandle.nodeId) return;
    const start = { nodeId: state.fromHandle.nodeId, handleId: state.fromHandle.id ?? null, type: state.fromHandle.type };
    const made = store.getState().connect(attemptFor(start, over, state.toHandle?.id ?? null));
    if (!made.ok) notify(`Not connected: ${made.reason}`);
  }, [store, notify]);

  const onMoveEnd = useCallback((_: unknown, viewport: Viewport) => {
    if (!sameViewport(viewport, store.getState().viewport)) store.getState().setViewport(viewport);
  }, [store]);

  const pointerIn = (event: MouseEvent): { x: number; y: number } => {
    const bounds = wrapper.current?.getBoundingClientRect();
    return { x: event.clientX - (bounds?.left ?? 0), y: event.clientY - (bounds?.top ?? 0) };
  };
  const onEdgeHover = useCallback((event: MouseEvent, edge: Edge) => hover.setState({ hover: { edgeId: edge.id, ...pointerIn(event) } }), [hover]);
  const onEdgeLeave = useCallback(() => hover.setState({ hover: null }), [hover]);

  // Right click (or the context-menu key) on a node or an edge: its breakpoints.
  const onNodeContextMenu = useCallback((event: MouseEvent, node: PipelineFlowNode) => {
    event.preventDefault();
    breakpointsStore.setState({ menu: { target: { kind: 'node', nodeId: node.id }, x: event.clientX, y: event.clientY } });
  }, []);
  const onEdgeContextMenu = useCallback((event: MouseEvent, edge: Edge) => {
    event.preventDefault();
    breakpointsStore.setState({ menu: { target: { kind: 'edge', edgeId: edge.id }, x: event.clientX, y: event.clientY } });
  }, []);

  const onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer.types.includes(KIND_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent): void => {
    const kind = event.dataTransfer.getData(KIND_MIME);
    if (kind === '') return;
    event.preventDefault();
    addNode.atScreen(kind, event.clientX, event.clientY, droppedParams(event.dataTransfer.getData(PARAMS_MIME)));
  };

  return (
    <ConnectCommand.Provider value={openConnect}>
      <div className="wp-canvas" ref={wrapper} onDragOver={onDragOver} onDrop={onDrop} data-testid="canvas" data-detail={farAway ? 'low' : 'full'}>
        <ReactFlow<PipelineFlowNode, PipelineFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          isValidConnection={isValidConnection}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          onMoveEnd={onMoveEnd}
          onEdgeMouseEnter={onEdgeHover}
          onEdgeMouseMove={onEdgeHover}
          onEdgeMouseLeave={onEdgeLeave}
          onNodeContextMenu={onNodeContextMenu}
          onEdgeContextMenu={onEdgeContextMenu}
          defaultViewport={initialViewport}
          minZoom={0.1}
          maxZoom={2.5}
          snapToGrid
          snapGrid={SNAP}
          // The editing shortcuts delete through the store, so deletions can be undone.
          deleteKeyCode={null}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          selectionOnDrag
          selectionMode={SelectionMode.Partial}
          panOnDrag={PAN_BUTTONS}
          panOnScroll
          fitViewOptions={FIT_VIEW}
          colorMode="system"
          aria-label="Pipeline canvas"
          ariaLabelConfig={ARIA_LABELS}
        >
          <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} />
          <Panel position="top-left" className="wp-toolbar-panel">
            <CanvasToolbar />
          </Panel>
          <Panel position="top-right">
            <BreakpointList />
          </Panel>
          <Controls showInteractive={false} showFitView={false} />
          <MiniMap<PipelineFlowNode> pannable zoomable nodeClassName={miniMapClass} nodeBorderRadius={6} ariaLabel="Mini map" style={MINIMAP_SIZE} />
          <ConnectionHint />
          {nodes.length === 0 && <EmptyCanvas />}
        </ReactFlow>
        <EdgeTooltipLayer hover={hover} analysis={analysis} />
        <BreakpointMenu />
        {connecting !== null && <ConnectDialog nodeId={connecting.nodeId} port={connecting.port} onClose={closeConnect} notify={notify} />}
      </div>
    </ConnectCommand.Provider>
  );
}
