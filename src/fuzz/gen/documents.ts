/**
 * Valid pipeline documents built from the schema's vocabulary: a source
 * (sample, inline file or WebSocket), up to three transforms, an optional
 * window with its aggregate, and a sink, with the late port wired now and
 * then. Field names follow the source, so filters and keys refer to fields
 * that exist and the run gets past compile.
 */
import fc from 'fast-check';
import { AGGREGATE_FNS, ANOMALY_REASON_FIELD, ANOMALY_SCORE_FIELD, CHART_TYPES, DETECTOR_OUTPUT_FIELDS, IS_ANOMALY_FIELD, SAMPLE_STREAMS } from '../../model';

type FieldType = 'number' | 'string' | 'boolean' | 'time';
interface SourceShape {
  readonly node: Record<string, unknown>;
  readonly fields: readonly { readonly name: string; readonly type: FieldType }[];
}

/** The sample streams' fields (see sampleStreamFields), without the engine: a generator only needs names. */
const SAMPLE_FIELDS: Readonly<Record<(typeof SAMPLE_STREAMS)[number], readonly [string, FieldType][]>> = {
  sensors: [['ts', 'time'], ['device', 'string'], ['temperature', 'number'], ['humidity', 'number']],
  clicks: [['ts', 'time'], ['user', 'string'], ['page', 'string']],
  payments: [['ts', 'time'], ['card', 'string'], ['merchant', 'string'], ['amount', 'number'], ['country', 'string']],
  trades: [['ts', 'time'], ['symbol', 'string'], ['price', 'number'], ['volume', 'number']],
  bids: [['ts', 'time'], ['auction', 'number'], ['bidder', 'number'], ['price', 'number'], ['channel', 'string']],
};

const durations = fc.constantFrom('0ms', '5ms', '250ms', '1s', '2s', '30s', '1m', '1h');
const positiveDurations = fc.constantFrom('5ms', '250ms', '1s', '2s', '30s', '1m', '1h', '1d');

const sampleSource: fc.Arbitrary<SourceShape> = fc.record({
  stream: fc.constantFrom(...SAMPLE_STREAMS),
  rate: fc.constantFrom(1, 10, 1000, 50_000),
  keys: fc.integer({ min: 1, max: 50 }),
  limit: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
  seed: fc.integer(),
  maxOutOfOrderness: durations,
  lateFraction: fc.constantFrom(0, 0.1, 1),
  startTime: fc.constantFrom(0, 1_700_000_000_000, -86_400_000),
}, { requiredKeys: ['stream'] }).map((params) => ({
  node: { kind: 'source.sample', params },
  fields: SAMPLE_FIELDS[params.stream].map(([name, type]) => ({ name, type })),
}));

/** File fields: plain names and names that are Object.prototype's members, all as data. */
const FILE_FIELD_NAMES = ['k', 'v', 'w', 'flag', '__proto__', 'constructor', 'toString'] as const;

function cellOf(type: FieldType, i: number): unknown {
  if (type === 'number') return (i * 7) % 13 - 3.5;
  if (type === 'boolean') return i % 3 === 0;
  return `key${i % 4}`;
}

const fileSource: fc.Arbitrary<SourceShape> = fc.record({
  names: fc.uniqueArray(fc.constantFrom(...FILE_FIELD_NAMES), { minLength: 1, maxLength: 4 }),
  types: fc.array(fc.constantFrom<FieldType>('number', 'string', 'boolean'), { minLength: 4, maxLength: 4 }),
  rows: fc.integer({ min: 1, max: 40 }),
  format: fc.constantFrom('csv', 'ndjson', 'json'),
  step: fc.constantFrom(1, 250, 1000, 60_000),
  maxOutOfOrderness: durations,
}).map(({ names, types, rows, format, step, maxOutOfOrderness }) => {
  const fields = names.map((name, i) => ({ name, type: types[i]! }));
  const records = Array.from({ length: rows }, (_, i) => {
    const record: [string, unknown][] = [['ts', 1_700_000_000_000 + i * step]];
    for (const field of fields) record.push([field.name, cellOf(field.type, i)]);
    return record;
  });
  const json = (record: [string, unknown][]): string => `{${record.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
  const data = format === 'csv'
    ? [['ts', ...names].join(','), ...records.map((record) => record.map(([, v]) => String(v)).join(','))].join('\n')
    : format === 'ndjson' ? records.map(json).join('\n') : `[${records.map(json).join(',')}]`;
  return {
    node: { kind: 'source.file', params: { format, eventTime: 'ts', timeFormat: 'epochMillis', maxOutOfOrderness, data } },
    fields: [{ name: 'ts', type: 'time' as const }, ...fields],
  };
});

const websocketSource: fc.Arbitrary<SourceShape> = fc.constantFrom(...SAMPLE_STREAMS).map((stream) => {
  const fields = SAMPLE_FIELDS[stream].map(([name, type]) => ({ name, type }));
  return { node: { kind: 'source.websocket', params: { url: `ws://127.0.0.1:1/streams/${stream}`, fields } }, fields };
});

