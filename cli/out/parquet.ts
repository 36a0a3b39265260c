/**
 * Parquet from columnar batches through hyparquet-writer: rows are copied
 * into typed arrays (strings as references to their dictionary's values)
 * until a row group is full, then the group is encoded and its bytes go to
 * the stream, so memory holds one row group, not the result.
 *
 * Types: number → DOUBLE, string → UTF8 BYTE_ARRAY, boolean → BOOLEAN, time →
 * INT64 TIMESTAMP_MILLIS (UTC epoch milliseconds; a fraction of a
 * millisecond is cut). Every column is OPTIONAL: a missing value is null.
 */
import { ByteWriter, ParquetWriter, type ColumnSource, type SchemaElement } from 'hyparquet-writer';
import { columnOf, type Batch, type Field } from '../../src/engine/batch';

/** Rows per row group: large enough for fast encoding and reading, small enough to bound memory. */
export const PARQUET_ROW_GROUP = 100_000;

/** One buffered column of the row group being filled. */
type Buffered =
  | { readonly type: 'number' | 'time'; readonly values: Float64Array }
  | { readonly type: 'string'; readonly values: (string | null)[] }
  | { readonly type: 'boolean'; readonly values: Uint8Array };

function schemaElement(field: Field): SchemaElement {
  const base = { name: field.name, repetition_type: 'OPTIONAL' } as const;
  switch (field.type) {
    case 'number': return { ...base, type: 'DOUBLE' };
    case 'time': return { ...base, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' };
    case 'string': return { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8' };
    case 'boolean': return { ...base, type: 'BOOLEAN' };
  }
}

function emptyColumn(type: Field['type'], size: number): Buffered {
  if (type === 'string') return { type, values: new Array<string | null>(size).fill(null) };
  if (type === 'boolean') return { type, values: new Uint8Array(size) };
  return { type, values: new Float64Array(size) };
}

/** The `n` first values of a buffered column as hyparquet-writer takes them (null for missing). */
function columnData(column: Buffered, n: number): ColumnSource['data'] {
  switch (column.type) {
    case 'string': return column.values.slice(0, n);
    case 'boolean': return Array.from(column.values.subarray(0, n), (v) => v === 1);
    case 'time': return Array.from(column.values.subarray(0, n), (v) => (Number.isFinite(v) ? BigInt(Math.trunc(v)) : null));
    case 'number': {
      const values = column.values.subarray(0, n);
      // A column without missing values goes as it is; otherwise NaN must become null.
      return values.some((v) => Number.isNaN(v)) ? Array.from(values, (v) => (Number.isNaN(v) ? null : v)) : values;
    }
  }
}

/** Writes Parquet for one set of fields; `withSink` adds a first string column `sink`. */
export class ParquetEncoder {
  private readonly fields: readonly Field[];
  private readonly buffers: Buffered[];
  private readonly writer = new ByteWriter(1 << 20);
  private readonly parquet: ParquetWriter;
  private filled = 0;

  /** `emit` receives the file's bytes in order, a row group at a time; it must copy or consume them at once. */
  constructor(fields: readonly Field[], private readonly withSink: boolean, private readonly emit: (bytes: Uint8Array) => void, private readonly groupRows = PARQUET_ROW_GROUP) {
    this.fields = withSink ? [{ name: 'sink', type: 'string' }, ...fields] : fields;
    this.buffers = this.fields.map((f) => emptyColumn(f.type, groupRows));
    this.parquet = new ParquetWriter({
      writer: this.writer,
      schema: [{ name: 'root', num_children: this.fields.length }, ...this.fields.map(schemaElement)],
      createdBy: 'windowpane',
    });
  }

  /** Copies the rows of `batch` into the row group, writing groups as they fill. */
  encode(batch: Batch, sinkId: string): void {
    let from = 0;
    while (from < batch.length) {
      const n = Math.min(batch.length - from, this.groupRows - this.filled);
      for (let c = 0; c < this.fields.length; c++) this.copy(c, batch, sinkId, from, n);
      this.filled += n;
      from += n;
      if (this.filled === this.groupRows) this.flushGroup();
    }
  }

  /** Writes the last row group and the footer. */
  finish(): void {
    if (this.filled > 0) this.flushGroup();
    this.parquet.finish();
    this.takeBytes();
  }

  private copy(c: number, batch: Batch, sinkId: string, from: number, n: number): void {
    const buffer = this.buffers[c]!;
    const at = this.filled;
    if (c === 0 && this.withSink) {
      (buffer.values as (string | null)[]).fill(sinkId, at, at + n);
      return;
    }
    const column = columnOf(batch.columns, this.fields[c]!.name);
    if (buffer.type === 'string') {
      if (column?.type !== 'string') { buffer.values.fill(null, at, at + n); return; }
      const { codes, dict } = column;
      for (let i = 0; i < n; i++) { const code = codes[from + i]!; buffer.values[at + i] = code < 0 ? null : dict.values[code]!; }
    } else if (buffer.type === 'boolean') {
      if (column?.type === 'boolean') buffer.values.set(column.values.subarray(from, from + n), at);
      else buffer.values.fill(0, at, at + n);
    } else if (column?.type === 'number' || column?.type === 'time') {
      buffer.values.set(column.values.subarray(from, from + n), at);
    } else {
      buffer.values.fill(NaN, at, at + n);
    }
  }

  private flushGroup(): void {
    const n = this.filled;
    const data = this.fields.map((f, c) => ({ name: f.name, data: columnData(this.buffers[c]!, n) }));
    // One write of exactly n rows makes exactly one row group.
    void this.parquet.write({ columnData: data, rowGroupSize: n });
    this.filled = 0;
    this.takeBytes();
  }

  /** Hands the bytes encoded so far to `emit` and rewinds the buffer (the writer's `offset` keeps the file position). */
  private takeBytes(): void {
    if (this.writer.index === 0) return;
    this.emit(new Uint8Array(this.writer.buffer, 0, this.writer.index));
    this.writer.index = 0;
  }
}
