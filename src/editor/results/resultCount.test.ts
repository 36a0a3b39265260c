import { describe, expect, it } from 'vitest';
import { initialRunState } from '../run/reducer';
import type { RunState } from '../run/types';
import type { NodeStats } from '../../worker/protocol';
import type { EditorDocument } from '../store/types';
import { countedSinks, resultsOnce, resultsPerSink } from './resultCount';

const at = { x: 0, y: 0 };
const stats = (rowsIn: number): NodeStats => ({ rowsIn, rowsOut: 0, inPerSecond: 0, outPerSecond: 0, watermark: 0, keys: 0, openWindows: 0, lateEvents: 0 });
const state = (rows: Record<string, number>): RunState => ({
  ...initialRunState,
  metrics: { at: 0, nodes: Object.fromEntries(Object.entries(rows).map(([id, n]) => [id, stats(n)])), edges: {}, connections: {} },
});

/** src -> w -> agg -> chart, table; w.late -> late; src -> raw. */
const doc: EditorDocument = {
  name: 'p',
  nodes: [
    { id: 'src', kind: 'source.sample', position: at, params: {} },
    { id: 'w', kind: 'window.tumbling', position: at, params: {} },
    { id: 'agg', kind: 'aggregate', position: at, params: {} },
    { id: 'chart', kind: 'sink.chart', name: 'Average', position: at, params: {} },
    { id: 'table', kind: 'sink.table', position: at, params: {} },
    { id: 'late', kind: 'sink.log', position: at, params: {} },
    { id: 'raw', kind: 'sink.collect', position: at, params: {} },
    { id: 'loose', kind: 'sink.collect', position: at, params: {} },
  ],
  edges: [
    { id: 'e1', from: 'src', to: 'w', fromPort: 'out', toPort: 'in' },
    { id: 'e2', from: 'w', to: 'agg', fromPort: 'out', toPort: 'in' },
    { id: 'e3', from: 'agg', to: 'chart', fromPort: 'out', toPort: 'in' },
    { id: 'e4', from: 'agg', to: 'table', fromPort: 'out', toPort: 'in' },
    { id: 'e5', from: 'w', to: 'late', fromPort: 'late', toPort: 'in' },
    { id: 'e6', from: 'src', to: 'raw', fromPort: 'out', toPort: 'in' },
  ],
};

describe('result count', () => {
  it('counts the rows of sinks with the same inputs once', () => {
    const sinks = countedSinks(doc);
    expect(sinks.map((s) => s.id)).toEqual(['chart', 'table', 'late', 'raw']);
    expect(resultsOnce(state({ chart: 52, table: 52, late: 3, raw: 1000 }), sinks)).toBe(52 + 3 + 1000);
  });

  it('lists every sink\'s own count for the hover text', () => {
    const sinks = countedSinks(doc);
    expect(resultsPerSink(state({ chart: 52, table: 52, late: 3, raw: 1000 }), sinks, String)).toBe('Average: 52\ntable: 52\nlate: 3\nraw: 1000');
  });

  it('is 0 before any figures', () => {
    expect(resultsOnce(initialRunState, countedSinks(doc))).toBe(0);
  });
});
