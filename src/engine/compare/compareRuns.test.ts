import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../model';
import type { Row } from '../operators/sinks';
import type { WindowTraceEvent } from '../operators/types';
import { runPipeline } from '../run/runPipeline';
import { pipeline } from '../testing/documents';
import { compareWhatIf } from './compareRuns';
import { sameCell } from './diffRuns';
import { applyChange } from './whatIfParams';
import type { Comparison, ParamChange } from './types';

/** A keyed tumbling window over a sample stream with late events, its lateness and size given. */
function cardSpend(window: Record<string, unknown>, source: Record<string, unknown> = {}): PipelineDocument {
  return pipeline([
    { id: 'src', kind: 'source.sample', params: { stream: 'payments', rate: 50, keys: 6, limit: 3000, seed: 3, maxOutOfOrderness: '5s', lateFraction: 0.1, ...source } },
    { id: 'k', kind: 'transform.keyBy', params: { fields: ['card'] } },
    { id: 'w', kind: 'window.tumbling', params: { size: '1m', ...window } },
    { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 'total', fn: 'sum', field: 'amount' }] } },
    { id: 'out', kind: 'sink.collect' },
  ]);
}

interface Expected { windows: Map<string, { values: Row; revisions: number }>; late: number; trace: WindowTraceEvent[] }

/** One plain run, read window by window from its collect sink (the latest revision wins). */
function plainRun(doc: PipelineDocument, keyFields: readonly string[]): Expected {
  const trace: WindowTraceEvent[] = [];
  const result = runPipeline(doc, { trace: (e) => { if (e.type !== 'rows') trace.push(e); } });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const windows = new Map<string, { values: Row; revisions: number }>();
  for (const row of result.results.get('out')!) {
    const id = JSON.stringify([row['window_start'], row['window_end'], ...keyFields.map((f) => row[f])]);
    const values: Row = {};
    for (const [k, v] of Object.entries(row)) if (!['window_start', 'window_end', 'revision', ...keyFields].includes(k)) values[k] = v;
    const known = windows.get(id);
    windows.set(id, { values, revisions: known === undefined ? 0 : known.revisions + 1 });
  }
  const late = [...new Set(result.metrics.values())].reduce((n, m) => n + m.lateEvents, 0);
  return { windows, late, trace };
}

/** What a comparison must say, worked out from two independent runs. */
function expectAgrees(comparison: Comparison, a: Expected, b: Expected): void {
  const node = comparison.nodes.find((n) => n.nodeId === 'w')!;
  let same = 0;
  let changed = 0;
  for (const [id, wa] of a.windows) {
    const wb = b.windows.get(id);
    if (wb === undefined) continue;
    const equal = Object.keys({ ...wa.values, ...wb.values }).every((k) => sameCell(wa.values[k], wb.values[k]));
    if (equal) same++;
    else changed++;
  }
  expect(node.windowsA).toBe(a.windows.size);
  expect(node.windowsB).toBe(b.windows.size);
  expect(node.same).toBe(same);
  expect(node.changed).toBe(changed);
  expect(node.onlyA).toBe([...a.windows.keys()].filter((id) => !b.windows.has(id)).length);
  expect(node.onlyB).toBe([...b.windows.keys()].filter((id) => !a.windows.has(id)).length);
  expect(node.lateA).toBe(a.late);
  expect(node.lateB).toBe(b.late);
  expect(node.revisionsA).toBe([...a.windows.values()].reduce((n, w) => n + w.revisions, 0));
  expect(node.revisionsB).toBe([...b.windows.values()].reduce((n, w) => n + w.revisions, 0));
  // Every listed difference carries the values each run really gave.
  for (const d of node.differences) {
    const id = JSON.stringify([d.start, d.end, ...d.key]);
    expect(d.a?.values ?? null).toEqual(a.windows.get(id)?.values ?? null);
    expect(d.b?.values ?? null).toEqual(b.windows.get(id)?.values ?? null);
  }
}

function compareAgainstPlainRuns(doc: PipelineDocument, change: ParamChange): Comparison {
  const compared = compareWhatIf(doc, change, { maxListed: 10_000 });
  if (!compared.ok) throw new Error(compared.message);
  const changedDoc = applyChange(doc, change);
  if (!changedDoc.ok) throw new Error(changedDoc.message);
  expectAgrees(compared.comparison, plainRun(doc, ['card']), plainRun(changedDoc.document, ['card']));
  return compared.comparison;
}

