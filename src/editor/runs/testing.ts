/** Helpers of the run history's tests: a fake clock for the recorder, and a run store driven through the real reducer. */
import { createStore } from 'zustand/vanilla';
import { initialRunState, runReducer } from '../run/reducer';
import { createResultsBus } from '../run/resultsBus';
import type { RunAction, RunState } from '../run/types';
import type { Frame, MetricsSnapshot, ResultChunk } from '../../worker/protocol';
import type { RecorderClock } from './runRecorder';

export function fakeRecorderClock(start = 1_000_000): RecorderClock & { advance(ms: number): void } {
  let now = start;
  let timers: { at: number; every: number; callback: () => void; live: boolean }[] = [];
  const add = (ms: number, every: number, callback: () => void): (() => void) => {
    const timer = { at: now + ms, every, callback, live: true };
    timers.push(timer);
    return () => {
      timer.live = false;
    };
  };
  return {
    now: () => now,
    every: (ms, callback) => add(ms, ms, callback),
    later: (ms, callback) => add(ms, 0, callback),
    advance(ms) {
      const end = now + ms;
      for (;;) {
        timers = timers.filter((t) => t.live);
        const next = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (next === undefined) break;
        now = next.at;
        if (next.every > 0) next.at += next.every;
        else next.live = false;
        next.callback();
      }
      now = end;
    },
  };
}

/** A run store and results bus fed like the run controller feeds them: chunks first, then the frame. */
export function fakeRun() {
  const store = createStore<RunState>()(() => initialRunState);
  const results = createResultsBus();
  const dispatch = (action: RunAction): void => store.setState((s) => runReducer(s, action), true);
  return {
    store,
    results,
    dispatch,
    frame(frame: Partial<Frame> & Pick<Frame, 'runId' | 'phase'>, outputs: readonly ResultChunk[] = []): void {
      const full: Frame = { failure: null, metrics: null, preview: null, diagnostics: [], ...frame, outputs };
      results.publish(full.runId, full.phase, outputs);
      dispatch({ type: 'frame', frame: full });
    },
  };
}

export function metrics(nodes: MetricsSnapshot['nodes'], connections: MetricsSnapshot['connections'] = {}): MetricsSnapshot {
  return { at: 0, nodes, edges: {}, connections };
}

/** A chunk of `n` rows of one number column `v` counting from `from`. */
export function numbers(sinkId: string, from: number, n: number): ResultChunk {
  const values = Float64Array.from({ length: n }, (_, i) => from + i);
  return { sinkId, length: n, time: values.slice(), columns: [{ name: 'v', type: 'number', values }], skipped: 0 };
}
