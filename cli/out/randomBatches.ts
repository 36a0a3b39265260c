/**
 * fast-check arbitraries of result batches with every column type and the
 * awkward values: NaN, ±0, ±Infinity, huge and tiny numbers, strings with
 * quotes, backslashes, control characters, lone surrogates and multi-byte
 * characters, missing strings, and field names that objects treat specially.
 * For the writers' tests only.
 */
import fc from 'fast-check';
import { createStringDict, internString, newColumns, type Batch, type Column, type Field, type FieldType } from '../../src/engine/batch';

const AWKWARD_NUMBERS = [NaN, 0, -0, Infinity, -Infinity, 1e21, 1e-7, 5e-324, -1.7976931348623157e308, 0.1, 123456789.125, 2 ** 53 + 2, 1.5e-300];

/** Numbers as results hold them, awkward ones often. */
export const resultNumber = fc.oneof(
  fc.constantFrom(...AWKWARD_NUMBERS), fc.double(), fc.integer().map((n) => n * 1000),
  // Short decimals near the writers' fast path's edges (six decimals, 1e9).
  fc.tuple(fc.integer({ min: -2e15, max: 2e15 }), fc.constantFrom(1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7)).map(([n, d]) => n / d),
  fc.double({ min: 1e9 - 1, max: 1e9 + 1 }), fc.double({ min: -1e-5, max: 1e-5 }),
);

const ANY_UNIT = fc.oneof(
  fc.constantFrom('"', '\\', '\n', '\r', '\t', '\u0000', '\u001f', '\u007f', ',', ' ', '\ud800', '\udfff', 'é', '€', '😀', '\u2028', 'a'),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
);

/** Text of every kind, plain ASCII often (the fast path). */
export const resultText = fc.oneof(fc.string({ maxLength: 12 }), fc.array(ANY_UNIT, { maxLength: 8 }).map((units) => units.join('')));

/** Field names, including ones an object treats specially. */
export const fieldName = fc.oneof(fc.constantFrom('window_start', 'key', 'sink', '__proto__', 'constructor', '0', '10', '1.5', '-1', ''), resultText);

const FIELD_TYPES: readonly FieldType[] = ['number', 'string', 'boolean', 'time'];

/** Fields with distinct names; `allowAny` false keeps names DuckDB and Parquet take as plain columns. */
export function resultFields(options: { plainNames?: boolean; minLength?: number } = {}): fc.Arbitrary<Field[]> {
  const name = options.plainNames === true ? fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/).filter((n) => n !== 'sink') : fieldName;
  return fc.uniqueArray(fc.record({ name, type: fc.constantFrom(...FIELD_TYPES) }), { selector: (f) => f.name, minLength: options.minLength ?? 0, maxLength: 6 });
}

/** One cell's value per field type, as the writer should read it (null for missing). */
function cell(type: FieldType): fc.Arbitrary<number | string | boolean | null> {
  switch (type) {
    case 'number': return resultNumber;
    case 'time': return fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.constant(NaN));
    case 'string': return fc.option(resultText, { freq: 5 });
    case 'boolean': return fc.boolean();
  }
}

/** The rows of a batch over `fields`, as arrays of cells in field order. */
export function resultRows(fields: readonly Field[], maxRows = 20): fc.Arbitrary<(number | string | boolean | null)[][]> {
  return fc.array(fc.tuple(...fields.map((f) => cell(f.type))), { maxLength: maxRows }).map((rows) => rows.map((r) => [...r]));
}

/** A batch holding `rows` (cells in `fields` order); strings share `dicts` when given (one per field, as a producer does). */
export function batchOf(fields: readonly Field[], rows: readonly (readonly (number | string | boolean | null)[])[], dicts = fields.map(() => createStringDict())): Batch {
  const columns = newColumns();
  fields.forEach((field, c) => {
    let column: Column;
    if (field.type === 'string') {
      const dict = dicts[c]!;
      column = { type: 'string', dict, codes: Int32Array.from(rows, (r) => (r[c] === null ? -1 : internString(dict, r[c] as string))) };
    } else if (field.type === 'boolean') {
      column = { type: 'boolean', values: Uint8Array.from(rows, (r) => (r[c] === true ? 1 : 0)) };
    } else {
      column = { type: field.type, values: Float64Array.from(rows, (r) => (typeof r[c] === 'number' ? r[c] : NaN)) };
    }
    columns[field.name] = column;
  });
  const n = rows.length;
  return { length: n, time: new Float64Array(n), watermark: new Float64Array(n).fill(-Infinity), endWatermark: -Infinity, keys: null, columns };
}

/** Fields and a few batches of rows over them, sharing dictionaries. */
export function resultBatches(options: { plainNames?: boolean; minFields?: number } = {}): fc.Arbitrary<{ fields: Field[]; batches: Batch[] }> {
  return resultFields({ ...options, ...(options.minFields === undefined ? {} : { minLength: options.minFields }) }).chain((fields) =>
    fc.array(resultRows(fields), { minLength: 1, maxLength: 4 }).map((rowSets) => {
      const dicts = fields.map(() => createStringDict());
      return { fields, batches: rowSets.map((rows) => batchOf(fields, rows, dicts)) };
    }));
}
