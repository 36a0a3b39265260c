import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate } from '../model';
import { scriptErrors } from './exportTesting';
import { generatedPipeline } from './generatedPipelines';
import { exportFlinkSql } from './index';

const RUNS = 500;

describe('generated valid pipelines export to scripts the Flink SQL grammar accepts', () => {
  it(`holds for ${RUNS} pipelines covering every kind, window and aggregate function`, () => {
    const kinds = new Set<string>();
    const fns = new Set<string>();
    let runs = 0;
    fc.assert(fc.property(generatedPipeline, ({ document, options }) => {
      runs++;
      const valid = validate(document);
      if (!valid.ok) throw new Error(`the generator made an invalid document: ${JSON.stringify(valid.problems)}`);
      for (const node of valid.document.nodes) {
        kinds.add(node.kind);
        if (node.kind === 'aggregate') node.params.aggregations.forEach((a) => fns.add(a.fn));
      }
      const result = exportFlinkSql(document, options);
      if (!result.ok) throw new Error(`export failed: ${JSON.stringify(result.problems)}`);
      expect(scriptErrors(result.script), result.script).toEqual([]);
      for (const s of result.statements) expect(result.script.slice(s.from, s.to)).toBe(s.text);
      // Never silently dropped: every node is in a statement or in a gap, and every gap names a node of the pipeline.
      const ids = new Set(valid.document.nodes.map((n) => n.id));
      const named = new Set([...result.statements.flatMap((s) => s.nodeIds), ...result.gaps.map((g) => g.nodeId)]);
      for (const id of ids) expect(named.has(id), `node '${id}' is neither expressed nor a gap\n${result.script}`).toBe(true);
      for (const g of result.gaps) expect(ids.has(g.nodeId)).toBe(true);
    }), { numRuns: RUNS, seed: 16 });
    expect(runs).toBe(RUNS);
    expect([...kinds].sort()).toEqual([
      'aggregate', 'sink.chart', 'sink.collect', 'sink.log', 'sink.table', 'source.file', 'source.sample', 'source.websocket',
      'transform.filter', 'transform.keyBy', 'transform.map', 'transform.union',
      'window.count', 'window.cumulate', 'window.hopping', 'window.session', 'window.tumbling',
    ]);
    expect(fns.size).toBe(12);
  }, 300_000);
});
