/**
 * JSON elements (NDJSON lines, array elements) into the columns: each is
 * parsed and flattened by jsonRows.ts, exactly as for whole-text parsing,
 * and its cells are checked and written by RowColumns. A field that first
 * appears after the head the layout was sniffed from is not read.
 */
import { addJsonRow, type JsonTableBuilder } from '../jsonRows';
import type { JsonElementSink } from './jsonScanner';
import type { RowColumns } from './rowColumns';

export class JsonColumns implements JsonElementSink {
  private readonly table: JsonTableBuilder;

  constructor(private readonly columns: RowColumns) {
    const names = [...columns.names];
    this.table = { names, rows: [], errors: columns.errors, index: new Map(names.map((name, i) => [name, i])) };
  }

  get errors(): JsonTableBuilder['errors'] {
    return this.columns.errors;
  }

  element(text: string, line: number, column: number, offset: number, offsetLine: number): void {
    const cols = this.columns;
    const errors = cols.errors.count;
    addJsonRow(this.table, text, line, column);
    const row = this.table.rows.pop();
    if (row === undefined) return;
    cols.reserve();
    if (cols.writeRaw(row.cells, line)) cols.commit(offset, offsetLine, errors);
  }
}
