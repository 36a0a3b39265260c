/**
 * The pipelines of the golden files: one per mapping rule, each exported to
 * golden/<name>.sql (see golden.test.ts; UPDATE_GOLDEN=1 rewrites them, and
 * every rewrite is read before it is committed).
 */
import type { FlinkExportOptions } from '../types';

type Json = Record<string, unknown>;

export interface GoldenCase {
  readonly name: string;
  /** The mapping rule the case pins down. */
  readonly rule: string;
  readonly document: Json;
  readonly options?: FlinkExportOptions;
}

function node(id: string, kind: string, params: Json = {}): Json {
  return { id, kind, params };
}

/** A document whose nodes form one chain, in order, plus `extra` edges. */
function chain(name: string, nodes: Json[], extra: Json[] = [], extraNodes: Json[] = []): Json {
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, from: nodes[i]!['id'], to: n['id'] }));
  return { format: 'windowpane.pipeline', version: 1, name, nodes: [...nodes, ...extraNodes], edges: [...edges, ...extra] };
}

const sensors = (id = 'sensors', extra: Json = {}) => node(id, 'source.sample', { stream: 'sensors', rate: 50, limit: 1000, maxOutOfOrderness: '2s', ...extra });
const count = (id = 'stats') => node(id, 'aggregate', { aggregations: [{ name: 'readings', fn: 'count' }, { name: 'avg_temperature', fn: 'avg', field: 'temperature' }] });
const collect = (id = 'results') => node(id, 'sink.collect');

const CSV = 'ts,region,amount\n1700000000000,eu,10.5\n1700000001000,us,3\n';

