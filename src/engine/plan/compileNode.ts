import type { Field } from '../batch';
import type { PipelineNode } from '../../model';
import { eventTimeRange, parseDuration } from '../../model';
import { sliceRowBlock } from '../batchOps';
import { planAggregations } from '../aggregate/plan';
import { resultSchema } from '../aggregate/resultWriter';
import { compileExpression, compileFilter } from '../expr';
import { parseFileSource } from '../sources/file';
import { sampleStreamFields } from '../sources/sample';
import { compileAlertSink } from '../alerts/compileAlertSink';
import { compileContextualDetector } from '../detect/compileContextual';
import { compileRuleDetector } from '../detect/compileRules';
import { compileStatisticalDetector } from '../detect/compileStatistical';
import { compileFeatureNode } from '../features/compileFeatures';
import { missingDataProblem, type MissingDataHint } from './missingData';
import { problem, type NodeCompilation } from './nodeCompilation';
import type { CompileProblem, EdgeSchema, FileInput, PlanStep, WindowSpec } from './types';

export type { NodeCompilation } from './nodeCompilation';

export interface NodeInputs {
  /** Schemas of the incoming edges, in document order. */
  readonly schemas: readonly EdgeSchema[];
  /** When the node is an aggregate fed by a window: that window node. */
  readonly window: Extract<PipelineNode, { kind: `window.${string}` }> | null;
  /** The file source's data as the host supplied it (CLI --input, the app's file store). */
  readonly fileInput: FileInput | undefined;
  /** Caps every source at this many events (CLI --limit). */
  readonly limit: number | undefined;
  /** How the host's user gives a file source its data (see CompileOptions). */
  readonly missingDataHint?: MissingDataHint | undefined;
}

function ms(text: string): number {
  return parseDuration(text) ?? 0;
}

function windowSpec(windowNode: NonNullable<NodeInputs['window']>): WindowSpec {
  switch (windowNode.kind) {
    case 'window.tumbling': {
      const p = windowNode.params;
      return { type: 'sliced', size: ms(p.size), slide: ms(p.size), offset: ms(p.offset), lateness: ms(p.allowedLateness), processingTime: p.time === 'processing', cumulative: false };
    }
    case 'window.hopping': {
      const p = windowNode.params;
      return { type: 'sliced', size: ms(p.size), slide: ms(p.slide), offset: ms(p.offset), lateness: ms(p.allowedLateness), processingTime: p.time === 'processing', cumulative: false };
    }
    case 'window.cumulate': {
      const p = windowNode.params;
      // Flink's CUMULATE as a sliced window: slices one step long, windows of every period ending at each step.
      return { type: 'sliced', size: ms(p.maxSize), slide: ms(p.step), offset: ms(p.offset), lateness: ms(p.allowedLateness), processingTime: p.time === 'processing', cumulative: true };
    }
    case 'window.session':
      return { type: 'session', gap: ms(windowNode.params.gap), lateness: ms(windowNode.params.allowedLateness), processingTime: windowNode.params.time === 'processing' };
    case 'window.count':
      return { type: 'count', size: windowNode.params.size };
  }
}

