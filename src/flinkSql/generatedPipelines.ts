/**
 * Valid pipelines for the export's property test: every node kind, every
 * window (event and processing time, offsets, lateness, hopping sizes that
 * are and are not multiples of the slide), every aggregate function, keys
 * of one and two fields, unions of two sources, maps that keep and drop
 * their input, a second aggregation after the first (windowed or not), late
 * ports, several sinks with any connector, and field names that are reserved
 * words or hold dots, spaces and backticks. Plain JSON, built so that the
 * model validates it and schema propagation compiles it.
 */
import fc from 'fast-check';
import { AGGREGATE_FNS, SAMPLE_STREAMS } from '../model';
import { SINK_CONNECTORS, SOURCE_CONNECTORS, type FlinkExportOptions, type SinkConnector, type SourceConnector } from './types';

type FieldType = 'number' | 'string' | 'boolean' | 'time';
interface Field { readonly name: string; readonly type: FieldType }
type Json = Record<string, unknown>;

const SAMPLE_FIELDS: Readonly<Record<(typeof SAMPLE_STREAMS)[number], readonly Field[]>> = {
  sensors: [{ name: 'ts', type: 'time' }, { name: 'device', type: 'string' }, { name: 'temperature', type: 'number' }, { name: 'humidity', type: 'number' }],
  clicks: [{ name: 'ts', type: 'time' }, { name: 'user', type: 'string' }, { name: 'page', type: 'string' }],
  payments: [{ name: 'ts', type: 'time' }, { name: 'card', type: 'string' }, { name: 'merchant', type: 'string' }, { name: 'amount', type: 'number' }, { name: 'country', type: 'string' }],
  trades: [{ name: 'ts', type: 'time' }, { name: 'symbol', type: 'string' }, { name: 'price', type: 'number' }, { name: 'volume', type: 'number' }],
  bids: [{ name: 'ts', type: 'time' }, { name: 'auction', type: 'number' }, { name: 'bidder', type: 'number' }, { name: 'price', type: 'number' }, { name: 'channel', type: 'string' }],
};

/** Declared fields with names SQL finds hard: reserved words, dots, spaces, a backtick, and the names the export gives its own columns. */
export const ODD_FIELDS: readonly Field[] = [
  { name: 'event time', type: 'time' }, { name: 'select', type: 'string' }, { name: 'a.b', type: 'number' }, { name: 'with space', type: 'number' },
  { name: 'back`tick', type: 'boolean' }, { name: 'rowtime', type: 'string' }, { name: 'proctime', type: 'number' }, { name: 'window_time', type: 'number' },
];

interface SourceShape { readonly node: Json; readonly fields: readonly Field[] }

const durations = fc.constantFrom('0ms', '5ms', '250ms', '1s', '2s', '30s', '1m', '100s');

const sampleSource = fc.record({
  stream: fc.constantFrom(...SAMPLE_STREAMS),
  rate: fc.constantFrom(1, 10, 1000),
  limit: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
  maxOutOfOrderness: durations,
  idleTimeout: fc.option(fc.constantFrom('1s', '1m'), { nil: undefined }),
}).map((params): SourceShape => ({ node: { kind: 'source.sample', params: JSON.parse(JSON.stringify(params)) as Json }, fields: SAMPLE_FIELDS[params.stream] }));

const websocketSource = fc.record({
  odd: fc.boolean(),
  timeFormat: fc.constantFrom('auto', 'epochMillis', 'epochSeconds', 'iso'),
  maxOutOfOrderness: durations,
}).map(({ odd, timeFormat, maxOutOfOrderness }): SourceShape => {
  const fields = odd ? ODD_FIELDS : SAMPLE_FIELDS.trades;
  const eventTime = fields[0]!.name;
  return { node: { kind: 'source.websocket', params: { url: 'ws://127.0.0.1:1/x', fields, eventTime, timeFormat, maxOutOfOrderness } }, fields };
});

