import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../../model';
import { starterParams } from '../store/nodeDefaults';
import { summarize } from './summary';

describe('summarize', () => {
  it('says what each kind does with its settings, in one line', () => {
    expect(summarize('source.sample', { stream: 'sensors', rate: 1000, keys: 10 })).toBe('Sample sensors · 1000/s · 10 keys');
    expect(summarize('source.sample', { stream: 'payments', rate: 25000, keys: 3, lateFraction: 0.02 })).toBe('Sample payments · 25k/s · 3 keys · 2% late');
    expect(summarize('source.file', { eventTime: 'timestamp', fileName: 'nyc_taxi.csv' })).toBe('File: nyc_taxi.csv · time timestamp');
    expect(summarize('transform.filter', { expr: 'temperature > 30' })).toBe('Filter: temperature > 30');
    expect(summarize('transform.map', { fields: [{ name: 'f', expr: 'c * 1.8 + 32' }], keep: false })).toBe('f = c * 1.8 + 32 (drops the rest)');
    expect(summarize('transform.keyBy', { fields: ['device'] })).toBe('Key by device');
    expect(summarize('transform.union', {})).toBe('Merge streams');
    expect(summarize('window.tumbling', { size: '1m', allowedLateness: '10s' })).toBe('Tumbling 1m, lateness 10s');
    expect(summarize('window.hopping', { size: '5m', slide: '1m', offset: '0ms', time: 'processing' })).toBe('Hopping 5m every 1m, processing time');
    expect(summarize('window.cumulate', { step: '1h', maxSize: '1d', offset: '-5h', allowedLateness: '0ms' })).toBe('Cumulate every 1h up to 1d, offset -5h');
    expect(summarize('window.session', { gap: '30s' })).toBe('Session, gap 30s');
    expect(summarize('window.count', { size: 100 })).toBe('Every 100 events per key');
    expect(summarize('aggregate', { aggregations: [{ name: 'n', fn: 'count' }, { name: 't', fn: 'avg', field: 'temperature' }, { name: 'p', fn: 'percentile', field: 'ms', q: 0.95 }] }))
      .toBe('count, avg(temperature), p95(ms)');
    expect(summarize('sink.log', { limit: 20 })).toBe('Log the first 20 rows');
  });

  it('reads half-finished settings without failing, and says what is missing', () => {
    expect(summarize('transform.keyBy', { fields: [] })).toBe('Pick key fields');
    expect(summarize('window.tumbling', { size: '5 minutes', allowedLateness: 3 })).toBe('Tumbling 5 minutes, lateness 3');
    expect(summarize('window.hopping', {})).toBe('Hopping ? every ?');
    expect(summarize('window.cumulate', { step: '', maxSize: 5 })).toBe('Cumulate every ? up to 5');
    expect(summarize('aggregate', { aggregations: 'nope' })).toBe('No aggregations yet');
    expect(summarize('source.file', { eventTime: 'ts', data: 'a,b\n1,2' })).toBe('File: inline data · time ts');
    expect(summarize('detect.spike', {})).toBe('');
  });

  it('has a summary for every kind, starting with its starter params', () => {
    for (const kind of NODE_KINDS) expect(summarize(kind, starterParams(kind)), kind).not.toBe('');
  });
});