type Fields = SourceShape['fields'];
const numberFields = (fields: Fields): string[] => fields.filter((f) => f.type === 'number').map((f) => f.name);
const stringFields = (fields: Fields): string[] => fields.filter((f) => f.type === 'string').map((f) => f.name);

/** detect.contextual watching `field`; its output adds the detector fields (model/detectorFields.ts). */
function contextualDetector(fields: Fields, field: string, pick: number): { node: Record<string, unknown>; fields: Fields } {
  const params = { field, warmup: pick % 40, bits: 1 + (pick % 4), restPeriod: pick % 30, threshold: 0.5 };
  const added = new Set<string>(DETECTOR_OUTPUT_FIELDS);
  return {
    node: { kind: 'detect.contextual', params },
    fields: [...fields.filter((f) => !added.has(f.name)), { name: ANOMALY_SCORE_FIELD, type: 'number' }, { name: IS_ANOMALY_FIELD, type: 'boolean' }, { name: ANOMALY_REASON_FIELD, type: 'string' }],
  };
}

/** A transform over the fields it is given, and the fields after it. */
function transform(fields: Fields, pick: number, literal: number): { node: Record<string, unknown>; fields: Fields } {
  const numbers = numberFields(fields);
  const strings = stringFields(fields);
  if (pick % 11 === 7 && numbers.length > 0) return statisticalDetector(fields, numbers[pick % numbers.length]!, pick, literal);
  if (pick % 11 === 10 && numbers.length > 0) return contextualDetector(fields, numbers[pick % numbers.length]!, pick);
  const choice = pick % 3;
  // Feature transforms take a quarter of the picks, from the bits above the choice.
  const feature = Math.floor(pick / 3) % 8;
  if (feature === 1 && numbers.length > 0) {
    const rules = ['drop', 'forwardFill', 'interpolate', 'constant'] as const;
    const params: Record<string, unknown> = { fields: [numbers[pick % numbers.length]!], missing: rules[pick % 4]!, constant: literal, min: -Math.abs(literal) * 10 };
    if (pick % 5 === 0) params['resample'] = '1s';
    return { node: { kind: 'transform.clean', params }, fields };
  }
  if (feature === 2 && numbers.length > 0) {
    const fns = ['mean', 'stddev', 'min', 'max', 'median', 'ewma', 'rateOfChange', 'lag', 'diff'] as const;
    const name = `r${pick}`;
    const window = pick % 2 === 0 ? { count: 1 + (pick % 20) } : { duration: '5s' };
    return { node: { kind: 'transform.rolling', params: { field: numbers[pick % numbers.length]!, ...window, features: [{ name, fn: fns[pick % fns.length]! }] } }, fields: [...fields, { name, type: 'number' }] };
  }
  if (choice === 0 && numbers.length > 0) {
    const field = numbers[pick % numbers.length]!;
    return { node: { kind: 'transform.filter', params: { expr: `${field} > ${literal} || ${field} == null` } }, fields };
  }
  if (choice === 1 && numbers.length > 0) {
    const field = numbers[pick % numbers.length]!;
    const name = `m${pick}`;
    return { node: { kind: 'transform.map', params: { fields: [{ name, expr: `round(${field} * ${literal}, 2)` }] } }, fields: [...fields, { name, type: 'number' }] };
  }
  if (choice === 2 && numbers.length > 0 && literal < 0) return ruleDetector(fields, numbers[pick % numbers.length]!, pick, literal);
  if (strings.length > 0) return { node: { kind: 'transform.keyBy', params: { fields: [strings[pick % strings.length]!] } }, fields };
  return { node: { kind: 'transform.filter', params: { expr: 'true' } }, fields };
}

/** detect.zscore, detect.ewma or detect.mad watching `field`; its output adds the detector fields (model/detectorFields.ts). */
function statisticalDetector(fields: Fields, field: string, pick: number, literal: number): { node: Record<string, unknown>; fields: Fields } {
  const warmup = Math.abs(literal);
  const which = (pick >> 2) % 4;
  const params = which === 0 ? { field, warmup, window: 2 + (pick % 9), sigmas: 2 }
    : which === 1 ? { field, warmup, alpha: 0.2, sigmas: 2.5 }
      : { field, warmup, window: 3 + (pick % 7), method: which === 2 ? 'mad' : 'iqr', limit: 2 };
  const kind = which === 0 ? 'detect.zscore' : which === 1 ? 'detect.ewma' : 'detect.mad';
  const added = new Set<string>(DETECTOR_OUTPUT_FIELDS);
  return {
    node: { kind, params },
    fields: [...fields.filter((f) => !added.has(f.name)), { name: ANOMALY_SCORE_FIELD, type: 'number' }, { name: IS_ANOMALY_FIELD, type: 'boolean' }, { name: ANOMALY_REASON_FIELD, type: 'string' }],
  };
}

/** The fields a detector passes on: its input's, then the three it adds (replacing a detector's upstream). */
function withDetectorFields(fields: Fields): Fields {
  const added = new Set<string>(DETECTOR_OUTPUT_FIELDS);
  return [...fields.filter((f) => !added.has(f.name)), { name: ANOMALY_SCORE_FIELD, type: 'number' }, { name: IS_ANOMALY_FIELD, type: 'boolean' }, { name: ANOMALY_REASON_FIELD, type: 'string' }];
}

