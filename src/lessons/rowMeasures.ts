/**
 * Measures read from the rows of the base run: rows that reached a sink
 * (resultCount, resultValue) and events sent to a window's late port
 * (lateCount). Row fields are user names: read as own properties only.
 */
import type { PipelineDocument } from '../model';
import type { Row } from '../engine/operators/sinks';
import type { PreparedPipeline } from '../engine/run/runPipeline';
import { compareValues, measuresTime, showValue, TIME_FIELDS } from './compareOp';
import type { Measure, MeasureValue, RowCondition } from './format';
import { measured, plural, unmeasurable, type Measured } from './measured';

type RowMeasure = Extract<Measure, { kind: 'resultCount' | 'resultValue' | 'lateCount' }>;

function cell(row: Row, field: string): MeasureValue | undefined {
  return Object.hasOwn(row, field) ? row[field] : undefined;
}

function matches(row: Row, where: readonly RowCondition[]): boolean {
  return where.every((c) => {
    const value = cell(row, c.field);
    return value !== undefined && compareValues(value, c.op, c.value);
  });
}

const OP_WORDS = new Map([['eq', '='], ['ne', '≠'], ['lt', '<'], ['le', '≤'], ['gt', '>'], ['ge', '≥']]);

/** "user = 'u1' and clicks ≥ 2"; times as times. */
function conditionWords(where: readonly RowCondition[]): string {
  return where.map((c) => `${c.field} ${OP_WORDS.get(c.op) ?? c.op} ${showValue(c.value, TIME_FIELDS.has(c.field))}`).join(' and ');
}

/** " with user = 'u1' and clicks ≥ 2", or "" without conditions. */
function whereWords(where: readonly RowCondition[] | undefined): string {
  return where === undefined || where.length === 0 ? '' : ` with ${conditionWords(where)}`;
}

function reduce(values: readonly MeasureValue[], how: Extract<Measure, { kind: 'resultValue' }>['reduce']): MeasureValue {
  if (how === 'distinct') return new Set(values).size;
  if (how === 'first') return values[0] ?? null;
  if (how === 'last') return values.at(-1) ?? null;
  const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (numbers.length === 0) return null;
  if (how === 'min') return numbers.reduce((a, b) => Math.min(a, b));
  if (how === 'max') return numbers.reduce((a, b) => Math.max(a, b));
  const sum = numbers.reduce((a, b) => a + b, 0);
  return how === 'sum' ? sum : sum / numbers.length;
}

const REDUCE_WORDS = new Map([
  ['min', 'the smallest value of'], ['max', 'the largest value of'], ['sum', 'the sum of'], ['mean', 'the mean of'],
  ['first', 'the first value of'], ['last', 'the last value of'], ['distinct', 'the number of different values of'],
]);

/** Why no row gave a value: none reached the sink, none matched the `where`, or none had the field. */
function whyNoValue(rows: number, matched: number, where: readonly RowCondition[], sink: string, field: string): string {
  if (rows === 0) return `no rows reached sink '${sink}'`;
  if (matched === 0) return `no rows at sink '${sink}' match ${conditionWords(where)}`;
  if (matched === 1) return `the one row${whereWords(where)} at sink '${sink}' has no field ${field}`;
  return `none of the ${plural(matched, 'row')}${whereWords(where)} at sink '${sink}' has a field ${field}`;
}

/** Measures `measure` on the base run of `doc`. */
export function measureRows(doc: PipelineDocument, run: PreparedPipeline, measure: RowMeasure): Measured {
  const nodeId = measure.kind === 'lateCount' ? measure.window : measure.sink;
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (node === undefined) return unmeasurable(`the pipeline has no node '${nodeId}' (was it deleted or renamed?)`);
  const where = measure.where ?? [];
  if (measure.kind === 'lateCount') {
    if (!node.kind.startsWith('window.')) return unmeasurable(`node '${nodeId}' is a ${node.kind} node, not a window, so it has no late port`);
    const late = (run.late.get(nodeId) ?? []).filter((row) => matches(row, where)).length;
    return measured(late, `${plural(late, 'event')}${whereWords(where)} went to the late port of window '${nodeId}'`);
  }
  const rows = run.results.get(nodeId);
  if (rows === undefined) return unmeasurable(`node '${nodeId}' is a ${node.kind} node, not a sink that keeps its rows`);
  const chosen = rows.filter((row) => matches(row, where));
  if (measure.kind === 'resultCount') return measured(chosen.length, `${plural(chosen.length, 'row')}${whereWords(where)} reached sink '${nodeId}'`);
  const values: MeasureValue[] = [];
  for (const row of chosen) {
    const value = cell(row, measure.field);
    if (value !== undefined) values.push(value);
  }
  const value = reduce(values, measure.reduce);
  const of = `${REDUCE_WORDS.get(measure.reduce) ?? measure.reduce} ${measure.field} over the rows${whereWords(where)} at sink '${nodeId}'`;
  if (values.length === 0) return measured(null, `${whyNoValue(rows.length, chosen.length, where, nodeId, measure.field)}, so there is no value of ${measure.field} to read`);
  return measured(value, `${of} is ${showValue(value, measuresTime(measure))}`);
}
