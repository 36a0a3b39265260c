import { createStringDict, internString, newColumns, type Batch, type Column, type FieldType, type StringDict } from '../batch';

/**
 * Re-encodes the string columns of a union's inputs into the union's own
 * dictionaries, so codes stay stable downstream whichever input a row came from.
 */
export interface UnionStrings {
  /** The union's dictionary of each string field (state: a snapshot captures them). */
  readonly dicts: Map<string, StringDict>;
  /** Per input and field (`input \0 field`): input code -> union code + 1, 0 = not yet mapped. */
  readonly remaps: Map<string, Int32Array>;
  /** The dictionaries of the output's string fields; with `fields`, made now for those not seen yet. */
  outputDicts(fields?: readonly string[]): ReadonlyMap<string, StringDict>;
  /** The batch's columns, string ones re-encoded for input `input`. */
  columnsOf(batch: Batch, input: number): Record<string, Column>;
  /** Columns of no rows of these fields (string ones on the union's dictionaries), for a batch that only moves the watermark. */
  emptyColumns(fields: readonly (readonly [string, FieldType])[]): Record<string, Column>;
}

export function createUnionStrings(): UnionStrings {
  const dicts = new Map<string, StringDict>();
  // Per input and field: input code -> union code + 1 (0 = not yet mapped).
  const remaps = new Map<string, Int32Array>();

  function dictOf(name: string): StringDict {
    let dict = dicts.get(name);
    if (dict === undefined) dicts.set(name, (dict = createStringDict()));
    return dict;
  }

  function reencode(input: number, name: string, column: Extract<Column, { type: 'string' }>): Column {
    const dict = dictOf(name);
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

  return {
    dicts,
    remaps,
    outputDicts(fields = []) {
      for (const name of fields) dictOf(name);
      return dicts;
    },
    columnsOf(batch, input) {
      const columns = newColumns();
      for (const [name, column] of Object.entries(batch.columns)) {
        columns[name] = column.type === 'string' ? reencode(input, name, column) : column;
      }
      return columns;
    },
    emptyColumns(fields) {
      const columns = newColumns();
      for (const [name, type] of fields) {
        if (type === 'string') columns[name] = { type: 'string', codes: new Int32Array(0), dict: dictOf(name) };
        else if (type === 'boolean') columns[name] = { type: 'boolean', values: new Uint8Array(0) };
        else columns[name] = { type, values: new Float64Array(0) };
      }
      return columns;
    },
  };
}
