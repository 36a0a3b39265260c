/**
 * Random pipelines for the snapshot property (run/snapshot.property.test.ts):
 * every node kind (sample, file and WebSocket sources, union, filter, map
 * with number and string results, keyBy on strings, numbers and two fields,
 * every window kind in event and processing time, a running aggregate,
 * every aggregate function, collect and log sinks, the late port), with the
 * run's script: batch size, a clock, WebSocket messages by step.
 */
import fc from 'fast-check';
import type { PipelineDocument } from '../../model';
import { AGGREGATE_FNS } from '../../model';
import { ndjsonData, pipeline } from './documents';
import type { RunScript } from './snapshotRuns';

type Node = { id: string; kind: string; params?: Record<string, unknown> };

/** A stream's fields by role: a string key and a number (null when it has none). */
const STREAMS = [
  { stream: 'sensors', str: 'device', num: 'temperature' },
  { stream: 'payments', str: 'card', num: 'amount' },
  { stream: 'trades', str: 'symbol', num: 'price' },
  { stream: 'bids', str: 'channel', num: 'price' },
  { stream: 'clicks', str: 'user', num: null },
] as const;

const START = 1_700_000_000_000;

/** One generated case: the document and how to run it. */
export interface SnapshotCase {
  readonly doc: PipelineDocument;
  readonly script: RunScript;
  /** Human-readable summary for a failing case. */
  readonly summary: string;
}

const duration = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min, max });
const ms = (n: number): string => `${n}ms`;

const sampleParams = (limit: number) => fc.record({
  keys: fc.integer({ min: 1, max: 40 }),
  rate: fc.constantFrom(20, 200, 1000, 5000),
  seed: fc.integer({ min: 0, max: 1000 }),
  bound: duration(0, 2000),
  lateFraction: fc.constantFrom(0, 0.05, 0.3),
  // Shorter than some clock ticks: a union's inputs go idle between steps and come back with the next batch.
  idleTimeout: fc.option(duration(1, 1000), { nil: undefined }),
}).map((p) => ({
  keys: p.keys, rate: p.rate, limit, seed: p.seed, maxOutOfOrderness: ms(p.bound), lateFraction: p.lateFraction,
  ...(p.idleTimeout === undefined ? {} : { idleTimeout: ms(p.idleTimeout) }),
}));

/** Events of the file and WebSocket sources: ts, k, v, b (v sometimes missing, -0, huge or tied). */
const eventRow = fc.record({
  dt: fc.integer({ min: -3000, max: 1500 }),
  k: fc.constantFrom('a', 'b', 'c', 'd', 'é', '__proto__'),
  v: fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constantFrom(null, -0, 0.1, 1e15, -1e15)),
  b: fc.boolean(),
});
/** Rows of a file or WebSocket source, in roughly rising time. */
export const eventRows = fc.array(eventRow, { minLength: 1, maxLength: 400 }).map((rows) => {
  let t = START;
  return rows.map((r, i) => {
    t += Math.max(0, r.dt);
    // A file's field types are inferred: the first row's v is a number, so v stays one.
    return { ts: t + Math.min(0, r.dt), k: r.k, v: i === 0 && r.v === null ? 1 : r.v, b: r.b };
  });
});

/** The source end of a generated pipeline: the rest is drawn after it (see casesAfter). */
export interface SourcePart {
  readonly nodes: Node[];
  /** The node whose output goes on (a source, or the union of two). */
  readonly out: string;
  readonly str: string;
  readonly num: string | null;
  readonly messages?: RunScript['messages'];
  readonly messageSteps?: number;
}

const sources: fc.Arbitrary<SourcePart> = fc.oneof(
  fc.tuple(fc.constantFrom(...STREAMS), fc.integer({ min: 50, max: 3000 }), fc.array(fc.constant(0), { minLength: 1, maxLength: 2 }))
    .chain(([s, limit, more]) => fc.tuple(fc.constant(s), fc.array(sampleParams(limit), { minLength: more.length, maxLength: more.length })))
    .map(([s, params]) => {
      const nodes: Node[] = params.map((p, i) => ({ id: `src${i}`, kind: 'source.sample', params: { stream: s.stream, ...p } }));
      if (nodes.length === 1) return { nodes, out: 'src0', str: s.str, num: s.num };
      return { nodes: [...nodes, { id: 'u', kind: 'transform.union' }], out: 'u', str: s.str, num: s.num };
    }),
  fc.tuple(eventRows, duration(0, 1500)).map(([rows, bound]) => ({
    nodes: [{ id: 'src0', kind: 'source.file', params: { format: 'ndjson', eventTime: 'ts', timeFormat: 'epochMillis', maxOutOfOrderness: ms(bound), data: ndjsonData(rows) } }],
    out: 'src0', str: 'k', num: 'v',
  })),
  fc.tuple(eventRows, duration(0, 1500), fc.integer({ min: 1, max: 30 }), fc.constantFrom(5, 50, 10_000)).map(([rows, bound, perMessage, queueLimit]) => {
    const messages: string[][] = [];
    for (let i = 0; i < rows.length; i += perMessage) messages.push([JSON.stringify(rows.slice(i, i + perMessage))]);
    return {
      nodes: [{
        id: 'src0', kind: 'source.websocket',
        params: {
          url: 'ws://localhost:1/x', format: 'array', eventTime: 'ts', timeFormat: 'epochMillis', maxOutOfOrderness: ms(bound), queueLimit,
          fields: [{ name: 'ts', type: 'time' }, { name: 'k', type: 'string' }, { name: 'v', type: 'number' }, { name: 'b', type: 'boolean' }],
        },
      }],
      out: 'src0', str: 'k', num: 'v',
      messages: (step: number) => (messages[step] ?? []).map((text) => ['src0', text] as const),
      messageSteps: messages.length,
    };
  }),
);

