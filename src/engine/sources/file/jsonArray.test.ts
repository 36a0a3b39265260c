/**
 * The JSON-array scanner always moves on: a `}` outside any object (a stray
 * brace, or one an unclosed string left at the top level) used to stop the
 * element scan without consuming it, and the file never finished reading.
 * Found by the fuzz suite (src/fuzz/corpus/fileRows/json-array-*-brace-*.json).
 */
import { describe, expect, it } from 'vitest';
import { readJsonArray } from './jsonArray';

describe('readJsonArray on stray closing braces', () => {
  it('reads [} as one bad element', () => {
    const table = readJsonArray('[}');
    expect(table.rows).toEqual([]);
    expect(table.errors.count).toBe(1);
    expect(table.errors.first[0]!.line).toBe(1);
  });

  it('skips the broken element and keeps the good ones after it, with their lines', () => {
    const table = readJsonArray('[\n{"ts":1}},\n{"ts":2}\n]');
    expect(table.rows.map((row) => row.line)).toEqual([3]);
    expect(table.errors.first.map((error) => error.line)).toEqual([2]);
  });

  it('reads an unclosed string that swallows a row as one bad element', () => {
    const table = readJsonArray('[\n"unclosed\n{"ts":1,"v":"a}b"}');
    expect(table.rows).toEqual([]);
    expect(table.errors.count).toBe(1);
    expect(table.errors.first[0]!.line).toBe(2);
  });
});
