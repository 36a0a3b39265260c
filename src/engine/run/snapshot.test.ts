import { describe, expect, it } from 'vitest';
import { compilePipeline } from '../plan/compile';
import { pipeline } from '../testing/documents';
import { runWithCuts } from '../testing/snapshotRuns';
import { createRuntime, type Runtime } from './runtime';
import { SNAPSHOT_FORMAT, type RuntimeSnapshot } from './runtimeSnapshot';

const source = { id: 'src', kind: 'source.sample', params: { stream: 'sensors', keys: 20, rate: 1000, limit: 5000, maxOutOfOrderness: '300ms', lateFraction: 0.1 } };

function sensors(window: { kind: string; params: Record<string, unknown> }): ReturnType<typeof pipeline> {
  return pipeline([
    source,
    { id: 'f', kind: 'transform.filter', params: { expr: 'humidity > 40' } },
    { id: 'm', kind: 'transform.map', params: { fields: [{ name: 'f', expr: 'temperature * 1.8 + 32' }, { name: 'd', expr: "upper(device)" }] } },
    { id: 'k', kind: 'transform.keyBy', params: { fields: ['d'] } },
    { id: 'w', ...window },
    { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 'hi', fn: 'max', field: 'f' }, { name: 'p', fn: 'percentile', field: 'f', q: 0.9 }] } },
    { id: 'out', kind: 'sink.collect' },
  ]);
}

function runtimeOf(doc: ReturnType<typeof pipeline>): Runtime {
  const compiled = compilePipeline(doc);
  if (!compiled.ok) throw new Error('compile');
  return createRuntime(compiled.plan, { now: () => 0, log: () => undefined, trace: null, onLate: null, onResults: () => undefined });
}

describe('runtime snapshots', () => {
  it.each([
    ['hopping', { kind: 'window.hopping', params: { size: '2s', slide: '500ms', allowedLateness: '1s' } }],
    ['tumbling', { kind: 'window.tumbling', params: { size: '1s', allowedLateness: '500ms' } }],
  ])('continue a %s window run exactly where it was cut', (_name, window) => {
    const doc = sensors(window);
    const straight = runWithCuts(doc, { batchSize: 300, observe: true });
    const cut = runWithCuts(doc, { batchSize: 300, observe: true }, [3, 7, 8]);
    expect(straight.results.get('out')!.length).toBeGreaterThan(100);
    // Late data across the cuts: revisions, or rows on the late port.
    const revisions = straight.results.get('out')!.filter((r) => r['revision'] !== 0).length;
    expect(revisions + (straight.late.get('w')?.length ?? 0)).toBeGreaterThan(10);
    expect(cut.results).toEqual(straight.results);
    expect(cut.late).toEqual(straight.late);
    expect(cut.metrics).toEqual(straight.metrics);
    expect(cut.metricsByStep).toEqual(straight.metricsByStep);
    expect(cut.emitted).toEqual(straight.emitted);
  });

  it('refuses a snapshot of another pipeline, saying which node differs', () => {
    const a = runtimeOf(sensors({ kind: 'window.tumbling', params: { size: '1s' } }));
    a.step(100);
    const snapshot = a.snapshot();
    const b = runtimeOf(sensors({ kind: 'window.tumbling', params: { size: '2s' } }));
    expect(() => b.restore(snapshot)).toThrow(/another pipeline: it has w .*"size":1000.*this run has w .*"size":2000/);
  });

  it('is taken between steps only', () => {
    const compiled = compilePipeline(sensors({ kind: 'window.tumbling', params: { size: '1s' } }));
    if (!compiled.ok) throw new Error('compile');
    const during: unknown[] = [];
    const runtime: Runtime = createRuntime(compiled.plan, {
      now: () => 0, log: () => undefined, trace: null, onLate: null,
      onResults: () => {
        try {
          runtime.snapshot();
        } catch (error) {
          during.push(error);
        }
      },
    });
    while (runtime.step(500)) { /* to the end */ }
    expect(during.length).toBeGreaterThan(0);
    expect(String(during[0])).toContain('only between steps');
    expect(() => runtime.snapshot()).not.toThrow();
  });

  // The timeline follows a window node while checkpoints are taken (issue found with "Click sessions per
  // user": a session window's trace scratch was left in its state and the snapshot refused it).
  it.each([
    ['session', { kind: 'window.session', params: { gap: '400ms', allowedLateness: '500ms' } }],
    ['tumbling', { kind: 'window.tumbling', params: { size: '1s', allowedLateness: '500ms' } }],
    ['hopping', { kind: 'window.hopping', params: { size: '2s', slide: '500ms' } }],
    ['count', { kind: 'window.count', params: { size: 5 } }],
    ['cumulate', { kind: 'window.cumulate', params: { step: '500ms', maxSize: '2s' } }],
  ])('is taken while the timeline follows a %s window, and continues exactly', (_name, window) => {
    const doc = sensors(window);
    const traced = (): Runtime => {
      const runtime = runtimeOf(doc);
      runtime.setTrace('w', () => undefined);
      return runtime;
    };
    const straight = traced();
    const cut = traced();
    for (let i = 0; i < 4; i++) {
      straight.step(300);
      cut.step(300);
    }
    const image = structuredClone(cut.snapshot());
    const resumed = traced();
    resumed.restore(image);
    while (straight.step(300)) { /* to the end */ }
    while (resumed.step(300)) { /* to the end */ }
    expect(resumed.metrics()).toEqual(straight.metrics());
    expect(straight.metrics().get('w')!.rowsOut).toBeGreaterThan(0);
  });

  it('refuses a snapshot of another format', () => {
    const doc = sensors({ kind: 'window.tumbling', params: { size: '1s' } });
    const snapshot: RuntimeSnapshot = { ...runtimeOf(doc).snapshot(), format: SNAPSHOT_FORMAT + 1 };
    expect(() => runtimeOf(doc).restore(snapshot)).toThrow(`the snapshot is of format ${SNAPSHOT_FORMAT + 1}, this version reads format ${SNAPSHOT_FORMAT}`);
  });
});
