import { createStringDict, type Batch, type Field, type StringDict } from '../batch';
import type { KeyTable } from './keyTable';
import type { AggregatePlan } from './plan';

/*
 * The result writer's state, apart from the functions that write rows
 * (resultWriter) and take them out as batches (resultBatch), so both import
 * it and neither imports the other.
 */

const INITIAL_ROWS = 64;

/** For one string output: its input dictionary and, per input code, the output code + 1 (see encodeString). */
export class OutputCodes {
  dict: StringDict | null = null;
  codes: number[] = [];
}

/**
 * Collects result rows (window bounds, key fields, aggregates, revision) and
 * turns them into a columnar batch. Output dictionaries live as long as the
 * writer, so codes on the result edge stay stable.
 */
export class ResultWriter {
  /** Dictionaries of string inputs, for first/last of a string field (codes are the input's). */
  readonly inputDicts: (StringDict | null)[];
  readonly outDicts = new Map<string, StringDict>();
  readonly schema: Field[];
  /**
   * The rows written since the last take, column by column in schema order
   * (string codes and booleans as numbers), then event time and watermark:
   * typed arrays with room to grow, `rows` entries used. Filling typed arrays
   * and copying them out once beat pushing to plain arrays and converting.
   */
  cells: Float64Array[];
  time: Float64Array = new Float64Array(INITIAL_ROWS);
  watermark: Float64Array = new Float64Array(INITIAL_ROWS);
  rows = 0;
  /**
   * Per key field, the encoded value of each key id where keyKnown is 1,
   * filled on its first result: key values never change, and interning a
   * string per result row cost more than the rest of writing it. Typed
   * arrays, not arrays: sessions fire keys in time order, and a plain array
   * filled at 100,000 scattered ids turned into a hash table.
   */
  keyCodes: Float64Array[];
  keyKnown: Uint8Array = new Uint8Array(0);
  /** The input dictionary the key column shares (see shareKeyDict); null until decided, false when not shared. */
  sharedKeyDict: StringDict | null | false = null;
  /** Per output, input dictionary code -> output code + 1, for string first/last (reset when the input dictionary changes). */
  readonly outputCodes: OutputCodes[];
  /** The next row's window start and end, event time and watermark (see writeFramedResult). */
  readonly frame = new Float64Array(4);
  /** 1 where output o is string-typed (its value a code to translate; see encodeString). */
  readonly stringOutput: Uint8Array;
  /** Whether any output is string-typed: when none is, rows skip the test per output. */
  readonly anyStringOutput: boolean;
  /** A batch of no rows, built on first need (see takeResults). */
  empty: Batch | null = null;
  /**
   * True when nothing keeps the writer's batches past their push (the
   * operator's OperatorContext.reuseOutputs): takeResults then writes each
   * batch into `reused` instead of a fresh buffer.
   */
  reuseOutput = false;
  reused: Float64Array = new Float64Array(0);

  /** A class, not an object literal: see FastRun (window/fastFold) for why. */
  constructor(readonly plan: AggregatePlan, readonly keyTable: KeyTable, readonly windowed: boolean) {
    this.schema = resultSchema(plan, keyTable.fields, windowed);
    for (const f of this.schema) if (f.type === 'string') this.outDicts.set(f.name, createStringDict());
    this.inputDicts = plan.fields.map(() => null);
    this.cells = this.schema.map(() => new Float64Array(INITIAL_ROWS));
    this.keyCodes = keyTable.fields.map(() => new Float64Array(0));
    this.outputCodes = plan.outputs.map(() => new OutputCodes());
    this.stringOutput = Uint8Array.from(plan.outputs, (o) => (o.type === 'string' ? 1 : 0));
    this.anyStringOutput = this.stringOutput.includes(1);
  }
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
