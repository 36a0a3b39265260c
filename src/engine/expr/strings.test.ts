import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStringDict, readCell, type Column, type Schema, type StringColumn } from '../batch';
import { compiled, evaluate, makeBlock } from './testing';

const schema: Schema = [
  { name: 'device', type: 'string' },
  { name: 'site', type: 'string' },
  { name: 'x', type: 'number' },
];

function strings(column: Column): StringColumn {
  if (column.type !== 'string') throw new Error(`expected strings, got ${column.type}`);
  return column;
}

function cells(column: Column): unknown[] {
  const length = column.type === 'string' ? column.codes.length : column.values.length;
  return Array.from({ length }, (_, row) => readCell(column, row));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('string functions on dictionary-encoded columns', () => {
  it('keeps result codes stable across blocks, in one dictionary owned by the expression', () => {
    const dicts = { device: createStringDict() };
    const expr = compiled('lower(device)', schema);
    const first = strings(expr.evaluate(makeBlock(schema, { device: ['A', 'b', null, 'A'] }, dicts)));
    const second = strings(expr.evaluate(makeBlock(schema, { device: ['C', 'a', 'B', 'A'] }, dicts)));
    expect(cells(first)).toEqual(['a', 'b', null, 'a']);
    expect(cells(second)).toEqual(['c', 'a', 'b', 'a']);
    expect(second.dict).toBe(first.dict);
    expect(first.dict).not.toBe(dicts.device);
    // 'a' (from 'A', and from 'a' itself) and 'b' keep their codes.
    expect(second.codes[1]).toBe(first.codes[0]);
    expect(second.codes[3]).toBe(first.codes[0]);
    expect(second.codes[2]).toBe(first.codes[1]);
  });

  it('does string work once per dictionary entry, not once per row', () => {
    const dicts = { device: createStringDict() };
    const expr = compiled('upper(device) == "B" || contains(device, "z")', schema);
    const toUpperCase = vi.spyOn(String.prototype, 'toUpperCase');
    const includes = vi.spyOn(String.prototype, 'includes');
    const rows = Array.from({ length: 10_000 }, (_, i) => ['a', 'b', 'c'][i % 3]!);
    for (let batch = 0; batch < 3; batch++) expr.evaluate(makeBlock(schema, { device: rows }, dicts));
    expect(toUpperCase.mock.calls.length).toBeLessThanOrEqual(3);
    expect(includes.mock.calls.length).toBeLessThanOrEqual(3);
  });

  it('re-codes a bare string field into the expression dictionary', () => {
    const dicts = { device: createStringDict() };
    const expr = compiled('device', schema);
    const first = strings(expr.evaluate(makeBlock(schema, { device: ['x', 'y'] }, dicts)));
    const second = strings(expr.evaluate(makeBlock(schema, { device: ['y', null] }, dicts)));
    expect(first.dict).not.toBe(dicts.device);
    expect(second.dict).toBe(first.dict);
    expect(cells(second)).toEqual(['y', null]);
    expect(second.codes[0]).toBe(first.codes[1]);
  });

  it.each([
    ['lower(device)', ['Ab', null], ['ab', null]],
    ['upper(device)', ['Ab', null], ['AB', null]],
    ['len(device)', ['abc', '', 'h\u00e9\u{1f600}', null], [3, 0, 3, null]],
    ['contains(device, "b")', ['abc', 'xyz', null], [true, false, false]],
    ['contains("abcdef", device)', ['cd', 'x', null], [true, false, false]],
    ['startsWith(device, "ab")', ['abc', 'cab', null], [true, false, false]],
    ['startsWith("abc", device)', ['a', 'b', null], [true, false, false]],
    ['device + "!"', ['a', null], ['a!', null]],
    ['"<" + device', ['a', null], ['<a', null]],
    ['device == "b"', ['a', 'b', null], [false, true, false]],
    ['device != "b"', ['a', 'b', null], [true, false, false]],
    ['device < "b"', ['a', 'b', 'c', null], [true, false, false, false]],
    ['"b" <= device', ['a', 'b', 'c', null], [false, true, true, false]],
    ['device >= "B"', ['a', 'B', 'A', null], [true, true, false, false]],
    ['device == "absent"', ['a', null], [false, false]],
    ['coalesce(device, "none")', ['a', null], ['a', 'none']],
  ])('%s', (source, device, expected) => {
    expect(evaluate(source, schema, { device })).toEqual(expected);
  });

  it('finds a constant that joins the dictionary only in a later block', () => {
    const dicts = { device: createStringDict() };
    const expr = compiled('device == "late"', schema);
    expect(cells(expr.evaluate(makeBlock(schema, { device: ['a'] }, dicts)))).toEqual([false]);
    expect(cells(expr.evaluate(makeBlock(schema, { device: ['late', 'a'] }, dicts)))).toEqual([true, false]);
  });

  it('compares, joins and tests two columns with different dictionaries row by row', () => {
    const data = { device: ['a', 'b', 'abc', null, 'x'], site: ['a', 'a', 'b', 'a', null] };
    expect(evaluate('device == site', schema, data)).toEqual([true, false, false, false, false]);
    expect(evaluate('device != site', schema, data)).toEqual([false, true, true, false, false]);
    expect(evaluate('device > site', schema, data)).toEqual([false, true, false, false, false]);
    expect(evaluate('device + site', schema, data)).toEqual(['aa', 'ba', 'abcb', null, null]);
    expect(evaluate('contains(device, site)', schema, data)).toEqual([true, false, true, false, false]);
    expect(evaluate('startsWith(device, site)', schema, data)).toEqual([true, false, false, false, false]);
  });

  it('compares two columns sharing one dictionary by code', () => {
    const shared = createStringDict();
    const block = makeBlock(schema, { device: ['a', 'b', null], site: ['a', 'c', null] }, { device: shared, site: shared });
    expect(cells(compiled('device == site', schema).evaluate(block))).toEqual([true, false, false]);
    expect(cells(compiled('device != site', schema).evaluate(block))).toEqual([false, true, false]);
  });

  it('puts branches and coalesce arguments from different dictionaries into one', () => {
    const data = { device: ['d1', null, 'd3'], site: ['s1', 's2', null], x: [1, 0, 0] };
    expect(evaluate('x > 0 ? device : site', schema, data)).toEqual(['d1', 's2', null]);
    expect(evaluate('coalesce(device, site, "-")', schema, data)).toEqual(['d1', 's2', 'd3']);
    expect(evaluate('x > 0 ? "one" : device', schema, data)).toEqual(['one', null, 'd3']);
  });

  it('keeps the codes of a joined string stable across blocks', () => {
    const dicts = { device: createStringDict(), site: createStringDict() };
    const expr = compiled('device + "@" + site', schema);
    const first = strings(expr.evaluate(makeBlock(schema, { device: ['a', 'b'], site: ['x', 'y'] }, dicts)));
    const second = strings(expr.evaluate(makeBlock(schema, { device: ['b', 'c'], site: ['y', 'x'] }, dicts)));
    expect(cells(second)).toEqual(['b@y', 'c@x']);
    expect(second.dict).toBe(first.dict);
    expect(second.codes[0]).toBe(first.codes[1]);
  });
});
