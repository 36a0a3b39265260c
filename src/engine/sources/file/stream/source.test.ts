import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_TIME_RANGE } from '../../../../model';
import { readCell, type Batch } from '../../../batch';
import { pipeline } from '../../../testing/documents';
import { runStreamedWithCuts } from '../../../testing/streamedRuns';
import { runPipeline } from '../../../run/runPipeline';
import { bytesOfText, runToEndStreamed } from '../../../run/stepWithFiles';
import { sniffFile } from './index';
import { createStreamedFileSource } from './source';
import type { FileBytes, OpenedFile } from './types';

const START = 1_700_000_000_000;

/** Rows with a bad one every third line from line 10 on (an unreadable time), so 1,000 rows hold 331 bad ones. */
function csvText(rows: number, badEvery = 3): string {
  const lines = ['ts,key,value'];
  for (let i = 0; i < rows; i++) lines.push(i >= 8 && i % badEvery === 0 ? `never,k${i % 5},${i}` : `${START + i * 100 - (i % 4) * 30},k${i % 5},${i}`);
  return lines.join('\n');
}

async function open(text: string, chunkSize: number): Promise<OpenedFile> {
  const bytes: FileBytes = bytesOfText(text, 'events.csv', chunkSize);
  const sniffed = await sniffFile(bytes, { format: 'csv', eventTime: 'ts', timeFormat: 'epochMillis', delimiter: ',' });
  if (!sniffed.ok) throw new Error(sniffed.message);
  return { bytes, layout: sniffed.layout };
}

function doc(data?: string) {
  return pipeline([
    { id: 'src', kind: 'source.file', params: { format: 'csv', eventTime: 'ts', timeFormat: 'epochMillis', maxOutOfOrderness: '100ms', ...(data === undefined ? {} : { data }) } },
    { id: 'k', kind: 'transform.keyBy', params: { fields: ['key'] } },
    { id: 'w', kind: 'window.tumbling', params: { size: '1s' } },
    { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 's', fn: 'sum', field: 'value' }] } },
    { id: 'out', kind: 'sink.collect' },
  ]);
}

function rowsOf(batch: Batch): unknown[] {
  const rows: unknown[] = [];
  for (let i = 0; i < batch.length; i++) rows.push([batch.time[i], batch.watermark[i], ...Object.values(batch.columns).map((c) => readCell(c, i))]);
  return rows;
}

describe('createStreamedFileSource', () => {
  it('stops at the limit, as the same text inline does', async () => {
    const text = csvText(2000, 1_000_000);
    const inline = runPipeline(doc(text), { batchSize: 64, limit: 777 });
    const streamed = await runToEndStreamed(doc(), { batchSize: 64, limit: 777, fileInputs: { src: await open(text, 100) } });
    if (!inline.ok || !streamed.ok) throw new Error('did not compile');
    expect(streamed.results).toEqual(inline.results);
    expect(streamed.metrics.get('src')?.rowsOut).toBe(777);
    expect(streamed.metrics).toEqual(inline.metrics);
  });

  it('peeks at the next row without taking it, and the rows go on as without peeking', async () => {
    const text = csvText(500);
    const data = { kind: 'stream', file: await open(text, 37), limit: null, timeRange: DEFAULT_EVENT_TIME_RANGE } as const;
    const plain = createStreamedFileSource('src', data, 100);
    const peeking = createStreamedFileSource('src', data, 100);
    const a: unknown[] = [];
    const b: unknown[] = [];
    for (;;) {
      await plain.fill(50);
      await peeking.fill(50);
      const t = peeking.peekTime();
      expect(peeking.peekTime()).toBe(t);
      const x = plain.next(50);
      const y = peeking.next(50);
      if (x === null || y === null) {
        expect(y).toBe(x);
        expect(t).toBeNull();
        break;
      }
      expect(y.time[0]).toBe(t);
      a.push(...rowsOf(x));
      b.push(...rowsOf(y));
    }
    expect(b).toEqual(a);
    expect(peeking.takeDiagnostics!()).toEqual(plain.takeDiagnostics!());
  });

  it('writes a recycled batch into the last recycled one\'s arrays, and never into a batch it gave without recycling', async () => {
    const text = csvText(500, 1_000_000);
    const data = { kind: 'stream', file: await open(text, 41), limit: null, timeRange: DEFAULT_EVENT_TIME_RANGE } as const;
    const source = createStreamedFileSource('src', data, 100);
    const reference = createStreamedFileSource('src', data, 100);
    const take = async (recycle: boolean): Promise<{ batch: Batch; rows: unknown[] }> => {
      await source.fill(40);
      await reference.fill(40);
      const batch = source.next(40, recycle)!;
      const expected = rowsOf(reference.next(40)!);
      expect(rowsOf(batch)).toEqual(expected);
      return { batch, rows: expected };
    };
    const kept = await take(false);
    const first = await take(true);
    const second = await take(true);
    // The recycled batches share their memory: the first was overwritten by the second.
    expect(second.batch.time.buffer).toBe(first.batch.time.buffer);
    expect(rowsOf(first.batch)).toEqual(second.rows);
    const later = await take(false);
    await take(true);
    // A batch given without recycling keeps its rows whatever came after it.
    expect(rowsOf(kept.batch)).toEqual(kept.rows);
    expect(rowsOf(later.batch)).toEqual(later.rows);
    expect(later.batch.time.buffer).not.toBe(second.batch.time.buffer);
  });

  it('gives an empty batch, not the end, when a step comes before its fill', async () => {
    const source = createStreamedFileSource('src', { kind: 'stream', file: await open(csvText(10), 8), limit: null, timeRange: DEFAULT_EVENT_TIME_RANGE }, 0);
    expect(source.next(5)?.length).toBe(0);
    await source.fill(5);
    expect(source.next(5)?.length).toBe(5);
  });

  it('tells more than 100 bad rows as the inline text does (the first 100 by line, then the count), also across restores', async () => {
    const text = csvText(1000);
    const script = { batchSize: 16, maxSteps: 10_000 };
    const inline = await runStreamedWithCuts(doc(text), script);
    expect(inline.diagnostics).toHaveLength(101);
    expect(inline.diagnostics.at(-1)).toBe('src: 331 rows in all could not be read');
    const file = await open(text, 53);
    for (const cuts of [[], [3], [1, 7, 20, 40, 41, 60]]) {
      const streamed = await runStreamedWithCuts(doc(), script, { src: file }, cuts);
      expect(streamed.diagnostics).toEqual(inline.diagnostics);
      expect(streamed.results).toEqual(inline.results);
      expect(streamed.metrics).toEqual(inline.metrics);
    }
  });

  it('reports progress while reading and stays done once closed', async () => {
    const text = csvText(300, 1_000_000);
    const file = await open(text, 1000);
    const source = createStreamedFileSource('src', { kind: 'stream', file, limit: null, timeRange: DEFAULT_EVENT_TIME_RANGE }, 0);
    await source.fill(10);
    const early = source.progress;
    expect(early.done).toBe(false);
    expect(early.bytesRead).toBeGreaterThan(0);
    expect(early.bytesRead).toBeLessThan(file.bytes.size!);
    while (source.next(100) !== null) await source.fill(100);
    expect(source.progress).toEqual({ bytesRead: file.bytes.size, totalBytes: file.bytes.size, rows: 300, badRows: 0, done: true });
    source.close();
    expect(source.progress.done).toBe(true);
    expect(source.progress.rows).toBe(300);
  });
});
