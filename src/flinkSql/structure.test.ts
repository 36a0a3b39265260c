/**
 * Structural tests on the parse tree: for every aggregate of the golden
 * cases, the examples and generated pipelines, the exported view's window
 * function, its intervals, its GROUP BY columns and its aggregate calls
 * match the pipeline, read back from dt-sql-parser's FlinkSQL parse tree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDuration, type AggregationSpec, type PipelineNode } from '../model';
import { examples } from './exportTesting';
import { generatedPipeline } from './generatedPipelines';
import { GOLDEN_CASES } from './golden/cases';
import { exportFlinkSql } from './index';
import { intervalMs, viewStructure } from './parseTree';
import { prepare } from './prepare';
import type { FlinkExportOptions } from './types';
import { FlinkSQL } from 'dt-sql-parser';

type WindowNode = Extract<PipelineNode, { kind: `window.${string}` }>;

const ms = (text: string): number => parseDuration(text) ?? NaN;

/** The window function and intervals a window must become. */
function expectedWindow(w: WindowNode): { fn: string; form: 'tvf' | 'group'; intervalsMs: number[] } {
  const offset = (o: string) => (ms(o) === 0 ? [] : [ms(o)]);
  switch (w.kind) {
    case 'window.tumbling': return { fn: 'TUMBLE', form: 'tvf', intervalsMs: [ms(w.params.size), ...offset(w.params.offset)] };
    case 'window.hopping': {
      const multiple = ms(w.params.size) % ms(w.params.slide) === 0;
      return { fn: 'HOP', form: multiple ? 'tvf' : 'group', intervalsMs: [ms(w.params.slide), ms(w.params.size), ...offset(w.params.offset)] };
    }
    case 'window.cumulate': return { fn: 'CUMULATE', form: 'tvf', intervalsMs: [ms(w.params.step), ms(w.params.maxSize), ...offset(w.params.offset)] };
    case 'window.session': return { fn: 'SESSION', form: 'group', intervalsMs: [ms(w.params.gap)] };
    case 'window.count': throw new Error('count windows have no view');
  }
}

const FN_SQL: Readonly<Record<AggregationSpec['fn'], string>> = {
  count: 'COUNT', sum: 'SUM', avg: 'AVG', min: 'MIN', max: 'MAX', variance: 'VAR_SAMP', stddev: 'STDDEV_SAMP',
  countDistinct: 'COUNT DISTINCT', approxCountDistinct: 'COUNT DISTINCT', percentile: 'PERCENTILE', first: 'FIRST_VALUE', last: 'LAST_VALUE',
};

/** Checks every aggregate view of `document`'s export; returns how many views it checked. */
function checkAggregates(document: unknown, options: FlinkExportOptions = {}): number {
  const prepared = prepare(document, options);
  const result = exportFlinkSql(document, options);
  if (!prepared.ok || !result.ok) throw new Error('export failed');
  const doc = prepared.document;
  let checked = 0;
  for (const agg of doc.nodes) {
    if (agg.kind !== 'aggregate') continue;
    const inEdge = doc.edges.find((e) => e.to === agg.id)!;
    const feeder = doc.nodes.find((n) => n.id === inEdge.from)!;
    const window = feeder.kind.startsWith('window.') ? feeder as WindowNode : null;
    const keyEdge = window === null ? inEdge : doc.edges.find((e) => e.to === window.id)!;
    const keys = (prepared.edgeSchemas.get(keyEdge.id)?.keys ?? []).map((k) => k.name);
    const view = result.statements.find((s) => s.kind === 'createView' && s.text.includes(`CREATE TEMPORARY VIEW \`${agg.id.replaceAll('`', '``')}\` AS`));
    if (view === undefined) {
      // Not expressed: then it is a gap, never silently dropped.
      expect(result.gaps.some((g) => g.nodeId === agg.id && g.severity === 'unmappable'), agg.id).toBe(true);
      continue;
    }
    expect(view.nodeIds).toContain(agg.id);
    const structure = viewStructure(view.text);
    if (window === null) {
      expect(structure.window).toBeNull();
      expect(structure.groupBy).toEqual(keys);
    } else {
      expect(view.nodeIds).toContain(window.id);
      const expected = expectedWindow(window);
      expect(structure.window).toEqual(expected);
      const eventTime = window.kind !== 'window.count' && window.params.time === 'event';
      expect(structure.groupBy).toEqual(expected.form === 'tvf' ? ['window_start', 'window_end', ...(eventTime ? ['window_time'] : []), ...keys] : keys);
    }
    expect(Object.fromEntries(structure.aggregates)).toEqual(Object.fromEntries(agg.params.aggregations.map((a) => [a.name, { fn: FN_SQL[a.fn], column: a.field ?? '*' }])));
    checked++;
  }
  return checked;
}

describe('the parse tree of each aggregate view matches its pipeline', () => {
  it('reads interval literals back to milliseconds on its own', () => {
    const tree = (literal: string) => new FlinkSQL().parse(`SELECT ${literal} FROM t;`);
    expect(intervalMs(tree("INTERVAL '1:40' MINUTE TO SECOND"))).toBe(100_000);
    expect(intervalMs(tree("INTERVAL '-2:00:05' HOUR TO SECOND"))).toBe(-7_205_000);
    expect(intervalMs(tree("INTERVAL '1.5' SECOND"))).toBe(1500);
    expect(intervalMs(tree("INTERVAL '4 04:00:00' DAY TO SECOND"))).toBe(360_000_000);
  });

  it('catches a view that differs from its pipeline', () => {
    const s = viewStructure("CREATE TEMPORARY VIEW v AS SELECT window_start, COUNT(DISTINCT `x`) AS n, CAST(COUNT(*) - 1 AS BIGINT) AS revision FROM TABLE(HOP(TABLE t, DESCRIPTOR(r), INTERVAL '2' SECOND, INTERVAL '10' SECOND)) GROUP BY window_start, window_end, `k`;");
    expect(s.window).toEqual({ fn: 'HOP', form: 'tvf', intervalsMs: [2000, 10_000] });
    expect(s.groupBy).toEqual(['window_start', 'window_end', 'k']);
    expect([...s.aggregates]).toEqual([['n', { fn: 'COUNT DISTINCT', column: 'x' }]]);
  });

  it.each(GOLDEN_CASES.map((c) => [c.name, c] as const))('golden case %s', (_, c) => {
    checkAggregates(c.document, c.options);
  });

  it.each(examples().map((e) => [e.name, e.document] as const))('example %s', (_, document) => {
    checkAggregates(document);
  });

  it('150 generated pipelines', () => {
    let views = 0;
    fc.assert(fc.property(generatedPipeline, ({ document, options }) => {
      views += checkAggregates(document, options);
    }), { numRuns: 150, seed: 61 });
    expect(views).toBeGreaterThan(50);
  }, 120_000);
});
