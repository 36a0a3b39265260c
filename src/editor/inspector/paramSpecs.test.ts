import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { NODE_KINDS, nodeSchema } from '../../model';
import { checkValue, paramSpecs, type ParamSpec } from './paramSpecs';

function spec(kind: string, key: string): ParamSpec {
  const found = paramSpecs(kind).find((s) => s.key === key);
  if (found === undefined) throw new Error(`no ${kind}.${key}`);
  return found;
}

describe('paramSpecs', () => {
  it('lists every param of every kind, in the schema order, so a new param shows up in the form', () => {
    for (const option of nodeSchema.def.options) {
      const kind = option.shape.kind.def.values[0] as string;
      // A kind's params are a lazy schema (built at first use), some wrapped in a prefault.
      let params: z.ZodType = option.shape.params;
      if (params instanceof z.ZodPrefault) params = params.def.innerType as z.ZodType;
      if (params instanceof z.ZodLazy) params = params._zod.innerType as z.ZodType;
      const shape = params instanceof z.ZodObject ? params.shape : {};
      expect(paramSpecs(kind).map((s) => s.key), kind).toEqual(Object.keys(shape));
    }
    expect(NODE_KINDS.filter((k) => paramSpecs(k).length === 0)).toEqual(['transform.union', 'sink.collect']);
  });

  it('edits a nested optional object (a WebSocket source\'s retry policy) as a group of its own params, with their help', () => {
    const retry = spec('source.websocket', 'retry');
    expect(retry).toMatchObject({ control: 'group', required: false });
    if (retry.control !== 'group') throw new Error('expected a group');
    expect(retry.item.map((s) => [s.key, s.control, s.defaultValue])).toEqual([
      ['retries', 'number', 5], ['initialBackoff', 'duration', '500ms'], ['maxBackoff', 'duration', '10s'], ['jitter', 'number', 0.2],
    ]);
    expect(retry.item.every((s) => (s.description ?? '').length > 20)).toBe(true);
    expect(checkValue(retry.item[3]!, 2)).toMatch(/1/);
  });

  it('reads durations from the duration pattern, with their defaults', () => {
    expect(spec('window.tumbling', 'size')).toMatchObject({ control: 'duration', required: true });
    expect(spec('window.tumbling', 'allowedLateness')).toMatchObject({ control: 'duration', required: false, defaultValue: '0ms' });
    expect(spec('source.sample', 'maxOutOfOrderness').control).toBe('duration');
    expect(paramSpecs('window.cumulate').map((s) => [s.key, s.control, s.required])).toEqual([
      ['step', 'duration', true], ['maxSize', 'duration', true], ['offset', 'duration', false], ['time', 'enum', false], ['allowedLateness', 'duration', false],
    ]);
  });

  it('reads numbers with their bounds and whether they are whole', () => {
    expect(spec('source.sample', 'keys')).toMatchObject({ control: 'number', integer: true, min: { value: 1, inclusive: true }, max: { value: 1_000_000, inclusive: true }, defaultValue: 10 });
    expect(spec('source.sample', 'rate')).toMatchObject({ integer: false, min: { value: 0.001, inclusive: true }, max: { value: 10_000_000, inclusive: true } });
    expect(spec('source.sample', 'lateFraction')).toMatchObject({ min: { value: 0, inclusive: true }, max: { value: 1, inclusive: true } });
    expect(spec('source.sample', 'seed')).toMatchObject({ min: null, max: null });
    expect(spec('source.sample', 'limit')).toMatchObject({ required: false, defaultValue: undefined });
  });

  it('reads enums, booleans and fixed values', () => {
    expect(spec('source.sample', 'stream')).toMatchObject({ control: 'enum', options: ['sensors', 'clicks', 'payments', 'trades', 'bids'], required: true });
    expect(spec('window.session', 'time')).toMatchObject({ control: 'enum', options: ['event', 'processing'], defaultValue: 'event' });
    expect(spec('transform.map', 'keep')).toMatchObject({ control: 'boolean', defaultValue: true });
    expect(spec('source.sample', 'eventTime')).toMatchObject({ control: 'fixed', value: 'ts' });
  });

  it('knows field names and expressions by name, where the schema sees only strings', () => {
    expect(spec('transform.filter', 'expr')).toMatchObject({ control: 'expression', boolean: true });
    expect(spec('transform.keyBy', 'fields')).toMatchObject({ control: 'fields', minItems: 1 });
    expect(spec('source.file', 'eventTime').control).toBe('field');
    expect(spec('sink.chart', 'y')).toMatchObject({ control: 'field', required: true });
    expect(spec('sink.chart', 'series')).toMatchObject({ control: 'fields', required: false });
    const map = spec('transform.map', 'fields');
    expect(map.control === 'list' && map.item.map((s) => [s.key, s.control])).toEqual([['name', 'text'], ['expr', 'expression']]);
    const aggregations = spec('aggregate', 'aggregations');
    expect(aggregations.control === 'list' && aggregations.item.map((s) => [s.key, s.control, s.required])).toEqual([
      ['name', 'text', true], ['fn', 'enum', true], ['field', 'field', false], ['q', 'number', false],
    ]);
  });

  it('keeps the schemas\' own descriptions', () => {
    expect(spec('window.hopping', 'slide').description).toBe('How far apart window starts are.');
    expect(spec('window.hopping', 'time').description).toMatch(/^event:/);
    expect(spec('window.cumulate', 'maxSize').description).toBe('The length of the period the windows grow through; a whole multiple of step.');
  });

  it('answers nothing for an unknown kind', () => {
    expect(paramSpecs('window.sliding')).toEqual([]);
  });
});

describe('checkValue', () => {
  it('words a bad value as the document\'s validation does', () => {
    const size = spec('window.tumbling', 'size');
    expect(checkValue(size, '5 minutes')).toBe('must be a duration like 30s or 5m');
    expect(checkValue(size, '0s')).toBe("must be longer than 0, got '0s'");
    expect(checkValue(size, '90s')).toBeNull();
    expect(checkValue(size, undefined)).toBe('is required');
    expect(checkValue(spec('window.tumbling', 'offset'), undefined)).toBeNull();
    expect(checkValue(spec('source.sample', 'keys'), 0)).toBe('must be at least 1');
    expect(checkValue(spec('source.sample', 'keys'), 2.5)).toBe('must be a whole number');
    expect(checkValue(spec('source.sample', 'rate'), 'fast')).toBe('must be a number');
  });
});
