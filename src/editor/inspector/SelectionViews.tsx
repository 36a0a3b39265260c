import { familyOf, isNodeKind } from '../../model';
import { analyseDocument } from '../analysis/analyse';
import { useEditor, useEditorStore } from '../store/context';
import type { EditorState } from '../store/documentStore';

const documentOf = (s: EditorState) => s.doc;

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Nothing selected: what the pipeline is, and how to start editing. */
export function PipelineSummary() {
  const doc = useEditor(documentOf);
  const { problems } = analyseDocument(doc);
  const families = new Map<string, number>();
  for (const n of doc.nodes) {
    const family = isNodeKind(n.kind) ? familyOf(n.kind) : 'unknown';
    families.set(family, (families.get(family) ?? 0) + 1);
  }
  return (
    <div className="wp-summary">
      <p className="wp-inspector-eyebrow">Pipeline</p>
      <h2 className="wp-summary-title">{doc.name}</h2>
      {doc.description !== undefined && <p className="wp-inspector-help">{doc.description}</p>}
      <dl className="wp-stats">
        <div><dt>Nodes</dt><dd>{doc.nodes.length}</dd></div>
        <div><dt>Edges</dt><dd>{doc.edges.length}</dd></div>
        <div className={problems.length > 0 ? 'is-bad' : 'is-ok'}><dt>Problems</dt><dd>{problems.length}</dd></div>
      </dl>
      {families.size > 0 && (
        <ul className="wp-family-list" aria-label="Nodes by family">
          {[...families].map(([family, n]) => <li key={family}><span className={`kind-chip kind-${family}`}>{family}</span> {n}</li>)}
        </ul>
      )}
      <p className="wp-hint">
        {doc.nodes.length === 0
          ? 'Drag a source from the palette onto the canvas to begin, then connect it to a window, an aggregate and a sink.'
          : 'Select a node on the canvas to edit its settings; its help explains what each one does.'}
      </p>
    </div>
  );
}

/** Several things selected: how many, and a way to narrow down to one. */
export function MultiSelection({ nodes, edges }: { readonly nodes: readonly string[]; readonly edges: readonly string[] }) {
  const doc = useEditor(documentOf);
  const store = useEditorStore();
  const parts = [nodes.length > 0 ? plural(nodes.length, 'node') : '', edges.length > 0 ? plural(edges.length, 'edge') : ''].filter((p) => p !== '');
  return (
    <div className="wp-summary">
      <p className="wp-inspector-eyebrow">Selection</p>
      <h2 className="wp-summary-title">{parts.join(' and ')} selected</h2>
      <p className="wp-hint">Select a single node to edit its settings.</p>
      {nodes.length > 0 && (
        <ul className="wp-selection-list">
          {nodes.map((id) => {
            const node = doc.nodes.find((n) => n.id === id);
            if (node === undefined) return null;
            const family = isNodeKind(node.kind) ? familyOf(node.kind) : '';
            return (
              <li key={id}>
                <button type="button" className="wp-selection-item" onClick={() => store.getState().select({ nodes: [id], edges: [] })}>
                  <span className="wp-selection-name">{node.name ?? node.id}</span>
                  <span className={`kind-chip kind-${family}`}>{node.kind}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** One edge selected: where it runs and the fields that flow along it. */
export function EdgeSummary({ edgeId }: { readonly edgeId: string }) {
  const doc = useEditor(documentOf);
  const edge = doc.edges.find((e) => e.id === edgeId);
  if (edge === undefined) return null;
  const schema = analyseDocument(doc).edgeSchemas.get(edgeId);
  const label = (id: string) => doc.nodes.find((n) => n.id === id)?.name ?? id;
  const keys = schema?.keys?.map((k) => k.name) ?? [];
  return (
    <div className="wp-summary">
      <p className="wp-inspector-eyebrow">Edge <code>{edge.id}</code></p>
      <h2 className="wp-summary-title wp-edge-title">
        <span>{label(edge.from)}</span><span className="port">.{edge.fromPort}</span>
        <span aria-label="to" className="wp-edge-arrow">→</span>
        <span>{label(edge.to)}</span>
      </h2>
      {edge.fromPort === 'late' && <p className="wp-inspector-help">Carries the events that arrived too late for every window they belong to.</p>}
      {schema === undefined ? (
        <p className="wp-hint">The fields on this edge are not known until the nodes before it are fixed.</p>
      ) : (
        <table className="wp-field-table">
          <caption>{plural(schema.fields.length, 'field')}{keys.length > 0 ? `, keyed by ${keys.join(', ')}` : ''}</caption>
          <thead><tr><th scope="col">Field</th><th scope="col">Type</th></tr></thead>
          <tbody>
            {schema.fields.map((f) => (
              <tr key={f.name}><th scope="row"><code>{f.name}</code></th><td>{f.type}{keys.includes(f.name) ? <span className="wp-key-badge">key</span> : null}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
