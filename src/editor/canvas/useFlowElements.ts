import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { analyseDocument, type Analysis } from '../analysis/analyse';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import type { EditorEdge, EditorNode } from '../store/types';
import type { PipelineFlowEdge, PipelineFlowNode } from './flowTypes';
import { familyOfAny, kindTitle } from './kindInfo';
import { summarize } from './summary';

export interface Size {
  readonly width: number;
  readonly height: number;
}

const canvasState = (s: EditorState) => ({ doc: s.doc, selectedNodes: s.selection.nodes, selectedEdges: s.selection.edges });

interface CachedNode {
  readonly source: EditorNode;
  readonly selected: boolean;
  readonly size: Size | undefined;
  readonly problems: readonly string[];
  readonly flow: PipelineFlowNode;
}

interface CachedEdge {
  readonly source: EditorEdge;
  readonly selected: boolean;
  readonly flow: PipelineFlowEdge;
}

const NO_PROBLEMS: readonly string[] = [];

function problemsOf(analysis: Analysis, id: string, previous: readonly string[] | undefined): readonly string[] {
  const found = analysis.problemsByNode.get(id);
  if (found === undefined || found.length === 0) return NO_PROBLEMS;
  const messages = found.map((p) => p.message);
  // Same sentences as before: keep the old array so the node is not redrawn.
  return previous !== undefined && previous.length === messages.length && previous.every((m, i) => m === messages[i]) ? previous : messages;
}

function toFlowNode(n: EditorNode, selected: boolean, size: Size | undefined, problems: readonly string[]): PipelineFlowNode {
  return {
    id: n.id,
    type: familyOfAny(n.kind),
    position: n.position,
    selected,
    ...(size === undefined ? {} : { measured: size }),
    ariaLabel: `${n.name ?? n.id}, ${kindTitle(n.kind)}`,
    // data-* attributes are valid HTML, though React's attribute types only allow them in JSX.
    domAttributes: { 'data-kind': n.kind } as NonNullable<PipelineFlowNode['domAttributes']>,
    data: { kind: n.kind, title: n.name ?? n.id, summary: summarize(n.kind, n.params), problems },
  };
}

function toFlowEdge(e: EditorEdge, selected: boolean): PipelineFlowEdge {
  const late = e.fromPort === 'late';
  return {
    id: e.id,
    source: e.from,
    sourceHandle: e.fromPort,
    target: e.to,
    targetHandle: 'in',
    selected,
    ariaLabel: `Edge from ${e.from}${late ? ' (late events)' : ''} to ${e.to}`,
    domAttributes: { 'data-from': e.from, 'data-from-port': e.fromPort, 'data-to': e.to } as NonNullable<PipelineFlowEdge['domAttributes']>,
    data: { late },
    // The handle it leaves is labelled `late`; the edge itself is dashed.
    ...(late ? { className: 'wp-edge-late' } : {}),
  };
}

/**
 * React Flow nodes and edges derived from the document, with stable
 * identities: a node object is rebuilt only when its document node, its
 * selection, its measured size or its problems change, so a drag redraws
 * just the dragged nodes. `sizes` are React Flow's measurements, which a
 * controlled flow has to hand back on its nodes.
 */
export function useFlowElements(sizes: ReadonlyMap<string, Size>): { nodes: PipelineFlowNode[]; edges: PipelineFlowEdge[]; analysis: Analysis } {
  const { doc, selectedNodes, selectedEdges } = useEditor(useShallow(canvasState));
  const nodeCache = useRef(new Map<string, CachedNode>());
  const edgeCache = useRef(new Map<string, CachedEdge>());
  // Cheap during a drag: the analysis is reused while only positions change.
  const analysis = analyseDocument(doc);

  const nodes = useMemo(() => {
    const selected = new Set(selectedNodes);
    const next = new Map<string, CachedNode>();
    const list = doc.nodes.map((n) => {
      const old = nodeCache.current.get(n.id);
      const isSelected = selected.has(n.id);
      const size = sizes.get(n.id);
      const problems = problemsOf(analysis, n.id, old?.problems);
      const reuse = old !== undefined && old.source === n && old.selected === isSelected && old.size === size && old.problems === problems;
      const entry = reuse ? old : { source: n, selected: isSelected, size, problems, flow: toFlowNode(n, isSelected, size, problems) };
      next.set(n.id, entry);
      return entry.flow;
    });
    nodeCache.current = next;
    return list;
  }, [doc.nodes, selectedNodes, sizes, analysis]);

  const edges = useMemo(() => {
    const selected = new Set(selectedEdges);
    const next = new Map<string, CachedEdge>();
    const list = doc.edges.map((e) => {
      const old = edgeCache.current.get(e.id);
      const isSelected = selected.has(e.id);
      const entry = old !== undefined && old.source === e && old.selected === isSelected ? old : { source: e, selected: isSelected, flow: toFlowEdge(e, isSelected) };
      next.set(e.id, entry);
      return entry.flow;
    });
    edgeCache.current = next;
    return list;
  }, [doc.edges, selectedEdges]);

  return { nodes, edges, analysis };
}
