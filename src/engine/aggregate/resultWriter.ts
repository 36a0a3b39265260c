import { createStringDict, internString, type Batch, type Column, type Field, type StringDict } from '../batch';
import type { KeyTable, KeyValue } from './keyTable';
import type { AggregatePlan } from './plan';

/**
 * Collects result rows (window bounds, key fields, aggregates, revision) and
 * turns them into a columnar batch. Output dictionaries live as long as the
 * writer, so codes on the result edge stay stable.
 */
export interface ResultWriter {
  readonly windowed: boolean;
  readonly plan: AggregatePlan;
  readonly keyTable: KeyTable;
  /** Dictionaries of string inputs, for first/last of a string field (codes are the input's). */
  readonly inputDicts: (StringDict | null)[];
  readonly outDicts: Map<string, StringDict>;
  readonly schema: Field[];
  cells: number[][];
  time: number[];
  watermark: number[];
  /**
   * Per key field, the encoded value of each key id, filled on its first
   * result: key values never change, and interning a string per result row
   * cost more than the rest of writing it.
   */
  readonly keyCodes: number[][];
  /** Per output, input dictionary code -> output code + 1, for string first/last (reset when the input dictionary changes). */
  readonly outputCodes: { dict: StringDict | null; codes: number[] }[];
}

/** The fields of a result row, in order. */
export function resultSchema(plan: AggregatePlan, keyFields: readonly Field[], windowed: boolean): Field[] {
  const fields: Field[] = [];
  if (windowed) fields.push({ name: 'window_start', type: 'time' }, { name: 'window_end', type: 'time' });
  for (const f of keyFields) fields.push(f);
  for (const o of plan.outputs) fields.push({ name: o.name, type: o.type });
  fields.push({ name: 'revision', type: 'number' });
  return fields;
}

/** Creates a writer for results of `plan` keyed by `keyTable`'s fields. */
export function createResultWriter(plan: AggregatePlan, keyTable: KeyTable, windowed: boolean): ResultWriter {
  const schema = resultSchema(plan, keyTable.fields, windowed);
  const outDicts = new Map<string, StringDict>();
  for (const f of schema) if (f.type === 'string') outDicts.set(f.name, createStringDict());
  return {
    windowed, plan, keyTable, schema, outDicts,
    inputDicts: plan.fields.map(() => null),
    cells: schema.map(() => []),
    time: [],
    watermark: [],
    keyCodes: keyTable.fields.map(() => []),
    outputCodes: plan.outputs.map(() => ({ dict: null, codes: [] })),
  };
}

function encode(writer: ResultWriter, column: number, value: KeyValue): number {
  const field = writer.schema[column]!;
  if (value === null) return field.type === 'string' ? -1 : NaN;
  if (field.type === 'string') return internString(writer.outDicts.get(field.name)!, String(value));
  if (typeof value === 'boolean') return value ? 1 : 0;
  return typeof value === 'number' ? value : NaN;
}

/** Output o's value `v`, a code into its input field's dictionary, as a code into the output's own. */
function encodeString(writer: ResultWriter, o: number, column: number, v: number): number {
  const dict = writer.inputDicts[writer.plan.outputs[o]!.field] ?? null;
  if (dict === null || v !== v) return encode(writer, column, null);
  const cache = writer.outputCodes[o]!;
  if (cache.dict !== dict) {
    cache.dict = dict;
    cache.codes = [];
  }
  let code = cache.codes[v];
  if (code === undefined) code = cache.codes[v] = encode(writer, column, dict.values[v] ?? null);
  return code;
}

/**
 * Appends one result row. `aggregates[i]` is output i's value (a code into the
 * input field's dictionary for string-typed outputs).
 */
export function writeResult(
  writer: ResultWriter, start: number, end: number, key: number,
  aggregates: ArrayLike<number>, revision: number, time: number, watermark: number,
): void {
  let c = 0;
  const cells = writer.cells;
  if (writer.windowed) {
    cells[c++]!.push(start);
    cells[c++]!.push(end);
  }
  for (let k = 0; k < writer.keyCodes.length; k++) {
    const known = writer.keyCodes[k]!;
    let code = known[key];
    if (code === undefined) {
      const values = writer.keyTable.values[key];
      code = encode(writer, c, values?.[k] ?? null);
      if (values !== undefined) known[key] = code;
    }
    cells[c]!.push(code);
    c++;
  }
  const outputs = writer.plan.outputs;
  for (let o = 0; o < outputs.length; o++) {
    const v = aggregates[o]!;
    if (outputs[o]!.type === 'string') cells[c]!.push(encodeString(writer, o, c, v));
    else cells[c]!.push(v);
    c++;
  }
  cells[c]!.push(revision);
  writer.time.push(time);
  writer.watermark.push(watermark);
}

/** Number of rows waiting in the writer. */
export function pendingResults(writer: ResultWriter): number {
  return writer.time.length;
}

/** Takes the written rows as a batch (unkeyed) and empties the writer. */
export function takeResults(writer: ResultWriter, endWatermark: number): Batch {
  const columns: Record<string, Column> = {};
  writer.schema.forEach((field, i) => {
    const data = writer.cells[i]!;
    if (field.type === 'string') columns[field.name] = { type: 'string', codes: Int32Array.from(data), dict: writer.outDicts.get(field.name)! };
    else if (field.type === 'boolean') columns[field.name] = { type: 'boolean', values: Uint8Array.from(data) };
    else columns[field.name] = { type: field.type, values: Float64Array.from(data) };
  });
  const batch: Batch = {
    length: writer.time.length,
    time: Float64Array.from(writer.time),
    watermark: Float64Array.from(writer.watermark),
    endWatermark,
    keys: null,
    columns,
  };
  writer.cells = writer.schema.map(() => []);
  writer.time = [];
  writer.watermark = [];
  return batch;
}
