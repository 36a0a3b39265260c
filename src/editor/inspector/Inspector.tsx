import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { BreakpointSection } from '../breakpoints/BreakpointSection';
import { NodeInspector } from './NodeInspector';
import { EdgeSummary, MultiSelection, PipelineSummary } from './SelectionViews';
import './inspector.css';

// Joined into strings so the selectors return equal values while the selection
// holds: a drag replaces the document on every frame, not the selection.
// Ids that no longer exist (a node removed by undo) are dropped.
const SEP = '\u0000';
const selectedNodes = (s: EditorState) => s.selection.nodes.filter((id) => s.doc.nodes.some((n) => n.id === id)).join(SEP);
const selectedEdges = (s: EditorState) => s.selection.edges.filter((id) => s.doc.edges.some((e) => e.id === id)).join(SEP);

function split(joined: string): string[] {
  return joined === '' ? [] : joined.split(SEP);
}

/**
 * The right-hand panel: the selected node's name, help, problems and a form
 * for its params derived from the format's schema; a selected edge's fields;
 * the pipeline's summary when nothing is selected.
 */
export function Inspector() {
  const nodes = split(useEditor(selectedNodes));
  const edges = split(useEditor(selectedEdges));
  let body;
  if (nodes.length === 1 && edges.length === 0) body = <NodeInspector key={nodes[0]} nodeId={nodes[0]!} />;
  else if (nodes.length === 0 && edges.length === 1) body = <EdgeSummary edgeId={edges[0]!} />;
  else if (nodes.length === 0 && edges.length === 0) body = <PipelineSummary />;
  else body = <MultiSelection nodes={nodes} edges={edges} />;
  return (
    <aside className="wp-inspector" aria-label="Inspector">
      {body}
      {nodes.length === 1 && edges.length === 0 && <BreakpointSection key={`n${nodes[0]}`} target={{ kind: 'node', nodeId: nodes[0]! }} />}
      {nodes.length === 0 && edges.length === 1 && <BreakpointSection key={`e${edges[0]}`} target={{ kind: 'edge', edgeId: edges[0]! }} />}
    </aside>
  );
}
