import { describe, expect, it } from 'vitest';
import { compilePipeline } from '../plan/compile';
import type { PlanStep } from '../plan/types';
import { windowPipeline } from '../testing/pipelines';
import { HELD_BACK_AFTER_MS } from './idleInputs';
import { quietSource } from './quietSource';
import { createRuntime, type Runtime } from './runtime';
import { createSourceRuntime } from './sources';

const T = 1_700_000_000_000;
const QUIET_AFTER = 1000;

/**
 * Two sensor streams at 1000 events/s into a union and a 1 s tumbling count
 * window; `src1` goes quiet after 1000 events (1 s of event time) for 10 s of
 * the (fake) wall clock. Each step is 100 ms of wall clock and 100 events of
 * each stream, so event time keeps up with the clock.
 */
function quietRun(idleTimeout: string | undefined) {
  const quiet = { stream: 'sensors', rate: 1000, keys: 3, seed: 2, startTime: T, quietAfter: QUIET_AFTER, quietFor: '10s', ...(idleTimeout === undefined ? {} : { idleTimeout }) };
  const doc = windowPipeline({
    source: { kind: 'source.sample', params: { stream: 'sensors', rate: 1000, keys: 3, seed: 1, startTime: T } },
    moreSources: [{ kind: 'source.sample', params: quiet }],
    window: { kind: 'window.tumbling', size: '1s' },
    value: 'temperature',
    aggregations: [{ name: 'n', fn: 'count' }],
    lateSink: true,
  });
  const compiled = compilePipeline(doc);
  if (!compiled.ok) throw new Error('does not compile');
  let clock = 0;
  const step = compiled.plan.steps.find((s): s is Extract<PlanStep, { type: 'sampleSource' }> => s.nodeId === 'src1' && s.type === 'sampleSource')!;
  const results: unknown[] = [];
  const runtime: Runtime = createRuntime(compiled.plan, {
    now: () => clock, log: () => undefined, trace: null, onLate: null,
    onResults: (id, rows) => { if (id === 'out') results.push(...rows); },
  }, { sources: { src1: quietSource(createSourceRuntime(step), step.quiet!, () => clock) } });
  return {
    runtime,
    results,
    get clock() { return clock; },
    /** Runs until the wall clock reads `until` ms. */
    runUntil(until: number): void {
      while (clock < until) {
        runtime.tick(clock);
        runtime.step(100);
        clock += 100;
      }
      runtime.tick(clock);
    },
    watermark: (id: string) => runtime.metrics().get(id)!.watermark,
  };
}

describe('idle inputs', () => {
  it('a quiet input holds the union watermark back, and names itself, until it comes back', () => {
    const run = quietRun(undefined);
    run.runUntil(5000);
    // src1's last event is at T + 999: the union (and the window) wait for it.
    expect(run.watermark('u')).toBeLessThan(T + 1000);
    expect(run.watermark('src')).toBeGreaterThan(T + 4500);
    expect(run.results).toHaveLength(0);
    const report = run.runtime.idleInputs!.report();
    expect(report.heldBack.get('w')?.sourceId).toBe('src1');
    expect(report.heldBack.get('u')?.silentForMs).toBeGreaterThanOrEqual(4000);
    expect(report.sources.get('src1')?.idle).toBe(false);
    expect(report.heldBack.has('src')).toBe(false);
  });

  it('releases the watermark when the timeout passes, not before', () => {
    const run = quietRun('2s');
    // Silent since the clock read 900 (its last step); idle once 2 s have passed.
    run.runUntil(2800);
    expect(run.watermark('u')).toBeLessThan(T + 1000);
    expect(run.runtime.idleInputs!.report().sources.get('src1')?.idle).toBe(false);
    expect(run.runtime.idleInputs!.report().heldBack.get('w')?.sourceId).toBe('src1');
    run.runUntil(2900);
    expect(run.runtime.idleInputs!.report().sources.get('src1')?.idle).toBe(true);
    // The union follows src alone now, and the window fires what src has passed.
    expect(run.watermark('u')).toBe(run.watermark('src'));
    expect(run.watermark('w')).toBeGreaterThan(T + 2000);
    expect(run.results.length).toBeGreaterThanOrEqual(2);
    expect(run.runtime.idleInputs!.report().heldBack.size).toBe(0);
  });

  it('an idle input that speaks again is active, its old events are late, and the watermark never goes back', () => {
    const run = quietRun('2s');
    run.runUntil(10_500);
    const before = run.watermark('u');
    expect(before).toBeGreaterThan(T + 9000);
    expect(run.runtime.idleInputs!.report().sources.get('src1')?.idle).toBe(true);
    // The quiet ends at 10.9 s (it began when the clock read 900 plus the step that found it quiet).
    run.runUntil(12_000);
    const report = run.runtime.idleInputs!.report();
    expect(report.sources.get('src1')?.idle).toBe(false);
    expect(run.watermark('u')).toBeGreaterThanOrEqual(before);
    // src1 goes on where it stopped (T + 1000...), far behind the union: it holds nothing back...
    expect(run.watermark('u')).toBe(run.watermark('src'));
    // ...and its events are late at the window.
    expect(run.runtime.metrics().get('w')!.lateEvents).toBeGreaterThan(0);
  });

  it('names no input while every input speaks', () => {
    const run = quietRun(undefined);
    run.runUntil(900);
    expect(run.runtime.idleInputs!.report().heldBack.size).toBe(0);
    expect(HELD_BACK_AFTER_MS).toBeGreaterThan(100);
  });

  it('is absent for a plan without a union', () => {
    const doc = windowPipeline({
      source: { kind: 'source.sample', params: { stream: 'sensors', idleTimeout: '1s' } },
      window: { kind: 'window.tumbling', size: '1s' }, value: 'temperature',
    });
    const compiled = compilePipeline(doc);
    if (!compiled.ok) throw new Error('does not compile');
    const runtime = createRuntime(compiled.plan, { now: () => 0, log: () => undefined, trace: null, onLate: null, onResults: () => undefined });
    expect(runtime.idleInputs).toBeNull();
  });
});
