import type { Batch } from '../batch';
import { gatherBatch } from '../batchOps';
import { selectRows, type CompiledExpression } from '../expr';
import type { Operator, OperatorContext } from './types';

/** Keeps the rows where the compiled boolean expression holds. */
export function createFilterOperator(predicate: CompiledExpression, ctx: OperatorContext): Operator {
  return {
    push(batch: Batch): void {
      const selected = selectRows(predicate.evaluate(batch), batch.length);
      ctx.emit('out', selected === null ? batch : gatherBatch(batch, selected));
    },
  };
}
