import { describe, expect, it, vi } from 'vitest';
import { validate, type PipelineDocument } from '../../model';
import type { StoredFileRecord } from '../fileStore/types';
import { createPipelineWorker, type PipelineWorker } from '../pipelineWorker';
import type { Frame } from '../protocol';
import { createFakeClock, type FakeClock } from '../testing/fakeClock';
import type { StoreReader } from './openStored';
import { LINE_LAYOUT } from './lineParser.testing';

vi.mock('../../engine/sources/file/stream/index', async (original) => ({
  ...(await original<typeof import('../../engine/sources/file/stream/index')>()),
  sniffFile: async () => ({ ok: true, layout: LINE_LAYOUT }),
  createRowParser: (await import('./lineParser.testing')).lineParser,
}));

const HASH = `sha256:${'ab'.repeat(32)}`;
/** 20,000 rows over 100 s of event time, 7 keys; lines 5001 and 12001 are malformed. */
const csv = ['ts,key,value', ...Array.from({ length: 20_000 }, (_, i) => (i === 4999 || i === 11_999 ? `${1_700_000_000_000 + i * 5},k${i % 7},oops` : `${1_700_000_000_000 + i * 5},k${i % 7},${(i * 31) % 97}`))].join('\n');

/** The same rows without the malformed ones: inline text infers its types from every row, so it holds only good ones. */
const clean = csv.split('\n').filter((l) => !l.endsWith('oops')).join('\n');

function doc(source: Record<string, unknown>): PipelineDocument {
  const checked = validate({
    format: 'windowpane.pipeline', version: 1, name: 'stored',
    nodes: [
      { id: 'src', kind: 'source.file', position: { x: 0, y: 0 }, params: { format: 'csv', eventTime: 'ts', timeFormat: 'epochMillis', ...source } },
      { id: 'k', kind: 'transform.keyBy', position: { x: 0, y: 0 }, params: { fields: ['key'] } },
      { id: 'w', kind: 'window.tumbling', position: { x: 0, y: 0 }, params: { size: '1s' } },
      { id: 'a', kind: 'aggregate', position: { x: 0, y: 0 }, params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 's', fn: 'sum', field: 'value' }] } },
      { id: 'out', kind: 'sink.collect', position: { x: 0, y: 0 } },
    ],
    edges: [{ id: 'e1', from: 'src', to: 'k' }, { id: 'e2', from: 'k', to: 'w' }, { id: 'e3', from: 'w', to: 'a' }, { id: 'e4', from: 'a', to: 'out' }],
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.document;
}

const stored = doc({ stored: { hash: HASH, size: csv.length }, fileName: 'events.csv' });

function storeWith(files: Record<string, string>): StoreReader {
  return {
    get: async (hash) => (Object.hasOwn(files, hash) ? { hash, size: files[hash]!.length, name: 'events.csv', storedAt: 0, blob: new Blob([files[hash]!]) } satisfies StoredFileRecord : null),
  };
}

function worker(files: Record<string, string> = { [HASH]: csv }): { clock: FakeClock; api: PipelineWorker } {
  const clock = createFakeClock(1);
  return { clock, api: createPipelineWorker({ ...clock, openFeed: () => ({ close: () => undefined }), fileStore: storeWith(files) }) };
}

/** The rows of `out` in the chunks of `frames`, as `window_start key n s` lines. */
function resultRows(frames: readonly Frame[]): string[] {
  const rows: string[] = [];
  for (const f of frames) {
    for (const c of f.outputs) {
      if (c.sinkId !== 'out') continue;
      const col = (name: string) => c.columns.find((x) => x.name === name)!.values;
      for (let i = 0; i < c.length; i++) rows.push(`${col('window_start')[i]} ${col('key')[i]} ${col('n')[i]} ${col('s')[i]}`);
    }
  }
  return rows;
}

/** Lets the reads of Blob.stream() (real promises) go on between slices of the fake clock. */
const reads = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function runToEnd(clock: FakeClock, api: PipelineWorker, frames: Frame[]): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    clock.advance(20);
    await reads();
    const frame = api.drain();
    frames.push(frame);
    if (frame.phase !== 'running') return;
  }
  throw new Error('the run did not end');
}

