/**
 * Small hand-made pipelines for the lessons' unit tests: a CSV of eight
 * clicks with one event 12 s late, through a keyed 10-second tumbling window
 * and a count, into a collect sink. Small enough to reason about by hand.
 */
import { validate, type PipelineDocument } from '../../model';

/** ts (epoch ms), user, amount. The event at 3 s arrives after 15 s and 14 s: 12 s late. */
export const CLICKS_CSV = [
  'ts,user,amount',
  '1000,u1,5',
  '2000,u2,7',
  '12000,u1,1',
  '15000,u1,2',
  '14000,u2,3',
  '3000,u1,4',
  '21000,u2,6',
  '33000,u1,8',
].join('\n');

export interface ClickPipelineOptions {
  /** The source's watermark bound (default 0ms: the event at 3 s is late). */
  readonly maxOutOfOrderness?: string;
  readonly allowedLateness?: string;
  /** Connects the window's late port to a collect sink 'lateSink'. */
  readonly lateSink?: boolean;
  /** Other CSV text (it needs ts, user and amount columns). */
  readonly csv?: string;
}

/** A valid document: clicks -> byUser -> w (10 s tumbling) -> counts -> results. */
export function clickPipeline(options: ClickPipelineOptions = {}): PipelineDocument {
  const nodes: unknown[] = [
    { id: 'clicks', kind: 'source.file', position: { x: 0, y: 0 }, params: { format: 'csv', eventTime: 'ts', timeFormat: 'epochMillis', maxOutOfOrderness: options.maxOutOfOrderness ?? '0ms', data: options.csv ?? CLICKS_CSV } },
    { id: 'byUser', kind: 'transform.keyBy', position: { x: 200, y: 0 }, params: { fields: ['user'] } },
    { id: 'w', kind: 'window.tumbling', position: { x: 400, y: 0 }, params: { size: '10s', allowedLateness: options.allowedLateness ?? '0ms' } },
    { id: 'counts', kind: 'aggregate', position: { x: 600, y: 0 }, params: { aggregations: [{ name: 'clicks', fn: 'count' }, { name: 'spent', fn: 'sum', field: 'amount' }] } },
    { id: 'results', kind: 'sink.collect', position: { x: 800, y: 0 }, params: {} },
  ];
  const edges: unknown[] = [
    { id: 'e1', from: 'clicks', to: 'byUser' },
    { id: 'e2', from: 'byUser', to: 'w' },
    { id: 'e3', from: 'w', to: 'counts' },
    { id: 'e4', from: 'counts', to: 'results' },
  ];
  if (options.lateSink === true) {
    nodes.push({ id: 'lateSink', kind: 'sink.collect', position: { x: 600, y: 200 }, params: {} });
    edges.push({ id: 'e5', from: 'w', fromPort: 'late', to: 'lateSink' });
  }
  const checked = validate({ format: 'windowpane.pipeline', version: 1, name: 'Clicks', nodes, edges });
  if (!checked.ok) throw new Error(`clickPipeline is not valid: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return checked.document;
}

/** An unbounded sample stream of clicks (no limit) counted per minute: a lesson run must cap it. */
export function unboundedSamplePipeline(): PipelineDocument {
  const checked = validate({
    format: 'windowpane.pipeline', version: 1, name: 'Endless clicks',
    nodes: [
      { id: 'src', kind: 'source.sample', position: { x: 0, y: 0 }, params: { stream: 'clicks', rate: 1000, seed: 7 } },
      { id: 'minute', kind: 'window.tumbling', position: { x: 200, y: 0 }, params: { size: '1m' } },
      { id: 'count', kind: 'aggregate', position: { x: 400, y: 0 }, params: { aggregations: [{ name: 'n', fn: 'count' }] } },
      { id: 'out', kind: 'sink.collect', position: { x: 600, y: 0 }, params: {} },
    ],
    edges: [{ id: 'e1', from: 'src', to: 'minute' }, { id: 'e2', from: 'minute', to: 'count' }, { id: 'e3', from: 'count', to: 'out' }],
  });
  if (!checked.ok) throw new Error(`unboundedSamplePipeline is not valid: ${checked.problems.map((p) => p.message).join('; ')}`);
  return checked.document;
}
