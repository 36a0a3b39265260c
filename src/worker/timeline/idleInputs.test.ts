import { describe, expect, it } from 'vitest';
import { compilePipeline } from '../../engine/plan/compile';
import type { PlanStep } from '../../engine/plan/types';
import { quietSource } from '../../engine/run/quietSource';
import { createRuntime, type Runtime } from '../../engine/run/runtime';
import { createSourceRuntime } from '../../engine/run/sources';
import { windowPipeline } from '../../engine/testing/pipelines';
import { createRunTimeline } from './follow';

const T = 1_700_000_000_000;

describe('the timeline of a window after a union with a quiet input', () => {
  it('shows the quiet input holding the watermark back, then idle and holding nothing back', () => {
    const doc = windowPipeline({
      source: { kind: 'source.sample', params: { stream: 'sensors', rate: 1000, keys: 3, seed: 1, startTime: T } },
      moreSources: [{ kind: 'source.sample', params: { stream: 'sensors', rate: 1000, keys: 3, seed: 2, startTime: T, quietAfter: 1000, quietFor: '10s', idleTimeout: '2s' } }],
      window: { kind: 'window.tumbling', size: '1s' },
      value: 'temperature',
      aggregations: [{ name: 'n', fn: 'count' }],
    });
    const compiled = compilePipeline(doc);
    if (!compiled.ok) throw new Error('does not compile');
    let clock = 0;
    const step = compiled.plan.steps.find((s): s is Extract<PlanStep, { type: 'sampleSource' }> => s.nodeId === 'src1' && s.type === 'sampleSource')!;
    const timeline = createRunTimeline(compiled.plan, () => runtime, () => clock);
    const runtime: Runtime = createRuntime(compiled.plan, {
      now: () => clock, log: () => undefined, trace: null, onLate: null, onResults: () => undefined,
      onEmit: (id, port, b, rows) => timeline.onEmit(id, port, b, rows),
    }, { sources: { src1: quietSource(createSourceRuntime(step), step.quiet!, () => clock) } });
    timeline.follow('w');
    const runUntil = (until: number): void => {
      for (; clock < until; clock += 100) {
        runtime.tick(clock);
        runtime.step(100);
      }
      runtime.tick(clock);
    };
    const frame = () => timeline.frame({ nodeId: 'w', key: null, fold: false, maxKeys: 5, maxMarks: 100 })!;

    runUntil(2500);
    expect(frame().heldBackBy).toBe('src1');
    expect(frame().inputs.map((i) => [i.sourceId, i.idle])).toEqual([['src', false], ['src1', false]]);

    runUntil(3000);
    expect(frame().inputs.map((i) => [i.sourceId, i.idle])).toEqual([['src', false], ['src1', true]]);
    expect(frame().heldBackBy).toBeNull();
    expect(frame().watermark).toBeGreaterThan(T + 2000);
  });
});
