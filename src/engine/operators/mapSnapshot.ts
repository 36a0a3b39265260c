import { newColumns, type StringDict } from '../batch';
import type { MapConfig } from './mapOperator';

const NO_ROWS = { length: 0, time: new Float64Array(0), columns: newColumns() };

/**
 * The dictionaries a map's computed string fields are coded in: each
 * expression codes its strings in a dictionary of its own (see
 * CompiledExpression.evaluate), found by evaluating it on no rows.
 * Found once: an expression keeps its dictionary for life.
 */
export function mapOutputDicts(config: MapConfig): () => ReadonlyMap<string, StringDict> {
  let dicts: Map<string, StringDict> | null = null;
  return () => {
    if (dicts !== null) return dicts;
    dicts = new Map();
    for (const f of config.fields) {
      if (f.expr.type !== 'string') continue;
      const column = f.expr.evaluate(NO_ROWS);
      if (column.type === 'string') dicts.set(f.name, column.dict);
    }
    return dicts;
  };
}