describe('what-if comparison', () => {
  it('agrees with two independent runs when allowed lateness goes from 0 to 30s: fewer late events, revised windows', () => {
    const c = compareAgainstPlainRuns(cardSpend({ allowedLateness: '0s' }), { nodeId: 'w', param: 'allowedLateness', value: '30s' });
    const node = c.nodes[0]!;
    expect(node.lateA).toBeGreaterThan(node.lateB);
    expect(node.changed).toBeGreaterThan(0);
    expect(node.revisionsA).toBe(0);
    expect(node.revisionsB).toBeGreaterThan(0);
    expect(c.before).toBe('0s');
  });

  it('agrees with two independent runs when the window size changes: windows present in one run only', () => {
    const c = compareAgainstPlainRuns(cardSpend({ allowedLateness: '3s' }), { nodeId: 'w', param: 'size', value: '30s' });
    const node = c.nodes[0]!;
    expect(node.onlyA).toBe(node.windowsA);
    expect(node.onlyB).toBe(node.windowsB);
    expect(node.differences.some((d) => d.a === null) && node.differences.some((d) => d.b === null)).toBe(true);
  });

  it('agrees with two independent runs for any lateness, either way round (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 50 }), (from, to, seed) => {
      const doc = cardSpend({ allowedLateness: `${from}ms` }, { seed, limit: 600 });
      compareAgainstPlainRuns(doc, { nodeId: 'w', param: 'allowedLateness', value: `${to}ms` });
    }), { numRuns: 15 });
  });

  it('says how far the watermark had passed each window when its first result came, as the trace of a plain run does', () => {
    const doc = cardSpend({ allowedLateness: '0s' });
    const compared = compareWhatIf(doc, { nodeId: 'w', param: 'allowedLateness', value: '10s' }, { listAll: true });
    if (!compared.ok) throw new Error(compared.message);
    const { trace } = plainRun(doc, ['card']);
    const firedAt = new Map<string, number>();
    for (const e of trace) if (e.type === 'fired' && !firedAt.has(`${e.windowStart}`)) firedAt.set(`${e.windowStart}`, e.watermark);
    const all = compared.comparison.nodes[0]!.all!;
    expect(all.length).toBeGreaterThan(0);
    let checked = 0;
    for (const d of all) {
      const fired = firedAt.get(`${d.start}`);
      if (d.a === null || fired === undefined) continue;
      if (fired === Infinity) expect(d.a.firstLagMs).toBeNull();
      else expect(d.a.firstLagMs).toBe(fired - (d.end - 1));
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    // Lateness does not move first results; only revisions and late counts change.
    expect(compared.comparison.nodes[0]!.timingChanged).toBe(0);
  });

  it('finds first results later, in events read, with a larger out-of-orderness bound of a file source', () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ ts: 1_700_000_000_000 + i * 100, card: `c${i % 3}`, amount: i }));
    const doc = pipeline([
      { id: 'src', kind: 'source.file', params: { format: 'ndjson', eventTime: 'ts', data: rows.map((r) => JSON.stringify(r)).join('\n'), maxOutOfOrderness: '0ms' } },
      { id: 'k', kind: 'transform.keyBy', params: { fields: ['card'] } },
      { id: 'w', kind: 'window.tumbling', params: { size: '5s' } },
      { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }] } },
      { id: 'out', kind: 'sink.collect' },
    ]);
    const compared = compareWhatIf(doc, { nodeId: 'src', param: 'maxOutOfOrderness', value: '2s' }, { listAll: true });
    if (!compared.ok) throw new Error(compared.message);
    const node = compared.comparison.nodes[0]!;
    expect(node.changed + node.onlyA + node.onlyB).toBe(0);
    // The window [0, 5s) ends with the 50th event; its first result comes when the watermark reaches 4.999 s:
    // with no bound at the event of 5 s (the 51st), with 2 s at the event of 7 s (the 71st).
    const first = node.all!.find((d) => d.start === 1_700_000_000_000 && d.key[0] === 'c0')!;
    expect(first.a!.firstAfterEvents).toBe(51);
    expect(first.b!.firstAfterEvents).toBe(71);
    expect(node.timingChanged).toBe(node.windowsA - 3); // the last window of each key fires at the end of input in both runs
  });

  it('lets a host follow each run as it is built (a timeline of both): its tap sees every batch of its own run', () => {
    const doc = cardSpend({ allowedLateness: '0s' });
    const late = { a: 0, b: 0 };
    const windowRows = { a: 0, b: 0 };
    const compared = compareWhatIf(doc, { nodeId: 'w', param: 'allowedLateness', value: '30s' }, {
      observe: (run, plan, runtime) => {
        expect(plan.steps.some((s) => s.nodeId === 'w')).toBe(true);
        expect(runtime.metrics().get('w')?.rowsIn ?? 0).toBe(0);
        return (stepId, port, batch, rows) => {
          const n = rows === null ? batch.length : rows.length;
          if (stepId === 'w' && port === 'late') late[run] += n;
          if (stepId === 'w' && port === 'out') windowRows[run] += n;
        };
      },
    });
    if (!compared.ok) throw new Error(compared.message);
    const node = compared.comparison.nodes[0]!;
    expect(late).toEqual({ a: node.lateA, b: node.lateB });
    expect(windowRows).toEqual({ a: node.windowsA + node.revisionsA, b: node.windowsB + node.revisionsB });
  });

  it('refuses a parameter that is not a window or source parameter, an invalid value, and a WebSocket source', () => {
    const doc = cardSpend({});
    const notAllowed = compareWhatIf(doc, { nodeId: 'a', param: 'aggregations', value: '1' });
    expect(notAllowed.ok ? '' : notAllowed.message).toMatch(/cannot compare 'aggregations'/);
    const invalid = compareWhatIf(doc, { nodeId: 'w', param: 'allowedLateness', value: 'soon' });
    expect(invalid.ok ? '' : invalid.message).toMatch(/w\.allowedLateness = "soon" is not valid/);
    const proto = compareWhatIf(doc, { nodeId: 'w', param: '__proto__', value: '1s' });
    expect(proto.ok).toBe(false);
    const unbounded = compareWhatIf(cardSpend({}, { limit: undefined }), { nodeId: 'w', param: 'size', value: '30s' });
    expect(unbounded.ok ? '' : unbounded.message).toMatch(/unbounded/);
  });
});
