import { analyseDocument } from '../analysis/analyse';
import { useEditor, useEditorStore } from '../store/context';
import type { EditorState } from '../store/documentStore';

const documentOf = (s: EditorState) => s.doc;

/** Every problem of the pipeline; clicking one selects its node. */
export function ProblemsPanel() {
  const doc = useEditor(documentOf);
  const store = useEditorStore();
  const { problems } = analyseDocument(doc);
  return (
    <section className="wp-problems" aria-label="Problems">
      <h2>Problems ({problems.length})</h2>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.path}-${i}`}>
            <button type="button" disabled={p.nodeId === undefined} onClick={() => { if (p.nodeId !== undefined) store.getState().select({ nodes: [p.nodeId], edges: [] }); }}>
              {p.message}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
