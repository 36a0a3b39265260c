import { memo } from 'react';
import type { Analysis } from '../analysis/analyse';
import type { EditorDocument } from '../store/types';

export interface EdgeHover {
  readonly edgeId: string;
  /** Pointer position inside the canvas, in pixels. */
  readonly x: number;
  readonly y: number;
}

function labelOf(doc: EditorDocument, id: string): string {
  const n = doc.nodes.find((node) => node.id === id);
  return n?.name ?? id;
}

/** The fields and types that flow along the edge under the pointer, and its keys. */
export const EdgeTooltip = memo(function EdgeTooltip({ hover, doc, analysis }: { hover: EdgeHover; doc: EditorDocument; analysis: Analysis }) {
  const edge = doc.edges.find((e) => e.id === hover.edgeId);
  if (edge === undefined) return null;
  const schema = analysis.edgeSchemas.get(edge.id);
  const keys = new Set(schema?.keys?.map((k) => k.name) ?? []);
  return (
    <div className="wp-edge-tip" role="tooltip" data-testid="edge-fields" style={{ transform: `translate(${hover.x + 14}px, ${hover.y + 14}px)` }}>
      <div className="wp-edge-tip-title">
        {labelOf(doc, edge.from)}
        {edge.fromPort === 'late' && <span className="wp-edge-tip-port">late</span>}
        {' → '}
        {labelOf(doc, edge.to)}
      </div>
      {schema === undefined ? (
        <p className="wp-edge-tip-empty">Fields are known once the nodes before this edge are valid.</p>
      ) : (
        <table>
          <tbody>
            {schema.fields.map((f) => (
              <tr key={f.name}>
                <th scope="row">{f.name}{keys.has(f.name) && <span className="wp-key-chip" title="Key field">key</span>}</th>
                <td className={`wp-type wp-type-${f.type}`}>{f.type}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
});
