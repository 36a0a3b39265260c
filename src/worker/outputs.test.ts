import { describe, expect, it } from 'vitest';
import { createStringDict, internString, type Batch } from '../engine/batch';
import { capOf, createOutputs, MAX_CHUNK_ROWS } from './outputs';

const dict = createStringDict();

function batch(from: number, length: number): Batch {
  const time = Float64Array.from({ length }, (_, i) => from + i);
  const codes = Int32Array.from({ length }, (_, i) => internString(dict, `k${(from + i) % 3}`));
  return {
    length, time, watermark: new Float64Array(length), endWatermark: from + length, keys: null,
    columns: {
      n: { type: 'number', values: Float64Array.from(time, (t) => t * 2) },
      key: { type: 'string', codes, dict },
      ok: { type: 'boolean', values: Uint8Array.from(time, (t) => t % 2) },
    },
  };
}

describe('pending outputs', () => {
  it('coalesce every batch of a sink since the last drain into one chunk, strings as text', () => {
    const outputs = createOutputs([{ type: 'collectSink', nodeId: 's', view: null }]);
    outputs.addBatch('s', batch(0, 3));
    outputs.addBatch('s', batch(3, 2));
    const { chunks, transfer } = outputs.drain();
    expect(chunks).toHaveLength(1);
    const chunk = chunks[0]!;
    expect(chunk.length).toBe(5);
    expect(chunk.skipped).toBe(0);
    expect([...chunk.time]).toEqual([0, 1, 2, 3, 4]);
    const byName = Object.fromEntries(chunk.columns.map((c) => [c.name, c]));
    expect([...(byName.n!.values as Float64Array)]).toEqual([0, 2, 4, 6, 8]);
    expect(byName.key!.values).toEqual(['k0', 'k1', 'k2', 'k0', 'k1']);
    expect([...(byName.ok!.values as Uint8Array)]).toEqual([0, 1, 0, 1, 0]);
    // time, n, ok and the rows' run positions travel as transferred buffers; strings cannot.
    expect(transfer).toHaveLength(4);
    expect(outputs.drain().chunks).toEqual([]);
  });

  it('tag each row with the run position it was emitted at, and drop those after a position not drained yet', () => {
    const outputs = createOutputs([{ type: 'collectSink', nodeId: 's', view: null }]);
    outputs.addBatch('s', batch(0, 2), 100);
    outputs.addBatch('s', batch(2, 3), 250);
    outputs.addBatch('s', batch(5, 1), 400);
    expect([...outputs.drain().chunks[0]!.positions!]).toEqual([100, 100, 250, 250, 250, 400]);
    outputs.addBatch('s', batch(6, 2), 500);
    outputs.addBatch('s', batch(8, 2), 600);
    outputs.dropAfter(550);
    const chunk = outputs.drain().chunks[0]!;
    expect(chunk.length).toBe(2);
    expect([...chunk.positions!]).toEqual([500, 500]);
  });

  it('keep only the newest rows a table view shows, counting the rest as skipped', () => {
    const outputs = createOutputs([{ type: 'collectSink', nodeId: 't', view: { type: 'table', maxRows: 4 } }]);
    for (let i = 0; i < 10; i++) outputs.addBatch('t', batch(i * 3, 3));
    const chunk = outputs.drain().chunks[0]!;
    expect(chunk.length).toBe(4);
    expect(chunk.skipped).toBe(26);
    expect([...chunk.time]).toEqual([26, 27, 28, 29]);
  });

  it('cap charts at MAX_CHUNK_ROWS per drain and tables at their maxRows', () => {
    expect(capOf({ type: 'chart', chart: 'line', x: 'windowEnd', y: 'n', series: [], topKeys: 5, timeRangeMs: 60_000 })).toBe(MAX_CHUNK_ROWS);
    expect(capOf({ type: 'table', maxRows: 100 })).toBe(100);
    expect(capOf({ type: 'table', maxRows: 1_000_000 })).toBe(MAX_CHUNK_ROWS);
  });

  it('hold bounded memory when nobody drains', () => {
    const outputs = createOutputs([{ type: 'collectSink', nodeId: 't', view: { type: 'table', maxRows: 10 } }]);
    for (let i = 0; i < 10_000; i++) outputs.addBatch('t', batch(i * 5, 5));
    const chunk = outputs.drain().chunks[0]!;
    expect(chunk.length + chunk.skipped).toBe(50_000);
    expect(chunk.length).toBe(10);
  });

  it('turn log sink rows into a chunk, typing each field by its values', () => {
    const outputs = createOutputs([{ type: 'logSink', nodeId: 'log', limit: 10 }]);
    outputs.addRows('log', [{ a: 1, b: 'x', c: true }, { a: null, b: null, c: false }]);
    const chunk = outputs.drain().chunks[0]!;
    expect(chunk.columns.map((c) => c.type)).toEqual(['number', 'string', 'boolean']);
    expect(chunk.columns[1]!.values).toEqual(['x', null]);
  });
});
