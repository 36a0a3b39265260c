import { createStringDict, newColumns, internString, type Batch, type Column, type StringDict } from '../batch';
import { snapshotMethods } from '../snapshot/operatorState';
import type { Operator, OperatorContext } from './types';

/**
 * Merges several streams with the same fields. Its watermark is the minimum of
 * its inputs' watermarks; strings are re-encoded into the union's own
 * dictionaries so codes stay stable downstream.
 */
export function createUnionOperator(inputs: number, ctx: OperatorContext): Operator {
  const watermarks = new Float64Array(inputs).fill(-Infinity);
  const dicts = new Map<string, StringDict>();
  // Per input and field: input code -> union code + 1 (0 = not yet mapped).
  const remaps = new Map<string, Int32Array>();

  function reencode(input: number, name: string, column: Extract<Column, { type: 'string' }>): Column {
    let dict = dicts.get(name);
    if (dict === undefined) dicts.set(name, (dict = createStringDict()));
    const remapKey = `${input}\u0000${name}`;
    let remap = remaps.get(remapKey) ?? new Int32Array(0);
    if (remap.length < column.dict.values.length) {
      const grown = new Int32Array(column.dict.values.length * 2);
      grown.set(remap);
      remap = grown;
    }
    remaps.set(remapKey, remap);
    const codes = new Int32Array(column.codes.length);
    for (let i = 0; i < codes.length; i++) {
      const c = column.codes[i]!;
      if (c < 0) { codes[i] = -1; continue; }
      let u = remap[c]!;
      if (u === 0) u = remap[c] = internString(dict, column.dict.values[c]!) + 1;
      codes[i] = u - 1;
    }
    return { type: 'string', codes, dict };
  }

  function minOthers(input: number): number {
    let min = Infinity;
    for (let j = 0; j < inputs; j++) if (j !== input && watermarks[j]! < min) min = watermarks[j]!;
    return min;
  }

  return {
    ...snapshotMethods({ watermarks, dicts, remaps }),
    outputDicts(fields: readonly string[] = []): ReadonlyMap<string, StringDict> {
      for (const name of fields) if (!dicts.has(name)) dicts.set(name, createStringDict());
      return dicts;
    },
    push(batch: Batch, input: number): void {
      const others = minOthers(input);
      watermarks[input] = Math.max(watermarks[input]!, batch.endWatermark);
      const watermark = new Float64Array(batch.length);
      for (let i = 0; i < batch.length; i++) watermark[i] = Math.min(batch.watermark[i]!, others);
      const columns = newColumns();
      for (const [name, column] of Object.entries(batch.columns)) {
        columns[name] = column.type === 'string' ? reencode(input, name, column) : column;
      }
      ctx.emit('out', { ...batch, columns, watermark, endWatermark: Math.min(watermarks[input]!, others), keys: null });
    },
  };
}
