import { describe, expect, it, vi } from 'vitest';
import { pipeline } from '../testing/documents';
import { wholeTextLayout } from '../sources/file/stream/wholeTextParser.testing';
import { runPipeline } from './runPipeline';
import { bytesOfText, runToEndStreamed } from './stepWithFiles';

vi.mock('../sources/file/stream/index', async (original) => ({
  ...(await original<typeof import('../sources/file/stream/index')>()),
  createRowParser: (await import('../sources/file/stream/wholeTextParser.testing')).wholeTextParser,
}));

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

describe('runToEndStreamed', () => {
  it('gives a CSV file read in chunks the results of its text inline', async () => {
    const inline = runPipeline(doc(csv), { batchSize: 100 });
    const file = { bytes: bytesOfText(csv, 'events.csv', 333), layout: wholeTextLayout(csv, 'csv', 'ts') };
    const streamed = await runToEndStreamed(doc(), { batchSize: 100, fileInputs: { src: file } });
    if (!inline.ok || !streamed.ok) throw new Error('did not compile');
    expect(streamed.results.get('out')!.length).toBeGreaterThan(0);
    expect(streamed.results).toEqual(inline.results);
    expect(streamed.metrics).toEqual(inline.metrics);
    expect(streamed.diagnostics).toEqual(inline.diagnostics);
  });

  it('rejects with an Error naming the file when reading fails', async () => {
    const layout = wholeTextLayout(csv, 'csv', 'ts');
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
