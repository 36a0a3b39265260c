import { newColumns, type Batch } from '../batch';
import { withColumnsAndKeys } from '../batchOps';
import type { CompiledExpression } from '../expr';
import { STATELESS } from '../snapshot/operatorState';
import { mapOutputDicts } from './mapSnapshot';
import { emitRows } from './selection';
import type { Operator, OperatorContext } from './types';

export interface MapConfig {
  readonly fields: readonly { readonly name: string; readonly expr: CompiledExpression }[];
  /** Keep the input's fields beside the computed ones. */
  readonly keep: boolean;
  /** Whether key ids still describe the output (the key fields pass through unchanged). */
  readonly keepsKeys: boolean;
}

/** Computes named fields from expressions, column at a time. */
export function createMapOperator(config: MapConfig, ctx: OperatorContext): Operator {
  function mapped(batch: Batch, shared: boolean): Batch {
    // Copied name by name into a record without a prototype (a field may be called __proto__): a spread
    // (`{ ...batch.columns }`) given a new field after it made V8 build a new hidden class for every batch
    // (about 1.3 µs each, which small live batches felt).
    const columns = newColumns();
    if (config.keep) for (const name of Object.keys(batch.columns)) columns[name] = batch.columns[name]!;
    for (const f of config.fields) columns[f.name] = shared ? f.expr.evaluateShared(batch) : f.expr.evaluate(batch);
    return config.keepsKeys ? withColumnsAndKeys(batch, columns, batch.keys, batch.keyBound) : withColumnsAndKeys(batch, columns, null, undefined);
  }
  return {
    ...STATELESS,
    outputDicts: mapOutputDicts(config),
    // A batch pushed whole may be kept by whoever receives it (a sink), so its columns are fresh arrays.
    push(batch: Batch): void {
      ctx.emit('out', mapped(batch, false));
    },
    // Expressions run over every row, selected or not: tight loops over whole
    // columns cost less than gathering the selected rows first. The selection
    // passes on unchanged, and since a selection is read only during the push
    // that carries it (a consumer that keeps rows gets a gathered copy), the
    // computed columns can live in the expressions' own buffers: no array
    // allocated per batch and field. Not when a host keeps what operators
    // emit (a preview tap), which needs arrays of its own.
    pushSelected(batch: Batch, rows: Int32Array): void {
      emitRows(ctx, 'out', mapped(batch, ctx.outputsKept !== true), rows);
    },
  };
}
