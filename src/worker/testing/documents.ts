/** Small pipeline documents for the worker's tests. */
import { validate, type PipelineDocument } from '../../model';

/** Sensors (rate events/s of event time) keyed by device into a 1 s tumbling count and a collect sink. */
export function sensorDocument(params: { rate: number; limit?: number; sink?: 'sink.collect' | 'sink.table'; maxRows?: number }): PipelineDocument {
  const raw = {
    format: 'windowpane.pipeline', version: 1, name: 'test',
    nodes: [
      { id: 'src', kind: 'source.sample', position: { x: 0, y: 0 }, params: { stream: 'sensors', rate: params.rate, keys: 5, seed: 7, ...(params.limit === undefined ? {} : { limit: params.limit }) } },
      { id: 'key', kind: 'transform.keyBy', position: { x: 0, y: 0 }, params: { fields: ['device'] } },
      { id: 'win', kind: 'window.tumbling', position: { x: 0, y: 0 }, params: { size: '1s' } },
      { id: 'agg', kind: 'aggregate', position: { x: 0, y: 0 }, params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 'avg_t', fn: 'avg', field: 'temperature' }] } },
      { id: 'out', kind: params.sink ?? 'sink.collect', position: { x: 0, y: 0 }, params: params.maxRows === undefined ? {} : { maxRows: params.maxRows } },
    ],
    edges: [
      { id: 'e1', from: 'src', to: 'key' },
      { id: 'e2', from: 'key', to: 'win' },
      { id: 'e3', from: 'win', to: 'agg' },
      { id: 'e4', from: 'agg', to: 'out' },
    ],
  };
  const checked = validate(raw);
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join('; '));
  return checked.document;
}
