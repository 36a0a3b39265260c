/**
 * Pipelines deeper than the stack allows pushes to nest: they validate,
 * compile and run in Node, with the results of the same pipeline written
 * shallow.
 */
import { describe, expect, it } from 'vitest';
import { validate, type PipelineDocument } from '../../model';
import { ndjsonData, pipeline } from '../testing/documents';
import { runPipeline, type RunResult } from './runPipeline';
import { MAX_NESTED_PUSHES } from './waitingBatches';

function ok(r: ReturnType<typeof runPipeline>): RunResult {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
}

/** Rows v = 0..n-1, one every 100 ms, with a key that cycles through three rooms. */
function rows(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, v) => ({ ts: 1000 + 100 * v, v, room: ['a', 'b', 'c'][v % 3] }));
}

const file = (n: number) => ({ id: 'src', kind: 'source.file', params: { eventTime: 'ts', timeFormat: 'epochMillis', data: ndjsonData(rows(n)) } });

/** `count` filters in a row, filter i dropping the row with v == i. */
function dropChain(count: number): { id: string; kind: string; params: Record<string, unknown> }[] {
  return Array.from({ length: count }, (_, i) => ({ id: `f${i}`, kind: 'transform.filter', params: { expr: `v != ${i}` } }));
}

const windowed = [
  { id: 'k', kind: 'transform.keyBy', params: { fields: ['room'] } },
  { id: 'w', kind: 'window.tumbling', params: { size: '1s' } },
  { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 'sum', fn: 'sum', field: 'v' }] } },
  { id: 'out', kind: 'sink.collect' },
];

describe('a pipeline deeper than the stack', () => {
  it('validates and runs a chain of 10,000 filters to the right rows', () => {
    const n = 10_000;
    const nodes = [file(n + 500), ...dropChain(n), { id: 'out', kind: 'sink.collect' }];
    const raw = {
      format: 'windowpane.pipeline', version: 1, name: 'deep',
      nodes: nodes.map((node) => ({ params: {}, ...node })),
      edges: nodes.slice(1).map((node, i) => ({ id: `e${i}`, from: nodes[i]!.id, to: node.id })),
    };
    const checked = validate(raw);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems.slice(0, 3)));
    const result = ok(runPipeline(checked.document));
    expect(result.results.get('out')!.map((row) => row['v'])).toEqual(Array.from({ length: 500 }, (_, i) => n + i));
    expect(result.metrics.get(`f${n - 1}`)?.rowsIn).toBe(501);
    expect(result.diagnostics).toEqual([]);
  }, 60_000);

  it('gives a window after a deep chain the results of the same pipeline written shallow', () => {
    const depth = 3 * MAX_NESTED_PUSHES;
    const deep = pipeline([file(900), ...dropChain(depth), ...windowed]);
    const shallow = pipeline([file(900), { id: 'f', kind: 'transform.filter', params: { expr: `v >= ${depth}` } }, ...windowed]);
    for (const batchSize of [1, 7, 4096]) {
      const got = ok(runPipeline(deep, { batchSize })).results.get('out');
      expect(got).toEqual(ok(runPipeline(shallow, { batchSize })).results.get('out'));
      expect(got!.length).toBeGreaterThan(100);
    }
  });

  it('keeps every edge in order when branches of different depths meet in a union', () => {
    // One branch passes straight to the union, the other through 250 filters: the long branch's
    // batches wait for a shallow stack, the short one's do not, and the union still sees each in order.
    const long = dropChain(250);
    const nodes = [file(600), ...long, { id: 'u', kind: 'transform.union' }, ...windowed];
    const edges = [
      { from: 'src', to: 'f0' },
      ...long.slice(1).map((node, i) => ({ from: long[i]!.id, to: node.id })),
      { from: long[long.length - 1]!.id, to: 'u' },
      { from: 'src', to: 'u' },
      { from: 'u', to: 'k' },
      { from: 'k', to: 'w' },
      { from: 'w', to: 'a' },
      { from: 'a', to: 'out' },
    ];
    const deep: PipelineDocument = pipeline(nodes, edges);
    const result = ok(runPipeline(deep, { batchSize: 50 })).results.get('out')!;
    // Every row once from the short branch, rows v >= 250 once more from the long one.
    const total = result.reduce((sum, row) => sum + Number(row['n']), 0);
    expect(total).toBe(600 + 350);
    const sum = result.reduce((s, row) => s + Number(row['sum']), 0);
    expect(sum).toBe((599 * 600) / 2 + (250 + 599) * 350 / 2);
  });
});
