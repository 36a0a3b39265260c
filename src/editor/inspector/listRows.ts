import type { Field, FieldType } from '../../engine/batch';
import { NUMBER_FNS, ORDERED_FNS } from '../../model';
import { uniqueName, withFollowingName } from '../store/aggregationNames';
import type { ParamSpec } from './paramSpecs';

export type Row = Readonly<Record<string, unknown>>;

/** The model's field rules, as the engine's planAggregations reads them (a test keeps the two equal). */
const NUMERIC_ONLY: ReadonlySet<string> = NUMBER_FNS;
const ORDERED: ReadonlySet<string> = ORDERED_FNS;

/** Whether an aggregate function can read a field of this type. */
export function fnAccepts(fn: unknown, type: FieldType): boolean {
  if (typeof fn !== 'string' || NUMERIC_ONLY.has(fn)) return type === 'number';
  if (ORDERED.has(fn)) return type === 'number' || type === 'time';
  return true;
}

/** The quantile a percentile starts with when picked: the one dashboards ask for most. */
const STARTING_Q = 0.95;

/**
 * Whether a list item's control is shown: an aggregation's `field` only when
 * its function reads one, `q` only for percentile; a value that is there
 * anyway stays visible, so its error can be seen and fixed.
 */
export function itemShown(listPath: string, key: string, row: Row): boolean {
  if (listPath !== 'aggregate.aggregations') return true;
  if (key === 'field') return row['fn'] !== 'count' || row['field'] !== undefined;
  if (key === 'q') return row['fn'] === 'percentile' || row['q'] !== undefined;
  return true;
}

/** An aggregation's values its default name is made of. */
const NAMED_BY: ReadonlySet<string> = new Set(['fn', 'field', 'q']);

/**
 * A row after one of its values changes, with what follows from it: picking
 * percentile brings a quantile, leaving it drops the quantile, count drops the
 * field, a function that needs a field gets the first suitable one, and a
 * name the user has not typed follows the function and field
 * (`avg_temperature`), unique among `others` (the list's other rows).
 */
export function changeRow(listPath: string, row: Row, key: string, value: unknown, fields: readonly Field[] | null, others: readonly Row[] = []): Row {
  const next: Record<string, unknown> = { ...row };
  if (value === undefined) delete next[key];
  else next[key] = value;
  if (listPath !== 'aggregate.aggregations' || !NAMED_BY.has(key)) return next;
  if (key === 'fn') {
    const fn = next['fn'];
    if (fn === 'percentile' && next['q'] === undefined) next['q'] = STARTING_Q;
    if (fn !== 'percentile') delete next['q'];
    if (fn === 'count') delete next['field'];
    else {
      const current = fields?.find((f) => f.name === next['field']);
      const fits = current !== undefined && fnAccepts(fn, current.type);
      const first = fields?.find((f) => fnAccepts(fn, f.type));
      if (!fits && first !== undefined) next['field'] = first.name;
    }
  }
  return withFollowingName(row, next, others);
}

/** A row to append to a list: its required values filled in, a name no other row has. */
export function newRow(listPath: string, item: readonly ParamSpec[], rows: readonly Row[]): Row {
  if (listPath === 'aggregate.aggregations') return { name: uniqueName('count', rows), fn: 'count' };
  if (listPath === 'transform.map.fields') return { name: uniqueName('field', rows), expr: '' };
  const row: Record<string, unknown> = {};
  for (const spec of item) {
    if (!spec.required) continue;
    if (spec.key === 'name') row[spec.key] = uniqueName('item', rows);
    else if (spec.control === 'enum') row[spec.key] = spec.options[0];
    else if (spec.control === 'boolean') row[spec.key] = false;
    else if (spec.control === 'number') row[spec.key] = spec.min?.value ?? 0;
    else row[spec.key] = '';
  }
  return row;
}
