import type { EditorDocument } from './types';

/**
 * Params a freshly dropped node starts with: valid where a sensible default
 * exists, so a user can wire a working pipeline before touching the inspector.
 */
export function starterParams(kind: string): Record<string, unknown> {
  switch (kind) {
    // Five minutes at 1x: several one-minute windows, not the one or two a 100-second stream showed.
    case 'source.sample': return { stream: 'sensors', rate: 1000, keys: 10, limit: 300000, seed: 1, maxOutOfOrderness: '2s' };
    case 'source.file': return { format: 'auto', eventTime: 'timestamp' };
    case 'transform.filter': return { expr: 'true' };
    case 'transform.map': return { fields: [{ name: 'value2', expr: '1' }], keep: true };
    case 'transform.keyBy': return { fields: [] };
    case 'transform.clean': return { fields: [], missing: 'forwardFill' };
    case 'transform.rolling': return { field: '', count: 20, features: [{ name: 'rolling_mean', fn: 'mean' }, { name: 'rolling_stddev', fn: 'stddev' }] };
    case 'window.tumbling': return { size: '1m' };
    case 'window.hopping': return { size: '5m', slide: '1m' };
    case 'window.cumulate': return { step: '1m', maxSize: '5m' };
    case 'window.session': return { gap: '30s' };
    case 'window.count': return { size: 100 };
    case 'aggregate': return { aggregations: [{ name: 'count', fn: 'count' }] };
    case 'detect.contextual': return { field: '', warmup: 750, threshold: 0.75 };
    case 'detect.threshold': return { field: '', mode: 'quantile', window: 500, lower: 0.01, upper: 0.99, warmup: 100 };
    case 'detect.changepoint': return { field: '', method: 'cusum', drift: 0.5, threshold: 5, relearn: 30, warmup: 100 };
    case 'sink.log': return { limit: 100 };
    case 'sink.chart': return { chart: 'line', y: '', x: 'windowEnd', topKeys: 5, timeRange: '5m' };
    case 'sink.table': return { maxRows: 100000 };
    case 'sink.alert': return { when: 'is_anomaly', severity: 'warning', cooldown: '5m', resolveAfter: '10m' };
    case 'detect.zscore': return { field: '', warmup: 100, window: 100, sigmas: 3 };
    case 'detect.ewma': return { field: '', warmup: 100, alpha: 0.05, sigmas: 3 };
    case 'detect.mad': return { field: '', warmup: 100, window: 100, method: 'mad', limit: 3.5 };
    case 'source.websocket': return {
      url: 'ws://localhost:8787/streams/sensors?rate=1000&seed=1',
      format: 'auto',
      fields: [{ name: 'ts', type: 'time' }, { name: 'device', type: 'string' }, { name: 'temperature', type: 'number' }, { name: 'humidity', type: 'number' }],
      eventTime: 'ts',
      maxOutOfOrderness: '2s',
    };
    default: return {};
  }
}

/** A short, readable, unused id for a node of `kind`: `tumbling1`, `tumbling2`, ... */
export function freshNodeId(doc: EditorDocument, kind: string): string {
  const base = (kind.split('.').pop() ?? 'node').replace(/[^A-Za-z0-9_]/g, '');
  const taken = new Set(doc.nodes.map((n) => n.id));
  let i = 1;
  while (taken.has(`${base}${i}`)) i++;
  return `${base}${i}`;
}

/** An unused edge id. */
export function freshEdgeId(doc: EditorDocument): string {
  const taken = new Set(doc.edges.map((e) => e.id));
  let i = doc.edges.length + 1;
  while (taken.has(`e${i}`)) i++;
  return `e${i}`;
}
