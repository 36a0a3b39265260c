import type { OutlineEdge, OutlineNode } from './outline';

interface NodesTableProps {
  readonly nodes: readonly OutlineNode[];
  readonly problemCounts: ReadonlyMap<string, number>;
}

interface EdgesTableProps {
  readonly edges: readonly OutlineEdge[];
  readonly problemCounts: ReadonlyMap<string, number>;
}

function ProblemBadge({ count }: { readonly count: number }) {
  if (count === 0) return null;
  return (
    <span className="problem-badge">
      {count} {count === 1 ? 'problem' : 'problems'}
    </span>
  );
}

/** The document's nodes, read-only, in document order. */
export function NodesTable({ nodes, problemCounts }: NodesTableProps) {
  if (nodes.length === 0) return <p className="muted">This pipeline has no nodes.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" aria-labelledby="nodes-heading">
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Kind</th>
            <th scope="col">Parameters</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node, index) => {
            const problems = problemCounts.get(node.id) ?? 0;
            return (
              <tr key={`${node.id}-${index}`} className={problems > 0 ? 'has-problems' : undefined}>
                <th scope="row" className="node-cell">
                  <code className="node-id">{node.id}</code>
                  {node.label ? <span className="node-label">{node.label}</span> : null}
                  <ProblemBadge count={problems} />
                </th>
                <td>
                  <span className={`kind-chip kind-${node.family}`}>{node.kind}</span>
                </td>
                <td>
                  {node.params.length === 0 ? (
                    <span className="muted">none</span>
                  ) : (
                    <dl className="params">
                      {node.params.map(([key, value]) => (
                        <div key={key} className="param">
                          <dt>{key}</dt>
                          <dd>{value}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The document's edges, read-only, as `node.port` pairs. */
export function EdgesTable({ edges, problemCounts }: EdgesTableProps) {
  if (edges.length === 0) return <p className="muted">This pipeline has no edges.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table edges-table" aria-labelledby="edges-heading">
        <thead>
          <tr>
            <th scope="col" className="edge-col">
              Edge
            </th>
            <th scope="col" className="from-col">
              From
            </th>
            <th scope="col" className="arrow-col">
              <span className="visually-hidden">Direction</span>
            </th>
            <th scope="col">To</th>
          </tr>
        </thead>
        <tbody>
          {edges.map((edge, index) => {
            const problems = problemCounts.get(edge.id) ?? 0;
            return (
              <tr key={`${edge.id}-${index}`} className={problems > 0 ? 'has-problems' : undefined}>
                <th scope="row">
                  <code>{edge.id}</code>
                  <ProblemBadge count={problems} />
                </th>
                <td className="from-col">
                  <code>{edge.from}</code>
                  <span className="port">.{edge.fromPort}</span>
                </td>
                <td className="arrow-col" aria-hidden="true">
                  →
                </td>
                <td>
                  <code>{edge.to}</code>
                  <span className="port">.{edge.toPort}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
