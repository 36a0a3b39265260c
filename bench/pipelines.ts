/**
 * P1-P6 as real pipeline documents: validated, compiled with compilePipeline
 * and run by createRuntime, with the sample source replaced by a block source
 * that replays the same events, generated beforehand.
 */
import type { Batch, RowBlock } from '../src/engine/batch';
import { compilePipeline } from '../src/engine/plan/compile';
import type { ExecutionPlan } from '../src/engine/plan/types';
import { createRuntime } from '../src/engine/run/runtime';
import { createBlockSource } from '../src/engine/run/sources';
import type { SampleParams } from '../src/engine/sources/sample';
import { validate, type PipelineNodeInput } from '../src/model';
import { CLICKS, delayEvents, P5_DELAY, PAYMENTS, pregenerate, SENSORS, SENSORS_LATE, sourceParams, type BenchSourceParams } from './inputs';

export interface BenchPipeline {
  readonly id: string;
  readonly title: string;
  readonly source: BenchSourceParams;
  /** Every node after the source and before the sink, in a chain. */
  readonly nodes: readonly PipelineNodeInput[];
  /** Events that arrive late, beyond what the source's own params give (see delayEvents). */
  readonly delay?: typeof P5_DELAY;
}

/** P2's front half, shared by P3 and P5: drop dry readings, convert to Fahrenheit, key by device. */
const FRONT: PipelineNodeInput[] = [
  { id: 'dry', kind: 'transform.filter', params: { expr: 'humidity > 35' } },
  { id: 'fahrenheit', kind: 'transform.map', params: { fields: [{ name: 'temp_f', expr: 'temperature * 1.8 + 32' }] } },
  { id: 'byDevice', kind: 'transform.keyBy', params: { fields: ['device'] } },
];

const P2_AGGREGATIONS = [
  { name: 'n', fn: 'count' },
  { name: 'sum', fn: 'sum', field: 'temp_f' },
  { name: 'avg', fn: 'avg', field: 'temp_f' },
  { name: 'min', fn: 'min', field: 'temp_f' },
  { name: 'max', fn: 'max', field: 'temp_f' },
] as const;

function hopping(slide: string, fn: 'sum' | 'max'): BenchPipeline {
  return {
    id: `P3 ${slide} ${fn}`, title: `hopping 60s every ${slide}, ${fn}`, source: SENSORS,
    nodes: [
      ...FRONT,
      { id: 'w', kind: 'window.hopping', params: { size: '60s', slide } },
      { id: 'agg', kind: 'aggregate', params: { aggregations: [{ name: fn, fn, field: 'temp_f' }] } },
    ],
  };
}

export const P1: BenchPipeline = { id: 'P1', title: 'source to sink', source: SENSORS, nodes: [] };

export const P2: BenchPipeline = {
  id: 'P2', title: 'filter, map, keyBy, tumbling 1s: count sum avg min max', source: SENSORS,
  nodes: [
    ...FRONT,
    { id: 'w', kind: 'window.tumbling', params: { size: '1s' } },
    { id: 'agg', kind: 'aggregate', params: { aggregations: [...P2_AGGREGATIONS] } },
  ],
};

export const P3: readonly BenchPipeline[] = [hopping('1s', 'sum'), hopping('1s', 'max'), hopping('500ms', 'sum'), hopping('500ms', 'max')];

export const P4: BenchPipeline = {
  id: 'P4', title: 'sessions (gap 1s) of 100,000 users: count, first, last page', source: CLICKS,
  nodes: [
    { id: 'byUser', kind: 'transform.keyBy', params: { fields: ['user'] } },
    { id: 'w', kind: 'window.session', params: { gap: '1s' } },
    {
      id: 'agg', kind: 'aggregate',
      params: { aggregations: [{ name: 'clicks', fn: 'count' }, { name: 'landing', fn: 'first', field: 'page' }, { name: 'exit', fn: 'last', field: 'page' }] },
    },
  ],
};

const P5_NODES: PipelineNodeInput[] = [
  ...FRONT,
  { id: 'w', kind: 'window.tumbling', params: { size: '1s', allowedLateness: '2s' } },
  { id: 'agg', kind: 'aggregate', params: { aggregations: [...P2_AGGREGATIONS] } },
];

