import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDuration, type PipelineDocument } from '../../model';
import type { Row } from '../operators/sinks';
import { runPipeline } from '../run/runPipeline';
import { pipeline } from '../testing/documents';
import { runWithCuts } from '../testing/snapshotRuns';
import { events, sourceNode, type Event } from './featureStreams';

function cleanDoc(rows: readonly Event[], params: Record<string, unknown>, opts: { keyed?: boolean; bound?: number; window?: boolean } = {}): PipelineDocument {
  const keyed = opts.keyed ?? true;
  const nodes = [
    sourceNode(rows, opts.bound ?? 5000),
    ...(keyed ? [{ id: 'key', kind: 'transform.keyBy', params: { fields: ['k'] } }] : []),
    { id: 'clean', kind: 'transform.clean', params: { fields: ['v'], ...params } },
    { id: 'out', kind: 'sink.collect' },
  ];
  if (opts.window !== true) return pipeline(nodes);
  const edges = nodes.slice(1).map((n, i) => ({ from: nodes[i]!.id, to: n.id }));
  nodes.push(
    { id: 'w', kind: 'window.tumbling', params: { size: '2s' } },
    { id: 'agg', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }] } },
    { id: 'counts', kind: 'sink.collect' },
  );
  edges.push({ from: 'clean', to: 'w' }, { from: 'w', to: 'agg' }, { from: 'agg', to: 'counts' });
  return pipeline(nodes, edges);
}

function run(doc: PipelineDocument, batchSize: number) {
  const r = runPipeline(doc, { batchSize, collectLate: true });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
}

function rowsOf(doc: PipelineDocument, batchSize = 16): Row[] {
  return run(doc, batchSize).results.get('out')!;
}

/** The rows of each key in order: clean keeps a key's order, not the order across keys (a waiting record holds back only its key). */
function byKey(rows: readonly Row[]): Map<unknown, Row[]> {
  const out = new Map<unknown, Row[]>();
  for (const r of rows) out.set(r['k'], [...(out.get(r['k']) ?? []), r]);
  return out;
}

/** What transform.clean should emit without resampling, when nothing waits past its maxWait (so only the end of input releases). */
function referenceClean(rows: readonly Event[], missing: string, constant: number, min: number, max: number): Row[] {
  const clip = (v: number | null): number | null => (v === null ? null : Math.min(max, Math.max(min, v)));
  const out: Row[] = [];
  rows.forEach((row, i) => {
    const same = rows.filter((r, j) => r.k === row.k && r.v !== null && (missing === 'interpolate' ? true : j < i));
    const before = rows.slice(0, i).filter((r) => r.k === row.k && r.v !== null).at(-1) ?? null;
    const after = rows.slice(i + 1).find((r) => r.k === row.k && r.v !== null) ?? null;
    void same;
    let v = row.v;
    if (v === null) {
      if (missing === 'drop') return;
      if (missing === 'constant') v = constant;
      else if (missing === 'forwardFill') v = before?.v ?? null;
      else if (after === null) v = before?.v ?? null;
      else if (before === null || after.ts === before.ts) v = after.v;
      else v = before.v! + Math.min(1, Math.max(0, (row.ts - before.ts) / (after.ts - before.ts))) * (after.v! - before.v!);
    }
    out.push({ ts: row.ts, k: row.k, v: clip(v) });
  });
  return out;
}

const rules = fc.constantFrom('drop', 'forwardFill', 'interpolate', 'constant');

