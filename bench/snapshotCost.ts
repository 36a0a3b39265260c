/**
 * What a snapshot of a run costs (time travel takes one every so many events
 * and restores one on every scrub): snapshot(), structuredClone and restore()
 * into a fresh runtime, in ms, and the snapshot's size as V8 serialises it
 * (what structuredClone copies), for windows holding 10,000 and 100,000 keys.
 *
 *   node --expose-gc --import tsx bench/snapshotCost.ts
 *   node --expose-gc --import tsx bench/snapshotCost.ts --keys 10000,100000 --runs 5
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { serialize } from 'node:v8';
import { compilePipeline } from '../src/engine/plan/compile';
import { createRuntime, type Runtime } from '../src/engine/run/runtime';
import { pipeline } from '../src/engine/testing/documents';

const { values: args } = parseArgs({
  options: { keys: { type: 'string', default: '10000,100000' }, runs: { type: 'string', default: '5' } },
});

const AGGREGATES = {
  'count, avg, max': [{ name: 'n', fn: 'count' }, { name: 'avg', fn: 'avg', field: 'temperature' }, { name: 'hi', fn: 'max', field: 'temperature' }],
  'p90, distinct, stddev': [{ name: 'p90', fn: 'percentile', field: 'temperature', q: 0.9 }, { name: 'd', fn: 'countDistinct', field: 'humidity' }, { name: 'sd', fn: 'stddev', field: 'temperature' }],
};

function build(keys: number, window: { kind: string; params: Record<string, unknown> }, aggregations: unknown[]): Runtime {
  const doc = pipeline([
    // Ten events per key in the first 10 s window: every key holds state in the open windows.
    { id: 'src', kind: 'source.sample', params: { stream: 'sensors', keys, rate: keys, maxOutOfOrderness: '500ms', lateFraction: 0.01 } },
    { id: 'k', kind: 'transform.keyBy', params: { fields: ['device'] } },
    { id: 'w', ...window },
    { id: 'a', kind: 'aggregate', params: { aggregations } },
    { id: 'out', kind: 'sink.collect' },
  ]);
  const compiled = compilePipeline(doc);
  if (!compiled.ok) throw new Error('compile');
  return createRuntime(compiled.plan, { now: () => 0, log: () => undefined, trace: null, onLate: null, onResults: () => undefined, onResultBatch: () => undefined });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const runs = Number(args.runs);
const WINDOWS: Record<string, { kind: string; params: Record<string, unknown> }> = {
  'tumbling 10s': { kind: 'window.tumbling', params: { size: '10s', allowedLateness: '2s' } },
  'hopping 10s/2s': { kind: 'window.hopping', params: { size: '10s', slide: '2s', allowedLateness: '2s' } },
  'session 2s': { kind: 'window.session', params: { gap: '2s' } },
};
console.log('keys     window          aggregates              snapshot  clone  restore  size');
for (const keys of args.keys.split(',').map(Number)) {
  for (const [windowName, window] of Object.entries(WINDOWS)) {
    for (const [aggName, aggregations] of Object.entries(AGGREGATES)) {
      const runtime = build(keys, window, aggregations);
      for (let i = 0; i < 8; i++) runtime.step(keys); // 8 s of event time: every key in the open window
      const times = { snapshot: [] as number[], clone: [] as number[], restore: [] as number[] };
      let size = 0;
      for (let r = 0; r < runs; r++) {
        let t = performance.now();
        const snapshot = runtime.snapshot();
        times.snapshot.push(performance.now() - t);
        t = performance.now();
        const copy = structuredClone(snapshot);
        times.clone.push(performance.now() - t);
        const fresh = build(keys, window, aggregations);
        t = performance.now();
        fresh.restore(copy);
        times.restore.push(performance.now() - t);
        size = serialize(snapshot).length;
      }
      const f = (x: number[]): string => median(x).toFixed(1).padStart(7);
      console.log(`${String(keys).padEnd(8)} ${windowName.padEnd(15)} ${aggName.padEnd(22)} ${f(times.snapshot)} ${f(times.clone)} ${f(times.restore)}  ${(size / 1e6).toFixed(1)} MB`);
    }
  }
}
