import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { pipeline } from '../../../testing/documents';
import { preparePipeline } from '../../../run/runPipeline';
import { closeFiles, stepWithFiles } from '../../../run/stepWithFiles';
import { sniffFile } from './index';
import type { FileBytes } from './types';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const TOTAL = 200 * 1024 * 1024;
const START = 1_700_000_000_000;

/** 200 MB of CSV made as it is read, 64 KB at a time: the test itself never holds the file. */
function generatedCsv(): FileBytes {
  const encoder = new TextEncoder();
  return {
    name: 'generated.csv',
    size: null,
    async *read(offset: number): AsyncIterable<Uint8Array> {
      // Like standard input, it cannot seek: it makes the bytes before `offset` and skips them.
      let at = 0;
      let row = 0;
      let chunk = encoder.encode('ts,key,value\n');
      while (at < TOTAL) {
        if (at + chunk.length > offset) yield at >= offset ? chunk : chunk.subarray(offset - at);
        at += chunk.length;
        const lines: string[] = [];
        for (let i = 0; i < 2500; i++, row++) lines.push(`${START + row},k${row % 1000},${row % 97}\n`);
        chunk = encoder.encode(lines.join(''));
      }
    },
  };
}

describe('a streamed file', () => {
  it('is read through a window with memory bounded by the batch, not the file (200 MB)', async () => {
    const bytes = generatedCsv();
    const sniffed = await sniffFile(bytes, { format: 'csv', eventTime: 'ts', timeFormat: 'epochMillis', delimiter: ',' });
    if (!sniffed.ok) throw new Error(sniffed.message);
    const doc = pipeline([
      { id: 'src', kind: 'source.file', params: { format: 'csv', eventTime: 'ts', timeFormat: 'epochMillis', maxOutOfOrderness: '0ms' } },
      { id: 'k', kind: 'transform.keyBy', params: { fields: ['key'] } },
      { id: 'w', kind: 'window.tumbling', params: { size: '1h' } },
      { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 's', fn: 'sum', field: 'value' }] } },
      { id: 'out', kind: 'sink.collect' },
    ]);
    let resultRows = 0;
    let counted = 0;
    const prepared = preparePipeline(doc, {
      fileInputs: { src: { bytes, layout: sniffed.layout } },
      onResultBatch: (_id, batch) => {
        resultRows += batch.length;
        const n = batch.columns['n'];
        if (n?.type === 'number') for (let i = 0; i < batch.length; i++) counted += n.values[i]!;
      },
      keepsResultBatches: false,
    });
    if (!prepared.ok) throw new Error('did not compile');
    const { runtime } = prepared.pipeline;
    const source = runtime.fileSources.get('src')!;
    // Typed arrays live outside the JS heap: count their buffers too.
    const used = (): number => {
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    gc();
    const before = used();
    let peak = 0;
    let steps = 0;
    try {
      while (await stepWithFiles(runtime, 8192)) {
        if (++steps % 200 === 0) {
          gc();
          peak = Math.max(peak, used() - before);
        }
      }
    } finally {
      closeFiles(runtime);
    }
    expect(source.progress.bytesRead).toBeGreaterThanOrEqual(TOTAL);
    expect(source.progress.done).toBe(true);
    expect(counted).toBe(source.progress.rows);
    expect(resultRows).toBeGreaterThan(1000);
    console.log(`200 MB streamed in ${steps} steps: heap and buffers at most ${(peak / 1024 / 1024).toFixed(1)} MB above the start`);
    expect(peak).toBeLessThan(100 * 1024 * 1024);
  }, 300_000);
});