describe('transform.clean', () => {
  it('fills, drops and clips missing values as a reference does, per key in arrival order', () => {
    fc.assert(fc.property(events({ nulls: true, late: true }), rules, fc.integer({ min: -100, max: 0 }), fc.integer({ min: 0, max: 100 }), (rows, missing, min, max) => {
      const actual = rowsOf(cleanDoc(rows, { missing, constant: 7, min, max, maxWait: '100d' }));
      const expected = referenceClean(rows, missing, 7, min, max);
      const a = byKey(actual);
      const e = byKey(expected);
      expect([...a.keys()].sort()).toEqual([...e.keys()].sort());
      for (const [k, list] of e) {
        const got = a.get(k)!;
        expect(got.length).toBe(list.length);
        list.forEach((row, i) => {
          expect(got[i]!['ts']).toBe(row['ts']);
          expect(got[i]!['v'] ?? null).toBeCloseTo(row['v'] as number, 9);
        });
      }
    }), { numRuns: 150 });
  });

  const params = fc.oneof(
    fc.record({ missing: rules, maxWait: fc.constantFrom('1ms', '500ms', '2s', '100d') }),
    fc.record({ missing: rules, resample: fc.constantFrom('1ms', '700ms', '2s', '10s') }),
  ).map((p) => ({ ...p, constant: -1, min: -80, max: 80 }));

  it('gives the same output whatever the batch boundaries, resampling too', () => {
    fc.assert(fc.property(events({ nulls: true, late: true }), params, fc.constantFrom(2, 5, 64, 4096), fc.boolean(), (rows, p, batchSize, keyed) => {
      const doc = cleanDoc(rows, p, { keyed });
      expect(rowsOf(doc, batchSize)).toEqual(rowsOf(doc, 1));
    }), { numRuns: 120 });
  });

  it('goes on from a snapshot taken mid-stream as if never stopped', () => {
    fc.assert(fc.property(events({ nulls: true, late: true, maxLength: 80 }), params, fc.array(fc.integer({ min: 0, max: 79 }), { minLength: 1, maxLength: 3 }), (rows, p, cuts) => {
      const doc = cleanDoc(rows, p);
      const script = { batchSize: 3 };
      const straight = runWithCuts(doc, script);
      const cut = runWithCuts(doc, script, cuts.map((c) => c % Math.max(1, straight.steps)));
      expect(cut.results).toEqual(straight.results);
      expect(cut.metrics).toEqual(straight.metrics);
    }), { numRuns: 60 });
  });

  it('holds its watermark below what it holds back: a window after it sees nothing late that was on time before it, but gaps filled after a silence', () => {
    // A 3 s bound: the source's own watermark never makes these events late.
    fc.assert(fc.property(events({ nulls: true, late: true }), params, fc.constantFrom(1, 7, 4096), (rows, p, batchSize) => {
      const r = run(cleanDoc(rows, p, { window: true, bound: 3000 }), batchSize);
      const late = r.late.get('w') ?? [];
      if ('resample' in p) {
        // A gap is filled when its key's next interval closes, so after a long silence it comes behind the watermark.
        const size = parseDuration(p.resample)!;
        for (const row of late) {
          expect((row['ts'] as number) % size).toBe(0);
          expect(rows.some((e) => e.k === row['k'] && Math.floor(e.ts / size) * size === row['ts'])).toBe(false);
        }
      } else expect(late).toEqual([]);
      // Every record the clean node sent is counted by the window or went to its late port (only gap fills may).
      const counted = r.results.get('counts')!.reduce((s, row) => s + (row['n'] as number), 0);
      expect(counted + late.length).toBe(r.results.get('out')!.length);
    }), { numRuns: 100 });
  });

  it('lets a record wait for the next known value at most until the watermark passes its time plus maxWait, then fills it forward', () => {
    const rows = [
      { ts: 1000, k: 'a', v: 10 }, { ts: 2000, k: 'a', v: null }, { ts: 2500, k: 'b', v: 1 },
      // The watermark (bound 0) reaches 4999 after this one: 2000 + 2 s has passed, so 2000 goes out filled forward.
      { ts: 5000, k: 'b', v: 2 }, { ts: 6000, k: 'a', v: 40 },
      { ts: 7000, k: 'a', v: null }, { ts: 8000, k: 'a', v: 30 },
    ];
    const out = rowsOf(cleanDoc(rows, { missing: 'interpolate', maxWait: '2s' }, { bound: 0 }), 1);
    expect(out.map((r) => [r['ts'], r['k'], r['v']])).toEqual([
      [1000, 'a', 10], [2500, 'b', 1], [5000, 'b', 2], [2000, 'a', 10], [6000, 'a', 40], [7000, 'a', 35], [8000, 'a', 30],
    ]);
  });

  it('resamples to one record per key per interval once the watermark passes it: the latest value, gaps filled, late records dropped', () => {
    const rows = [
      { ts: 1000, k: 'a', v: 1 }, { ts: 1900, k: 'a', v: 3 }, { ts: 1500, k: 'a', v: 2 },
      { ts: 2100, k: 'a', v: null }, { ts: 8500, k: 'a', v: 9 }, { ts: 900, k: 'a', v: 100 },
    ];
    const doc = (missing: string): PipelineDocument => cleanDoc(rows, { missing, resample: '2s' }, { bound: 1000 });
    // [0, 2 s): latest 1900's 3 (1500 came late but within the interval); [2 s, 4 s): no value, a gap in itself;
    // [8 s, 10 s): 9. 900 arrives after [0, 2 s) closed: dropped.
    expect(rowsOf(doc('forwardFill'), 1).map((r) => [r['ts'], r['v']])).toEqual([[0, 3], [2000, 3], [4000, 3], [6000, 3], [8000, 9]]);
    expect(rowsOf(doc('interpolate'), 1).map((r) => [r['ts'], r['v']])).toEqual([[0, 3], [2000, 3], [4000, 5], [6000, 7], [8000, 9]]);
    expect(rowsOf(doc('drop'), 1).map((r) => [r['ts'], r['v']])).toEqual([[0, 3], [8000, 9]]);
    const r = run(doc('drop'), 1);
    expect(r.metrics.get('clean')?.lateEvents).toBe(1);
  });
});
