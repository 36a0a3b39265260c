import { describe, expect, it } from 'vitest';
import { defaultAggregationName, isDefaultName, uniqueName, withFollowingName } from './aggregationNames';

describe('default aggregation names', () => {
  it('name an aggregation by its function and field', () => {
    expect(defaultAggregationName({ fn: 'count' })).toBe('count');
    expect(defaultAggregationName({ fn: 'avg', field: 'temperature' })).toBe('avg_temperature');
    expect(defaultAggregationName({ fn: 'sum' })).toBe('sum');
    expect(defaultAggregationName({ fn: 'percentile', field: 'latency', q: 0.95 })).toBe('p95_latency');
    expect(defaultAggregationName({ fn: 'percentile', field: 'latency', q: 0.999 })).toBe('p99_9_latency');
    expect(defaultAggregationName({ fn: 'max', field: 'a-b' })).toBe('max_a_b');
  });

  it('tell a default name (or one numbered to be unique, or none) from a typed one', () => {
    const row = { fn: 'avg', field: 'temperature' };
    expect(isDefaultName('avg_temperature', row)).toBe(true);
    expect(isDefaultName('avg_temperature2', row)).toBe(true);
    expect(isDefaultName('', row)).toBe(true);
    expect(isDefaultName('avg_temperature0', row)).toBe(false);
    expect(isDefaultName('average', row)).toBe(false);
    expect(isDefaultName('count', row)).toBe(false);
  });

  it('follow a change while the name is the default, and keep a typed one', () => {
    expect(withFollowingName({ name: 'count', fn: 'count' }, { name: 'count', fn: 'avg', field: 'humidity' }, [])).toEqual({ name: 'avg_humidity', fn: 'avg', field: 'humidity' });
    expect(withFollowingName({ name: 'mine', fn: 'count' }, { name: 'mine', fn: 'avg', field: 'humidity' }, [])).toEqual({ name: 'mine', fn: 'avg', field: 'humidity' });
    expect(withFollowingName({ name: 'count2', fn: 'count' }, { name: 'count2', fn: 'max', field: 'ts' }, [{ name: 'max_ts' }])).toMatchObject({ name: 'max_ts2' });
  });

  it('number a name another row has', () => {
    expect(uniqueName('count', [{ name: 'count' }, { name: 'count2' }])).toBe('count3');
    expect(uniqueName('sum', [{ name: 'count' }])).toBe('sum');
  });
});
