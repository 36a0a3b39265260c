import { describe, expect, it } from 'vitest';
import type { ResultChunk } from '../../worker/protocol';
import { chunkOf, SinkCapture } from './sinkCapture';
import { numbers } from './testing';

const labelled = (from: number, n: number): ResultChunk => ({
  sinkId: 's', length: n, time: Float64Array.from({ length: n }, (_, i) => from + i), skipped: 0,
  columns: [
    { name: 'label', type: 'string', values: Array.from({ length: n }, (_, i) => `#${from + i}`) },
    { name: 'ok', type: 'boolean', values: Uint8Array.from({ length: n }, (_, i) => (from + i) % 2) },
  ],
});

describe('SinkCapture', () => {
  it('keeps the newest cap rows across chunks, oldest first, and counts every row received', () => {
    const capture = new SinkCapture('s', 'Sink', 5);
    capture.add(numbers('s', 0, 3));
    capture.add({ ...numbers('s', 3, 4), skipped: 10 });
    capture.add(numbers('s', 7, 2));
    const kept = capture.snapshot();
    expect(kept.received).toBe(19);
    expect(kept.cap).toBe(5);
    expect(kept.time).toEqual([4, 5, 6, 7, 8]);
    expect(kept.columns).toEqual([{ name: 'v', type: 'number', values: [4, 5, 6, 7, 8] }]);
  });

  it('fills a column that appears later with nulls in the rows before it, and reads booleans and strings', () => {
    const capture = new SinkCapture('s', 'Sink', 10);
    capture.add(numbers('s', 0, 2));
    capture.add(labelled(2, 2));
    expect(capture.snapshot().columns).toEqual([
      { name: 'v', type: 'number', values: [0, 1, null, null] },
      { name: 'label', type: 'string', values: [null, null, '#2', '#3'] },
      { name: 'ok', type: 'boolean', values: [null, null, false, true] },
    ]);
  });

  it('holds no more chunks than the newest cap rows need', () => {
    const capture = new SinkCapture('s', 'Sink', 3);
    for (let i = 0; i < 1000; i++) capture.add(numbers('s', i * 2, 2));
    expect(capture.snapshot().time).toEqual([1997, 1998, 1999]);
    expect((capture as unknown as { chunks: unknown[] }).chunks.length).toBe(2);
  });

  it('turns recorded rows back into a chunk the results table takes', () => {
    const capture = new SinkCapture('s', 'Sink', 10);
    capture.add(labelled(0, 2));
    const chunk = chunkOf(capture.snapshot());
    expect(chunk.length).toBe(2);
    expect(chunk.columns).toEqual([
      { name: 'label', type: 'string', values: ['#0', '#1'] },
      { name: 'ok', type: 'boolean', values: Uint8Array.from([0, 1]) },
    ]);
  });
});
