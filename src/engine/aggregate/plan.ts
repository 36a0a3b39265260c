import { NUMBER_FNS, ORDERED_FNS, type AggregateFn } from '../../model';
import type { FieldType, Schema } from '../batch';
import { valuePartsOf } from './valuePartOps';

// One list of functions: the model's schema names them, the engine plans them.
export type { AggregateFn };

/** One aggregation as the document states it. */
export interface AggregationSpec {
  readonly name: string;
  readonly fn: AggregateFn;
  readonly field?: string | undefined;
  readonly q?: number | undefined;
}

/** Which partial results a field needs, so accumulators keep nothing unused. */
export interface MeasureNeeds {
  sum: boolean;
  /** The variance partials of moments (shift, shifted mean, M2). */
  moments: boolean;
  min: boolean;
  max: boolean;
  firstLast: boolean;
  distinct: boolean;
  hll: boolean;
  sketch: boolean;
  /** Indices into VALUE_PARTS (see valueParts) of the value partials the field keeps, ascending. */
  values: number[];
}

export interface MeasuredField {
  readonly name: string;
  readonly type: FieldType;
  readonly needs: MeasureNeeds;
}

export interface AggregateOutput {
  readonly name: string;
  readonly fn: AggregateFn;
  /** Index into AggregatePlan.fields, or -1 for count. */
  readonly field: number;
  readonly q: number;
  readonly type: FieldType;
}

export interface AggregatePlan {
  readonly fields: readonly MeasuredField[];
  readonly outputs: readonly AggregateOutput[];
}


function emptyNeeds(): MeasureNeeds {
  return { sum: false, moments: false, min: false, max: false, firstLast: false, distinct: false, hll: false, sketch: false, values: [] };
}

function markNeeds(needs: MeasureNeeds, fn: AggregateFn): void {
  for (const part of valuePartsOf(fn)) if (!needs.values.includes(part)) needs.values.push(part);
  needs.values.sort((a, b) => a - b);
  switch (fn) {
    case 'sum': case 'avg': needs.sum = true; break;
    case 'variance': case 'stddev': needs.sum = true; needs.moments = true; break;
    case 'min': needs.min = true; break;
    case 'max': needs.max = true; break;
    case 'first': case 'last': needs.firstLast = true; break;
    case 'countDistinct': needs.distinct = true; break;
    case 'approxCountDistinct': needs.hll = true; break;
    case 'percentile': needs.sketch = true; break;
    default: break;
  }
}

function outputType(fn: AggregateFn, fieldType: FieldType): FieldType {
  if (fn === 'min' || fn === 'max' || fn === 'first' || fn === 'last') return fieldType;
  return 'number';
}

/**
 * Resolves the document's aggregations against the input schema.
 * Returns the plan, or the problems (one sentence each) when a field is unknown or of the wrong type.
 */
export function planAggregations(
  specs: readonly AggregationSpec[],
  schema: Schema,
): { ok: true; plan: AggregatePlan } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const fields: MeasuredField[] = [];
  const outputs: AggregateOutput[] = [];
  const fieldIndex = new Map<string, number>();
  for (const spec of specs) {
    if (spec.fn === 'count') {
      outputs.push({ name: spec.name, fn: 'count', field: -1, q: 0, type: 'number' });
      continue;
    }
    const fieldName = spec.field ?? '';
    const field = schema.find((f) => f.name === fieldName);
    if (field === undefined) {
      const known = schema.map((f) => f.name).join(', ');
      problems.push(`aggregation '${spec.name}': unknown field '${fieldName}' (fields here: ${known})`);
      continue;
    }
    if (NUMBER_FNS.has(spec.fn) && field.type !== 'number') {
      problems.push(`aggregation '${spec.name}': ${spec.fn} needs a number field, '${field.name}' is ${field.type}`);
      continue;
    }
    if (ORDERED_FNS.has(spec.fn) && field.type !== 'number' && field.type !== 'time') {
      problems.push(`aggregation '${spec.name}': ${spec.fn} needs a number or time field, '${field.name}' is ${field.type}`);
      continue;
    }
    let index = fieldIndex.get(field.name);
    if (index === undefined) {
      index = fields.length;
      fieldIndex.set(field.name, index);
      fields.push({ name: field.name, type: field.type, needs: emptyNeeds() });
    }
    markNeeds(fields[index]!.needs, spec.fn);
    outputs.push({ name: spec.name, fn: spec.fn, field: index, q: spec.q ?? 0.5, type: outputType(spec.fn, field.type) });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, plan: { fields, outputs } };
}