const windows = (num: string | null) => fc.oneof(
  fc.record({ size: duration(1, 3000), lateness: duration(0, 3000), processing: fc.boolean() })
    .map((w) => ({ kind: 'window.tumbling', params: { size: ms(w.size), allowedLateness: ms(w.lateness), time: w.processing ? 'processing' : 'event' } })),
  fc.record({ slide: duration(1, 800), times: fc.integer({ min: 1, max: 5 }), lateness: duration(0, 3000), processing: fc.boolean() })
    .map((w) => ({ kind: 'window.hopping', params: { size: ms(w.slide * w.times), slide: ms(w.slide), allowedLateness: ms(w.lateness), time: w.processing ? 'processing' : 'event' } })),
  fc.record({ step: duration(1, 800), times: fc.integer({ min: 1, max: 5 }), lateness: duration(0, 3000), processing: fc.boolean() })
    .map((w) => ({ kind: 'window.cumulate', params: { step: ms(w.step), maxSize: ms(w.step * w.times), allowedLateness: ms(w.lateness), time: w.processing ? 'processing' : 'event' } })),
  fc.record({ gap: duration(1, 2000), lateness: duration(0, 3000), processing: fc.boolean() })
    .map((w) => ({ kind: 'window.session', params: { gap: ms(w.gap), allowedLateness: ms(w.lateness), time: w.processing ? 'processing' : 'event' } })),
  fc.integer({ min: 1, max: 20 }).map((size) => ({ kind: 'window.count', params: { size } })),
  fc.constant(null),
).map((w) => ({ window: w, num }));

function aggregations(str: string, num: string | null): fc.Arbitrary<{ name: string; fn: string; field?: string; q?: number }[]> {
  const one = fc.tuple(fc.constantFrom(...AGGREGATE_FNS), fc.boolean(), fc.constantFrom(0.1, 0.5, 0.99)).map(([fn, onString, q]) => {
    const numeric = fn === 'sum' || fn === 'avg' || fn === 'variance' || fn === 'stddev' || fn === 'percentile';
    if (fn === 'count') return { fn };
    if (numeric || fn === 'min' || fn === 'max') return num === null ? { fn: 'count' } : fn === 'percentile' ? { fn, field: num, q } : { fn, field: num };
    return { fn, field: onString || num === null ? str : num };
  });
  return fc.array(one, { minLength: 1, maxLength: 5 }).map((list) => list.map((a, i) => ({ name: `a${i}`, ...a })));
}

