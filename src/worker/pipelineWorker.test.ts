import { describe, expect, it } from 'vitest';
import { compilePipeline } from '../engine/plan/compile';
import type { PlanStep } from '../engine/plan/types';
import { NodeError } from '../engine/run/nodeError';
import { createRuntime } from '../engine/run/runtime';
import { validate } from '../model';
import { createPipelineWorker } from './pipelineWorker';
import { createFakeClock } from './testing/fakeClock';
import { sensorDocument } from './testing/documents';

function worker() {
  const clock = createFakeClock();
  return { clock, api: createPipelineWorker({ ...clock, openFeed: () => ({ close: () => undefined }) }) };
}

describe('the pipeline worker', () => {
  it('runs a loaded document and hands out results, metrics and edge rates in drains', () => {
    const { clock, api } = worker();
    const loaded = api.load(sensorDocument({ rate: 1000 }), false);
    expect(loaded).toEqual({ ok: true, runId: 1 });
    api.setSpeed(10);
    api.start();
    clock.advance(1000);
    const frame = api.drain();
    expect(frame.phase).toBe('running');
    expect(frame.runId).toBe(1);
    const rows = frame.outputs.find((c) => c.sinkId === 'out');
    expect(rows?.length).toBeGreaterThan(0);
    expect(rows?.columns.map((c) => c.name)).toEqual(expect.arrayContaining(['window_start', 'window_end', 'device', 'n', 'avg_t']));
    expect(frame.metrics?.nodes.src?.rowsOut).toBeGreaterThan(9000);
    expect(frame.metrics?.nodes.agg).toEqual(frame.metrics?.nodes.win);
    clock.advance(500);
    const next = api.drain();
    // About 10,000 events per second of wall time at 10x a rate of 1,000.
    expect(next.metrics?.nodes.src?.outPerSecond).toBeGreaterThan(8000);
    expect(next.metrics?.edges.e1).toBe(next.metrics?.nodes.src?.outPerSecond);
    expect(next.metrics?.edges.e3).toBeGreaterThan(8000);
  });

  it('previews the last records of the watched node', () => {
    const { clock, api } = worker();
    api.load(sensorDocument({ rate: 1000 }), false);
    api.watch('key');
    api.step('batch');
    const preview = api.drain().preview;
    expect(preview?.nodeId).toBe('key');
    expect(preview?.out).toHaveLength(50);
    expect(preview?.fields.map((f) => f.name)).toContain('temperature');
    expect(api.drain().preview).toBeNull();
    clock.advance(10);
  });

  it('previews a node watched after the fact, e.g. clicked while paused, at once', () => {
    const { api } = worker();
    api.load(sensorDocument({ rate: 1000 }), false);
    api.step('batch');
    api.drain();
    api.watch('src');
    const preview = api.drain().preview;
    expect(preview?.out).toHaveLength(50);
    // The newest last: the batch's final event.
    const times = preview?.out.map((r) => r.ts as number) ?? [];
    expect(times[49]).toBeGreaterThan(times[0]!);
    expect(preview?.late).toEqual([]);
  });

  it('stops to a fresh run (a new run id), and refuses a document that does not compile', async () => {
    const { api } = worker();
    api.load(sensorDocument({ rate: 1000 }), false);
    api.step('batch');
    api.stop();
    const frame = api.drain();
    expect(frame.phase).toBe('idle');
    expect(frame.runId).toBe(2);
    const broken = validate({
      format: 'windowpane.pipeline', version: 1, name: 'x',
      nodes: [
        { id: 'src', kind: 'source.sample', position: { x: 0, y: 0 }, params: { stream: 'sensors' } },
        { id: 'f', kind: 'transform.filter', position: { x: 0, y: 0 }, params: { expr: 'nope > 1' } },
      ],
      edges: [{ id: 'e', from: 'src', to: 'f' }],
    });
    if (!broken.ok) throw new Error('expected a valid shape');
    const refused = await api.load(broken.document, true);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems[0]?.nodeId).toBe('f');
    expect(api.drain().phase).toBe('idle');
  });

  it('tells, in the app\'s words, how to give a file source without data its file', async () => {
    const { api } = worker();
    const noData = validate({
      format: 'windowpane.pipeline', version: 1, name: 'taxi',
      nodes: [
        { id: 'taxi', kind: 'source.file', position: { x: 0, y: 0 }, params: { format: 'csv', eventTime: 'timestamp', fileName: 'nyc_taxi.csv' } },
        { id: 'out', kind: 'sink.collect', position: { x: 0, y: 0 } },
      ],
      edges: [{ id: 'e', from: 'taxi', to: 'out' }],
    });
    if (!noData.ok) throw new Error(`expected a valid document: ${JSON.stringify(noData.problems)}`);
    const refused = await api.load(noData.document, false);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.problems[0]?.message).toMatch(/Choose file/);
      expect(refused.problems[0]?.message).not.toMatch(/--input/);
    }
  });

  it('keeps running across a reload when asked, from the beginning of the new graph', () => {
    const { clock, api } = worker();
    api.load(sensorDocument({ rate: 1000 }), false);
    api.start();
    clock.advance(1000);
    api.drain();
    const reloaded = api.load(sensorDocument({ rate: 500 }), true);
    expect(reloaded).toEqual({ ok: true, runId: 2 });
    const frame = api.drain();
    expect(frame.phase).toBe('running');
    expect(frame.metrics?.nodes.src?.rowsOut ?? 0).toBe(0);
  });
});

describe('the runtime, when an operator throws', () => {
  it('names the node in a NodeError', () => {
    const checked = validate({
      format: 'windowpane.pipeline', version: 1, name: 'x',
      nodes: [
        { id: 'src', kind: 'source.sample', position: { x: 0, y: 0 }, params: { stream: 'sensors', limit: 10 } },
        { id: 'hot', kind: 'transform.filter', position: { x: 0, y: 0 }, params: { expr: 'temperature > 1' } },
        { id: 'out', kind: 'sink.collect', position: { x: 0, y: 0 } },
      ],
      edges: [{ id: 'e1', from: 'src', to: 'hot' }, { id: 'e2', from: 'hot', to: 'out' }],
    });
    if (!checked.ok) throw new Error('invalid');
    const compiled = compilePipeline(checked.document);
    if (!compiled.ok) throw new Error('did not compile');
    const steps = compiled.plan.steps.map((s): PlanStep => {
      if (s.type !== 'filter') return s;
      const { select: _select, ...predicate } = s.predicate;
      return { ...s, predicate: { ...predicate, evaluate: () => { throw new Error('kaput'); } } };
    });
    const runtime = createRuntime({ ...compiled.plan, steps }, { now: () => 0, log: () => undefined, trace: null, onResults: () => undefined, onLate: null });
    let thrown: unknown = null;
    try {
      runtime.step(10);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NodeError);
    expect(thrown).toMatchObject({ nodeId: 'hot', detail: 'kaput' });
  });
});
