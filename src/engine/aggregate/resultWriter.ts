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
  };
}

function encode(writer: ResultWriter, column: number, value: KeyValue): number {
  const field = writer.schema[column]!;
  if (value === null) return field.type === 'string' ? -1 : NaN;
  if (field.type === 'string') return internString(writer.outDicts.get(field.name)!, String(value));
  if (typeof value === 'boolean') return value ? 1 : 0;
  return typeof value === 'number' ? value : NaN;
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
  const keyValues = writer.keyTable.values[key] ?? [];
  for (let k = 0; k < writer.keyTable.fields.length; k++) {
    cells[c]!.push(encode(writer, c, keyValues[k] ?? null));
    c++;
  }
  const outputs = writer.plan.outputs;
  for (let o = 0; o < outputs.length; o++) {
    const v = aggregates[o]!;
    if (outputs[o]!.type === 'string') {
      const dict = writer.inputDicts[outputs[o]!.field] ?? null;
      const text = dict === null || v !== v ? null : (dict.values[v] ?? null);
      cells[c]!.push(encode(writer, c, text));
    } else cells[c]!.push(v);
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
