/**
 * Snapshots cost a bounded share of a run's time: after one that took c ms
 * the run steps at least 50 c ms before the next, however many events pass.
 * A clock that moves 1 ms per step and 10 ms per snapshot shows it.
 */
import { describe, expect, it } from 'vitest';
import { compilePipeline } from '../../engine/plan/compile';
import { createRuntime, type RuntimeHost } from '../../engine/run/runtime';
import { pacedSources } from '../pacing';
import { sensorDocument } from '../testing/documents';
import { createTimeMachine } from './timeMachine';

function machine(snapshotMs: number) {
  const compiled = compilePipeline(sensorDocument({ rate: 1000, limit: 100_000 }));
  if (!compiled.ok) throw new Error('compiles');
  const { plan } = compiled;
  let now = 0;
  let snapshots = 0;
  const gate = { free: false };
  const host: RuntimeHost = {
    now: () => now, log: () => undefined, trace: null, onResults: () => undefined, onLate: null,
    // Each source batch: a millisecond of stepping, and the machine's count.
    onEmit(stepId, _port, batch) {
      if (stepId !== 'src') return;
      now += 1;
      tm.count(batch.length);
    },
  };
  const tm = createTimeMachine({
    instantiate() {
      const paced = pacedSources(plan.steps, gate, () => now);
      return { runtime: createRuntime(plan, host, { sources: Object.fromEntries(paced) }), paced: [...paced.values()] };
    },
    gate,
    now: () => now,
    host: { save: () => null, load: () => undefined },
    states: {
      snapshot(runtime) {
        snapshots++;
        now += snapshotMs;
        return runtime.snapshot();
      },
      restore: (runtime, state) => runtime.restore(state),
    },
    sourceCount: 1,
    setReplaying: () => undefined,
    onFutureDropped: () => undefined,
  }, { snapshots: 10_000, interval: 100, entries: 1_000_000, chars: 1_000_000 });
  return { tm, gate, snapshots: () => snapshots };
}

describe('snapshots by time', () => {
  it('waits 50 times as long as the last snapshot took before taking the next, though events say one is due', () => {
    const { tm, gate, snapshots } = machine(10);
    gate.free = true;
    // 2,000 steps of 100 events, a millisecond each: one snapshot per 500 ms of stepping at most.
    for (let i = 0; i < 2000; i++) tm.runtime.step(100);
    expect(snapshots()).toBeGreaterThanOrEqual(3);
    expect(snapshots()).toBeLessThanOrEqual(5);
    // And travel still lands exactly, replaying from the nearest.
    expect(tm.travel(123_456 / 2)).toBe(61_728);
  });

  it('takes them as the events (and the state\'s size) say when they cost no time', () => {
    const { tm, gate, snapshots } = machine(0);
    gate.free = true;
    for (let i = 0; i < 2000; i++) tm.runtime.step(100);
    expect(snapshots()).toBeGreaterThanOrEqual(15);
  });
});
