import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchToRows } from '../../src/engine/operators/sinks';
import { jsonNumber, jsonString, numberText } from './jsonText';
import { NdjsonEncoder } from './ndjson';
import { batchOf, resultBatches, resultNumber, resultText } from './randomBatches';

const today = (rows: readonly object[]): string => rows.map((r) => `${JSON.stringify(r)}\n`).join('');

describe('jsonText', () => {
  it('writes every string as JSON.stringify does', () => {
    fc.assert(fc.property(resultText, (text) => { expect(jsonString(text)).toBe(JSON.stringify(text)); }), { numRuns: 2000 });
  });

  it('prints short decimals on its fast path exactly as Number::toString does', () => {
    const shortDecimal = fc.tuple(fc.integer({ min: -1e15, max: 1e15 }), fc.integer({ min: 0, max: 9 })).map(([n, e]) => n / 10 ** e);
    fc.assert(fc.property(shortDecimal, (n) => { expect(numberText(n)).toBe(String(n)); }), { numRuns: 20000 });
    expect([0.000001, 0.0000015, 999999999.999999, 123.45, -0.5, 1e9, 5e-7].map(numberText)).toEqual(['0.000001', '0.0000015', '999999999.999999', '123.45', '-0.5', '1000000000', '5e-7']);
  });

  it('writes every number as JSON.stringify does, -0 as 0 and non-finite as null', () => {
    fc.assert(fc.property(resultNumber, (n) => { expect(jsonNumber(n)).toBe(JSON.stringify(n)); }), { numRuns: 2000 });
    expect([jsonNumber(-0), jsonNumber(NaN), jsonNumber(-Infinity), jsonNumber(1e21), jsonNumber(5e-324)]).toEqual(['0', 'null', 'null', '1e+21', '5e-324']);
  });
});

describe('NdjsonEncoder', () => {
  it('writes each row byte for byte as JSON.stringify of batchToRows', () => {
    fc.assert(fc.property(resultBatches(), ({ batches }) => {
      const encoder = new NdjsonEncoder();
      for (const batch of batches) expect(encoder.encode(batch, null)).toBe(today(batchToRows(batch)));
    }), { numRuns: 500 });
  });

  it('puts the sink first as the CLI did with { sink, ...row }, whatever the field names', () => {
    fc.assert(fc.property(resultBatches(), resultText, ({ batches }, sink) => {
      const encoder = new NdjsonEncoder();
      for (const batch of batches) expect(encoder.encode(batch, sink)).toBe(today(batchToRows(batch).map((r) => ({ sink, ...r }))));
    }), { numRuns: 500 });
  });

  it('keeps a field called sink in the sink position with the row value, and integer-like names first', () => {
    const batch = batchOf([{ name: 'b', type: 'number' }, { name: 'sink', type: 'string' }, { name: '7', type: 'boolean' }], [[-0, 'x"y', true]]);
    expect(new NdjsonEncoder().encode(batch, 'out')).toBe('{"7":true,"sink":"x\\"y","b":0}\n');
  });

  it('writes strings added to a dictionary after an earlier batch', () => {
    const fields = [{ name: 'k', type: 'string' as const }];
    const first = batchOf(fields, [['a']]);
    const encoder = new NdjsonEncoder();
    expect(encoder.encode(first, null)).toBe('{"k":"a"}\n');
    const column = first.columns.k;
    if (column?.type !== 'string') throw new Error('k is a string column');
    const second = batchOf(fields, [['\u0001'], ['a']], [column.dict]);
    expect(encoder.encode(second, null)).toBe('{"k":"\\u0001"}\n{"k":"a"}\n');
  });
});