const fileSource = fc.record({
  format: fc.constantFrom('csv', 'tsv', 'ndjson'),
  rows: fc.integer({ min: 1, max: 12 }),
  declaredOnly: fc.boolean(),
}).map(({ format, rows, declaredOnly }): SourceShape => {
  const fields: Field[] = [{ name: 'ts', type: 'time' }, { name: 'order', type: 'string' }, { name: 'x y', type: 'number' }];
  if (declaredOnly) {
    // No data: the export takes the declared fields, as in the app before the file is read.
    return { node: { kind: 'source.file', params: { format: 'parquet', eventTime: 'ts', fileName: 'f.parquet', fields } }, fields };
  }
  const records = Array.from({ length: rows }, (_, i) => [1_700_000_000_000 + i * 1000, `k${i % 3}`, (i * 7) % 5]);
  const sep = format === 'tsv' ? '\t' : ',';
  const data = format === 'ndjson'
    ? records.map(([ts, order, x]) => JSON.stringify({ ts, order, 'x y': x })).join('\n')
    : [['ts', 'order', 'x y'].join(sep), ...records.map((r) => r.join(sep))].join('\n');
  return { node: { kind: 'source.file', params: { format, eventTime: 'ts', timeFormat: 'epochMillis', data } }, fields };
});

