/**
 * The columnar batch: the unit of data that travels between operators.
 *
 * Numbers and times live in Float64Arrays, strings are dictionary-encoded
 * (Int32 codes into a dictionary that grows but never renumbers), so a batch
 * is a handful of typed arrays that can cross to the main thread as
 * transferable buffers and that hot loops can scan without touching objects.
 */

/** The type of a field as the editor and the expression checker see it. `time` is epoch milliseconds. */
export type FieldType = 'number' | 'string' | 'boolean' | 'time';

export interface Field {
  readonly name: string;
  readonly type: FieldType;
}

export type Schema = readonly Field[];

/** Numbers and times. A missing value is NaN. */
export interface NumberColumn {
  readonly type: 'number' | 'time';
  readonly values: Float64Array;
}

/**
 * A dictionary shared by every batch a producer emits for one field: codes are
 * stable for the life of the producer, so operators may key state by code.
 */
export interface StringDict {
  readonly values: string[];
  readonly index: Map<string, number>;
}

/** Strings as codes into `dict`. A missing value is -1. */
export interface StringColumn {
  readonly type: 'string';
  readonly codes: Int32Array;
  readonly dict: StringDict;
}

/** Booleans as 0 or 1 (a missing boolean reads as 0). */
interface BooleanColumn {
  readonly type: 'boolean';
  readonly values: Uint8Array;
}

export type Column = NumberColumn | StringColumn | BooleanColumn;

/** Rows in columns, without event-time bookkeeping: what sources and parsers produce. */
export interface RowBlock {
  readonly length: number;
  /** Event timestamp of each row, epoch ms. */
  readonly time: Float64Array;
  /** Made by {@link newColumns} (no prototype) and read with {@link columnOf}: a field may be called `__proto__`. */
  readonly columns: Readonly<Record<string, Column>>;
}

/** A RowBlock on its way through the pipeline, with the watermark each row was judged against. */
export interface Batch extends RowBlock {
  /** The watermark left by the events before each row (monotone, may be -Infinity). */
  readonly watermark: Float64Array;
  /** The watermark after the whole batch, including rows filtered out upstream. */
  readonly endWatermark: number;
  /** Dense key ids assigned by the nearest keyBy upstream, or null when the stream is not keyed. */
  readonly keys: Int32Array | null;
  /**
   * When the keyBy that gave `keys` says so: every id in `keys` is below
   * this, so per-key state can be sized without scanning the column.
   */
  readonly keyBound?: number | undefined;
}

/**
 * An empty record of columns by field name, without a prototype: field names
 * are data, so `__proto__` is stored as a column (not a prototype change)
 * and `constructor` or `toString` read as absent until a field has the name.
 */
export function newColumns(): Record<string, Column> {
  return Object.create(null) as Record<string, Column>;
}

/** The column called `name`, read as an own property only (never one inherited from Object.prototype). */
export function columnOf(columns: Readonly<Record<string, Column>>, name: string): Column | undefined {
  return Object.hasOwn(columns, name) ? columns[name] : undefined;
}

/** A copy of `columns` made with {@link newColumns}. */
export function copyColumns(columns: Readonly<Record<string, Column>>): Record<string, Column> {
  const copy = newColumns();
  for (const name of Object.keys(columns)) copy[name] = columns[name]!;
  return copy;
}

/** Creates an empty, growable dictionary. */
export function createStringDict(): StringDict {
  return { values: [], index: new Map() };
}

/** Returns the code of `value` in `dict`, adding it when new. */
export function internString(dict: StringDict, value: string): number {
  const known = dict.index.get(value);
  if (known !== undefined) return known;
  const code = dict.values.length;
  dict.values.push(value);
  dict.index.set(value, code);
  return code;
}

/** Reads one cell as a plain JS value (null when missing); for sinks and tests, not for hot loops. */
export function readCell(column: Column, row: number): number | string | boolean | null {
  switch (column.type) {
    case 'number':
    case 'time': {
      const v = column.values[row]!;
      return Number.isNaN(v) ? null : v;
    }
    case 'string': {
      const code = column.codes[row]!;
      return code < 0 ? null : column.dict.values[code]!;
    }
    case 'boolean':
      return column.values[row] === 1;
  }
}