/** Random pipelines after the sources `sources` draws, and their run scripts. */
export const casesAfter = (sources: fc.Arbitrary<SourcePart>): fc.Arbitrary<SnapshotCase> => sources.chain((src) => fc.record({
  src: fc.constant(src),
  filter: fc.option(fc.integer({ min: -20, max: 60 }), { nil: null }),
  map: fc.boolean(),
  keyBy: fc.constantFrom('none', 'string', 'derived', 'number', 'two'),
  feature: fc.constantFrom('none', 'none', 'interpolate', 'resample', 'rolling'),
  detector: fc.constantFrom(null, null, 'zscore', 'ewma', 'mad'),
  ruleDetector: fc.option(fc.constantFrom<Record<string, unknown>>({ min: 10 }, { mode: 'quantile', window: 7, lower: 0.2, upper: 0.8 }, { method: 'cusum', threshold: 2, relearn: 4 }, { method: 'pageHinkley', drift: 0, threshold: 3, relearn: 3 }), { nil: null, freq: 2 }),
  window: windows(src.num),
  aggs: aggregations(src.str, src.num),
  lateSink: fc.boolean(),
  logSink: fc.boolean(),
  batchSize: fc.constantFrom(1, 7, 64, 333, 4096),
  tickMs: fc.constantFrom(1, 50, 700),
  observe: fc.boolean(),
})).map((c) => {
  const nodes: Node[] = [...c.src.nodes];
  const edges: { from: string; to: string; fromPort?: string }[] = [];
  for (const n of c.src.nodes) if (n.id !== 'u' && c.src.out === 'u') edges.push({ from: n.id, to: 'u' });
  let last = c.src.out;
  const chain = (node: Node): void => {
    nodes.push(node);
    edges.push({ from: last, to: node.id });
    last = node.id;
  };
  const num = c.src.num;
  if (c.filter !== null && num !== null) chain({ id: 'f', kind: 'transform.filter', params: { expr: `coalesce(${num}, 0) > ${c.filter}` } });
  if (c.map || c.keyBy === 'derived') {
    const fields = [{ name: 'd', expr: `upper(${c.src.str}) + '-x'` }];
    if (num !== null) fields.push({ name: 'n2', expr: `${num} * 2` });
    chain({ id: 'm', kind: 'transform.map', params: { fields, keep: true } });
  }
  const keyFields = c.keyBy === 'string' ? [c.src.str] : c.keyBy === 'derived' ? ['d'] : c.keyBy === 'number' && num !== null ? [num] : c.keyBy === 'two' ? [c.src.str, ...(num === null ? [] : [num])] : null;
  if (keyFields !== null) chain({ id: 'k', kind: 'transform.keyBy', params: { fields: keyFields } });
  // The feature transforms keep per-key state and hold records (interpolation, resampling) across steps.
  if (num !== null && c.feature === 'interpolate') chain({ id: 'clean', kind: 'transform.clean', params: { fields: [num], missing: 'interpolate', maxWait: '1s', max: 40 } });
  // Resampling fills every interval of every key up to the end: with a key per distinct number that is
  // keys x intervals records (a case ran for minutes), so it runs unkeyed or keyed by the string field only.
  if (num !== null && c.feature === 'resample' && (keyFields === null || c.keyBy === 'string')) chain({ id: 'clean', kind: 'transform.clean', params: { fields: [num], missing: 'forwardFill', resample: '500ms' } });
  if (num !== null && c.feature === 'rolling') {
    chain({ id: 'roll', kind: 'transform.rolling', params: { field: num, duration: '2s', features: [{ name: 'r_mean', fn: 'mean' }, { name: 'r_max', fn: 'max' }, { name: 'r_p90', fn: 'quantile', q: 0.9 }, { name: 'r_lag', fn: 'lag' }] } });
  }
  // A detector's state (per key) and its reason strings reach the results through two aggregations.
  const detector = num === null ? null : c.detector;
  if (detector !== null && num !== null) {
    const params = detector === 'zscore' ? { field: num, warmup: 3, window: 5, sigmas: 1 } : detector === 'ewma' ? { field: num, warmup: 2, alpha: 0.3, sigmas: 1 } : { field: num, warmup: 3, window: 6, method: 'iqr', limit: 0.5 };
    chain({ id: 'det', kind: `detect.${detector}`, params });
  }
  // Keyed state per key when a key by runs before it; its three fields ride along unread.
  if (c.ruleDetector !== null && num !== null) {
    chain({ id: 'rd', kind: 'mode' in c.ruleDetector || 'min' in c.ruleDetector ? 'detect.threshold' : 'detect.changepoint', params: { field: num, warmup: 2, ...c.ruleDetector } });
  }
  const w = c.window.window;
  if (w !== null) chain({ id: 'w', kind: w.kind, params: w.params });
  const detected = detector === null ? [] : [{ name: 'anom', fn: 'sum', field: 'anomaly_score' }, { name: 'reasons', fn: 'countDistinct', field: 'anomaly_reason' }];
  chain({ id: 'a', kind: 'aggregate', params: { aggregations: [...c.aggs, ...detected] } });
  chain({ id: 'out', kind: 'sink.collect' });
  if (c.logSink) {
    nodes.push({ id: 'log', kind: 'sink.log', params: { limit: 5 } });
    edges.push({ from: 'a', to: 'log' });
  }
  if (c.lateSink && w !== null && w.kind !== 'window.count') {
    nodes.push({ id: 'lateOut', kind: 'sink.collect' });
    edges.push({ from: 'w', to: 'lateOut', fromPort: 'late' });
  }
  const tick = c.tickMs;
  const script: RunScript = {
    batchSize: c.batchSize,
    clockAt: (step) => START + step * tick,
    ...(c.src.messages !== undefined ? { messages: c.src.messages, messageSteps: c.src.messageSteps } : {}),
    maxSteps: 3000,
    observe: c.observe,
  };
  const summary = JSON.stringify({ nodes: nodes.map((n) => (n.kind === 'source.file' ? { ...n, params: { ...n.params, data: '…' } } : n)), batchSize: c.batchSize, tick, observe: c.observe });
  return { doc: pipeline(nodes, edges), script, summary };
});

/** A random pipeline and its run script. */
export const snapshotCases: fc.Arbitrary<SnapshotCase> = casesAfter(sources);