const numbers = (fields: readonly Field[]) => fields.filter((f) => f.type === 'number').map((f) => f.name);
/** Names the expression language reads as a bare field. */
const plain = (name: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !['select', 'true', 'false', 'null', 'and', 'or', 'not'].includes(name);

type Step = { kind: 'filter' | 'mapKeep' | 'mapDrop' | 'keyBy1' | 'keyBy2'; pick: number };
const step: fc.Arbitrary<Step> = fc.record({ kind: fc.constantFrom('filter', 'mapKeep', 'mapDrop', 'keyBy1', 'keyBy2'), pick: fc.nat(100) });

function transformNode(s: Step, fields: readonly Field[], id: string): { node: Json; fields: readonly Field[] } | null {
  const nums = numbers(fields).filter(plain);
  const pick = <T>(list: readonly T[]) => list[s.pick % list.length]!;
  switch (s.kind) {
    case 'filter':
      return { node: { id, kind: 'transform.filter', params: { expr: nums.length === 0 ? 'true' : `${pick(nums)} > ${s.pick % 7}` } }, fields };
    case 'mapKeep': case 'mapDrop': {
      if (nums.length === 0) return null;
      const keep = s.kind === 'mapKeep';
      const computed: Field = { name: `m_${s.pick}`, type: 'number' };
      const kept = keep ? fields.filter((f) => f.name !== computed.name) : [];
      const keys = fields.filter((f) => f.type === 'string').slice(0, keep ? 0 : 1);
      const extra = keys.filter((k) => plain(k.name)).map((k) => ({ name: k.name, expr: k.name }));
      return {
        node: { id, kind: 'transform.map', params: { keep, fields: [{ name: computed.name, expr: `${pick(nums)} * 2` }, ...extra] } },
        fields: [...kept, computed, ...extra.map((e) => ({ name: e.name, type: 'string' as const }))],
      };
    }
    case 'keyBy1': case 'keyBy2': {
      const candidates = fields.filter((f) => f.type !== 'time');
      if (candidates.length === 0) return null;
      const first = pick(candidates);
      const second = candidates[(s.pick + 1) % candidates.length]!;
      const keys = s.kind === 'keyBy2' && second.name !== first.name ? [first.name, second.name] : [first.name];
      return { node: { id, kind: 'transform.keyBy', params: { fields: keys } }, fields };
    }
  }
}

const windowNode: fc.Arbitrary<Json> = fc.oneof(
  fc.record({ kind: fc.constant('window.tumbling'), params: fc.record({ size: fc.constantFrom('1s', '1m', '100s', '1h', '1d'), offset: fc.constantFrom('0ms', '-500ms'), time: fc.constantFrom('event', 'processing'), allowedLateness: fc.constantFrom('0ms', '2s') }) }),
  fc.record({ kind: fc.constant('window.hopping'), params: fc.constantFrom({ size: '10s', slide: '2s' }, { size: '5s', slide: '2s' }, { size: '1m', slide: '10s', offset: '1s' }, { size: '2s', slide: '1s', time: 'processing' }) }),
  fc.record({ kind: fc.constant('window.cumulate'), params: fc.constantFrom({ step: '10s', maxSize: '1m' }, { step: '1h', maxSize: '1d', offset: '-5h' }, { step: '1s', maxSize: '3s', allowedLateness: '1s' }) }),
  fc.record({ kind: fc.constant('window.session'), params: fc.record({ gap: fc.constantFrom('1s', '30s', '1.5s'), time: fc.constantFrom('event', 'processing') }) }),
  fc.record({ kind: fc.constant('window.count'), params: fc.record({ size: fc.integer({ min: 1, max: 20 }) }) }),
);

function aggregations(fields: readonly Field[], keys: readonly string[], fns: readonly (typeof AGGREGATE_FNS)[number][]): { specs: Json[]; out: Field[] } {
  const nums = numbers(fields);
  const orderable = fields.filter((f) => f.type === 'number' || f.type === 'time');
  const any = fields;
  const specs: Json[] = [];
  const out: Field[] = [];
  fns.forEach((fn, i) => {
    const name = `agg ${i}.${fn}`;
    if (keys.includes(name)) return;
    const pickFrom = (list: readonly Field[]) => list[i % list.length];
    let field: Field | undefined;
    if (fn === 'sum' || fn === 'avg' || fn === 'variance' || fn === 'stddev' || fn === 'percentile') field = nums.length === 0 ? undefined : { name: nums[i % nums.length]!, type: 'number' };
    else if (fn === 'min' || fn === 'max') field = pickFrom(orderable);
    else if (fn !== 'count') field = pickFrom(any);
    if (fn !== 'count' && field === undefined) return;
    const spec: Json = { name, fn, ...(field === undefined ? {} : { field: field.name }), ...(fn === 'percentile' ? { q: 0.9 } : {}) };
    specs.push(spec);
    const type: FieldType = (fn === 'min' || fn === 'max' || fn === 'first' || fn === 'last') && field !== undefined ? field.type : 'number';
    out.push({ name, type });
  });
  if (specs.length === 0) {
    specs.push({ name: 'n', fn: 'count' });
    out.push({ name: 'n', type: 'number' });
  }
  return { specs, out };
}

export interface GeneratedPipeline {
  readonly document: Json;
  readonly options: FlinkExportOptions;
}

const SINK_KINDS = ['sink.collect', 'sink.log', 'sink.table', 'sink.chart'] as const;

export const generatedPipeline: fc.Arbitrary<GeneratedPipeline> = fc.record({
  source: fc.oneof({ weight: 3, arbitrary: sampleSource }, { weight: 2, arbitrary: websocketSource }, { weight: 2, arbitrary: fileSource }),
  union: fc.boolean(),
  steps: fc.array(step, { maxLength: 3 }),
  window: fc.option(windowNode, { freq: 4, nil: undefined }),
  aggregate: fc.boolean(),
  fns: fc.uniqueArray(fc.constantFrom(...AGGREGATE_FNS), { minLength: 1, maxLength: 5 }),
  second: fc.constantFrom('none', 'none', 'byWindowEnd', 'cascade'),
  sinks: fc.array(fc.record({ kind: fc.constantFrom(...SINK_KINDS), connector: fc.option(fc.constantFrom<SinkConnector>(...SINK_CONNECTORS), { nil: undefined }) }), { minLength: 1, maxLength: 3 }),
  sourceConnector: fc.option(fc.constantFrom<SourceConnector>(...SOURCE_CONNECTORS), { nil: undefined }),
  late: fc.boolean(),
}).map(({ source, union, steps, window, aggregate, fns, second, sinks, sourceConnector, late }): GeneratedPipeline => {
  const nodes: Json[] = [{ id: 'src', ...source.node }];
  const edges: Json[] = [];
  let last = 'src';
  const link = (to: string, fromPort = 'out') => edges.push({ id: `e${edges.length}`, from: last, to, fromPort });
  if (union) {
    nodes.push({ id: 'src2', ...source.node }, { id: 'both', kind: 'transform.union' });
    edges.push({ id: 'u1', from: 'src', to: 'both' }, { id: 'u2', from: 'src2', to: 'both' });
    last = 'both';
  }
  let fields = source.fields;
  let keys: string[] = [];
  steps.forEach((s, i) => {
    const t = transformNode(s, fields, `t${i}`);
    if (t === null) return;
    nodes.push(t.node);
    link(String(t.node['id']));
    last = String(t.node['id']);
    if (t.node['kind'] === 'transform.keyBy') keys = (t.node['params'] as { fields: string[] }).fields;
    else if (t.node['kind'] === 'transform.map') {
      const p = t.node['params'] as { keep: boolean; fields: { name: string }[] };
      if (!p.keep || keys.some((k) => p.fields.some((f) => f.name === k))) keys = [];
    }
    fields = t.fields;
  });
  let windowed = false;
  if (window !== undefined || aggregate) {
    const { specs, out } = aggregations(fields, keys, fns);
    const keyFields = keys.map((k) => fields.find((f) => f.name === k)!);
    if (window !== undefined) {
      nodes.push({ id: 'win', ...window });
      link('win');
      last = 'win';
      windowed = true;
    }
    nodes.push({ id: 'agg', kind: 'aggregate', params: { aggregations: specs } });
    link('agg');
    last = 'agg';
    fields = [...(windowed ? [{ name: 'window_start', type: 'time' as const }, { name: 'window_end', type: 'time' as const }] : []), ...keyFields, ...out, { name: 'revision', type: 'number' }];
    if (late && window !== undefined && window['kind'] !== 'window.count') {
      nodes.push({ id: 'lateLog', kind: 'sink.log' });
      edges.push({ id: 'late', from: 'win', to: 'lateLog', fromPort: 'late' });
    }
    const measured = out.find((f) => f.type === 'number')?.name ?? 'revision';
    if (second === 'byWindowEnd' && windowed) {
      nodes.push({ id: 'byEnd', kind: 'transform.keyBy', params: { fields: ['window_end'] } }, { id: 'agg2', kind: 'aggregate', params: { aggregations: [{ name: 'top', fn: 'max', field: measured }] } });
      link('byEnd'); last = 'byEnd'; link('agg2'); last = 'agg2';
      fields = [{ name: 'window_end', type: 'time' }, { name: 'top', type: 'number' }, { name: 'revision', type: 'number' }];
      windowed = false;
    } else if (second === 'cascade') {
      nodes.push({ id: 'win2', kind: 'window.tumbling', params: { size: '1h' } }, { id: 'agg2', kind: 'aggregate', params: { aggregations: [{ name: 'total', fn: 'sum', field: measured }] } });
      link('win2'); last = 'win2'; link('agg2'); last = 'agg2';
      fields = [{ name: 'window_start', type: 'time' }, { name: 'window_end', type: 'time' }, { name: 'total', type: 'number' }, { name: 'revision', type: 'number' }];
      windowed = true;
    }
  }
  const sinkConnectors = new Map<string, SinkConnector>();
  sinks.forEach((sink, i) => {
    const id = `out${i}`;
    const y = numbers(fields)[0];
    const kind = sink.kind === 'sink.chart' && (y === undefined || !windowed) ? 'sink.table' : sink.kind;
    nodes.push({ id, kind, params: kind === 'sink.chart' ? { y } : {} });
    link(id);
    if (sink.connector !== undefined) sinkConnectors.set(id, sink.connector);
  });
  const sourceConnectors = new Map<string, SourceConnector>(sourceConnector === undefined ? [] : [['src', sourceConnector]]);
  return { document: { format: 'windowpane.pipeline', version: 1, name: 'generated', nodes, edges }, options: { sinkConnectors, sourceConnectors } };
});
