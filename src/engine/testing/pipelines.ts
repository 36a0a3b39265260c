/**
 * Pipeline-level test support: documents of the shape source -> [filter] ->
 * [keyBy] -> window -> aggregate -> collect, run to the end through
 * runPipeline, and the events of a sample source as table columns.
 */
import { parseDuration, validate, type PipelineDocument, type PipelineEdgeInput, type PipelineNodeInput } from '../../model';
import { readCell } from '../batch';
import type { Row } from '../operators/sinks';
import { runPipeline, type RunOptions } from '../run/runPipeline';
import type { NodeMetrics } from '../run/runtime';
import { createSampleGenerator, type SampleParams, type SampleStreamName } from '../sources/sample';
import type { TableColumn } from './duckdb';
import type { SqlWindow } from './windowSql';
import { ORACLE_AGGREGATIONS } from './windowSql';

/** A window node's params, durations as the document writes them. */
export type WindowNodeSpec =
  | { readonly kind: 'window.tumbling'; readonly size: string; readonly offset?: string; readonly allowedLateness?: string }
  | { readonly kind: 'window.hopping'; readonly size: string; readonly slide: string; readonly offset?: string; readonly allowedLateness?: string }
  | { readonly kind: 'window.session'; readonly gap: string; readonly allowedLateness?: string };

/** A source node's kind and params. */
export interface SourceSpec {
  readonly kind: 'source.sample' | 'source.file';
  readonly params: Record<string, unknown>;
}

/**
 * What {@link windowPipeline} builds. Node ids: src, then src1, src2, ... and a
 * union `u` for `moreSources`, f, k, w, a, out, and lateOut when `lateSink`.
 */
export interface WindowPipelineSpec {
  readonly source: SourceSpec;
  /** Sources merged with `source` by a transform.union. */
  readonly moreSources?: readonly SourceSpec[];
  /** A filter expression between the source and the window. */
  readonly filter?: string;
  readonly keyBy?: readonly string[];
  readonly window: WindowNodeSpec;
  /** The field that count, sum, avg, min and max read (see ORACLE_AGGREGATIONS); ignored when `aggregations` is given. */
  readonly value: string;
  readonly aggregations?: readonly { readonly name: string; readonly fn: string; readonly field?: string }[];
  /** Also route the window's `late` port to a collect sink `lateOut`. */
  readonly lateSink?: boolean;
}

function ms(text: string): number {
  const value = parseDuration(text);
  if (value === null) throw new Error(`not a duration: ${text}`);
  return value;
}

