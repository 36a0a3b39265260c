import type { Batch, Column } from '../batch';
import type { CompiledExpression } from '../expr';
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
  function mapped(batch: Batch): Batch {
    const columns: Record<string, Column> = config.keep ? { ...batch.columns } : {};
    for (const f of config.fields) columns[f.name] = f.expr.evaluate(batch);
    return { ...batch, columns, keys: config.keepsKeys ? batch.keys : null };
  }
  return {
    push(batch: Batch): void {
      ctx.emit('out', mapped(batch));
    },
    // Expressions run over every row, selected or not: tight loops over whole
    // columns cost less than gathering the selected rows first. The selection
    // passes on unchanged.
    pushSelected(batch: Batch, rows: Int32Array): void {
      emitRows(ctx, 'out', mapped(batch), rows);
    },
  };
}
