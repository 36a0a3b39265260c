import { readCell, type Batch } from '../batch';
import { heldNumber, snapshotMethods, STATELESS } from '../snapshot/operatorState';
import type { Operator } from './types';

export type Row = Record<string, string | number | boolean | null>;

/** Turns a batch into plain rows (for sinks and the CLI; not for hot paths). */
export function batchToRows(batch: Batch): Row[] {
  const names = Object.keys(batch.columns);
  const columns = names.map((name) => batch.columns[name]!); // looked up once per batch, not per row
  const rows: Row[] = [];
  for (let i = 0; i < batch.length; i++) {
    // No prototype: names are data, and `row['__proto__'] = v` on a plain object would set its prototype.
    const row = Object.create(null) as Row;
    for (let c = 0; c < names.length; c++) row[names[c]!] = readCell(columns[c]!, i);
    rows.push(row);
  }
  return rows;
}

/** A sink that hands every row to `onRows`, batch by batch. */
export function createCollectSink(onRows: (rows: Row[]) => void): Operator {
  return {
    ...STATELESS,
    push(batch: Batch): void {
      if (batch.length > 0) onRows(batchToRows(batch));
    },
  };
}

/** A sink that hands every non-empty batch to `onBatch` as it is (columnar, no row objects). */
export function createBatchSink(onBatch: (batch: Batch) => void): Operator {
  return {
    ...STATELESS,
    push(batch: Batch): void {
      if (batch.length > 0) onBatch(batch);
    },
  };
}

/** A sink that prints its first `limit` rows as JSON lines through the host's `log`, and hands every row to `onRows`. */
export function createLogSink(nodeId: string, limit: number, log: (line: string) => void, onRows: (rows: Row[]) => void): Operator {
  let printed = 0;
  return {
    ...snapshotMethods({}, [], { printed: heldNumber(() => printed, (n) => { printed = n; }) }),
    push(batch: Batch): void {
      if (batch.length === 0) return;
      const rows = batchToRows(batch);
      for (const row of rows) {
        if (printed >= limit) break;
        printed++;
        log(`[${nodeId}] ${JSON.stringify(row)}`);
      }
      onRows(rows);
    },
  };
}
