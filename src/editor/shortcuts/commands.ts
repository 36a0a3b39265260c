import { GRID } from '../canvas/flowTypes';
import type { EditorStore } from '../store/documentStore';
import { rekeyFragment, selectionToFragment } from '../store/fragment';
import type { EditorNode } from '../store/types';
import { copySelection, readFragment } from './clipboard';

/** How far a duplicate or a paste lands from its original: two grid steps. */
const PASTE_STEP = 32;

/** Keeps the selection to nodes and edges that still exist (after an undo, say). */
function pruneSelection(store: EditorStore): void {
  const { doc, selection } = store.getState();
  const nodes = selection.nodes.filter((id) => doc.nodes.some((n) => n.id === id));
  const edges = selection.edges.filter((id) => doc.edges.some((e) => e.id === id));
  if (nodes.length !== selection.nodes.length || edges.length !== selection.edges.length) store.getState().select({ nodes, edges });
}

/** Steps back one change of the document. */
export function undo(store: EditorStore): void {
  store.temporal.getState().undo();
  pruneSelection(store);
}

/** Steps forward again after an undo. */
export function redo(store: EditorStore): void {
  store.temporal.getState().redo();
  pruneSelection(store);
}

/** Selects every node and edge. */
export function selectAll(store: EditorStore): void {
  const { doc } = store.getState();
  store.getState().select({ nodes: doc.nodes.map((n) => n.id), edges: doc.edges.map((e) => e.id) });
}

/**
 * Moves the selected nodes by (dx, dy) in one undo step, each landing on
 * the canvas grid as a dragged node does (and as React Flow moves a focused
 * one). False when nothing is selected.
 */
export function nudgeSelection(store: EditorStore, dx: number, dy: number): boolean {
  const { doc, selection } = store.getState();
  if (selection.nodes.length === 0) return false;
  const chosen = new Set(selection.nodes);
  const snap = (v: number): number => Math.round(v / GRID) * GRID;
  const moved = new Map(doc.nodes.filter((n) => chosen.has(n.id)).map((n) => [n.id, { x: snap(n.position.x + dx), y: snap(n.position.y + dy) }]));
  store.getState().moveNodes(moved, true);
  return true;
}

/** Copies the selected nodes beside themselves, with the edges between them; the copies end up selected. */
export function duplicateSelection(store: EditorStore): boolean {
  const { doc, selection } = store.getState();
  if (selection.nodes.length === 0) return false;
  const copy = rekeyFragment(doc, selectionToFragment(doc, selection), { x: PASTE_STEP, y: PASTE_STEP });
  store.getState().insertFragment(copy.nodes, copy.edges);
  return true;
}

/** A rectangle of the canvas, in flow coordinates. */
export interface Area {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function bounds(nodes: readonly EditorNode[]): Area {
  const xs = nodes.map((n) => n.position.x);
  const ys = nodes.map((n) => n.position.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

function overlaps(a: Area, b: Area): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

/** Clears the selection. */
export function selectNone(store: EditorStore): void {
  const { selection } = store.getState();
  if (selection.nodes.length > 0 || selection.edges.length > 0) store.getState().select({ nodes: [], edges: [] });
}

/** The part of the browser's clipboard the editor uses (navigator.clipboard). */
export interface TextClipboard {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
}

/**
 * Copy and paste through the system clipboard as pipeline JSON, so nodes
 * travel between tabs and into a text editor. Pasting the same text again
 * lands each copy one step further on, instead of stacking them.
 */
export function createClipboardCommands(store: EditorStore, clipboard: TextClipboard) {
  let lastText = '';
  let times = 0;
  return {
    /** Resolves to how many nodes were copied (0 when nothing was selected). */
    async copy(): Promise<number> {
      const { doc, selection } = store.getState();
      const text = copySelection(doc, selection);
      if (text === null) return 0;
      await clipboard.writeText(text);
      lastText = text;
      times = 0;
      return selection.nodes.length;
    },
    /**
     * Resolves to the number of nodes pasted, or the reason nothing was.
     * When the copies would land outside `view` (nodes copied in another
     * tab, far from what is on screen here), they land in its middle instead.
     */
    async paste(view?: Area): Promise<{ ok: true; count: number } | { ok: false; reason: string }> {
      const text = await clipboard.readText();
      const read = readFragment(text);
      if (!read.ok) return read;
      times = text === lastText ? times + 1 : 1;
      lastText = text;
      let offset = { x: PASTE_STEP * times, y: PASTE_STEP * times };
      const from = bounds(read.fragment.nodes);
      if (view !== undefined && !overlaps({ ...from, x: from.x + offset.x, y: from.y + offset.y }, view)) {
        const snap = (v: number): number => Math.round(v / (PASTE_STEP / 2)) * (PASTE_STEP / 2);
        offset = { x: snap(view.x + view.width / 2 - (from.x + from.width / 2)), y: snap(view.y + view.height / 2 - (from.y + from.height / 2)) };
      }
      const pasted = rekeyFragment(store.getState().doc, read.fragment, offset);
      store.getState().insertFragment(pasted.nodes, pasted.edges);
      return { ok: true, count: pasted.nodes.length };
    },
  };
}
