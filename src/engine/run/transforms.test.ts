import { describe, expect, it } from 'vitest';
import { ndjsonData, pipeline } from '../testing/documents';
import { runPipeline, type RunResult } from './runPipeline';

function ok(r: ReturnType<typeof runPipeline>): RunResult {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
}

const readings = [
  { ts: 1000, room: 'a', floor: 1, temp: 20 },
  { ts: 1500, room: 'b', floor: 1, temp: 24 },
  { ts: 2500, room: 'a', floor: 2, temp: 22 },
  { ts: 3100, room: 'a', floor: 1, temp: 26 },
];
const file = (rows: readonly Record<string, unknown>[], id = 'src') => ({ id, kind: 'source.file', params: { eventTime: 'ts', timeFormat: 'epochMillis', data: ndjsonData(rows) } });

describe('transforms in a running pipeline', () => {
  it('filter keeps the rows where the expression holds', () => {
    const r = ok(runPipeline(pipeline([file(readings), { id: 'f', kind: 'transform.filter', params: { expr: "room == 'a' and temp >= 22" } }, { id: 'out', kind: 'sink.collect' }])));
    expect(r.results.get('out')!.map((row) => row['temp'])).toEqual([22, 26]);
  });

  it('map computes fields and keeps or drops the rest', () => {
    const keep = ok(runPipeline(pipeline([file(readings.slice(0, 1)), { id: 'm', kind: 'transform.map', params: { fields: [{ name: 'temp', expr: 'temp * 1.8 + 32' }, { name: 'where', expr: "upper(room) + '-' + 'x'" }] } }, { id: 'out', kind: 'sink.collect' }])));
    expect(keep.results.get('out')).toEqual([{ ts: 1000, room: 'a', floor: 1, temp: 68, where: 'A-x' }]);
    const drop = ok(runPipeline(pipeline([file(readings.slice(0, 1)), { id: 'm', kind: 'transform.map', params: { fields: [{ name: 'f', expr: 'temp * 1.8 + 32' }], keep: false } }, { id: 'out', kind: 'sink.collect' }])));
    expect(drop.results.get('out')).toEqual([{ f: 68 }]);
  });

  it('keyBy on several fields groups by their combination', () => {
    const r = ok(runPipeline(pipeline([
      file(readings), { id: 'k', kind: 'transform.keyBy', params: { fields: ['room', 'floor'] } },
      { id: 'w', kind: 'window.tumbling', params: { size: '10s' } },
      { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 'hi', fn: 'max', field: 'temp' }] } },
      { id: 'out', kind: 'sink.collect' },
    ])));
    expect(r.results.get('out')!.map(({ room, floor, n, hi }) => ({ room, floor, n, hi }))).toEqual([
      { room: 'a', floor: 1, n: 2, hi: 26 }, { room: 'b', floor: 1, n: 1, hi: 24 }, { room: 'a', floor: 2, n: 1, hi: 22 },
    ]);
  });

  it('an aggregate without a window keeps a running result per key, with revisions', () => {
    const r = ok(runPipeline(pipeline([
      file(readings), { id: 'k', kind: 'transform.keyBy', params: { fields: ['room'] } },
      { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'total', fn: 'sum', field: 'temp' }] } },
      { id: 'out', kind: 'sink.collect' },
    ])));
    expect(r.results.get('out')).toEqual([
      { room: 'a', total: 20, revision: 0 }, { room: 'b', total: 24, revision: 0 }, { room: 'a', total: 42, revision: 1 }, { room: 'a', total: 68, revision: 2 },
    ]);
  });

  it('union merges streams, re-encodes their strings and holds its watermark at the slowest input', () => {
    const other = [{ ts: 1200, room: 'c', floor: 3, temp: 30 }, { ts: 9000, room: 'a', floor: 1, temp: 10 }];
    const r = ok(runPipeline(pipeline(
      [file(readings, 'one'), file(other, 'two'), { id: 'u', kind: 'transform.union' }, { id: 'k', kind: 'transform.keyBy', params: { fields: ['room'] } },
        { id: 'w', kind: 'window.tumbling', params: { size: '5s' } }, { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }] } }, { id: 'out', kind: 'sink.collect' }],
      [{ from: 'one', to: 'u' }, { from: 'two', to: 'u' }, { from: 'u', to: 'k' }, { from: 'k', to: 'w' }, { from: 'w', to: 'a' }, { from: 'a', to: 'out' }],
    ), { batchSize: 1, collectLate: true }));
    // 'two' races ahead to 9000, but the union's watermark waits for 'one', so nothing from 'one' is late.
    expect(r.late.size).toBe(0);
    const rows = r.results.get('out')!.map(({ window_start, room, n }) => `${String(window_start)} ${String(room)} ${String(n)}`);
    expect(rows.sort()).toEqual(['0 a 3', '0 b 1', '0 c 1', '5000 a 1']);
  });

  it('reports the rows and watermark of every node in its metrics', () => {
    const r = ok(runPipeline(pipeline([file(readings), { id: 'f', kind: 'transform.filter', params: { expr: 'temp > 21' } }, { id: 'out', kind: 'sink.collect' }])));
    expect(r.metrics.get('src')).toMatchObject({ rowsOut: 4, watermark: Infinity });
    expect(r.metrics.get('f')).toMatchObject({ rowsIn: 4, rowsOut: 3 });
    expect(r.metrics.get('out')).toMatchObject({ rowsIn: 3 });
  });
});