describe('a run over a stored file', () => {
  it('reads it from the store and gives the results of the same text inline, with its bad rows and progress', async () => {
    const inline = worker();
    expect(inline.api.load(doc({ data: clean }), false)).toEqual({ ok: true, runId: 1 });
    inline.api.setSpeed('max');
    inline.api.start();
    const inlineFrames: Frame[] = [];
    await runToEnd(inline.clock, inline.api, inlineFrames);

    const { clock, api } = worker();
    expect(await api.load(stored, false)).toEqual({ ok: true, runId: 1 });
    expect(api.fileProgress().src).toMatchObject({ rows: 0, done: false });
    api.setSpeed('max');
    api.start();
    const frames: Frame[] = [];
    await runToEnd(clock, api, frames);
    expect(frames.at(-1)!.phase).toBe('finished');
    const rows = resultRows(frames);
    expect(rows.length).toBeGreaterThan(600);
    expect(rows).toEqual(resultRows(inlineFrames));
    const told = frames.flatMap((f) => f.diagnostics).map((d) => d.message);
    expect(told).toEqual(expect.arrayContaining(['line 5001: value \'oops\' is not a number', 'line 12001: value \'oops\' is not a number']));
    expect(told.length).toBe(2);
    expect(api.fileProgress().src).toMatchObject({ rows: 19_998, badRows: 2, done: true, totalBytes: csv.length, bytesRead: csv.length });
  });

  it('reads a bounded amount ahead: at 1x after a while, only a few batches are buffered', async () => {
    const { clock, api } = worker();
    await api.load(stored, false);
    api.setSpeed(1);
    api.start();
    for (let i = 0; i < 20; i++) {
      clock.advance(50);
      await reads();
    }
    const progress = api.fileProgress().src!;
    // About 1 s of event time (200 rows) passed; reading stopped at the high-water mark, far from the 20,000 rows.
    expect(progress.rows).toBeGreaterThan(0);
    expect(progress.rows).toBeLessThan(20_000);
    const results = api.drain();
    expect(results.metrics?.nodes.src?.rowsOut).toBeLessThan(1000);
  });

  it('says on the node when the browser does not have the file', async () => {
    const { api } = worker({});
    const loaded = await api.load(stored, false);
    expect(loaded).toEqual({ ok: false, problems: [{ nodeId: 'src', message: 'the file events.csv is not in this browser: choose it on the node' }] });
    expect(api.drain().phase).toBe('idle');
  });

  it('steps once the rows are read, and after travelling back and on gives the same results', async () => {
    const { clock, api } = worker();
    await api.load(stored, false);
    // Step right after load: nothing was read yet, so the step waits for the rows.
    await api.step('batch');
    const first = api.drain();
    expect(first.phase).toBe('paused');
    expect(first.metrics?.nodes.src?.rowsOut).toBe(1000);
    api.setSpeed('max');
    api.start();
    const frames: Frame[] = [first];
    await runToEnd(clock, api, frames);
    const all = resultRows(frames);
    // Back to where a step of the run ended (5,096: Step's 1,000 and a run batch), past the first snapshot:
    // the file is read again from the snapshot's resume point. (Inside a step, results a replay meets are of
    // the step's end position: the time machine's way for every source, not this test's subject.)
    const back = await api.travel(1000 + 4096);
    expect(back).toBe(5096);
    expect(api.drain().travel?.position).toBe(back);
    api.start();
    const again: Frame[] = [];
    await runToEnd(clock, api, again);
    expect(again.at(-1)!.phase).toBe('finished');
    // The results the page keeps up to `back`, and those after it the second time, are those of the first run.
    const firstHalf = resultRows(frames.map((f) => ({ ...f, outputs: f.outputs.map((c) => keepUpTo(c, back)) })));
    expect([...firstHalf, ...resultRows(again)]).toEqual(all);
  });
});

function keepUpTo(c: Frame['outputs'][number], position: number): Frame['outputs'][number] {
  const keep: number[] = [];
  for (let i = 0; i < c.length; i++) if (c.positions === undefined || c.positions[i]! <= position) keep.push(i);
  return {
    ...c,
    length: keep.length,
    columns: c.columns.map((col) => ({ ...col, values: col.type === 'string' ? keep.map((i) => col.values[i]!) : Float64Array.from(keep, (i) => Number(col.values[i])) })) as Frame['outputs'][number]['columns'],
  };
}
