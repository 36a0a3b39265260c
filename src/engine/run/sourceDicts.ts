import type { Column, Field, StringDict } from '../batch';

/** A source's dictionaries by field name: `dicts` holds one per string field, in field order (as the sample generator's). */
export function sourceDicts(fields: readonly Field[], dicts: readonly StringDict[]): ReadonlyMap<string, StringDict> {
  const byName = new Map<string, StringDict>();
  let s = 0;
  for (const f of fields) {
    if (f.type !== 'string') continue;
    const dict = dicts[s++];
    if (dict !== undefined) byName.set(f.name, dict);
  }
  return byName;
}

/** Gives the string columns named in `use` those dictionaries (in place) and returns the columns. */
export function withDicts(columns: Record<string, Column>, use: ReadonlyMap<string, StringDict>): Record<string, Column> {
  for (const [name, dict] of use) {
    const column = Object.hasOwn(columns, name) ? columns[name] : undefined;
    if (column?.type === 'string') columns[name] = { type: 'string', codes: column.codes, dict };
  }
  return columns;
}

/** The dictionaries of the string columns of `columns`, by field name. */
export function columnDicts(columns: Readonly<Record<string, Column>>): ReadonlyMap<string, StringDict> {
  const byName = new Map<string, StringDict>();
  for (const name of Object.keys(columns)) {
    const column = columns[name]!;
    if (column.type === 'string') byName.set(name, column.dict);
  }
  return byName;
}
