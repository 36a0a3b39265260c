import { useMemo } from 'react';
import type { Example } from './catalog';
import { outlineOf } from './outline';
import { EdgesTable, NodesTable } from './PipelineTables';
import { problemCounts, verdictOf } from './validation';
import { ProblemList, VerdictStatus } from './VerdictPanel';

/** One example pipeline, read-only: what it is, whether it validates, its nodes and edges. */
export function ExampleDetail({ example }: { readonly example: Example }) {
  const verdict = useMemo(() => verdictOf(example.document), [example]);
  const outline = useMemo(() => outlineOf(example.document), [example]);
  const nodeProblems = useMemo(() => problemCounts(verdict, 'nodeId'), [verdict]);
  const edgeProblems = useMemo(() => problemCounts(verdict, 'edgeId'), [verdict]);

  return (
    <article className="detail" aria-labelledby="detail-heading">
      <header className="detail-header">
        <p className="eyebrow">
          <code>examples/{example.fileName}</code>
        </p>
        <h2 id="detail-heading" className="detail-title">
          {example.name}
        </h2>
        {example.description ? <p className="detail-description">{example.description}</p> : null}
        <VerdictStatus verdict={verdict} />
      </header>

      <ProblemList verdict={verdict} />

      <section className="panel" aria-labelledby="nodes-heading">
        <h3 id="nodes-heading">
          Nodes <span className="count">{outline.nodes.length}</span>
        </h3>
        <NodesTable nodes={outline.nodes} problemCounts={nodeProblems} />
      </section>

      <section className="panel" aria-labelledby="edges-heading">
        <h3 id="edges-heading">
          Edges <span className="count">{outline.edges.length}</span>
        </h3>
        <EdgesTable edges={outline.edges} problemCounts={edgeProblems} />
      </section>
    </article>
  );
}
