import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';

const selectedNode = (s: EditorState) => (s.selection.nodes.length === 1 ? s.doc.nodes.find((n) => n.id === s.selection.nodes[0]) : undefined);

/** The right-hand panel: the selected node's parameters. */
export function Inspector() {
  const node = useEditor(selectedNode);
  return (
    <aside className="wp-inspector" aria-label="Inspector">
      {node === undefined ? <p>Select a node to edit its settings.</p> : <h2>{node.name ?? node.id} <small>{node.kind}</small></h2>}
    </aside>
  );
}