function windowParams(spec: WindowNodeSpec): Record<string, string> {
  const { kind: _kind, ...params } = spec;
  return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** A valid document for `spec`; throws with the validator's problems when it is not. */
export function windowPipeline(spec: WindowPipelineSpec): PipelineDocument {
  const aggregations = spec.aggregations ?? ORACLE_AGGREGATIONS.map((a) => (a.fn === 'count' ? { ...a } : { ...a, field: spec.value }));
  const node = (id: string, source: SourceSpec): PipelineNodeInput => ({ id, kind: source.kind, params: source.params }) as PipelineNodeInput;
  const more = (spec.moreSources ?? []).map((source, i) => node(`src${i + 1}`, source));
  const chain: PipelineNodeInput[] = [node('src', spec.source)];
  const unionEdges: PipelineEdgeInput[] = [];
  if (more.length > 0) {
    chain.push({ id: 'u', kind: 'transform.union', params: {} });
    unionEdges.push(...more.map((m) => ({ id: `eu_${m.id}`, from: m.id, to: 'u' })));
  }
  if (spec.filter !== undefined) chain.push({ id: 'f', kind: 'transform.filter', params: { expr: spec.filter } });
  if (spec.keyBy !== undefined) chain.push({ id: 'k', kind: 'transform.keyBy', params: { fields: [...spec.keyBy] } });
  chain.push(
    { id: 'w', kind: spec.window.kind, params: windowParams(spec.window) } as PipelineNodeInput,
    { id: 'a', kind: 'aggregate', params: { aggregations } } as PipelineNodeInput,
    { id: 'out', kind: 'sink.collect', params: {} },
  );
  const edges: PipelineEdgeInput[] = [...chain.slice(1).map((n, i) => ({ id: `e${i}`, from: chain[i]!.id, to: n.id })), ...unionEdges];
  const nodes = [...chain, ...more];
  if (spec.lateSink === true) {
    nodes.push({ id: 'lateOut', kind: 'sink.collect', params: {} });
    edges.push({ id: 'eLate', from: 'w', to: 'lateOut', fromPort: 'late' });
  }
  const checked = validate({ format: 'windowpane.pipeline', version: 1, name: 'oracle test', nodes, edges });
  if (!checked.ok) throw new Error(`invalid test pipeline: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return checked.document;
}

/** The window of `spec` in ms, for {@link windowAggregateSql}. */
export function sqlWindowOf(spec: WindowNodeSpec): SqlWindow {
  switch (spec.kind) {
    case 'window.tumbling': return { type: 'tumbling', size: ms(spec.size), offset: ms(spec.offset ?? '0ms') };
    case 'window.hopping': return { type: 'hopping', size: ms(spec.size), slide: ms(spec.slide), offset: ms(spec.offset ?? '0ms') };
    case 'window.session': return { type: 'session', gap: ms(spec.gap) };
  }
}

/** What a pipeline run produced, by the node ids of {@link windowPipeline}. */
export interface PipelineRows {
  /** Rows at the `out` sink, in arrival order. */
  readonly results: Row[];
  /** Rows at the window's `late` port (collected). */
  readonly late: Row[];
  /** Rows at the `lateOut` sink, when there is one. */
  readonly lateSink: Row[];
  /** Metrics of the window node `w`. */
  readonly window: NodeMetrics;
  readonly diagnostics: readonly { nodeId: string; message: string }[];
}

/** Runs `doc` to the end of its input (late rows collected unless told otherwise); throws when it does not compile. */
export function runWindowPipeline(doc: PipelineDocument, options: RunOptions = {}): PipelineRows {
  const run = runPipeline(doc, { collectLate: true, ...options });
  if (!run.ok) throw new Error(`pipeline does not compile: ${run.problems.map((p) => `${p.nodeId} ${p.path}: ${p.message}`).join('; ')}`);
  const window = run.metrics.get('w');
  if (window === undefined) throw new Error('no metrics for the window node w');
  return {
    results: run.results.get('out') ?? [],
    late: run.late.get('w') ?? [],
    lateSink: run.results.get('lateOut') ?? [],
    window,
    diagnostics: run.diagnostics,
  };
}

/** The generator params of the document's source.sample node `id`, exactly as the compiler derives them. */
export function sampleParamsOf(doc: PipelineDocument, id = 'src'): SampleParams {
  const node = doc.nodes.find((n) => n.id === id);
  if (node?.kind !== 'source.sample') throw new Error(`the document has no source.sample node ${id}`);
  const p = node.params;
  return {
    stream: p.stream as SampleStreamName, rate: p.rate, keys: p.keys, limit: p.limit ?? null, seed: p.seed,
    maxOutOfOrdernessMs: ms(p.maxOutOfOrderness), lateFraction: p.lateFraction, startTime: p.startTime,
  };
}

/**
 * Every event of a sample stream as table columns: the arrival order as `i`
 * and the event time as `t` (both BIGINT), numbers as DOUBLE and strings as
 * VARCHAR under their field names. Requires a finite `limit`.
 */
export function sampleEventColumns(params: SampleParams): TableColumn[] {
  if (params.limit === null) throw new Error('sampleEventColumns needs a finite limit');
  const generator = createSampleGenerator(params);
  const values = new Map<string, (number | string | null)[]>(generator.fields.map((f) => [f.name, []]));
  for (let block = generator.next(4096); block !== null; block = generator.next(4096)) {
    for (const field of generator.fields) {
      const column = block.columns[field.name];
      if (column === undefined) throw new Error(`block without field ${field.name}`);
      const out = values.get(field.name)!;
      for (let i = 0; i < block.length; i++) {
        const cell = readCell(column, i);
        out.push(typeof cell === 'boolean' ? Number(cell) : cell);
      }
    }
  }
  const columns = generator.fields.map((f): TableColumn => ({
    name: f.type === 'time' ? 't' : f.name,
    type: f.type === 'time' ? 'BIGINT' : f.type === 'string' ? 'VARCHAR' : 'DOUBLE',
    values: values.get(f.name)!,
  }));
  return [{ name: 'i', type: 'BIGINT', values: Array.from(columns[0]!.values, (_, i) => i) }, ...columns];
}
