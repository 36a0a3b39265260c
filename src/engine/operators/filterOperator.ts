import type { Batch, RowBlock } from '../batch';
import { selectRows, selectRowsWithin, type CompiledExpression } from '../expr';
import { STATELESS } from '../snapshot/operatorState';
import { emitRows } from './selection';
import type { Operator, OperatorContext } from './types';

type Select = (block: RowBlock, rows: Int32Array | null) => Int32Array | null;

/** For an expression compiled without `select`: compact its mask. */
function maskSelect(predicate: CompiledExpression): Select {
  return (block, rows) => {
    const mask = predicate.evaluate(block);
    if (rows === null) return selectRows(mask, block.length);
    const kept = selectRowsWithin(mask, rows);
    return kept === rows ? null : kept;
  };
}

/**
 * Keeps the rows where the compiled boolean expression holds. The kept rows
 * leave as a selection of the input batch, not a copy: downstream operators
 * read only the columns they need through it (see OperatorContext.emitSelected).
 */
export function createFilterOperator(predicate: CompiledExpression, ctx: OperatorContext): Operator {
  const select = predicate.select ?? maskSelect(predicate);
  return {
    ...STATELESS,
    push(batch: Batch): void {
      const selected = select(batch, null);
      if (selected === null) ctx.emit('out', batch);
      else emitRows(ctx, 'out', batch, selected);
    },
    // The predicate is tested on the selected rows only; a narrower selection goes on.
    pushSelected(batch: Batch, rows: Int32Array): void {
      emitRows(ctx, 'out', batch, select(batch, rows) ?? rows);
    },
  };
}