export const GOLDEN_CASES: readonly GoldenCase[] = [
  {
    name: 'tumbling', rule: 'A sample source becomes a datagen table with a rowtime and watermark; a tumbling window and its aggregate one TUMBLE view; a collect sink a print table and one INSERT.',
    document: chain('Tumbling', [sensors(), node('minute', 'window.tumbling', { size: '1m' }), count(), collect()]),
  },
  {
    name: 'tumbling-offset-keys', rule: 'keyBy folds into GROUP BY (both keys, its node on the view); the offset is the fourth TUMBLE argument; a 100s size states its interval precision.',
    document: chain('Keys and offset', [
      node('payments', 'source.sample', { stream: 'payments', maxOutOfOrderness: '500ms' }), node('byCard', 'transform.keyBy', { fields: ['card', 'country'] }),
      node('w', 'window.tumbling', { size: '100s', offset: '-15s' }), node('spend', 'aggregate', { aggregations: [{ name: 'total', fn: 'sum', field: 'amount' }] }), collect(),
    ]),
  },
  {
    name: 'hopping', rule: 'A hopping window becomes HOP(slide, size, offset).',
    document: chain('Hopping', [sensors(), node('byDevice', 'transform.keyBy', { fields: ['device'] }), node('sliding', 'window.hopping', { size: '10s', slide: '2s', offset: '1s' }), count(), collect()]),
  },
  {
    name: 'hopping-not-multiple', rule: 'A hopping window whose size is no multiple of its slide uses the group window HOP with HOP_START/HOP_END/HOP_ROWTIME.',
    document: chain('Hopping 5s every 2s', [sensors(), node('sliding', 'window.hopping', { size: '5s', slide: '2s' }), count(), collect()]),
  },
  {
    name: 'cumulate', rule: 'A cumulate window becomes CUMULATE(step, maxSize, offset).',
    document: chain('Cumulate', [sensors(), node('today', 'window.cumulate', { step: '1h', maxSize: '1d', offset: '-5h' }), count(), collect()]),
  },
  {
    name: 'session', rule: 'A session window becomes GROUP BY SESSION(rowtime, gap) and the keys, with SESSION_START/END/ROWTIME.',
    document: chain('Sessions', [node('clicks', 'source.sample', { stream: 'clicks' }), node('byUser', 'transform.keyBy', { fields: ['user'] }), node('s', 'window.session', { gap: '1.5s' }), node('perSession', 'aggregate', { aggregations: [{ name: 'clicks', fn: 'count' }] }), collect()]),
  },
  {
    name: 'processing-time', rule: 'A processing-time window reads a PROCTIME() column its source gains; views carry it.',
    document: chain('Processing time', [sensors(), node('hot', 'transform.keyBy', { fields: ['device'] }), node('wall', 'window.tumbling', { size: '10s', time: 'processing' }), count(), collect()]),
  },
  {
    name: 'count-window', rule: 'A count window cannot map: a gap on it, and on the aggregate and sink after it.',
    document: chain('Count window', [sensors(), node('byDevice', 'transform.keyBy', { fields: ['device'] }), node('hundred', 'window.count', { size: 100 }), count(), collect()]),
  },
  {
    name: 'aggregate-functions', rule: 'Every aggregate function: COUNT, SUM, AVG, MIN, MAX, VAR_SAMP, STDDEV_SAMP, COUNT(DISTINCT), approx as COUNT(DISTINCT), PERCENTILE, FIRST_VALUE, LAST_VALUE, with the differing ones as gaps.',
    document: chain('Every function', [
      node('trades', 'source.sample', { stream: 'trades' }), node('bySymbol', 'transform.keyBy', { fields: ['symbol'] }), node('tenSeconds', 'window.tumbling', { size: '10s' }),
      node('range', 'aggregate', { aggregations: [
        { name: 'n', fn: 'count' }, { name: 'priced', fn: 'count', field: 'price' }, { name: 'volume', fn: 'sum', field: 'volume' }, { name: 'mean', fn: 'avg', field: 'price' },
        { name: 'low', fn: 'min', field: 'price' }, { name: 'high', fn: 'max', field: 'price' }, { name: 'var', fn: 'variance', field: 'price' }, { name: 'sd', fn: 'stddev', field: 'price' },
        { name: 'prices', fn: 'countDistinct', field: 'price' }, { name: 'approx', fn: 'approxCountDistinct', field: 'price' }, { name: 'p95', fn: 'percentile', field: 'price', q: 0.95 },
        { name: 'open', fn: 'first', field: 'price' }, { name: 'close', fn: 'last', field: 'price' }, { name: 'latest', fn: 'max', field: 'ts' },
      ] }),
      collect(),
    ]),
  },
  {
    name: 'running-aggregate', rule: 'An aggregate without a window is a non-windowed GROUP BY (revision COUNT(*) - 1); a Kafka sink cannot take its updates (a differs gap).',
    document: chain('Running totals', [node('payments', 'source.sample', { stream: 'payments' }), node('byCard', 'transform.keyBy', { fields: ['card'] }), node('totals', 'aggregate', { aggregations: [{ name: 'total', fn: 'sum', field: 'amount' }] }), collect('toKafka')]),
    options: { sinkConnectors: new Map([['toKafka', 'kafka']]) },
  },
  {
    name: 'union', rule: 'A union becomes UNION ALL of views listing the same columns, the rowtime carried for the window after it.',
    document: {
      ...chain('Union', [sensors('hall'), sensors('roof'), node('all', 'transform.union'), node('w', 'window.tumbling', { size: '5s' }), count(), collect()]),
      edges: [{ id: 'a', from: 'hall', to: 'all' }, { id: 'b', from: 'roof', to: 'all' }, { id: 'c', from: 'all', to: 'w' }, { id: 'd', from: 'w', to: 'stats' }, { id: 'e', from: 'stats', to: 'results' }],
    },
  },
  {
    name: 'filter-map', rule: 'A filter becomes WHERE, a map (keep: false) SELECT expressions cast to their type, with the rowtime carried through both.',
    document: chain('Filter and map', [
      sensors(), node('hot', 'transform.filter', { expr: 'temperature > 20 && device != "d0"' }),
      node('fahrenheit', 'transform.map', { fields: [{ name: 'device', expr: 'device' }, { name: 'temperature_f', expr: 'temperature * 9 / 5 + 32' }], keep: false }),
      node('byDevice', 'transform.keyBy', { fields: ['device'] }), node('w', 'window.tumbling', { size: '30s' }),
      node('stats', 'aggregate', { aggregations: [{ name: 'max_f', fn: 'max', field: 'temperature_f' }] }), collect(),
    ]),
  },
  {
    name: 'late-port', rule: 'The late port cannot map: a comment offers a CURRENT_WATERMARK query; its sink is a gap.',
    document: chain('Late events', [sensors(), node('w', 'window.tumbling', { size: '5s' }), count(), collect()], [{ id: 'late', from: 'w', to: 'tooLate', fromPort: 'late' }], [node('tooLate', 'sink.log')]),
  },
  {
    name: 'allowed-lateness', rule: 'Allowed lateness: a differs gap and commented experimental emit SET lines with a warning.',
    document: chain('Lateness', [sensors(), node('w', 'window.tumbling', { size: '1m', allowedLateness: '30s' }), count(), collect()]),
  },
  {
    name: 'statement-set', rule: 'Several sinks: each a table, their INSERTs in one EXECUTE STATEMENT SET; charts and tables become print sinks with a comment.',
    document: {
      ...chain('Dashboard', [sensors(), node('byDevice', 'transform.keyBy', { fields: ['device'] }), node('w', 'window.tumbling', { size: '5s' }), count(), node('chart', 'sink.chart', { y: 'avg_temperature' }), node('table', 'sink.table'), node('log', 'sink.log', { limit: 10 })]),
      edges: [
        { id: 'a', from: 'sensors', to: 'byDevice' }, { id: 'b', from: 'byDevice', to: 'w' }, { id: 'c', from: 'w', to: 'stats' },
        { id: 'd', from: 'stats', to: 'chart' }, { id: 'e', from: 'stats', to: 'table' }, { id: 'f', from: 'stats', to: 'log' },
      ],
    },
    options: { sinkConnectors: new Map([['log', 'blackhole']]) },
  },
  {
    name: 'identifiers', rule: 'Identifiers are quoted with backticks (a backtick doubled): reserved words, dots and spaces in names work; the rowtime column takes a name no field has.',
    document: chain('Odd names', [
      node('select', 'source.websocket', { url: 'ws://localhost:8787/x', eventTime: 'time stamp', fields: [
        { name: 'time stamp', type: 'time' }, { name: 'select', type: 'string' }, { name: 'a.b', type: 'number' }, { name: 'back`tick', type: 'boolean' }, { name: 'rowtime', type: 'string' },
      ] }),
      node('by', 'transform.keyBy', { fields: ['select', 'back`tick'] }), node('window', 'window.tumbling', { size: '1s' }),
      node('from', 'aggregate', { aggregations: [{ name: 'sum of a.b', fn: 'sum', field: 'a.b' }, { name: 'rowtime_1', fn: 'count' }] }), collect('group'),
    ]),
  },
  {
    name: 'connectors', rule: 'Connectors as chosen: a file source on Kafka, sinks on blackhole and filesystem.',
    document: {
      ...chain('Connectors', [node('orders', 'source.file', { format: 'csv', eventTime: 'ts', timeFormat: 'epochMillis', data: CSV, fileName: 'orders.csv' }), node('w', 'window.tumbling', { size: '1h' }), node('sums', 'aggregate', { aggregations: [{ name: 'revenue', fn: 'sum', field: 'amount' }] }), collect('void'), collect('files')]),
      edges: [{ id: 'a', from: 'orders', to: 'w' }, { id: 'b', from: 'w', to: 'sums' }, { id: 'c', from: 'sums', to: 'void' }, { id: 'd', from: 'sums', to: 'files' }],
    },
    options: { sourceConnectors: new Map([['orders', 'kafka']]), sinkConnectors: new Map([['void', 'blackhole'], ['files', 'filesystem']]) },
  },
  {
    name: 'file-source', rule: 'A file source defaults to filesystem with its format (tsv: csv with a tab delimiter), skipping the header as a parse error.',
    document: chain('File', [node('orders', 'source.file', { format: 'tsv', eventTime: 'ts', timeFormat: 'epochMillis', data: CSV.replaceAll(',', '\t'), fileName: 'orders.tsv' }), node('w', 'window.tumbling', { size: '1h' }), node('sums', 'aggregate', { aggregations: [{ name: 'revenue', fn: 'sum', field: 'amount' }] }), collect()]),
  },
  {
    name: 'file-declared-fields', rule: 'A file source without data takes its declared fields; ISO times stay STRING and TO_TIMESTAMP_LTZ parses them (a differs gap).',
    document: chain('Declared', [node('orders', 'source.file', { format: 'parquet', eventTime: 'ts', timeFormat: 'iso', fileName: 'orders.parquet', fields: [{ name: 'ts', type: 'string' }, { name: 'region', type: 'string' }, { name: 'amount', type: 'number' }] }), node('w', 'window.tumbling', { size: '1d' }), node('sums', 'aggregate', { aggregations: [{ name: 'revenue', fn: 'sum', field: 'amount' }] }), collect()]),
  },
  {
    name: 'file-without-fields', rule: 'A file source without data or fields cannot map, nor can what depends on it.',
    document: chain('No fields', [node('taxi', 'source.file', { format: 'csv', eventTime: 'timestamp', fileName: 'nyc_taxi.csv' }), node('daily', 'window.tumbling', { size: '1d' }), node('sums', 'aggregate', { aggregations: [{ name: 'n', fn: 'count' }] }), collect()]),
  },
  {
    name: 'websocket', rule: 'A WebSocket source defaults to a Kafka template with a comment; epoch seconds become TO_TIMESTAMP_LTZ(x, 0).',
    document: chain('Live', [node('live', 'source.websocket', { url: 'wss://example.org/feed', timeFormat: 'epochSeconds', maxOutOfOrderness: '250ms', fields: [{ name: 'ts', type: 'number' }, { name: 'v', type: 'number' }] }), node('w', 'window.tumbling', { size: '1m' }), node('avg', 'aggregate', { aggregations: [{ name: 'mean', fn: 'avg', field: 'v' }] }), collect()]),
  },
  {
    name: 'cascading-windows', rule: 'A window after a window aggregate reads its rowtime (window_time); a helper view drops the window columns the second TUMBLE would add again.',
    document: chain('Cascade', [sensors(), node('byDevice', 'transform.keyBy', { fields: ['device'] }), node('minute', 'window.tumbling', { size: '1m' }), node('perMinute', 'aggregate', { aggregations: [{ name: 'n', fn: 'count' }] }), node('hour', 'window.tumbling', { size: '1h' }), node('perHour', 'aggregate', { aggregations: [{ name: 'total', fn: 'sum', field: 'n' }] }), collect()]),
  },
  {
    name: 'idle-timeout', rule: 'Idle timeouts become one table.exec.source.idle-timeout (the smallest); sources that differ get a gap.',
    document: {
      ...chain('Idle', [sensors('a', { idleTimeout: '5s' }), sensors('b', { idleTimeout: '1m' }), node('both', 'transform.union'), collect()]),
      edges: [{ id: 'x', from: 'a', to: 'both' }, { id: 'y', from: 'b', to: 'both' }, { id: 'z', from: 'both', to: 'results' }],
    },
  },
  {
    name: 'sink-several-inputs', rule: 'A sink fed twice inserts a UNION ALL; a column one input lacks is NULL there.',
    document: {
      ...chain('Two into one', [sensors(), node('w1', 'window.tumbling', { size: '1m' }), count('a1'), node('w2', 'window.tumbling', { size: '1h' }), node('a2', 'aggregate', { aggregations: [{ name: 'readings', fn: 'count' }] }), collect()]),
      edges: [
        { id: 'a', from: 'sensors', to: 'w1' }, { id: 'b', from: 'w1', to: 'a1' }, { id: 'c', from: 'sensors', to: 'w2' }, { id: 'd', from: 'w2', to: 'a2' },
        { id: 'e', from: 'a1', to: 'results' }, { id: 'f', from: 'a2', to: 'results' },
      ],
    },
  },
  {
    name: 'union-types', rule: 'A union of columns Flink types differently (a COUNT BIGINT, a SUM DOUBLE) casts them to DOUBLE; the rowtime of both window results goes through.',
    document: {
      ...chain('Union of results', [sensors(), node('w1', 'window.tumbling', { size: '1m' }), node('a1', 'aggregate', { aggregations: [{ name: 'n', fn: 'count' }] }), node('w2', 'window.tumbling', { size: '1m' }), node('a2', 'aggregate', { aggregations: [{ name: 'n', fn: 'sum', field: 'temperature' }] }), node('both', 'transform.union'), collect()]),
      edges: [
        { id: 'a', from: 'sensors', to: 'w1' }, { id: 'b', from: 'w1', to: 'a1' }, { id: 'c', from: 'sensors', to: 'w2' }, { id: 'd', from: 'w2', to: 'a2' },
        { id: 'e', from: 'a1', to: 'both' }, { id: 'f', from: 'a2', to: 'both' }, { id: 'g', from: 'both', to: 'results' },
      ],
    },
  },
];
