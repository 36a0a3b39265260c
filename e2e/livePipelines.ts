/**
 * Pipeline documents for the live end-to-end tests: one windowed aggregation
 * fed by a built-in sample source, by a WebSocket source on the sample
 * server, or both side by side.
 */

/** The sample server's `sensors` fields, as /api/streams lists them. */
const SENSOR_FIELDS = [
  { name: 'ts', type: 'time' }, { name: 'device', type: 'string' }, { name: 'temperature', type: 'number' }, { name: 'humidity', type: 'number' },
];

/** Sample params shared by both sources of a comparison. */
export const SAMPLE = { stream: 'sensors', rate: 1000, keys: 6, seed: 5, maxOutOfOrderness: '2s', lateFraction: 0.02 } as const;

/** The sample server's address of the `sensors` stream with {@link SAMPLE}'s params, plus `extra`. */
export function sensorsUrl(port: number, extra: Record<string, string | number>): string {
  const query = new URLSearchParams({ rate: String(SAMPLE.rate), keys: String(SAMPLE.keys), seed: String(SAMPLE.seed), maxOutOfOrderness: SAMPLE.maxOutOfOrderness, lateFraction: String(SAMPLE.lateFraction) });
  for (const [k, v] of Object.entries(extra)) query.set(k, String(v));
  return `ws://localhost:${port}/streams/sensors?${query.toString()}`;
}

type Node = { id: string; kind: string; name?: string; position: { x: number; y: number }; params?: Record<string, unknown> };

/** source -> keyBy device -> tumbling 1 s (lateness 1 s) -> count, avg -> table, on row `y`, ids prefixed. */
function branch(prefix: string, source: Omit<Node, 'position'>, y: number, tableName: string): { nodes: Node[]; edges: { id: string; from: string; to: string }[] } {
  const id = (s: string): string => `${prefix}${s}`;
  const nodes: Node[] = [
    { ...source, position: { x: 0, y } },
    { id: id('ByDevice'), kind: 'transform.keyBy', position: { x: 240, y }, params: { fields: ['device'] } },
    { id: id('Second'), kind: 'window.tumbling', position: { x: 480, y }, params: { size: '1s', allowedLateness: '1s' } },
    { id: id('Stats'), kind: 'aggregate', position: { x: 720, y }, params: { aggregations: [{ name: 'readings', fn: 'count' }, { name: 'avg_temperature', fn: 'avg', field: 'temperature' }] } },
    { id: id('Table'), kind: 'sink.table', name: tableName, position: { x: 960, y }, params: { maxRows: 100000 } },
  ];
  const chain = [source.id, id('ByDevice'), id('Second'), id('Stats'), id('Table')];
  const edges = chain.slice(1).map((to, i) => ({ id: `${prefix}e${i + 1}`, from: chain[i]!, to }));
  return { nodes, edges };
}

/** A WebSocket source node reading `url`. */
export function websocketSource(id: string, url: string): Omit<Node, 'position'> {
  return { id, kind: 'source.websocket', name: 'Live sensors', params: { url, fields: SENSOR_FIELDS, eventTime: 'ts', maxOutOfOrderness: SAMPLE.maxOutOfOrderness } };
}

/** Two branches: the built-in source and the same stream from the server, `limit` events each. */
export function comparisonPipeline(port: number, limit: number): string {
  const builtIn = branch('builtIn', { id: 'builtIn', kind: 'source.sample', name: 'Built-in sensors', params: { ...SAMPLE, limit } }, 0, 'Built-in results');
  const live = branch('live', websocketSource('live', sensorsUrl(port, { limit, speed: 'max' })), 224, 'Live results');
  return JSON.stringify({ format: 'windowpane.pipeline', version: 1, name: 'Built-in vs live', nodes: [...builtIn.nodes, ...live.nodes], edges: [...builtIn.edges, ...live.edges] });
}

/** One branch on a WebSocket source. */
export function livePipeline(url: string): string {
  const live = branch('live', websocketSource('live', url), 0, 'Live results');
  return JSON.stringify({ format: 'windowpane.pipeline', version: 1, name: 'Live sensors', nodes: live.nodes, edges: live.edges });
}
