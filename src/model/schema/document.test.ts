import { describe, expect, expectTypeOf, it } from 'vitest';
import { sensorPipeline } from '../testing/fixtures';
import { validate } from '../validate';
import type { AggregationSpec } from './aggregate';
import { documentSchema, type NodeOfKind, type ParamsOf, type PipelineDocument } from './document';
import type { TumblingParams } from './windows';

function parsedNode(id: string, document: PipelineDocument = parseValid()) {
  const node = document.nodes.find((candidate) => candidate.id === id);
  if (node === undefined) throw new Error(`no node ${id}`);
  return node;
}

function parseValid(input: unknown = sensorPipeline()): PipelineDocument {
  const result = validate(input);
  if (!result.ok) throw new Error(result.problems.map((item) => item.message).join('\n'));
  return result.document;
}

describe('document schema', () => {
  it('fills in every default, when params leave them out', () => {
    expect(parsedNode('src').params).toEqual({
      stream: 'sensors',
      rate: 1000,
      keys: 10,
      seed: 1,
      maxOutOfOrderness: '0ms',
      lateFraction: 0,
      startTime: 1_700_000_000_000,
      eventTime: 'ts',
    });
    expect(parsedNode('w').params).toEqual({ size: '1m', offset: '0ms', time: 'event', allowedLateness: '0ms' });
    expect(parsedNode('snk').params).toEqual({ limit: 100 });
    expect(parsedNode('src').position).toEqual({ x: 0, y: 0 });
  });

  it('defaults edge ports to out and in, when an edge names none', () => {
    expect(parseValid().edges[0]).toEqual({ id: 'e1', from: 'src', to: 'k', fromPort: 'out', toPort: 'in' });
  });

  it('fills file source defaults and keeps durations as strings', () => {
    const document = sensorPipeline();
    document.nodes[0] = { id: 'src', kind: 'source.file', params: { eventTime: 'time', maxOutOfOrderness: '2.5s' } };
    expect(parsedNode('src', parseValid(document)).params).toEqual({
      format: 'auto',
      eventTime: 'time',
      timeFormat: 'auto',
      maxOutOfOrderness: '2.5s',
      delimiter: ',',
      earliestYear: 1900,
      latestYear: 2300,
    });
  });

  it('lets nodes without required params leave params out', () => {
    const document = sensorPipeline();
    document.nodes[4] = { id: 'snk', kind: 'sink.log' };
    document.nodes[5] = { id: 'late', kind: 'sink.collect' };
    expect(parsedNode('snk', parseValid(document)).params).toEqual({ limit: 100 });
    expect(parsedNode('late', parseValid(document)).params).toEqual({});
  });

  it('does not mutate its input, when it fills defaults', () => {
    const input = sensorPipeline();
    const before = JSON.stringify(input);
    parseValid(input);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('accepts every node kind with its documented params', () => {
    const document = sensorPipeline();
    document.nodes.push(
      { id: 'f', kind: 'transform.filter', params: { expr: 'temp > 20' } },
      { id: 'm', kind: 'transform.map', params: { fields: [{ name: 'f', expr: 'temp * 1.8 + 32' }], keep: false } },
      { id: 'u', kind: 'transform.union', params: {} },
      { id: 'h', kind: 'window.hopping', params: { size: '10m', slide: '1m', offset: '-30s', time: 'processing' } },
      { id: 's', kind: 'window.session', params: { gap: '30s', allowedLateness: '1m' } },
      { id: 'c', kind: 'window.count', params: { size: 100 } },
    );
    expect(documentSchema.safeParse(document).success).toBe(true);
  });

  it('infers per-kind types from the union, for the engine to narrow on kind', () => {
    expectTypeOf<ParamsOf<'window.tumbling'>>().toEqualTypeOf<TumblingParams>();
    expectTypeOf<NodeOfKind<'aggregate'>['params']['aggregations'][number]>().toEqualTypeOf<AggregationSpec>();
    expectTypeOf<TumblingParams['size']>().toEqualTypeOf<string>();
    expectTypeOf<PipelineDocument['edges'][number]['fromPort']>().toEqualTypeOf<'out' | 'late'>();
  });
});
