import { useMemo } from 'react';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { describeSpec } from './specs';
import { onEdge, onNode, useBreakpoints, type BreakpointsState } from './store';

const docOf = (s: EditorState) => s.doc;
const listOf = (s: BreakpointsState) => s.list;

/** A red dot on a node with breakpoints; its title lists them. */
export function NodeBreakpointMarker({ nodeId }: { nodeId: string }) {
  // The list itself (a new array on every call would be a new snapshot every render).
  const list = useBreakpoints(listOf);
  const specs = onNode(list, nodeId).map((b) => b.spec);
  const doc = useEditor(docOf);
  if (specs.length === 0) return null;
  const title = specs.map((s) => describeSpec(doc, s)).join('\n');
  return <span className="wp-bp-marker" role="img" aria-label={`Breakpoints: ${title}`} title={title} data-testid="breakpoint-marker" />;
}

/** A red dot at an edge's middle when a condition is set on it. */
export function EdgeBreakpointMarker({ edgeId, x, y }: { edgeId: string; x: number; y: number }) {
  const select = useMemo(() => (s: BreakpointsState) => onEdge(s.list, edgeId).length, [edgeId]);
  const count = useBreakpoints(select);
  if (count === 0) return null;
  return (
    <g className="wp-bp-edge-marker" data-testid="edge-breakpoint-marker" data-edge={edgeId} transform={`translate(${x} ${y - 14})`}>
      <title>{`${count} breakpoint${count === 1 ? '' : 's'} on this edge`}</title>
      <circle r={5} />
    </g>
  );
}