/** detect.threshold (fixed or rolling quantile bounds) or detect.changepoint (either method) on `field`. */
function ruleDetector(fields: Fields, field: string, pick: number, literal: number): { node: Record<string, unknown>; fields: Fields } {
  const warmup = pick % 4;
  const params = [
    { field, warmup, min: literal, max: literal + 10 },
    { field, warmup, mode: 'quantile', window: 2 + (pick % 20), lower: 0.1, upper: 0.9 },
    { field, warmup, method: 'cusum', drift: 0.5, threshold: 1 - literal, relearn: 2 + (pick % 5) },
    { field, warmup, method: 'pageHinkley', drift: 0, threshold: 2, relearn: 3 },
  ][pick % 4]!;
  return { node: { kind: pick % 4 < 2 ? 'detect.threshold' : 'detect.changepoint', params }, fields: withDetectorFields(fields) };
}

const windowNode = fc.oneof(
  fc.record({ kind: fc.constant('window.tumbling'), params: fc.record({ size: positiveDurations, allowedLateness: durations }) }),
  fc.record({ kind: fc.constant('window.hopping'), params: fc.constantFrom({ size: '1m', slide: '10s' }, { size: '2s', slide: '1s' }, { size: '1h', slide: '1m' }) }),
  fc.record({ kind: fc.constant('window.cumulate'), params: fc.constantFrom({ step: '10s', maxSize: '1m' }, { step: '1s', maxSize: '2s' }, { step: '1m', maxSize: '1h', offset: '-30m' }, { step: '3s', maxSize: '3s' }) }),
  fc.record({ kind: fc.constant('window.session'), params: fc.record({ gap: positiveDurations }) }),
  fc.record({ kind: fc.constant('window.count'), params: fc.record({ size: fc.integer({ min: 1, max: 20 }) }) }),
);

function aggregations(fields: Fields, fns: readonly (typeof AGGREGATE_FNS)[number][]): Record<string, unknown>[] {
  const numbers = numberFields(fields);
  return fns.map((fn, i) => {
    if (fn === 'count' || numbers.length === 0) return { name: `a${i}`, fn: 'count' };
    const spec: Record<string, unknown> = { name: `a${i}`, fn, field: numbers[i % numbers.length]! };
    if (fn === 'percentile') spec['q'] = 0.9;
    return spec;
  });
}

/** A valid document (validate accepts it), as plain JSON. */
export const validDocument: fc.Arbitrary<Record<string, unknown>> = fc.record({
  source: fc.oneof({ weight: 3, arbitrary: sampleSource }, { weight: 3, arbitrary: fileSource }, { weight: 1, arbitrary: websocketSource }),
  transforms: fc.array(fc.tuple(fc.nat(), fc.integer({ min: -5, max: 5 })), { maxLength: 3 }),
  window: fc.option(windowNode, { nil: undefined }),
  fns: fc.uniqueArray(fc.constantFrom(...AGGREGATE_FNS), { minLength: 1, maxLength: 4 }),
  sink: fc.constantFrom('sink.collect', 'sink.log', 'sink.table', 'sink.chart', 'sink.alert'),
  late: fc.boolean(),
  chart: fc.constantFrom(...CHART_TYPES),
}).map(({ source, transforms, window, fns, sink, late, chart }) => {
  const nodes: Record<string, unknown>[] = [{ id: 'src', ...source.node }];
  let fields = source.fields;
  transforms.forEach(([pick, literal], i) => {
    const next = transform(fields, pick, literal);
    nodes.push({ id: `t${i}`, ...next.node });
    fields = next.fields;
  });
  if (window !== undefined) {
    nodes.push({ id: 'win', ...window });
    const specs = aggregations(fields, fns);
    nodes.push({ id: 'agg', kind: 'aggregate', params: { aggregations: specs } });
    fields = specs.map((spec) => ({ name: String(spec['name']), type: 'number' as const }));
  }
  const y = numberFields(fields)[0];
  const sinkKind = (sink === 'sink.chart' || sink === 'sink.alert') && y === undefined ? 'sink.collect' : sink;
  const alertParams = { when: `${y ?? ''} > 0`, severity: 'info', cooldown: '10s', resolveAfter: '30s' };
  nodes.push({ id: 'out', kind: sinkKind, params: sinkKind === 'sink.chart' ? { y, chart } : sinkKind === 'sink.alert' ? alertParams : {} });
  const edges: Record<string, unknown>[] = nodes.slice(1).map((node, i) => ({ id: `e${i}`, from: nodes[i]!['id'], to: node['id'] }));
  if (window !== undefined && late && window.kind !== 'window.count') {
    nodes.push({ id: 'lateOut', kind: 'sink.collect', params: {} });
    edges.push({ id: 'eLate', from: 'win', to: 'lateOut', fromPort: 'late' });
  }
  return { format: 'windowpane.pipeline', version: 1, name: 'fuzz', nodes, edges };
});
