import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../store/documentStore';
import type { EditorDocument } from '../store/types';
import { sensorDocument } from '../../worker/testing/documents';
import type { NodeStats } from '../../worker/protocol';
import { fixedLiveness } from './liveness';
import { createRunHistory } from './runHistory';
import { startRunRecorder, SETTLE_MS } from './runRecorder';
import { memoryRunsStorage, resultsKey, summaryKey } from './runsStorage';
import { fakeRecorderClock, fakeRun, metrics, numbers } from './testing';
import { RECORD_EVERY_MS, type RunSummary } from './types';

const stats = (over: Partial<NodeStats>): NodeStats => ({
  rowsIn: 0, rowsOut: 0, inPerSecond: 0, outPerSecond: 0, watermark: 0, keys: 0, openWindows: 0, lateEvents: 0, ...over,
});

function setup(rowsPerSink = 500) {
  const doc = sensorDocument({ rate: 10 }) as unknown as EditorDocument;
  const editor = createEditorStore({ doc });
  const run = fakeRun();
  const storage = memoryRunsStorage();
  const liveness = fixedLiveness();
  const history = createRunHistory(storage, liveness);
  const clock = fakeRecorderClock();
  let ids = 0;
  const stop = startRunRecorder({ run, editor, history, clock, newId: () => `run-${++ids}`, rowsPerSink, pipeline: { getState: () => ({ openId: 'doc-1' }) } });
  const stored = (id: string) => storage.data.get(summaryKey(id)) as RunSummary | undefined;
  const settled = async () => {
    // The writes go through a promise chain of microtasks: a task later they are all done.
    await new Promise((done) => setTimeout(done, 0));
  };
  return { run, storage, liveness, history, clock, stored, settled, stop, editor };
}

describe('the run recorder', () => {
  it('writes a record at the start, every few seconds and at the end, with node states and the newest rows of each sink', async () => {
    const t = setup(3);
    t.run.dispatch({ type: 'loaded', runId: 1 });
    t.run.frame({ runId: 1, phase: 'running' });
    await t.settled();
    expect(t.stored('run-1')).toMatchObject({ state: 'running', documentId: 'doc-1', documentName: 'test', endedAt: null });
    expect(t.stored('run-1')!.pipelineVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(t.liveness.alive.has('run-1')).toBe(true);

    t.run.frame({ runId: 1, phase: 'running', metrics: metrics({ src: stats({ rowsOut: 40 }), key: stats({ rowsIn: 40, rowsOut: 40 }), out: stats({ rowsIn: 2 }) }) }, [numbers('out', 0, 2)]);
    t.clock.advance(RECORD_EVERY_MS);
    await t.settled();
    const written = t.stored('run-1')!;
    expect(written.eventsIn).toBe(40);
    expect(written.nodes.find((n) => n.id === 'src')!.state).toEqual({ state: 'running' });
    expect(written.nodes.find((n) => n.id === 'win')!.state).toEqual({ state: 'pending' });

    t.run.frame({ runId: 1, phase: 'finished' }, [numbers('out', 2, 3)]);
    await t.settled();
    const done = t.stored('run-1')!;
    expect(done).toMatchObject({ state: 'completed', endedAt: t.clock.now() });
    expect(done.nodes.every((n) => n.state.state === 'completed')).toBe(true);
    const results = t.storage.data.get(resultsKey('run-1')) as { sinks: { sinkId: string; received: number; cap: number; columns: { values: number[] }[] }[] };
    // Five rows reached the sink; the newest three are kept, and the record says so.
    expect(results.sinks).toEqual([expect.objectContaining({ sinkId: 'out', received: 5, cap: 3, columns: [expect.objectContaining({ name: 'v', values: [2, 3, 4] })] })]);
    expect(t.liveness.alive.has('run-1')).toBe(false);
    // A frame after the end does not start another run.
    t.run.frame({ runId: 1, phase: 'finished' });
    await t.settled();
    expect(t.history.state.getState().runs).toHaveLength(1);
  });

  it('takes the figures that arrive just after the end into the record', async () => {
    const t = setup();
    t.run.dispatch({ type: 'loaded', runId: 1 });
    t.run.frame({ runId: 1, phase: 'running' });
    t.run.frame({ runId: 1, phase: 'finished' });
    t.run.frame({ runId: 1, phase: 'finished', metrics: metrics({ src: stats({ rowsOut: 99, watermark: Infinity }) }) });
    t.clock.advance(SETTLE_MS);
    await t.settled();
    expect(t.stored('run-1')).toMatchObject({ state: 'completed', eventsIn: 99 });
  });

  it('records Cancelled when the user stops, Failed with the node when a node fails, Crashed when the worker dies', async () => {
    const t = setup();
    t.run.dispatch({ type: 'loaded', runId: 1 });
    t.run.frame({ runId: 1, phase: 'running' });
    // Stop: the worker reloads, a new idle run id.
    t.run.frame({ runId: 2, phase: 'idle' });
    t.run.frame({ runId: 2, phase: 'running' });
    t.run.frame({ runId: 2, phase: 'failed', failure: { nodeId: 'key', message: 'cannot read the key column' } });
    t.run.frame({ runId: 3, phase: 'idle' });
    t.run.frame({ runId: 3, phase: 'running' });
    t.run.dispatch({ type: 'workerCrashed', message: 'out of memory' });
    await t.settled();
    expect(t.stored('run-1')).toMatchObject({ state: 'cancelled', reason: 'stopped' });
    expect(t.stored('run-2')).toMatchObject({ state: 'failed', reason: 'key: cannot read the key column', errors: [{ nodeId: 'key', message: 'cannot read the key column' }] });
    expect(t.stored('run-2')!.nodes.find((n) => n.id === 'key')!.state).toEqual({ state: 'failed', message: 'cannot read the key column' });
    expect(t.stored('run-3')).toMatchObject({ state: 'crashed', reason: 'Worker restarted: out of memory' });
    expect(t.history.state.getState().runs.map((r) => r.id)).toEqual(['run-3', 'run-2', 'run-1']);
  });

  it('records Failed for a run stopped after a source the server refused', async () => {
    const t = setup();
    t.run.dispatch({ type: 'loaded', runId: 1 });
    const refused = { state: 'closed', detail: "refused by the server (code 1008): unknown stream 'weather'", messages: 0, queued: 0, dropped: 0, deadLetters: 2, lastDeadLetters: [] } as const;
    t.run.frame({ runId: 1, phase: 'running', metrics: metrics({ src: stats({}) }, { src: refused }) });
    t.run.frame({ runId: 2, phase: 'idle' });
    await t.settled();
    expect(t.stored('run-1')).toMatchObject({ state: 'failed', deadLetters: 2, errors: [{ nodeId: 'src', message: refused.detail }] });
  });

  it('ends the run when the document changes under it, and records the restarted one apart', async () => {
    const t = setup();
    t.run.dispatch({ type: 'loaded', runId: 1 });
    t.run.frame({ runId: 1, phase: 'running' });
    t.run.dispatch({ type: 'loaded', runId: 2 });
    t.run.frame({ runId: 2, phase: 'running' });
    await t.settled();
    expect(t.stored('run-1')).toMatchObject({ state: 'cancelled', reason: 'the pipeline changed, so the run started again' });
    expect(t.stored('run-2')).toMatchObject({ state: 'running' });
  });
});
