import { temporal } from 'zundo';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { checkConnection } from './connections';
import { freshEdgeId, freshNodeId, starterParams } from './nodeDefaults';
import { followRenames, renamedOutputs } from './outputRenames';
import type { ConnectionAttempt, EditorDocument, EditorEdge, EditorNode, Selection, Viewport } from './types';

export interface EditorState {
  readonly doc: EditorDocument;
  readonly selection: Selection;
  readonly viewport: Viewport;
  /** Adds a node with `params`, or the kind's starter params when absent (a palette's live stream brings its own). */
  addNode(kind: string, position: { x: number; y: number }, params?: Readonly<Record<string, unknown>>): string;
  /** Moves nodes; call with `final: false` while dragging and `true` on drop, so one drag is one undo step. */
  moveNodes(positions: ReadonlyMap<string, { x: number; y: number }>, final: boolean): void;
  connect(attempt: ConnectionAttempt): { ok: true; edgeId: string } | { ok: false; reason: string };
  /**
   * Replaces a node's params. Renaming an aggregate's output field renames it
   * in the nodes after it that read it (a chart's y), in the same undo step.
   */
  setParams(nodeId: string, params: Readonly<Record<string, unknown>>): void;
  renameNode(nodeId: string, name: string): void;
  renameDocument(name: string): void;
  select(selection: Selection): void;
  deleteSelection(): void;
  /** Adds nodes and edges (ids already fresh), selecting them: paste and duplicate end here. */
  insertFragment(nodes: readonly EditorNode[], edges: readonly EditorEdge[]): void;
  /** Replaces the whole document (import, open, new from example); undoable. */
  replaceDocument(doc: EditorDocument): void;
  setViewport(viewport: Viewport): void;
}

export type EditorStore = StoreApi<EditorState> & { temporal: StoreApi<import('zundo').TemporalState<{ doc: EditorDocument }>> };

export const EMPTY_DOCUMENT: EditorDocument = { name: 'Untitled pipeline', nodes: [], edges: [] };

/**
 * The editor's store: one document, its selection and viewport. Only the
 * document is in the undo history; selection and viewport are saved but not undone.
 */
export function createEditorStore(initial: Partial<Pick<EditorState, 'doc' | 'selection' | 'viewport'>> = {}): EditorStore {
  const store = createStore<EditorState>()(
    temporal(
      (set, get) => {
        let dragOrigin: Map<string, { x: number; y: number }> | null = null;
        const update = (change: (doc: EditorDocument) => EditorDocument): void => set((s) => ({ doc: change(s.doc) }));
        return {
          doc: initial.doc ?? EMPTY_DOCUMENT,
          selection: initial.selection ?? { nodes: [], edges: [] },
          viewport: initial.viewport ?? { x: 0, y: 0, zoom: 1 },
          addNode(kind, position, params) {
            const id = freshNodeId(get().doc, kind);
            update((doc) => ({ ...doc, nodes: [...doc.nodes, { id, kind, position, params: params === undefined ? starterParams(kind) : { ...params } }] }));
            set({ selection: { nodes: [id], edges: [] } });
            return id;
          },
          moveNodes(positions, final) {
            const history = (store as unknown as EditorStore).temporal.getState();
            const place = (where: ReadonlyMap<string, { x: number; y: number }>): void =>
              update((doc) => ({ ...doc, nodes: doc.nodes.map((n) => (where.has(n.id) ? { ...n, position: where.get(n.id)! } : n)) }));
            // Positions change on every frame of a drag; only the drop makes an undo step,
            // recorded from where the drag began.
            if (!final) {
              if (dragOrigin === null) {
                dragOrigin = new Map(get().doc.nodes.filter((n) => positions.has(n.id)).map((n) => [n.id, n.position]));
                history.pause();
              }
              place(positions);
              return;
            }
            if (dragOrigin !== null) {
              place(dragOrigin);
              dragOrigin = null;
              history.resume();
            }
            place(positions);
          },
          connect(attempt) {
            const checked = checkConnection(get().doc, attempt);
            if (!checked.ok) return checked;
            const edgeId = freshEdgeId(get().doc);
            const edge: EditorEdge = { id: edgeId, from: attempt.from, to: attempt.to, fromPort: attempt.fromPort === 'late' ? 'late' : 'out', toPort: 'in' };
            update((doc) => ({ ...doc, edges: [...doc.edges, edge] }));
            return { ok: true, edgeId };
          },
          setParams(nodeId, params) {
            update((doc) => {
              const node = doc.nodes.find((n) => n.id === nodeId);
              if (node === undefined) return doc;
              const renames = renamedOutputs(node.kind, node.params, params);
              const next = { ...doc, nodes: doc.nodes.map((n) => (n.id === nodeId ? { ...n, params } : n)) };
              return followRenames(next, nodeId, renames);
            });
          },
          renameNode(nodeId, name) {
            update((doc) => ({
              ...doc,
              nodes: doc.nodes.map((n) => {
                if (n.id !== nodeId) return n;
                const { name: _old, ...rest } = n;
                return name.trim() === '' ? rest : { ...rest, name };
              }),
            }));
          },
          renameDocument(name) {
            update((doc) => ({ ...doc, name }));
          },
          select(selection) {
            set({ selection });
          },
          deleteSelection() {
            const { nodes, edges } = get().selection;
            if (nodes.length === 0 && edges.length === 0) return;
            const goneNodes = new Set(nodes);
            const goneEdges = new Set(edges);
            update((doc) => ({
              ...doc,
              nodes: doc.nodes.filter((n) => !goneNodes.has(n.id)),
              edges: doc.edges.filter((e) => !goneEdges.has(e.id) && !goneNodes.has(e.from) && !goneNodes.has(e.to)),
            }));
            set({ selection: { nodes: [], edges: [] } });
          },
          insertFragment(nodes, edges) {
            update((doc) => ({ ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] }));
            set({ selection: { nodes: nodes.map((n) => n.id), edges: edges.map((e) => e.id) } });
          },
          replaceDocument(doc) {
            set({ doc, selection: { nodes: [], edges: [] } });
          },
          setViewport(viewport) {
            set({ viewport });
          },
        };
      },
      {
        partialize: (state) => ({ doc: state.doc }),
        equality: (a, b) => a.doc === b.doc,
        limit: 200,
      },
    ),
  );
  return store as unknown as EditorStore;
}
