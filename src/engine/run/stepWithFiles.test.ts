import { describe, expect, it } from 'vitest';
import { pipeline } from '../testing/documents';
import { sniffFile, type FileBytes, type FileLayout } from '../sources/file/stream/index';
import { runPipeline } from './runPipeline';
import { bytesOfText, runToEndStreamed } from './stepWithFiles';

const csv = ['ts,key,value', ...Array.from({ length: 5000 }, (_, i) => `${1_700_000_000_000 + i * 7},k${i % 13},${(i * 31) % 97}`)].join('\n');

function doc(data?: string) {
  return pipeline([
    { id: 'src', kind: 'source.file', params: { format: 'csv', eventTime: 'ts', timeFormat: 'epochMillis', maxOutOfOrderness: '0ms', ...(data === undefined ? {} : { data }) } },
    { id: 'k', kind: 'transform.keyBy', params: { fields: ['key'] } },
    { id: 'w', kind: 'window.tumbling', params: { size: '1s' } },
    { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 's', fn: 'sum', field: 'value' }] } },
    { id: 'out', kind: 'sink.collect' },
  ]);
}

async function layoutOf(bytes: FileBytes): Promise<FileLayout> {
  const sniffed = await sniffFile(bytes, { format: 'auto', eventTime: 'ts', timeFormat: 'epochMillis', delimiter: ',' });
  if (!sniffed.ok) throw new Error(sniffed.message);
  return sniffed.layout;
}

describe('runToEndStreamed', () => {
  it('gives a CSV file read in chunks the results of its text inline', async () => {
    const inline = runPipeline(doc(csv), { batchSize: 100 });
    const bytes = bytesOfText(csv, 'events.csv', 333);
    const file = { bytes, layout: await layoutOf(bytes) };
    const streamed = await runToEndStreamed(doc(), { batchSize: 100, fileInputs: { src: file } });
    if (!inline.ok || !streamed.ok) throw new Error('did not compile');
    expect(streamed.results.get('out')!.length).toBeGreaterThan(0);
    expect(streamed.results).toEqual(inline.results);
    expect(streamed.metrics).toEqual(inline.metrics);
    expect(streamed.diagnostics).toEqual(inline.diagnostics);
  });

  it('rejects with an Error naming the file when reading fails', async () => {
    const layout = await layoutOf(bytesOfText(csv, 'broken.csv'));
    const bytes = {
      name: 'broken.csv', size: null,
      async *read(): AsyncIterable<Uint8Array> {
        yield new TextEncoder().encode('ts,key,value\n');
        throw new Error('EIO: the disk is gone');
      },
    };
    await expect(runToEndStreamed(doc(), { fileInputs: { src: { bytes, layout } } })).rejects.toThrow(/broken\.csv.*EIO/);
  });
});