function sameFields(a: readonly Field[], b: readonly Field[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((f) => b.some((g) => g.name === f.name && g.type === f.type));
}

/** A source's idle timeout for its step: absent when it has none, so steps without one keep their shape. */
function idleOf(idleTimeout: string | undefined): { idleTimeoutMs?: number } {
  return idleTimeout === undefined ? {} : { idleTimeoutMs: ms(idleTimeout) };
}

/** Compiles one node given the schemas reaching it. Never throws on user input. */
export function compileNode(node: PipelineNode, index: number, inputs: NodeInputs): NodeCompilation {
  const none: NodeCompilation = { step: null, outputs: {}, problems: [] };
  const input = inputs.schemas[0] ?? { fields: [], keys: null };
  const fail = (param: string, message: string): NodeCompilation => ({ ...none, problems: [problem(node, index, param, message)] });
  switch (node.kind) {
    case 'source.sample': {
      const p = node.params;
      const limit = p.limit === undefined ? inputs.limit ?? null : Math.min(p.limit, inputs.limit ?? Infinity);
      const params = { stream: p.stream, rate: p.rate, keys: p.keys, limit, seed: p.seed, maxOutOfOrdernessMs: ms(p.maxOutOfOrderness), lateFraction: p.lateFraction, startTime: p.startTime };
      const quiet = p.quietAfter !== undefined && p.quietFor !== undefined ? { afterEvents: p.quietAfter, forMs: ms(p.quietFor) } : undefined;
      const step: PlanStep = { type: 'sampleSource', nodeId: node.id, params, ...idleOf(p.idleTimeout), ...(quiet === undefined ? {} : { quiet }) };
      return { step, outputs: { out: { fields: sampleStreamFields(p.stream), keys: null } }, problems: [] };
    }
    case 'source.file': {
      const p = node.params;
      const input = inputs.fileInput ?? p.data;
      if (input === undefined) return { ...none, problems: [missingDataProblem(node.id, index, p.fileName, inputs.missingDataHint)] };
      const timeRange = eventTimeRange(p.earliestYear, p.latestYear);
      const common = { type: 'fileSource', nodeId: node.id, boundMs: ms(p.maxOutOfOrderness), ...idleOf(p.idleTimeout) } as const;
      if (typeof input !== 'string') {
        // A streamed file: its layout was sniffed from its head; bad rows are met as it is read.
        const step: PlanStep = { ...common, data: { kind: 'stream', file: input, limit: inputs.limit ?? null, timeRange }, rowErrors: [], badRowCount: 0 };
        return { step, outputs: { out: { fields: [...input.layout.fields], keys: null } }, problems: [] };
      }
      if (p.format === 'parquet') return fail('format', 'is parquet, which cannot be inline text: give the file itself');
      const format = p.format === 'tsv' ? 'csv' : p.format;
      const delimiter = p.format === 'tsv' ? '\t' : p.delimiter;
      const parsed = parseFileSource(input, { format, eventTime: p.eventTime, timeFormat: p.timeFormat, delimiter, timeRange });
      if (!parsed.ok) return fail('', parsed.message);
      const limit = inputs.limit ?? parsed.block.length;
      const block = limit >= parsed.block.length ? parsed.block : sliceRowBlock(parsed.block, 0, limit);
      const step: PlanStep = { ...common, data: { kind: 'block', block }, rowErrors: parsed.rowErrors, badRowCount: parsed.badRowCount };
      return { step, outputs: { out: { fields: parsed.fields, keys: null } }, problems: [] };
    }
    case 'transform.filter': {
      const r = compileFilter(node.params.expr, input.fields);
      if (!r.ok) return fail('expr', `expr: ${r.error.message}`);
      return { step: { type: 'filter', nodeId: node.id, predicate: r.expr }, outputs: { out: input }, problems: [] };
    }
    case 'transform.map':
      return compileMap(node, index, input);
    case 'transform.keyBy': {
      const missing = node.params.fields.filter((f) => !input.fields.some((g) => g.name === f));
      if (missing.length > 0) return fail('fields', `unknown field ${missing.map((f) => `'${f}'`).join(', ')} (fields here: ${input.fields.map((f) => f.name).join(', ')})`);
      const keys = node.params.fields.map((f) => input.fields.find((g) => g.name === f)!);
      return { step: { type: 'keyBy', nodeId: node.id, fields: node.params.fields }, outputs: { out: { fields: input.fields, keys } }, problems: [] };
    }
    case 'transform.union': {
      const odd = inputs.schemas.findIndex((s) => !sameFields(s.fields, input.fields));
      if (odd > 0) return fail('', `every input of a union needs the same fields; input 1 has ${describe(input.fields)} but input ${odd + 1} has ${describe(inputs.schemas[odd]!.fields)}`);
      return { step: { type: 'union', nodeId: node.id, inputs: inputs.schemas.length }, outputs: { out: { fields: input.fields, keys: null } }, problems: [] };
    }
    case 'window.tumbling': case 'window.hopping': case 'window.cumulate': case 'window.session': case 'window.count':
      return { step: null, outputs: { late: input, out: input }, problems: [] };
    case 'aggregate':
      return compileAggregate(node, index, input, inputs.window);
    case 'source.websocket':
      return compileWebsocketSource(node, inputs.limit);
    case 'sink.collect':
      return { step: { type: 'collectSink', nodeId: node.id, view: null }, outputs: {}, problems: [] };
    case 'sink.chart':
      return compileChartSink(node, index, input);
    case 'sink.table':
      return { step: { type: 'collectSink', nodeId: node.id, view: { type: 'table', maxRows: node.params.maxRows } }, outputs: {}, problems: [] };
    case 'sink.log':
      return { step: { type: 'logSink', nodeId: node.id, limit: node.params.limit }, outputs: {}, problems: [] };
    // The kinds below compile in their own modules.
    case 'transform.clean': case 'transform.rolling':
      return compileFeatureNode(node, index, input);
    case 'detect.zscore': case 'detect.ewma': case 'detect.mad':
      return compileStatisticalDetector(node, index, input);
    case 'detect.threshold': case 'detect.changepoint':
      return compileRuleDetector(node, index, input);
    case 'detect.contextual':
      return compileContextualDetector(node, index, input);
    case 'sink.alert':
      return compileAlertSink(node, index, input);
  }
}

function describe(fields: readonly Field[]): string {
  return fields.map((f) => `${f.name}:${f.type}`).join(', ');
}

function compileMap(node: Extract<PipelineNode, { kind: 'transform.map' }>, index: number, input: EdgeSchema): NodeCompilation {
  const problems: CompileProblem[] = [];
  const fields: { name: string; expr: NonNullable<Extract<ReturnType<typeof compileExpression>, { ok: true }>['expr']> }[] = [];
  node.params.fields.forEach((f, i) => {
    const r = compileExpression(f.expr, input.fields);
    if (r.ok) fields.push({ name: f.name, expr: r.expr });
    else problems.push(problem(node, index, `fields[${i}].expr`, `field '${f.name}': ${r.error.message}`));
  });
  if (problems.length > 0) return { step: null, outputs: {}, problems };
  const computed = fields.map((f) => ({ name: f.name, type: f.expr.type }));
  const kept = node.params.keep ? input.fields.filter((f) => !computed.some((c) => c.name === f.name)) : [];
  const keepsKeys = input.keys !== null && node.params.keep && input.keys.every((k) => !computed.some((c) => c.name === k.name));
  const step: PlanStep = { type: 'map', nodeId: node.id, fields, keep: node.params.keep, keepsKeys };
  return { step, outputs: { out: { fields: [...kept, ...computed], keys: keepsKeys ? input.keys : null } }, problems: [] };
}

function compileAggregate(
  node: Extract<PipelineNode, { kind: 'aggregate' }>, index: number, input: EdgeSchema, windowNode: NodeInputs['window'],
): NodeCompilation {
  const planned = planAggregations(node.params.aggregations, input.fields);
  if (!planned.ok) return { step: null, outputs: {}, problems: planned.problems.map((m) => problem(node, index, 'aggregations', m)) };
  const keyFields = input.keys ?? [];
  const clash = node.params.aggregations.find((a) => keyFields.some((k) => k.name === a.name));
  if (clash !== undefined) return { step: null, outputs: {}, problems: [problem(node, index, 'aggregations', `aggregation '${clash.name}' has the name of a key field; pick another name`)] };
  const out: EdgeSchema = { fields: resultSchema(planned.plan, keyFields, windowNode !== null), keys: null, groupFields: keyFields };
  if (windowNode === null) return { step: { type: 'runningAggregate', nodeId: node.id, plan: planned.plan, keyFields }, outputs: { out }, problems: [] };
  const step: PlanStep = { type: 'windowAggregate', nodeId: windowNode.id, aggregateId: node.id, window: windowSpec(windowNode), plan: planned.plan, keyFields };
  return { step, outputs: { out }, problems: [] };
}

function compileWebsocketSource(node: Extract<PipelineNode, { kind: 'source.websocket' }>, limit: number | undefined): NodeCompilation {
  const p = node.params;
  // The event-time field becomes epoch milliseconds whatever it is written as.
  const fields: Field[] = p.fields.map((f) => ({ name: f.name, type: f.name === p.eventTime ? 'time' : f.type }));
  const spec = { url: p.url, format: p.format, fields, eventTime: p.eventTime, timeFormat: p.timeFormat, boundMs: ms(p.maxOutOfOrderness), queueLimit: p.queueLimit, timeRange: eventTimeRange(p.earliestYear, p.latestYear), ...(limit === undefined ? {} : { limit }),
    ...(p.retry === undefined ? {} : { retry: p.retry }),
    ...(p.log === undefined ? {} : { log: { from: p.log.from, ...(p.idleTimeout === undefined ? {} : { idleMs: ms(p.idleTimeout) }) } }) };
  return { step: { type: 'websocketSource', nodeId: node.id, spec, ...idleOf(node.params.idleTimeout) }, outputs: { out: { fields, keys: null } }, problems: [] };
}

function compileChartSink(node: Extract<PipelineNode, { kind: 'sink.chart' }>, index: number, input: EdgeSchema): NodeCompilation {
  const p = node.params;
  const problems: CompileProblem[] = [];
  const here = `fields here: ${describe(input.fields)}`;
  const y = input.fields.find((f) => f.name === p.y);
  if (y === undefined) problems.push(problem(node, index, 'y', `y: unknown field '${p.y}' (${here})`));
  else if (y.type !== 'number' && y.type !== 'time') problems.push(problem(node, index, 'y', `y: '${p.y}' is a ${y.type}; a chart plots numbers`));
  if (p.x === 'windowEnd' && !input.fields.some((f) => f.name === 'window_end')) {
    problems.push(problem(node, index, 'x', 'x: the results reaching this chart have no window_end; put it after a windowed aggregate or plot over event time'));
  }
  const series = p.series ?? (input.groupFields ?? []).map((f) => f.name);
  p.series?.forEach((name, i) => {
    if (!input.fields.some((f) => f.name === name)) problems.push(problem(node, index, `series[${i}]`, `series: unknown field '${name}' (${here})`));
  });
  if (problems.length > 0) return { step: null, outputs: {}, problems };
  const view = { type: 'chart' as const, chart: p.chart, x: p.x, y: p.y, series, topKeys: p.topKeys, timeRangeMs: ms(p.timeRange) };
  return { step: { type: 'collectSink', nodeId: node.id, view }, outputs: {}, problems: [] };
}
