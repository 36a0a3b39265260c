import { columnOf, internString, type RowBlock } from '../batch';
import type { KeyTable, KeyValue } from './keyTable';
import type { AggregatePlan } from './plan';
import { ResultWriter } from './resultWriterState';

export { takeResults } from './resultBatch';
export { ResultWriter, resultSchema } from './resultWriterState';

/** Places in ResultWriter.frame. */
export const START = 0;
export const END = 1;
export const TIME = 2;
export const WATERMARK = 3;

function grow(writer: ResultWriter): void {
  const bigger = (a: Float64Array): Float64Array => {
    const b = new Float64Array(a.length * 2);
    b.set(a);
    return b;
  };
  writer.cells = writer.cells.map(bigger);
  writer.time = bigger(writer.time);
  writer.watermark = bigger(writer.watermark);
}

/** Creates a writer for results of `plan` keyed by `keyTable`'s fields. */
export function createResultWriter(plan: AggregatePlan, keyTable: KeyTable, windowed: boolean): ResultWriter {
  return new ResultWriter(plan, keyTable, windowed);
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
  const frame = writer.frame;
  frame[START] = start;
  frame[END] = end;
  frame[TIME] = time;
  frame[WATERMARK] = watermark;
  writeFramedResult(writer, key, aggregates, revision);
}

/**
 * Encodes key id `key`'s field values (output columns from `column` on) into
 * keyCodes, and remembers them once its values are known.
 */
function learnKey(writer: ResultWriter, key: number, column: number): void {
  if (key >= writer.keyKnown.length) {
    const size = Math.max(key + 1, 2 * writer.keyKnown.length, 64);
    const known = new Uint8Array(size);
    known.set(writer.keyKnown);
    writer.keyKnown = known;
    writer.keyCodes = writer.keyCodes.map((codes) => {
      const grown = new Float64Array(size);
      grown.set(codes);
      return grown;
    });
  }
  const values = writer.keyTable.values[key];
  if (values !== undefined && shareKeyDict(writer, column)) {
    writer.keyCodes[0]![key] = writer.keyTable.inputCodes[key]!;
    writer.keyKnown[key] = 1;
    return;
  }
  for (let k = 0; k < writer.keyCodes.length; k++) writer.keyCodes[k]![key] = encode(writer, column + k, values?.[k] ?? null);
  if (values !== undefined) writer.keyKnown[key] = 1;
}

/**
 * Whether the key column's codes are the input's: for a single string key
 * field whose values all came in one dictionary, the results use that
 * dictionary, and a key's code is the one keyBy saw. Interning 100,000 user
 * names into a dictionary of the writer's own was a tenth of a session
 * benchmark. Decided at the first key, before any code of the column exists.
 */
function shareKeyDict(writer: ResultWriter, column: number): boolean {
  const table = writer.keyTable;
  if (writer.sharedKeyDict === null) {
    const name = writer.schema[column]!.name;
    const dict = table.oneDict && table.fields.length === 1 ? table.inputDict : null;
    writer.sharedKeyDict = dict !== null && writer.keyKnown.every((k) => k === 0) ? dict : false;
    if (writer.sharedKeyDict !== false) writer.outDicts.set(name, writer.sharedKeyDict);
  }
  // A second input dictionary (which keyBy never gives a string key) leaves codes that mean nothing here.
  return writer.sharedKeyDict !== false && table.oneDict;
}

/**
 * writeResult with the row's window bounds, event time and watermark already
 * in writer.frame. Hot callers use it: epoch milliseconds are doubles, and
 * passing doubles to a call V8 does not inline boxes each one on the heap
 * (four per row, which made revisions the largest source of garbage).
 */
export function writeFramedResult(writer: ResultWriter, key: number, aggregates: ArrayLike<number>, revision: number): void {
  if (writer.rows === writer.time.length) grow(writer);
  const row = writer.rows++;
  const frame = writer.frame;
  let c = 0;
  const cells = writer.cells;
  if (writer.windowed) {
    cells[c++]![row] = frame[START]!;
    cells[c++]![row] = frame[END]!;
  }
  if (writer.keyCodes.length > 0) {
    if (key >= writer.keyKnown.length || writer.keyKnown[key] === 0) learnKey(writer, key, c);
    // Read after learnKey, which may have grown the arrays.
    const keyCodes = writer.keyCodes;
    for (let k = 0; k < keyCodes.length; k++) cells[c + k]![row] = keyCodes[k]![key]!;
    c += keyCodes.length;
  }
  const outputs = writer.plan.outputs.length;
  if (!writer.anyStringOutput) {
    for (let o = 0; o < outputs; o++) cells[c + o]![row] = aggregates[o]!;
    c += outputs;
  } else {
    for (let o = 0; o < outputs; o++) {
      const v = aggregates[o]!;
      // Two stores, not one of a conditional: V8 boxed the value the two arms merge into.
      if (writer.stringOutput[o] === 1) cells[c]![row] = encodeString(writer, o, c, v);
      else cells[c]![row] = v;
      c++;
    }
  }
  cells[c]![row] = revision;
  writer.time[row] = frame[TIME]!;
  writer.watermark[row] = frame[WATERMARK]!;
}

/**
 * Remembers the dictionaries of the string fields the aggregations read, so a
 * string-valued result (first, last) can be decoded when its row is written.
 */
export function rememberInputDicts(writer: ResultWriter, batch: RowBlock): void {
  writer.plan.fields.forEach((field, i) => {
    const column = columnOf(batch.columns, field.name);
    if (column?.type === 'string') writer.inputDicts[i] = column.dict;
  });
}

/** Number of rows waiting in the writer. */
export function pendingResults(writer: ResultWriter): number {
  return writer.rows;
}
