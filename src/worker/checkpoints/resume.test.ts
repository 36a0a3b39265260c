import { describe, expect, it } from 'vitest';
import { createPipelineWorker } from '../pipelineWorker';
import type { Frame, ResultChunk } from '../protocol';
import { createFakeClock } from '../testing/fakeClock';
import { sensorDocument } from '../testing/documents';
import { memoryCheckpointStore } from './store';

type Cell = number | string | boolean | null;

/** A sink's rows as the page's table gets them: every column's values, row by row. */
function rowsOf(chunks: readonly ResultChunk[]): Record<string, Cell>[] {
  const rows: Record<string, Cell>[] = [];
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const row: Record<string, Cell> = Object.create(null) as Record<string, Cell>;
      for (const c of chunk.columns) row[c.name] = c.type === 'boolean' ? c.values[i] === 1 : (c.values[i] ?? null);
      rows.push(row);
    }
  }
  return rows;
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

function start(store = memoryCheckpointStore()) {
  const clock = createFakeClock();
  const api = createPipelineWorker({ ...clock, openFeed: () => ({ close: () => undefined }), checkpointStore: store });
  const chunks: ResultChunk[] = [];
  const drain = (): Frame => {
    const frame = api.drain();
    chunks.push(...frame.outputs.filter((c) => c.sinkId === 'out'));
    return frame;
  };
  /** Runs until the run finishes, draining as a page would. */
  const toEnd = (): void => {
    for (let i = 0; i < 200 && drain().phase !== 'finished'; i++) clock.advance(100);
    expect(api.drain().phase).toBe('finished');
  };
  return { clock, api, store, chunks, drain, toEnd };
}

const doc = sensorDocument({ rate: 1000, limit: 20_000 });

describe('checkpoints in the worker', () => {
  it('resume a run lost after its checkpoint to exactly the results of an uninterrupted run', async () => {
    const straight = start();
    straight.api.load(doc, false);
    straight.api.setSpeed(10);
    straight.api.start();
    straight.toEnd();
    expect(straight.chunks.length).toBeGreaterThan(0);

    const lost = start();
    lost.api.configureCheckpoints({ documentId: 'd', everyMs: 500 });
    lost.api.load(doc, false);
    lost.api.setSpeed(10);
    lost.api.start();
    lost.clock.advance(1200);
    lost.drain();
    await flush();
    const note = lost.drain().checkpoint;
    expect(note?.events).toBeGreaterThan(0);
    expect(note?.events).toBeLessThan(20_000);
    // The tab dies here: the run and the page's rows after the checkpoint are gone.

    const resumed = start(lost.store);
    resumed.api.configureCheckpoints({ documentId: 'd', everyMs: 500 });
    resumed.api.load(doc, false);
    expect(resumed.api.resume(await lost.store.newest('d') as never)).toEqual({ ok: true });
    resumed.api.setSpeed(10);
    resumed.api.start();
    resumed.toEnd();
    expect(rowsOf(resumed.chunks)).toEqual(rowsOf(straight.chunks));
    // A finished run leaves nothing to resume.
    await flush();
    expect(await lost.store.newest('d')).toBeUndefined();
  });

  it('checkpoint on Pause and on Stop', async () => {
    const w = start();
    w.api.configureCheckpoints({ documentId: 'd', everyMs: 0 });
    w.api.load(doc, false);
    w.api.step('batch');
    w.api.start();
    w.clock.advance(300);
    w.api.pause();
    w.clock.advance(1);
    await flush();
    const paused = (await w.store.newest('d')) as { reason: string; events: number };
    expect(paused.reason).toBe('pause');
    w.api.start();
    w.clock.advance(300);
    w.api.stop();
    await flush();
    const stopped = (await w.store.newest('d')) as { reason: string; events: number };
    expect(stopped.reason).toBe('stop');
    expect(stopped.events).toBeGreaterThan(paused.events);
  });

  it('refuse a checkpoint of another version of the pipeline or a damaged one, and start from the beginning', async () => {
    const w = start();
    w.api.configureCheckpoints({ documentId: 'd', everyMs: 0 });
    w.api.load(doc, false);
    w.api.start();
    w.clock.advance(300);
    w.api.pause();
    w.clock.advance(1);
    await flush();
    const taken = await w.store.newest('d');

    const other = start(w.store);
    other.api.load(sensorDocument({ rate: 1000, limit: 30_000 }), false);
    const refused = other.api.resume(taken as never);
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/pipeline changed since the checkpoint/) });
    other.api.setSpeed('max');
    other.api.start();
    other.toEnd();

    const damaged = start(w.store);
    damaged.api.load(doc, false);
    const garbage = { ...(taken as object), runtime: { format: 1, plan: { hash: 'x', lines: [] }, dicts: [], nodes: [['src', 42]], ended: [], metrics: [], idle: null } };
    const result = await damaged.api.resume(garbage as never);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/does not fit this pipeline's run/);
    damaged.api.setSpeed('max');
    damaged.api.start();
    damaged.toEnd();
    const fresh = start();
    fresh.api.load(doc, false);
    fresh.api.setSpeed('max');
    fresh.api.start();
    fresh.toEnd();
    // Refused, the run started from the beginning: all of it, once.
    expect(rowsOf(damaged.chunks)).toEqual(rowsOf(fresh.chunks));
  });
});
