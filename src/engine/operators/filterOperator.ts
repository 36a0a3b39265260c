import type { Batch } from '../batch';
import { selectRows, selectRowsWithin, type CompiledExpression } from '../expr';
import { emitRows } from './selection';
import type { Operator, OperatorContext } from './types';

/**
 * Keeps the rows where the compiled boolean expression holds. The kept rows
 * leave as a selection of the input batch, not a copy: downstream operators
 * read only the columns they need through it (see OperatorContext.emitSelected).
 */
export function createFilterOperator(predicate: CompiledExpression, ctx: OperatorContext): Operator {
  return {
    push(batch: Batch): void {
      const selected = selectRows(predicate.evaluate(batch), batch.length);
      if (selected === null) ctx.emit('out', batch);
      else emitRows(ctx, 'out', batch, selected);
    },
    pushSelected(batch: Batch, rows: Int32Array): void {
      // The predicate runs over every row of the batch: one branch-free pass beats skipping rows.
      emitRows(ctx, 'out', batch, selectRowsWithin(predicate.evaluate(batch), rows));
    },
  };
}
