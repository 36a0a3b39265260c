import { describe, expect, it } from 'vitest';
import type { Field, FieldType } from '../../engine/batch';
import { planAggregations } from '../../engine/aggregate/plan';
import { AGGREGATE_FNS } from '../../model';
import { changeRow, fnAccepts, itemShown, newRow } from './listRows';
import { paramSpecs } from './paramSpecs';

const fields: Field[] = [{ name: 'ts', type: 'time' }, { name: 'device', type: 'string' }, { name: 'temperature', type: 'number' }];
const AGG = 'aggregate.aggregations';

describe('fnAccepts', () => {
  it('offers exactly the fields the engine accepts for each function', () => {
    const types: FieldType[] = ['number', 'string', 'boolean', 'time'];
    for (const fn of AGGREGATE_FNS) {
      if (fn === 'count') continue;
      for (const type of types) {
        const planned = planAggregations([{ name: 'x', fn, field: 'f', ...(fn === 'percentile' ? { q: 0.5 } : {}) }], [{ name: 'f', type }]);
        expect(fnAccepts(fn, type), `${fn} of a ${type}`).toBe(planned.ok);
      }
    }
  });
});

describe('aggregation rows', () => {
  it('show a field only for functions that read one, and q only for percentile', () => {
    expect(itemShown(AGG, 'field', { fn: 'count' })).toBe(false);
    expect(itemShown(AGG, 'field', { fn: 'count', field: 'x' })).toBe(true);
    expect(itemShown(AGG, 'q', { fn: 'avg' })).toBe(false);
    expect(itemShown(AGG, 'q', { fn: 'percentile' })).toBe(true);
    expect(itemShown('transform.map.fields', 'q', {})).toBe(true);
  });

  it('bring a quantile and a suitable field with percentile, and drop them again', () => {
    const p = changeRow(AGG, { name: 'n', fn: 'count' }, 'fn', 'percentile', fields);
    expect(p).toEqual({ name: 'n', fn: 'percentile', q: 0.95, field: 'temperature' });
    expect(changeRow(AGG, p, 'fn', 'last', fields)).toEqual({ name: 'n', fn: 'last', field: 'temperature' });
    expect(changeRow(AGG, p, 'fn', 'count', fields)).toEqual({ name: 'n', fn: 'count' });
    expect(changeRow(AGG, { name: 'n', fn: 'first', field: 'device' }, 'fn', 'min', fields)).toMatchObject({ field: 'ts' });
  });

  it('leave the field alone when nothing suitable reaches the node', () => {
    expect(changeRow(AGG, { name: 'n', fn: 'count' }, 'fn', 'sum', null)).toEqual({ name: 'n', fn: 'sum' });
  });

  it('remove a value set to undefined', () => {
    expect(changeRow(AGG, { name: 'n', fn: 'sum', field: 'x' }, 'field', undefined, fields)).toEqual({ name: 'n', fn: 'sum' });
  });

  it('start new rows with a name no other row has', () => {
    const item = paramSpecs('aggregate')[0]!;
    const items = item.control === 'list' ? item.item : [];
    expect(newRow(AGG, items, [{ name: 'count' }, { name: 'count2' }])).toEqual({ name: 'count3', fn: 'count' });
    expect(newRow('transform.map.fields', [], [])).toEqual({ name: 'field', expr: '' });
  });
});

describe('an aggregation\'s name', () => {
  it('follows its function and field until the user names it', () => {
    const count = { name: 'count', fn: 'count' };
    const avg = changeRow(AGG, count, 'fn', 'avg', fields);
    expect(avg).toEqual({ name: 'avg_temperature', fn: 'avg', field: 'temperature' });
    expect(changeRow(AGG, avg, 'fn', 'max', fields)).toMatchObject({ name: 'max_temperature' });
    expect(changeRow(AGG, avg, 'field', 'ts', fields, [{ name: 'x' }])).toMatchObject({ name: 'avg_ts' });
    expect(changeRow(AGG, avg, 'fn', 'count', fields, [{ name: 'count' }])).toEqual({ name: 'count2', fn: 'count' });
    const named = changeRow(AGG, avg, 'name', 'mean', fields);
    expect(changeRow(AGG, named, 'fn', 'max', fields)).toMatchObject({ name: 'mean', fn: 'max' });
  });
});
