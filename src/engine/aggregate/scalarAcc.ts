import type { AggregateOutput, AggregatePlan } from './plan';
import { createDistinctSet, distinctAdd, distinctMerge, resetDistinctSet, type DistinctSet } from './distinctSet';
import { addMoment, mergeMoments, sampleVariance, type MomentParts } from './moments';
import { createHll, hllAdd, hllEstimate, hllMerge, resetHll, type Hll } from './hyperLogLog';
import { createSketch, resetSketch, sketchAdd, sketchMerge, type QuantileSketch } from './quantileSketch';
import { sketchQuantile } from './sketchQuantile';
import { combineValue, emptyValues, foldValue, valueResult } from './valuePartOps';
import { VALUE_PARTS } from './valueParts';

/**
 * Partial results for one field. Plain data: it can be structured-cloned for
 * snapshots. A class, not an object literal, as ScalarAcc: see FastRun
 * (window/fastFold) for why.
 */
export class FieldAcc implements MomentParts {
  n = 0;
  sum = 0;
  /** Variance partials (see moments): one of the values, the mean less it, the sum of squared deviations. */
  shift = 0;
  shiftedMean = 0;
  m2 = 0;
  min = Infinity;
  max = -Infinity;
  /** Value with the smallest event time (ties: the earliest to arrive). */
  firstV = NaN;
  firstT = Infinity;
  /** Value with the largest event time (ties: the latest to arrive). */
  lastV = NaN;
  lastT = -Infinity;
  /** The value partials (see valueParts), one per VALUE_PARTS entry. */
  readonly values: Float64Array = emptyValues();

  constructor(
    public distinct: DistinctSet | null,
    public hll: Hll | null,
    public sketch: QuantileSketch | null,
  ) {}
}

/** Partial results of every aggregation for one key in one window. */
export class ScalarAcc {
  count = 0;
  constructor(public fields: FieldAcc[]) {}
}

function resetField(f: FieldAcc): void {
  f.n = 0; f.sum = 0; f.shift = 0; f.shiftedMean = 0; f.m2 = 0;
  f.min = Infinity; f.max = -Infinity;
  f.firstV = NaN; f.firstT = Infinity; f.lastV = NaN; f.lastT = -Infinity;
  for (let i = 0; i < f.values.length; i++) f.values[i] = VALUE_PARTS[i]!.identity;
  if (f.distinct !== null) resetDistinctSet(f.distinct);
  if (f.hll !== null) resetHll(f.hll);
  if (f.sketch !== null) resetSketch(f.sketch);
}

/** Creates an empty accumulator with exactly the parts `plan` needs. */
export function createScalarAcc(plan: AggregatePlan): ScalarAcc {
  return new ScalarAcc(plan.fields.map((field) => new FieldAcc(
    field.needs.distinct ? createDistinctSet() : null,
    field.needs.hll ? createHll() : null,
    field.needs.sketch ? createSketch() : null,
  )));
}

/** Empties an accumulator for reuse. */
export function resetScalarAcc(acc: ScalarAcc): void {
  acc.count = 0;
  for (const f of acc.fields) resetField(f);
}

/**
 * Adds one row. `values[f]` holds field f of every row as numbers (string
 * codes for strings), NaN when missing; missing values are skipped as in SQL.
 */
export function addRow(acc: ScalarAcc, values: readonly Float64Array[], row: number, time: number): void {
  acc.count++;
  const fields = acc.fields;
  for (let f = 0; f < fields.length; f++) {
    const v = values[f]![row]!;
    if (v !== v) continue;
    addValue(fields[f]!, v, time);
  }
}

/** Adds one present value of a field. */
export function addValue(f: FieldAcc, v: number, time: number): void {
  f.n++;
  f.sum += v;
  addMoment(f, f.n, v);
  if (v < f.min) f.min = v;
  if (v > f.max) f.max = v;
  if (time < f.firstT) { f.firstT = time; f.firstV = v; }
  if (time >= f.lastT) { f.lastT = time; f.lastV = v; }
  for (let i = 0; i < f.values.length; i++) f.values[i] = foldValue(i, f.values[i]!, v);
  if (f.distinct !== null) distinctAdd(f.distinct, v);
  if (f.hll !== null) hllAdd(f.hll, v);
  if (f.sketch !== null) sketchAdd(f.sketch, v);
}

/** Folds `from` into `into` (both from the same plan). */
export function mergeScalarAcc(into: ScalarAcc, from: ScalarAcc): void {
  into.count += from.count;
  for (let i = 0; i < into.fields.length; i++) mergeFieldAcc(into.fields[i]!, from.fields[i]!);
}

/** Folds one field's partials into another's. */
export function mergeFieldAcc(a: FieldAcc, b: FieldAcc): void {
  mergeMoments(a, a.n, b.n, b.shift, b.shiftedMean, b.m2);
  a.n += b.n;
  a.sum += b.sum;
  if (b.min < a.min) a.min = b.min;
  if (b.max > a.max) a.max = b.max;
  if (b.firstT < a.firstT) { a.firstT = b.firstT; a.firstV = b.firstV; }
  if (b.lastT >= a.lastT && b.n > 0) { a.lastT = b.lastT; a.lastV = b.lastV; }
  for (let i = 0; i < a.values.length; i++) a.values[i] = combineValue(i, a.values[i]!, b.values[i]!);
  if (a.distinct !== null && b.distinct !== null) distinctMerge(a.distinct, b.distinct);
  if (a.hll !== null && b.hll !== null) hllMerge(a.hll, b.hll);
  if (a.sketch !== null && b.sketch !== null) sketchMerge(a.sketch, b.sketch);
}

/** The final value of one aggregation (NaN when there is none; string codes for string min/first/last). */
export function scalarResult(acc: ScalarAcc, output: AggregateOutput): number {
  if (output.fn === 'count') return acc.count;
  const f = acc.fields[output.field]!;
  if (f.n === 0) return output.fn === 'countDistinct' || output.fn === 'approxCountDistinct' ? 0 : NaN;
  switch (output.fn) {
    case 'sum': return f.sum;
    case 'avg': return f.sum / f.n;
    case 'min': return f.min;
    case 'max': return f.max;
    case 'variance': return sampleVariance(f.n, f.m2);
    case 'stddev': return Math.sqrt(sampleVariance(f.n, f.m2));
    case 'first': return f.firstV;
    case 'last': return f.lastV;
    case 'countDistinct': return f.distinct?.size ?? 0;
    case 'approxCountDistinct': return f.hll === null ? 0 : hllEstimate(f.hll);
    case 'percentile': return f.sketch === null ? NaN : sketchQuantile(f.sketch, output.q);
    default: return valueResult(output.fn, f.values, f.n);
  }
}