/** As the issue states it: P2's events and watermark, with 10% of the events delayed up to 2 s; allowed lateness 2 s. */
export const P5: BenchPipeline = {
  id: 'P5', title: 'P2 with 10% of events delayed up to 2s, allowed lateness 2s', source: SENSORS, delay: P5_DELAY, nodes: P5_NODES,
};

/** Harder than P5, for information: every event also out of order by up to 1 s (the watermark bound), late ones 1-3 s. */
export const P5_SHUFFLED: BenchPipeline = {
  id: 'P5 shuffled', title: 'P5 with every event shuffled within 1s, 10% a further 0-2s late', source: SENSORS_LATE, nodes: P5_NODES,
};

export const P6: BenchPipeline = {
  id: 'P6', title: 'per card, tumbling 1s: distinct merchants, amount p50 p95 p99', source: PAYMENTS,
  nodes: [
    { id: 'byCard', kind: 'transform.keyBy', params: { fields: ['card'] } },
    { id: 'w', kind: 'window.tumbling', params: { size: '1s' } },
    {
      id: 'agg', kind: 'aggregate',
      params: {
        aggregations: [
          { name: 'merchants', fn: 'countDistinct', field: 'merchant' },
          { name: 'p50', fn: 'percentile', field: 'amount', q: 0.5 },
          { name: 'p95', fn: 'percentile', field: 'amount', q: 0.95 },
          { name: 'p99', fn: 'percentile', field: 'amount', q: 0.99 },
        ],
      },
    },
  ],
};

/** A compiled benchmark: the plan and the params its sample source would generate with. */
export interface CompiledBench {
  readonly plan: ExecutionPlan;
  readonly sourceParams: SampleParams;
}

/** Builds the document (source, nodes, collect sink in a chain), validates and compiles it. */
export function compileBench(pipeline: BenchPipeline, events: number): CompiledBench {
  const nodes: PipelineNodeInput[] = [
    { id: 'src', kind: 'source.sample', params: sourceParams(pipeline.source, events) as never },
    ...pipeline.nodes,
    { id: 'out', kind: 'sink.collect', params: {} },
  ];
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, from: nodes[i]!.id, to: n.id }));
  const checked = validate({ format: 'windowpane.pipeline', version: 1, name: pipeline.id, nodes, edges });
  if (!checked.ok) throw new Error(`${pipeline.id}: ${checked.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
  const compiled = compilePipeline(checked.document);
  if (!compiled.ok) throw new Error(`${pipeline.id}: ${compiled.problems.map((p) => p.message).join('; ')}`);
  const source = compiled.plan.steps.find((s) => s.type === 'sampleSource');
  if (source?.type !== 'sampleSource') throw new Error(`${pipeline.id}: no sample source`);
  return { plan: compiled.plan, sourceParams: source.params };
}

/** The events a benchmark replays: its source's, generated beforehand, with its delays applied. */
export function benchInput(pipeline: BenchPipeline, bench: CompiledBench): RowBlock {
  const block = pregenerate(bench.sourceParams);
  return pipeline.delay === undefined ? block : delayEvents(block, pipeline.delay);
}

/** What reached the sink: the number of rows and, when asked, the sum of every finite number in them. */
export interface SinkTally {
  rows: number;
  checksum: number;
}

/** Sums every finite number of the aggregate columns (not window bounds or revisions). */
function checksumOf(batch: Batch): number {
  let sum = 0;
  for (const [name, column] of Object.entries(batch.columns)) {
    if (column.type !== 'number' || name === 'revision') continue;
    for (const v of column.values) if (Number.isFinite(v)) sum += v;
  }
  return sum;
}

/** Runs a compiled pipeline over `block` to the end of input, `batchSize` rows per step. */
export function runEngine(bench: CompiledBench, block: RowBlock, batchSize: number, withChecksum: boolean): SinkTally {
  const tally: SinkTally = { rows: 0, checksum: 0 };
  const source = createBlockSource('src', block, bench.sourceParams.maxOutOfOrdernessMs);
  const runtime = createRuntime(bench.plan, {
    now: () => 0,
    log: () => undefined,
    trace: null,
    onResults: () => undefined,
    onLate: null,
    // Rows are counted (and summed) during the call and nothing is kept, as a CLI writing them out would.
    keepsResultBatches: false,
    onResultBatch: (_sink, batch) => {
      tally.rows += batch.length;
      if (withChecksum) tally.checksum += checksumOf(batch);
    },
  }, { sources: { src: source } });
  while (runtime.step(batchSize)) { /* to the end of input */ }
  return tally;
}
