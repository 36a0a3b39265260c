/**
 * Records a feature transform holds back (a record waiting for the next
 * known value to interpolate, a resampled interval) as plain data: one
 * number per column (numbers and times as they are, string codes, booleans
 * 0 or 1), under a layout taken from the first batch. An edge's schema and
 * dictionaries are fixed, so one layout serves every batch.
 */
import { columnOf, newColumns, type Batch, type Column, type StringDict } from '../batch';

export interface RowLayout {
  readonly names: string[];
  /** Per column: 'number', 'time', 'string' or 'boolean'. */
  readonly types: string[];
  /** Per column: its dictionary (string columns), else null. */
  readonly dicts: (StringDict | null)[];
}

export function layoutOf(batch: Batch): RowLayout {
  const names = Object.keys(batch.columns);
  const types: string[] = [];
  const dicts: (StringDict | null)[] = [];
  for (const name of names) {
    const c = batch.columns[name]!;
    types.push(c.type);
    dicts.push(c.type === 'string' ? c.dict : null);
  }
  return { names, types, dicts };
}

/** Row `i` of `batch` as cells of `layout`. */
export function cellsOf(layout: RowLayout, batch: Batch, i: number): number[] {
  const cells = new Array<number>(layout.names.length);
  for (let c = 0; c < layout.names.length; c++) {
    const column = columnOf(batch.columns, layout.names[c]!);
    if (column === undefined) cells[c] = NaN;
    else if (column.type === 'string') cells[c] = column.codes[i]!;
    else cells[c] = column.values[i]!;
  }
  return cells;
}

/** Gathers output rows, then makes them one batch. */
export class RowWriter {
  private time: number[] = [];
  private watermark: number[] = [];
  private keys: number[] = [];
  private cells: number[][] = [];

  add(time: number, watermark: number, key: number, cells: number[]): void {
    this.time.push(time);
    this.watermark.push(watermark);
    this.keys.push(key);
    this.cells.push(cells);
  }

  /** The rows added since the last take, as a batch with `endWatermark`; keyed like the input when `keyed`. */
  take(layout: RowLayout, endWatermark: number, keyed: boolean, keyBound: number | undefined): Batch {
    const n = this.time.length;
    const columns = newColumns();
    layout.names.forEach((name, c) => {
      const type = layout.types[c]!;
      let column: Column;
      if (type === 'string') {
        const codes = new Int32Array(n);
        for (let r = 0; r < n; r++) codes[r] = this.cells[r]![c]!;
        column = { type: 'string', codes, dict: layout.dicts[c]! };
      } else if (type === 'boolean') {
        const values = new Uint8Array(n);
        for (let r = 0; r < n; r++) values[r] = this.cells[r]![c]!;
        column = { type: 'boolean', values };
      } else {
        const values = new Float64Array(n);
        for (let r = 0; r < n; r++) values[r] = this.cells[r]![c]!;
        column = { type: type === 'time' ? 'time' : 'number', values };
      }
      columns[name] = column;
    });
    const batch: Batch = {
      length: n, time: Float64Array.from(this.time), watermark: Float64Array.from(this.watermark), endWatermark,
      keys: keyed ? Int32Array.from(this.keys) : null, keyBound, columns,
    };
    this.time = [];
    this.watermark = [];
    this.keys = [];
    this.cells = [];
    return batch;
  }
}
